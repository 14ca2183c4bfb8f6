import cytoscape, { type EdgeSingular } from "cytoscape";
import { describe, expect, it } from "vitest";
import { toElements } from "./elements";
import { createNetworkModel, listPartners } from "./model";
import { applyElements, applySelection } from "./sync";
import { sampleNetwork } from "./testNetwork";

function headless() {
  const model = createNetworkModel(sampleNetwork());
  const cy = cytoscape({ headless: true, styleEnabled: false, elements: toElements(model) });
  return { model, cy };
}

describe("headless Cytoscape built from the mapped elements", () => {
  it("holds every node and every tie", () => {
    const { cy } = headless();
    expect(cy.nodes()).toHaveLength(9);
    expect(cy.edges()).toHaveLength(10);
    expect(cy.getElementById("s-ehpad").degree(false)).toBe(0);
  });

  it("lists partners strongest first, ties broken by name, as the graph's neighbourhood says", () => {
    const { model, cy } = headless();
    expect(listPartners(model, "s-ch-ales").map((p) => [p.node.id, p.weight])).toEqual([
      ["s-msp-st-ambroix", 5],
      ["i-ars", 4],
      ["s-ccas-ales", 3],
      ["s-prev-jeunes", 2],
      ["i-cpam", 1],
    ]);
    for (const node of cy.nodes()) {
      const fromGraph = node
        .connectedEdges()
        .map((edge: EdgeSingular) => ({ id: edge.connectedNodes().difference(node).id(), weight: edge.data("weight") as number }))
        .sort((a, b) => b.weight - a.weight);
      const partners = listPartners(model, node.id());
      expect(partners.map((p) => p.weight)).toEqual(fromGraph.map((n) => n.weight));
      expect(new Set(partners.map((p) => p.node.id))).toEqual(new Set(fromGraph.map((n) => n.id)));
    }
  });

  it("has no partner for an isolated node", () => {
    const { model } = headless();
    expect(listPartners(model, "s-ehpad")).toEqual([]);
    expect(listPartners(model, "unknown")).toEqual([]);
  });
});

describe("applyElements", () => {
  it("adds, keeps and removes elements to match the store, and says whether the graph changed", () => {
    const { model, cy } = headless();
    const elements = toElements(model);
    expect(applyElements(cy, elements)).toBe(false);

    const withoutCpam = elements.filter((e) => e.data.id !== "i-cpam" && e.data.source !== "i-cpam" && e.data.target !== "i-cpam");
    expect(applyElements(cy, withoutCpam)).toBe(true);
    expect(cy.nodes()).toHaveLength(8);
    expect(cy.edges()).toHaveLength(9);

    expect(applyElements(cy, elements)).toBe(true);
    expect(cy.nodes()).toHaveLength(9);
  });
});

describe("applySelection", () => {
  it("marks the selected node, its partners and their ties, and fades the rest", () => {
    const { cy } = headless();
    applySelection(cy, "s-college");
    expect(cy.$(".focus").map((e) => e.id())).toEqual(["s-college"]);
    expect(cy.nodes(".neighbour").map((e) => e.id())).toEqual(["s-prev-jeunes"]);
    expect(cy.edges(".neighbour")).toHaveLength(1);
    expect(cy.nodes(".faded")).toHaveLength(7);

    applySelection(cy, null);
    expect(cy.$(".focus, .neighbour, .faded")).toHaveLength(0);
  });
});
