// Data exports of a network view: pure serialisers of the neutral model, no database or API import.
import { toNodesCsv, toTiesCsv } from "./csv.js";
import { toCytoscapeJson } from "./cytoscape.js";
import { fileName } from "./fileName.js";
import { toGexf } from "./gexf.js";
import { toGraphml } from "./graphml.js";
import type { ExportFile, ExportFormat, ExportGraph } from "./model.js";

export type * from "./model.js";
export { EXPORT_FORMATS } from "./model.js";
export { fileName, frenchDay, slug } from "./fileName.js";
export { filtersText, type FilterDescription } from "./filtersText.js";
export { workGroupKindLabel } from "./labels.js";

/** The Cytoscape.js line the page draws with (package.json): what Cytoscape JSON targets. */
const CYTOSCAPE_VERSION = "3.34";

const MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = {
  GEXF: "application/gexf+xml",
  GRAPHML: "application/graphml+xml",
  CSV_NODES: "text/csv;charset=utf-8",
  CSV_TIES: "text/csv;charset=utf-8",
  CYTOSCAPE_JSON: "application/json",
};

function content(graph: ExportGraph, format: ExportFormat): string {
  switch (format) {
    case "GEXF":
      return toGexf(graph);
    case "GRAPHML":
      return toGraphml(graph);
    case "CSV_NODES":
      return toNodesCsv(graph);
    case "CSV_TIES":
      return toTiesCsv(graph);
    case "CYTOSCAPE_JSON":
      return toCytoscapeJson(graph, CYTOSCAPE_VERSION);
  }
}

/** One file of the graph in the format asked for, named after its territory, view and day. */
export function exportFile(graph: ExportGraph, format: ExportFormat): ExportFile {
  const { metadata } = graph;
  return {
    fileName: fileName(metadata.territoryName, metadata.view, format, metadata.generatedAt),
    mediaType: MEDIA_TYPES[format],
    content: content(graph, format),
  };
}
