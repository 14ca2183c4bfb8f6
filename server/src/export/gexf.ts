import { formatNumber, NODE_ATTRIBUTES, TIE_ATTRIBUTES, type AttributeDefinition, type AttributeType } from "./attributes.js";
import { frenchDay } from "./fileName.js";
import { DEMO_NOTICE, describe } from "./labels.js";
import type { ExportGraph } from "./model.js";
import { attributes, xmlText } from "./xml.js";

export const GEXF_NAMESPACE = "http://gexf.net/1.3";

const GEXF_TYPES: Readonly<Record<AttributeType, string>> = { string: "string", integer: "integer", double: "double" };

function declarations<T>(kind: "node" | "edge", definitions: readonly AttributeDefinition<T>[]): string {
  const lines = definitions.map((d) => `      <attribute${attributes({ id: d.id, title: d.title, type: GEXF_TYPES[d.type] })}/>`);
  return `    <attributes class="${kind}">\n${lines.join("\n")}\n    </attributes>\n`;
}

function attvalues<T>(item: T, definitions: readonly AttributeDefinition<T>[], indent: string): string {
  const values: string[] = [];
  for (const definition of definitions) {
    const value = definition.value(item);
    if (value === null) continue;
    const text = typeof value === "number" ? formatNumber(value, definition.type) : value;
    values.push(`${indent}  <attvalue${attributes({ for: definition.id, value: text })}/>`);
  }
  return values.length === 0 ? "" : `${indent}<attvalues>\n${values.join("\n")}\n${indent}</attvalues>\n`;
}

/**
 * GEXF 1.3 (Gephi). Ties are undirected with their weight; node positions, when known, go in
 * `viz:position`. The official 1.3 XSD declares `position` in the core namespace (its viz.xsd has
 * no target namespace), so the `viz` prefix is bound to the core namespace: the file validates,
 * and Gephi and graphology, which match on the element's name, read the positions. Gephi's y axis
 * points up, the screen's down: y is negated so that Gephi shows the picture as it was on screen.
 */
export function toGexf(graph: ExportGraph): string {
  const { metadata } = graph;
  const keywords = ["Maillage", "Contrat local de santé", metadata.territoryName, ...(metadata.isDemo ? [DEMO_NOTICE] : [])].join(", ");
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
  out += `<gexf xmlns="${GEXF_NAMESPACE}" xmlns:viz="${GEXF_NAMESPACE}" version="1.3">\n`;
  out += `  <meta lastmodifieddate="${frenchDay(metadata.generatedAt)}">\n`;
  out += "    <creator>Maillage</creator>\n";
  out += `    <keywords>${xmlText(keywords)}</keywords>\n`;
  out += `    <description>${xmlText(describe(metadata))}</description>\n`;
  out += "  </meta>\n";
  out += '  <graph mode="static" defaultedgetype="undirected">\n';
  out += declarations("node", NODE_ATTRIBUTES);
  out += declarations("edge", TIE_ATTRIBUTES);
  out += `    <nodes count="${graph.nodes.length}">\n`;
  for (const node of graph.nodes) {
    out += `      <node${attributes({ id: node.id, label: node.label })}>\n`;
    out += attvalues(node, NODE_ATTRIBUTES, "        ");
    if (node.position !== null) {
      const x = formatNumber(node.position.x, "double");
      const y = formatNumber(-node.position.y, "double");
      out += `        <viz:position x="${x}" y="${y}" z="0"/>\n`;
    }
    out += "      </node>\n";
  }
  out += "    </nodes>\n";
  out += `    <edges count="${graph.ties.length}">\n`;
  graph.ties.forEach((tie, index) => {
    const head = `      <edge${attributes({ id: String(index), source: tie.source, target: tie.target, weight: formatNumber(tie.weight, "double") })}`;
    const values = attvalues(tie, TIE_ATTRIBUTES, "        ");
    out += values === "" ? `${head}/>\n` : `${head}>\n${values}      </edge>\n`;
  });
  out += "    </edges>\n";
  out += "  </graph>\n";
  out += "</gexf>\n";
  return out;
}
