import { describe, expect, it } from "vitest";
import { sampleNetwork } from "../../graph/testNetwork";
import { normalise, searchNodes } from "./match";

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
