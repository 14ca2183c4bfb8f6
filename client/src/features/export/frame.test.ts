import { describe, expect, it } from "vitest";
import { buildFrame, legendSections } from "./frame";
import { testFrameInput, testNode } from "./testScene";

describe("buildFrame", () => {
  it("titles the territory and view, states period and filters, dates the source", () => {
    const frame = buildFrame(testFrameInput());
    expect(frame.title).toBe("Pays Cévennes — Structures");
    expect(frame.subtitle).toBe("CLS 3 · du 27/06/2019 au 31/12/2025 · Liens : au moins 20 groupes ou événements en commun · Axe : Santé mentale");
    expect(frame.source).toBe("Source : Maillage — 1 décembre 2026");
    expect(frame.demo).toBe("Données fictives");
  });

  it("says when nothing is filtered, and names the focus", () => {
    const frame = buildFrame(testFrameInput({ filterLabels: [], focusText: "Focus : CH Alès (2 niveaux)", isDemo: false }));
    expect(frame.subtitle).toBe("CLS 3 · du 27/06/2019 au 31/12/2025 · Focus : CH Alès (2 niveaux) · Aucun filtre");
    expect(frame.demo).toBeNull();
  });
});

describe("legendSections", () => {
  const base = testFrameInput().legend;

  it("lists drawn categories with their counts, hidden and empty ones left out", () => {
    const [sectors] = legendSections({ ...base, hiddenCategories: ["SOCIAL"] });
    expect(sectors?.rows.map((r) => [r.label, r.count])).toEqual([["Soin", "2"], ["Institution", "1"]]);
    expect(sectors?.rows[1]?.symbol).toMatchObject({ kind: "node", shape: "diamond" });
  });

  it("adds communities, ramp, comparison, path and coverage when drawn", () => {
    const nodes = [{ ...testNode("a", "CARE"), metrics: { degree: 1, weightedDegree: 1, betweenness: 0, closeness: 0, community: 0 } }];
    const titles = (input: Parameters<typeof legendSections>[0]) => legendSections(input).map((s) => s.title);
    expect(titles({ ...base, nodes, colourBy: "community" })).toEqual([null, "Communautés (Louvain)"]);
    expect(legendSections({ ...base, nodes, colourBy: "community" })[0]?.rows[0]?.symbol).toMatchObject({ fill: "#FFFFFF" });
    expect(titles({ ...base, colourBy: "degree" })[1]).toContain("Degré");
    expect(legendSections({ ...base, isComparing: true })[1]?.rows).toHaveLength(4);
    expect(legendSections({ ...base, hasPath: true })[1]?.rows[0]?.label).toBe("Chemin le plus court");
    const coverage = { title: "Structures par commune", rows: [{ key: "zero", label: "Aucune structure (zone blanche)", fill: "#FFFFFF", textColour: "#000000", isZoneBlanche: true }] };
    expect(legendSections({ ...base, coverage })[1]?.rows[0]?.symbol).toMatchObject({ kind: "area", hatch: "#6B7280" });
  });
});
