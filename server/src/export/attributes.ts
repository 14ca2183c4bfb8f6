import { categoryLabel, KIND_LABELS, roleLabel, sectorLabel } from "./labels.js";
import type { ExportNode, ExportTie } from "./model.js";

export type AttributeType = "string" | "integer" | "double";

/** A column of the node or tie table, declared once for every format. */
export interface AttributeDefinition<T> {
  /** Stable key in files (GEXF attribute id, GraphML key, Cytoscape data field). */
  readonly id: string;
  /** What people read: GEXF title, GraphML attr.name, CSV header. */
  readonly title: string;
  readonly type: AttributeType;
  /** The value, or null when it does not apply (left out, or an empty cell). */
  readonly value: (item: T) => string | number | null;
}

export const NODE_ATTRIBUTES: readonly AttributeDefinition<ExportNode>[] = [
  { id: "kind", title: "Type", type: "string", value: (node) => KIND_LABELS[node.kind] },
  { id: "nature", title: "Nature ou profession", type: "string", value: (node) => node.type },
  { id: "category", title: "Catégorie", type: "string", value: (node) => categoryLabel(node.category) },
  { id: "sector", title: "Secteur", type: "string", value: (node) => sectorLabel(node.sector) },
  { id: "commune", title: "Commune", type: "string", value: (node) => node.communeName },
  { id: "communeCode", title: "Code commune", type: "string", value: (node) => node.communeCode },
  { id: "epci", title: "EPCI", type: "string", value: (node) => node.epciName },
  { id: "epciCode", title: "Code EPCI", type: "string", value: (node) => node.epciCode },
  { id: "degree", title: "Degré", type: "integer", value: (node) => node.metrics?.degree ?? null },
  { id: "weightedDegree", title: "Degré pondéré", type: "double", value: (node) => node.metrics?.weightedDegree ?? null },
  { id: "betweenness", title: "Intermédiarité", type: "double", value: (node) => node.metrics?.betweenness ?? null },
  { id: "closeness", title: "Proximité", type: "double", value: (node) => node.metrics?.closeness ?? null },
  { id: "community", title: "Communauté", type: "integer", value: (node) => node.metrics?.community ?? null },
];

export const TIE_ATTRIBUTES: readonly AttributeDefinition<ExportTie>[] = [
  { id: "throughWorkGroups", title: "Groupes de travail partagés", type: "double", value: (tie) => tie.throughWorkGroups },
  { id: "throughEvents", title: "Événements partagés", type: "double", value: (tie) => tie.throughEvents },
  { id: "role", title: "Rôle", type: "string", value: (tie) => roleLabel(tie.role) },
];

/**
 * Numbers as files write them: integers as they are, others in plain decimal notation (no
 * exponent, which spreadsheets and some parsers misread) with at most 8 decimals.
 */
export function formatNumber(value: number, type: AttributeType): string {
  if (!Number.isFinite(value)) return "0";
  if (type === "integer" || Number.isInteger(value)) return String(Math.round(value));
  const fixed = value.toFixed(8).replace(/\.?0+$/, "");
  return fixed === "-0" ? "0" : fixed;
}
