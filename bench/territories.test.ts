import { describe, expect, it } from "vitest";
import { DEMO_TERRITORIES, generateDemoData } from "../seed/src/index.js";
import { CONTOUR_DEPARTEMENTS, benchTerritories, scaleTerritories } from "./territories.js";

describe("benchTerritories", () => {
  const specs = benchTerritories(8);

  it("gives each extra territory its own id and a real EPCI that no other territory uses", () => {
    const all = [...DEMO_TERRITORIES, ...specs];
    expect(new Set(all.map((spec) => spec.id)).size).toBe(10);
    const epcis = all.flatMap((spec) => spec.epciCodes);
    expect(new Set(epcis).size).toBe(epcis.length);
    expect(specs.map((spec) => spec.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `bench-territory-${n}`));
  });

  it("generates a territory whose communes and organisations all lie in its EPCI", () => {
    const spec = specs[1]!;
    const data = generateDemoData(spec);
    expect(data.communes).toHaveLength(spec.expected.communes);
    const codes = new Set(data.communes.map((commune) => commune.code));
    for (const structure of data.structures) expect(codes.has(structure.communeCode)).toBe(true);
    expect(data.structures.every((structure) => structure.id.startsWith(`${spec.id}-`))).toBe(true);
  });
});

describe("scaleTerritories", () => {
  const territories = scaleTerritories(100);

  it("gives a hundred small territories their own ids and real EPCI, no two alike nor a demo one, across every région of metropolitan France", () => {
    expect(new Set(territories.map(({ spec }) => spec.id)).size).toBe(100);
    const epcis = [...DEMO_TERRITORIES, ...territories.map(({ spec }) => spec)].flatMap((spec) => spec.epciCodes);
    expect(new Set(epcis).size).toBe(epcis.length);
    expect(new Set(territories.map(({ region }) => region)).size).toBe(13);
  });

  it("says which have contours in seed/data/geo (Bretagne's and Occitanie's among them) and generates small ones", () => {
    const withContours = territories.filter(({ contourDepartement }) => contourDepartement !== null);
    expect(withContours.length).toBeGreaterThanOrEqual(10);
    expect(withContours.every(({ contourDepartement }) => CONTOUR_DEPARTEMENTS.has(contourDepartement ?? ""))).toBe(true);
    for (const region of ["53", "76"]) expect(withContours.some((each) => each.region === region), region).toBe(true);
    const data = generateDemoData(territories[0]!.spec);
    expect(data.structures.length).toBeLessThanOrEqual(20);
    expect(data.actors.length).toBeLessThanOrEqual(60);
    expect(data.communes).toHaveLength(territories[0]!.spec.expected.communes);
  });
});
