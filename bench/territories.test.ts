import { describe, expect, it } from "vitest";
import { DEMO_TERRITORIES, generateDemoData } from "../seed/src/index.js";
import { benchTerritories } from "./territories.js";

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
