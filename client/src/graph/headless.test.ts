import cytoscape, { type EdgeSingular } from "cytoscape";
import { describe, expect, it, vi } from "vitest";
import { toElements } from "./elements";
import { createNetworkModel, listPartners } from "./model";
import { applyElements, applySelection, MAX_NAMED_PARTNERS } from "./sync";
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
    expect(cy.$(".focus, .neighbour, .named, .faded")).toHaveLength(0);
  });

  it("names only the strongest partners of a hub", () => {
    const { cy } = headless();
    const extra = Array.from({ length: MAX_NAMED_PARTNERS + 5 }, (_, i) => i);
    cy.add(extra.map((i) => ({ group: "nodes" as const, data: { id: `x${i}` } })));
    cy.add(extra.map((i) => ({ group: "edges" as const, data: { id: `e${i}`, source: "s-college", target: `x${i}`, weight: i + 1 } })));
    applySelection(cy, "s-college");
    expect(cy.nodes(".neighbour")).toHaveLength(MAX_NAMED_PARTNERS + 6);
    expect(cy.nodes(".named")).toHaveLength(MAX_NAMED_PARTNERS);
    expect(cy.getElementById("x0").hasClass("named")).toBe(false);
    expect(cy.getElementById(`x${MAX_NAMED_PARTNERS + 4}`).hasClass("named")).toBe(true);
  });

  it("looks through no element to clear a canvas that shows no selection", () => {
    const { cy } = headless();
    const elements = vi.spyOn(cy, "elements");
    applySelection(cy, null);
    expect(elements).not.toHaveBeenCalled();
    applySelection(cy, "s-college");
    applySelection(cy, "unknown-node");
    expect(cy.$(".faded")).toHaveLength(0);
    elements.mockClear();
    applySelection(cy, null);
    expect(elements).not.toHaveBeenCalled();
  });

  it("keeps the highlight when the same elements are applied again", () => {
    const { cy, model } = headless();
    applySelection(cy, "s-college");
    applyElements(cy, toElements(model));
    expect(cy.$(".focus").map((e) => e.id())).toEqual(["s-college"]);
  });
});
