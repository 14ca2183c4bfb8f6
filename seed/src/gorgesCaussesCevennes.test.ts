import { describe, expect, it } from "vitest";
import { generateDemoData } from "./generate.js";
import { DEMO_TERRITORIES, GORGES_CAUSSES_CEVENNES, PAYS_CEVENNES } from "./spec.js";

describe("generateDemoData(GORGES_CAUSSES_CEVENNES)", () => {
  const data = generateDemoData(GORGES_CAUSSES_CEVENNES);

  it("covers the 17 real communes of EPCI 200069151", () => {
    expect(data.epcis.map((epci) => epci.code)).toEqual(["200069151"]);
    expect(data.communes).toHaveLength(17);
    expect(data.communes.every((commune) => commune.departement === "48")).toBe(true);
  });

  it("uses its own five axes, and every work group and event stays on them", () => {
    const axisIds = new Set(data.axes.map((axis) => axis.id));
    expect(data.axes.map((axis) => axis.name)).toContain("Attractivité médicale");
    expect(axisIds.size).toBe(5);
    for (const item of [...data.workGroups, ...data.events]) for (const axisId of item.axisIds) expect(axisIds.has(axisId)).toBe(true);
  });

  it("is smaller than Pays Cévennes and shares no id with it", () => {
    expect(data.structures).toHaveLength(40);
    expect(data.actors).toHaveLength(250);
    expect(data.workGroups).toHaveLength(25);
    const perYear = data.events.filter((event) => event.date.startsWith("2023")).length;
    expect(perYear).toBeGreaterThan(130);
    expect(perYear).toBeLessThan(170);
    expect(data.structures.every((structure) => structure.id.startsWith("gorges-causses-cevennes-"))).toBe(true);
  });

  it("is listed with Pays Cévennes in the demo territories", () => {
    expect(DEMO_TERRITORIES.map((spec) => spec.id)).toEqual([PAYS_CEVENNES.id, GORGES_CAUSSES_CEVENNES.id]);
  });
});
