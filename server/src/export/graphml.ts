import { formatNumber, NODE_ATTRIBUTES, TIE_ATTRIBUTES, type AttributeDefinition, type AttributeType } from "./attributes.js";
import { DEMO_NOTICE, VIEW_LABELS, windowText } from "./labels.js";
import type { ExportGraph } from "./model.js";
import { attributes, xmlText } from "./xml.js";

export const GRAPHML_NAMESPACE = "http://graphml.graphdrawing.org/xmlns";

const GRAPHML_TYPES: Readonly<Record<AttributeType, string>> = { string: "string", integer: "int", double: "double" };

interface Key<T> {
  readonly id: string;
  readonly name: string;
  readonly type: AttributeType;
  readonly value: (item: T) => string | number | null;
}

const keysOf = <T>(prefix: string, definitions: readonly AttributeDefinition<T>[]): Key<T>[] =>
  definitions.map((d) => ({ id: `${prefix}${d.id}`, name: d.title, type: d.type, value: d.value }));

function keyLine<T>(key: Key<T>, domain: "graph" | "node" | "edge"): string {
  return `  <key${attributes({ id: key.id, for: domain, "attr.name": key.name, "attr.type": GRAPHML_TYPES[key.type] })}/>\n`;
}

function dataLines<T>(item: T, keys: readonly Key<T>[], indent: string): string {
  let out = "";
  for (const key of keys) {
    const value = key.value(item);
    if (value === null) continue;
    out += `${indent}<data key="${key.id}">${xmlText(typeof value === "number" ? formatNumber(value, key.type) : value)}</data>\n`;
  }
  return out;
}

/**
 * GraphML with a typed `<key>` for every attribute. `label`, `x`, `y` and `weight` keep the names
 * Gephi recognises; the others carry their French titles. As in GEXF, y is negated for Gephi's
 * upward axis.
 */
export function toGraphml(graph: ExportGraph): string {
  const { metadata } = graph;
  const graphKeys: Key<ExportGraph>[] = [
    { id: "g_territory", name: "Territoire", type: "string", value: (g) => g.metadata.territoryName },
    { id: "g_view", name: "Vue", type: "string", value: (g) => VIEW_LABELS[g.metadata.view] },
    { id: "g_period", name: "Période", type: "string", value: (g) => windowText(g.metadata.window) },
    { id: "g_filters", name: "Filtres", type: "string", value: (g) => g.metadata.filters || "aucun" },
    { id: "g_notice", name: "Avertissement", type: "string", value: (g) => (g.metadata.isDemo ? DEMO_NOTICE : null) },
    { id: "g_generated", name: "Date de génération", type: "string", value: (g) => g.metadata.generatedAt.toISOString() },
  ];
  const nodeKeys: Key<ExportGraph["nodes"][number]>[] = [
    { id: "label", name: "label", type: "string", value: (node) => node.label },
    ...keysOf("n_", NODE_ATTRIBUTES),
    { id: "x", name: "x", type: "double", value: (node) => node.position?.x ?? null },
    { id: "y", name: "y", type: "double", value: (node) => (node.position === null ? null : -node.position.y) },
  ];
  const tieKeys: Key<ExportGraph["ties"][number]>[] = [
    { id: "weight", name: "weight", type: "double", value: (tie) => tie.weight },
    ...keysOf("e_", TIE_ATTRIBUTES),
  ];

  let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
  out += `<graphml xmlns="${GRAPHML_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`;
  out += ` xsi:schemaLocation="${GRAPHML_NAMESPACE} ${GRAPHML_NAMESPACE}/1.0/graphml.xsd">\n`;
  for (const key of graphKeys) out += keyLine(key, "graph");
  for (const key of nodeKeys) out += keyLine(key, "node");
  for (const key of tieKeys) out += keyLine(key, "edge");
  out += `  <graph${attributes({ id: metadata.territoryId, edgedefault: "undirected" })}>\n`;
  out += dataLines(graph, graphKeys, "    ");
  for (const node of graph.nodes) {
    out += `    <node${attributes({ id: node.id })}>\n${dataLines(node, nodeKeys, "      ")}    </node>\n`;
  }
  graph.ties.forEach((tie, index) => {
    out += `    <edge${attributes({ id: `tie:${index}`, source: tie.source, target: tie.target })}>\n${dataLines(tie, tieKeys, "      ")}    </edge>\n`;
  });
  out += "  </graph>\n";
  out += "</graphml>\n";
  return out;
}
