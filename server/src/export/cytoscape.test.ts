import cytoscape from "cytoscape";
import { describe, expect, it } from "vitest";
import { toCytoscapeJson } from "./cytoscape.js";
import { TEST_GRAPH, TRICKY_NAME } from "./testGraph.js";

const json: unknown = JSON.parse(toCytoscapeJson(TEST_GRAPH, "3.34"));

describe("toCytoscapeJson", () => {
  it("has the envelope Cytoscape desktop reads", () => {
    expect(json).toMatchObject({
      format_version: "1.0",
      generated_by: "Maillage",
      target_cytoscapejs_version: "~3.34",
      data: { territory: "Pays Cévennes", isDemo: true, notice: "Données fictives" },
    });
  });

  it("loads into Cytoscape.js with the same nodes, ties, attributes and screen positions", () => {
    const elements = (json as { elements: cytoscape.ElementsDefinition }).elements;
    const cy = cytoscape({ headless: true, elements, layout: { name: "preset" } });
    expect(cy.nodes().map((n) => n.id()).sort()).toEqual(TEST_GRAPH.nodes.map((n) => n.id).sort());
    const first = cy.getElementById("s-1");
    expect(first.data()).toMatchObject({ name: TRICKY_NAME, kind: "Structure", sector: "Médico-social", degree: 2, betweenness: 0.123456789 });
    expect(first.position()).toEqual({ x: 12.5, y: -40.25 });
    expect(cy.edges().map((e) => `${e.source().id()}|${e.target().id()}|${e.data("weight")}|${e.data("throughEvents")}`)).toEqual([
      "i-ars|s-1|2|0",
      "s-1|s-2|3|2",
    ]);
    cy.destroy();
  });
});
