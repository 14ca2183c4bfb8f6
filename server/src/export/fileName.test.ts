import { describe, expect, it } from "vitest";
import { fileName, frenchDay, slug } from "./fileName.js";

describe("slug", () => {
  it("drops accents and joins words with hyphens", () => {
    expect(slug("Pays Cévennes")).toBe("pays-cevennes");
    expect(slug("CC Gorges Causses Cévennes")).toBe("cc-gorges-causses-cevennes");
    expect(slug("  Cœur d'Hérault / Lodévois  ")).toBe("coeur-d-herault-lodevois");
    expect(slug("***")).toBe("territoire");
  });
});

describe("fileName", () => {
  const date = new Date("2025-06-30T10:00:00Z");

  it("says territory, view and day", () => {
    expect(fileName("Pays Cévennes", "STRUCTURES", "GEXF", date)).toBe("maillage_pays-cevennes_structures_2025-06-30.gexf");
    expect(fileName("Pays Cévennes", "ACTORS", "GRAPHML", date)).toBe("maillage_pays-cevennes_acteurs_2025-06-30.graphml");
    expect(fileName("Pays Cévennes", "PARTICIPATION", "CYTOSCAPE_JSON", date)).toBe("maillage_pays-cevennes_participation_2025-06-30.cyjs");
    expect(fileName("Pays Cévennes", "STRUCTURES", "CSV_NODES", date)).toBe("maillage_pays-cevennes_structures_2025-06-30_noeuds.csv");
    expect(fileName("Pays Cévennes", "STRUCTURES", "CSV_TIES", date)).toBe("maillage_pays-cevennes_structures_2025-06-30_liens.csv");
  });

  it("dates the file by the French calendar day", () => {
    expect(frenchDay(new Date("2025-06-29T22:30:00Z"))).toBe("2025-06-30");
  });
});
