import { describe, expect, it } from "vitest";
import { sampleNetwork } from "../../graph/testNetwork";
import { normalise, searchAll, searchNodes, type SearchEntry } from "./match";

const nodes = sampleNetwork().nodes;
const names = (query: string, limit?: number) => searchNodes(nodes, query, limit).map((r) => r.node.name);

describe("normalise", () => {
  it("drops accents and case with NFD normalisation", () => {
    expect(normalise("Alès")).toBe("ales");
    expect(normalise("ÉCOLE Élémentaire")).toBe("ecole elementaire");
    expect(normalise("Cèze")).toBe(normalise("ceze"));
  });

  it("treats hyphens, apostrophes and spaces alike", () => {
    expect(normalise("Saint-Christol-lez-Alès")).toBe("saint christol lez ales");
    expect(normalise("Centre hospitalier d’Alès")).toBe("centre hospitalier d ales");
  });

  it("handles precomposed and decomposed input the same way", () => {
    expect(normalise("Ale\u0300s")).toBe(normalise("Al\u00e8s"));
  });
});

describe("searchNodes", () => {
  it("finds 'Alès' when typing 'ales', names before communes", () => {
    const results = searchNodes(nodes, "ales");
    expect(results.map((r) => r.node.id).slice(0, 3)).toEqual(["s-ch-ales", "s-ccas-ales", "s-mairie-st-christol"]);
    expect(results.find((r) => r.node.id === "s-prev-jeunes")?.field).toBe("commune");
  });

  it("is case-insensitive and accent-insensitive in both directions", () => {
    expect(names("CÈDRES")).toEqual(["EHPAD Les Cèdres"]);
    expect(names("genolhac")).toEqual(["EHPAD Les Cèdres"]);
  });

  it("ranks the start of the name first", () => {
    expect(names("c")[0]).toBe("Centre hospitalier d'Alès");
  });

  it("returns nothing for an empty query or no match, and respects the limit", () => {
    expect(names("   ")).toEqual([]);
    expect(names("zzz")).toEqual([]);
    expect(names("a", 2)).toHaveLength(2);
  });
});

describe("searchAll", () => {
  const entries: SearchEntry[] = [
    { id: "30243", kind: "COMMUNE", name: "Saint-Christol-lez-Alès" },
    { id: "30007", kind: "COMMUNE", name: "Alès" },
    { id: "wg-1", kind: "WORK_GROUP", name: "Maisons de santé du Pays" },
    // Drawn as a node in the two-mode view: found as the node only.
    { id: "s-ehpad", kind: "WORK_GROUP", name: "EHPAD Les Cèdres" },
  ];
  const listed = (query: string, limits?: { nodes: number; entries: number }) =>
    searchAll(nodes, entries, query, limits).map((hit) => (hit.type === "node" ? `${hit.node.id} (${hit.field})` : `${hit.entry.kind} ${hit.entry.id}`));

  it("puts the commune named what was typed first, then names that hold it, then what is located there", () => {
    expect(listed("ales")).toEqual([
      "COMMUNE 30007",
      "s-ch-ales (name)",
      "s-ccas-ales (name)",
      "s-mairie-st-christol (name)",
      "COMMUNE 30243",
      "s-prev-jeunes (commune)",
      "s-college (commune)",
    ]);
  });

  it("keeps nodes first on an equal match, finds a drawn work group once, and keeps each kind's limit", () => {
    expect(listed("maison")).toEqual(["s-msp-st-ambroix (name)", "WORK_GROUP wg-1"]);
    expect(listed("maisons")).toEqual(["WORK_GROUP wg-1"]);
    expect(listed("cedres")).toEqual(["s-ehpad (name)"]);
    expect(listed("ales", { nodes: 1, entries: 1 })).toEqual(["COMMUNE 30007", "s-ch-ales (name)"]);
    expect(listed(" ")).toEqual([]);
  });
});
