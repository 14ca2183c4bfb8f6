/**
 * The neutral model every export format is written from: what one network view holds (nodes with
 * their descriptive attributes, measures and positions, ties) and where it comes from. Values are
 * already what the viewer may see: actor labels are pseudonyms for analysts.
 */

/** Which network: organisations, people, or people in work groups (two-mode). */
export type ExportView = "STRUCTURES" | "ACTORS" | "PARTICIPATION";

export type ExportFormat = "GEXF" | "GRAPHML" | "CSV_NODES" | "CSV_TIES" | "CYTOSCAPE_JSON";

export const EXPORT_FORMATS: readonly ExportFormat[] = ["GEXF", "GRAPHML", "CSV_NODES", "CSV_TIES", "CYTOSCAPE_JSON"];

export type ExportNodeKind = "STRUCTURE" | "INSTITUTION" | "ACTOR" | "WORK_GROUP";

/** Measures of a node on the network of the request; the two-mode view has degrees only. */
export interface ExportNodeMetrics {
  readonly degree: number;
  readonly weightedDegree: number;
  readonly betweenness: number | null;
  readonly closeness: number | null;
  readonly community: number | null;
}

/** Where the node was drawn, in the canvas' coordinates (x to the right, y downwards). */
export interface ExportPosition {
  readonly x: number;
  readonly y: number;
}

export interface ExportNode {
  readonly id: string;
  /** Organisation or work-group name, the actor's name, or a pseudonym. */
  readonly label: string;
  readonly kind: ExportNodeKind;
  /** Kind of organisation in French, an actor's profession, a work group's kind. */
  readonly type: string | null;
  /** Category of an actor (`PROFESSIONAL`...). */
  readonly category: string | null;
  /** Sector of a structure, or of an actor's first structure (`CARE`...). */
  readonly sector: string | null;
  readonly communeCode: string | null;
  readonly communeName: string | null;
  readonly epciCode: string | null;
  readonly epciName: string | null;
  readonly metrics: ExportNodeMetrics | null;
  readonly position: ExportPosition | null;
}

export interface ExportTie {
  readonly source: string;
  readonly target: string;
  readonly weight: number;
  /** Shared work groups behind the tie; null when not known (two-mode view). */
  readonly throughWorkGroups: number | null;
  /** Shared events behind the tie; null when not known. */
  readonly throughEvents: number | null;
  /** Two-mode view: the actor's role in the work group (`PILOT`...). */
  readonly role: string | null;
}

export interface ExportMetadata {
  readonly territoryId: string;
  readonly territoryName: string;
  readonly view: ExportView;
  /** ISO dates; null bounds are open. */
  readonly window: { readonly from: string | null; readonly to: string | null };
  /** The filters applied, in French (empty when none). */
  readonly filters: string;
  /** Fictitious demonstration data: every format says so. */
  readonly isDemo: boolean;
  readonly generatedAt: Date;
}

export interface ExportGraph {
  readonly metadata: ExportMetadata;
  readonly nodes: readonly ExportNode[];
  readonly ties: readonly ExportTie[];
}

/** One file, ready to download. */
export interface ExportFile {
  readonly fileName: string;
  readonly mediaType: string;
  readonly content: string;
}
