import { requestGraphQL, type RequestOptions } from "./graphql";
import { toFilterInput, windowInput, type NetworkQueryFilter, type TimeWindow } from "./network";
import { record, string } from "./parse";

/** Which network to export (the map view exports the structures network). */
export type ExportView = "structures" | "actors" | "participation";

/** File formats of the data exports: Gephi, yEd and friends, spreadsheets, Cytoscape desktop. */
export const EXPORT_FORMATS = ["gexf", "graphml", "csv-nodes", "csv-ties", "cytoscape-json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A node as placed on screen, in the canvas' model coordinates. */
export interface NodePosition {
  id: string;
  x: number;
  y: number;
}

export interface ExportRequest {
  territoryId: string;
  view: ExportView;
  format: ExportFormat;
  window: TimeWindow;
  /** The part of the page's filters the API applies, as `toQueryFilter` gives it. */
  filter: NetworkQueryFilter;
  /**
   * The nodes on screen (after the page's own filters and focus) with their positions: the export
   * then holds exactly these nodes and the ties among them. Null exports the whole filtered network.
   */
  positions?: readonly NodePosition[] | null;
}

export interface ExportFile {
  /** e.g. `maillage_pays-cevennes_structures_2025-06-30.gexf`. */
  fileName: string;
  mediaType: string;
  /** The file's text (CSV files start with a byte-order mark). */
  content: string;
}

const VIEW_INPUT: Readonly<Record<ExportView, string>> = { structures: "STRUCTURES", actors: "ACTORS", participation: "PARTICIPATION" };

const FORMAT_INPUT: Readonly<Record<ExportFormat, string>> = {
  gexf: "GEXF",
  graphml: "GRAPHML",
  "csv-nodes": "CSV_NODES",
  "csv-ties": "CSV_TIES",
  "cytoscape-json": "CYTOSCAPE_JSON",
};

export const GET_NETWORK_EXPORT = /* GraphQL */ `
  query GetNetworkExport(
    $territoryId: ID!
    $view: ExportView!
    $format: ExportFormat!
    $window: WindowInput
    $filter: NetworkFilterInput
    $positions: [NodePositionInput!]
  ) {
    networkExport(territoryId: $territoryId, view: $view, format: $format, window: $window, filter: $filter, positions: $positions) {
      fileName
      mediaType
      content
    }
  }
`;

export function exportVariables(request: ExportRequest): Record<string, unknown> {
  return {
    territoryId: request.territoryId,
    view: VIEW_INPUT[request.view],
    format: FORMAT_INPUT[request.format],
    window: windowInput(request.window),
    filter: toFilterInput(request.filter),
    positions: request.positions ? request.positions.map(({ id, x, y }) => ({ id, x, y })) : null,
  };
}

export function parseExportFile(data: unknown): ExportFile {
  const file = record(record(data, "data").networkExport, "networkExport");
  return {
    fileName: string(file.fileName, "networkExport.fileName"),
    mediaType: string(file.mediaType, "networkExport.mediaType"),
    content: string(file.content, "networkExport.content"),
  };
}

/** One export file of the network as the server builds it (same scoping and pseudonyms as the page). */
export async function fetchNetworkExport(request: ExportRequest, options?: RequestOptions): Promise<ExportFile> {
  return parseExportFile(await requestGraphQL(GET_NETWORK_EXPORT, exportVariables(request), options));
}
