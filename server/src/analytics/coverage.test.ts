import { describe, expect, it } from "vitest";
import { buildCoverage } from "./coverage.js";

const communes = [
  { code: "2", name: "Bourg", population: 100, epciCode: "E" },
  { code: "1", name: "Ville", population: 1000, epciCode: "E" },
];
const axes = [
  { id: "b", name: "Santé mentale", kind: "POPULATION" },
  { id: "a", name: "Accès aux soins", kind: "TRANSVERSAL" },
];

describe("buildCoverage", () => {
  it("fills the commune × axis matrix and lists white zones, uncovered communes first", () => {
    const coverage = buildCoverage(communes, axes, [
      { communeCode: "1", axisId: "a", structures: 2, actors: 5 },
      { communeCode: "1", axisId: "a", events: 3 },
      { communeCode: "1", axisId: "b", events: 1 },
      { communeCode: "99", axisId: "a", actors: 4 },
    ]);
    expect(coverage.cells).toEqual([
      { communeCode: "1", axisId: "a", structures: 2, actors: 5, events: 3, isCovered: true },
      { communeCode: "1", axisId: "b", structures: 0, actors: 0, events: 1, isCovered: true },
      { communeCode: "2", axisId: "a", structures: 0, actors: 0, events: 0, isCovered: false },
      { communeCode: "2", axisId: "b", structures: 0, actors: 0, events: 0, isCovered: false },
    ]);
    expect(coverage.whiteZones).toHaveLength(1);
    expect(coverage.whiteZones[0]?.commune.code).toBe("2");
    expect(coverage.whiteZones[0]?.isUncovered).toBe(true);
    expect(coverage.coverageShare).toBe(0.5);
    expect(coverage.uncoveredCommuneCount).toBe(1);
  });

  it("gives an empty matrix without axes", () => {
    expect(buildCoverage(communes, [], []).coverageShare).toBe(0);
  });
});
