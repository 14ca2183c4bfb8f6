import { NODE_ATTRIBUTES, TIE_ATTRIBUTES, type AttributeDefinition } from "./attributes.js";
import { DEMO_NOTICE, describe, VIEW_LABELS, windowText } from "./labels.js";
import type { ExportGraph } from "./model.js";

function dataOf<T>(item: T, definitions: readonly AttributeDefinition<T>[]): Record<string, string | number> {
  const data: Record<string, string | number> = {};
  for (const definition of definitions) {
    const value = definition.value(item);
    if (value !== null) data[definition.id] = value;
  }
  return data;
}

/**
 * Cytoscape JSON (`cy.json()`'s shape, which Cytoscape desktop imports): `data.name` is the label
 * Cytoscape shows; positions stay in screen coordinates, the convention of both Cytoscapes.
 */
export function toCytoscapeJson(graph: ExportGraph, cytoscapeVersion: string): string {
  const { metadata } = graph;
  const document = {
    format_version: "1.0",
    generated_by: "Maillage",
    target_cytoscapejs_version: `~${cytoscapeVersion}`,
    data: {
      name: `${metadata.territoryName} – ${VIEW_LABELS[metadata.view]}`,
      description: describe(metadata),
      territoryId: metadata.territoryId,
      territory: metadata.territoryName,
      view: VIEW_LABELS[metadata.view],
      period: windowText(metadata.window),
      filters: metadata.filters,
      ...(metadata.isDemo ? { notice: DEMO_NOTICE } : {}),
      isDemo: metadata.isDemo,
      generatedAt: metadata.generatedAt.toISOString(),
    },
    elements: {
      nodes: graph.nodes.map((node) => ({
        data: { id: node.id, name: node.label, ...dataOf(node, NODE_ATTRIBUTES) },
        ...(node.position === null ? {} : { position: { x: node.position.x, y: node.position.y } }),
      })),
      edges: graph.ties.map((tie, index) => ({
        data: { id: `tie:${index}`, source: tie.source, target: tie.target, weight: tie.weight, ...dataOf(tie, TIE_ATTRIBUTES) },
      })),
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
