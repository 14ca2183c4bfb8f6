import { describe, expect, it } from "vitest";
import { buildCoverage, coverageLevel } from "./coverage.js";

const communes = [
  { code: "2", name: "Bourg", population: 100, epciCode: "E" },
  { code: "1", name: "Ville", population: 1000, epciCode: "E" },
];
const axes = [
  { id: "b", name: "Santé mentale", kind: "POPULATION" },
  { id: "a", name: "Accès aux soins", kind: "TRANSVERSAL" },
];

describe("coverageLevel", () => {
  const none = { workingStructures: 0, workingActors: 0, attendingStructures: 0, attendingActors: 0 };
  it("puts working before attending, and nobody at NONE", () => {
    expect(coverageLevel(none)).toBe("NONE");
    expect(coverageLevel({ ...none, attendingActors: 40, attendingStructures: 12 })).toBe("ATTENDING");
    expect(coverageLevel({ ...none, workingActors: 1 })).toBe("WORKING");
    expect(coverageLevel({ ...none, workingStructures: 1, attendingStructures: 30 })).toBe("WORKING");
  });
});

describe("buildCoverage", () => {
  it("fills the matrix with both levels; only working covers, so attending and events alone leave a white zone", () => {
    const coverage = buildCoverage(communes, axes, [
      { communeCode: "1", axisId: "a", workingStructures: 2, workingActors: 5, attendingStructures: 1, attendingActors: 3 },
      { communeCode: "1", axisId: "a", events: 3 },
      { communeCode: "1", axisId: "b", attendingStructures: 4, attendingActors: 9 },
      { communeCode: "1", axisId: "b", events: 1 },
      { communeCode: "99", axisId: "a", workingActors: 4 },
    ]);
    expect(coverage.cells).toEqual([
      {
        communeCode: "1", axisId: "a", workingStructures: 2, workingActors: 5, attendingStructures: 1, attendingActors: 3,
        structures: 3, actors: 8, events: 3, level: "WORKING", isCovered: true,
      },
      {
        communeCode: "1", axisId: "b", workingStructures: 0, workingActors: 0, attendingStructures: 4, attendingActors: 9,
        structures: 4, actors: 9, events: 1, level: "ATTENDING", isCovered: false,
      },
      {
        communeCode: "2", axisId: "a", workingStructures: 0, workingActors: 0, attendingStructures: 0, attendingActors: 0,
        structures: 0, actors: 0, events: 0, level: "NONE", isCovered: false,
      },
      {
        communeCode: "2", axisId: "b", workingStructures: 0, workingActors: 0, attendingStructures: 0, attendingActors: 0,
        structures: 0, actors: 0, events: 0, level: "NONE", isCovered: false,
      },
    ]);
    expect(coverage.whiteZones.map((zone) => [zone.commune.code, zone.isUncovered, zone.missingAxes.map((axis) => axis.id)])).toEqual([
      ["2", true, ["a", "b"]],
      ["1", false, ["b"]],
    ]);
    expect(coverage.coveredCellCount).toBe(1);
    expect(coverage.attendedOnlyCellCount).toBe(1);
    expect(coverage.coverageShare).toBe(0.25);
    expect(coverage.uncoveredCommuneCount).toBe(1);
  });

  it("gives an empty matrix without axes", () => {
    expect(buildCoverage(communes, [], []).coverageShare).toBe(0);
  });
});
