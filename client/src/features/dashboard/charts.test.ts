import { describe, expect, it } from "vitest";
import type { DashboardCoverage } from "../../api/dashboard";
import { axesChart, coverageHeatmap } from "./charts";

const coverage: DashboardCoverage = {
  axes: [{ id: "a1", name: "Nutrition" }, { id: "a2", name: "Addictions" }],
  communes: [
    { code: "c1", name: "Bagard", population: 2000, epciCode: "e1" },
    { code: "c2", name: "Alès", population: 40000, epciCode: "e1" },
    { code: "c3", name: "Barjac", population: 1600, epciCode: "e2" },
    { code: "c4", name: "Ailleurs", population: 10, epciCode: "e9" },
  ],
  cells: [
    { communeCode: "c1", axisId: "a1", workingStructures: 1, attendingStructures: 0 },
    { communeCode: "c2", axisId: "a1", workingStructures: 5, attendingStructures: 0 },
    { communeCode: "c2", axisId: "a2", workingStructures: 7, attendingStructures: 1 },
  ],
  coverageShare: 0.375,
};
const context = { period: "2025", source: "Source" };
const epcis = [{ code: "e1", name: "CA Alès" }, { code: "e2", name: "CC Cèze" }];

describe("coverageHeatmap", () => {
  it("groups communes by EPCI in the territory's order, largest first, zero where nobody works", () => {
    const chart = coverageHeatmap(coverage, epcis, "population", context);
    expect(chart.groups.map((g) => [g.label, g.rows.map((r) => r.key)])).toEqual([["CA Alès", ["c2", "c1"]], ["CC Cèze", ["c3"]], ["Autre intercommunalité", ["c4"]]]);
    expect(chart.groups[0]?.rows.map((r) => r.values)).toEqual([[5, 7], [1, 0]]);
    expect(coverageHeatmap(coverage, epcis, "name", context).groups[0]?.rows.map((r) => r.label)).toEqual(["Alès", "Bagard"]);
  });
});

describe("axesChart", () => {
  it("adds the communes' structures per axis, most first", () => {
    const chart = axesChart(coverage, context);
    expect(chart.categories).toEqual(["Addictions", "Nutrition"]);
    expect(chart.series[0]?.values).toEqual([7, 6]);
  });
});
