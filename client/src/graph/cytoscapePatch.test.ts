import cytoscape, { type Core, type ElementDefinition } from "cytoscape";
import { describe, expect, it } from "vitest";
import { addToEmpty, patchCytoscape } from "./cytoscapePatch";

type Internals = { _private: { styleCache: unknown } };
const cacheOf = (cy: Core, id: string) => (cy.getElementById(id) as unknown as Internals)._private.styleCache;

function graph(elements: ElementDefinition[]): Core {
  patchCytoscape();
  return cytoscape({ headless: true, styleEnabled: true, elements, style: [{ selector: "node", style: { width: "data(size)", height: "data(size)" } }] });
}

const ties: ElementDefinition[] = [
  { group: "nodes", data: { id: "a", size: 10 } },
  { group: "nodes", data: { id: "b", size: 10 } },
  { group: "nodes", data: { id: "c", size: 10 } },
  { group: "edges", data: { id: "ab", source: "a", target: "b" } },
  { group: "edges", data: { id: "bc", source: "b", target: "c" } },
];

describe("patchCytoscape", () => {
  it("forgets the cached style of a node and of its ties only", () => {
    const cy = graph(ties);
    for (const id of ["a", "b", "c", "ab", "bc"]) (cy.getElementById(id) as unknown as Internals)._private.styleCache = { stale: true };
    (cy.getElementById("a") as unknown as { dirtyStyleCache(): void }).dirtyStyleCache();
    expect([cacheOf(cy, "a"), cacheOf(cy, "ab")]).toEqual([null, null]);
    expect([cacheOf(cy, "b"), cacheOf(cy, "c"), cacheOf(cy, "bc")]).toEqual([{ stale: true }, { stale: true }, { stale: true }]);
    cy.destroy();
  });

  it("does so without building a collection of the ties (the cost it removes)", () => {
    const cy = graph(ties);
    const prototype = Object.getPrototypeOf(cy.collection()) as { connectedEdges: (...args: unknown[]) => unknown };
    const original = prototype.connectedEdges;
    let calls = 0;
    prototype.connectedEdges = function (this: unknown, ...args: unknown[]) {
      calls += 1;
      return original.apply(this, args);
    };
    try {
      (cy.getElementById("b") as unknown as { dirtyStyleCache(): void }).dirtyStyleCache();
    } finally {
      prototype.connectedEdges = original;
    }
    expect(calls).toBe(0);
    expect([cacheOf(cy, "ab"), cacheOf(cy, "bc")]).toEqual([null, null]);
    cy.destroy();
  });

  it("keeps style values right when data changes (what the caches are for)", () => {
    const cy = graph(ties);
    const a = cy.getElementById("a");
    expect(a.width()).toBe(10);
    a.data("size", 40);
    expect(a.width()).toBe(40);
    expect(cy.getElementById("b").width()).toBe(10);
    cy.destroy();
  });

  it("leaves compound graphs to Cytoscape's own code, which also forgets the parents", () => {
    const cy = graph([{ group: "nodes", data: { id: "p" } }, ...ties.map((e) => (e.data.id === "a" ? { ...e, data: { ...e.data, parent: "p" } } : e))]);
    for (const id of ["p", "a", "ab"]) (cy.getElementById(id) as unknown as Internals)._private.styleCache = { stale: true };
    (cy.getElementById("a") as unknown as { dirtyStyleCache(): void }).dirtyStyleCache();
    expect([cacheOf(cy, "p"), cacheOf(cy, "a"), cacheOf(cy, "ab")]).toEqual([null, null, null]);
    cy.destroy();
  });

  it("announces no bounds while new elements get their first style, and still does for later changes", () => {
    patchCytoscape();
    const cy = cytoscape({ headless: true, styleEnabled: true, style: [{ selector: "node", style: { width: "data(size)", height: "data(size)", "border-width": 2 } }] });
    cy.add([
      { group: "nodes", data: { id: "a", size: 10 }, position: { x: 0, y: 0 } },
      { group: "nodes", data: { id: "b", size: 10 }, position: { x: 100, y: 0 } },
      { group: "edges", data: { id: "ab", source: "a", target: "b" } },
    ]);
    let bounds = 0;
    cy.on("bounds", () => {
      bounds += 1;
    });
    // Reading a style value applies the stylesheet (Cytoscape announced a dozen bounds here).
    cy.elements().forEach((ele) => void ele.style("width"));
    expect(bounds).toBe(0);
    const a = cy.getElementById("a");
    expect(a.boundingBox().w).toBe(14);
    bounds = 0;
    a.data("size", 40);
    void a.style("width");
    expect(bounds).toBeGreaterThan(0);
    expect(a.boundingBox().w).toBe(44);
    expect(cy.getElementById("ab").boundingBox().w).toBeGreaterThan(100);
    cy.destroy();
  });

  it("adds to an empty graph what Cytoscape's add gives, without announcing bounds", () => {
    patchCytoscape();
    const cy = cytoscape({ headless: true, styleEnabled: true });
    let bounds = 0;
    cy.on("bounds", () => {
      bounds += 1;
    });
    addToEmpty(cy, [
      ...ties,
      { group: "edges", data: { id: "ba", source: "b", target: "a" } },
    ]);
    expect(bounds).toBe(0);
    expect(cy.nodes()).toHaveLength(3);
    expect(cy.getElementById("ab").parallelEdges().map((e) => e.id()).sort()).toEqual(["ab", "ba"]);
    const a = cy.getElementById("a");
    expect(a.connectedEdges().map((e) => e.id()).sort()).toEqual(["ab", "ba"]);
    // Adding to a graph that has elements is Cytoscape's own add: caches forgotten, bounds announced.
    addToEmpty(cy, [{ group: "edges", data: { id: "ca", source: "c", target: "a" } }]);
    expect(bounds).toBeGreaterThan(0);
    expect(a.connectedEdges().map((e) => e.id()).sort()).toEqual(["ab", "ba", "ca"]);
    expect(cy.getElementById("ab").parallelEdges()).toHaveLength(2);
    cy.destroy();
  });
});
