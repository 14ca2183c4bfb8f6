import { describe, expect, it } from "vitest";
import { conflictOf, conflictRows, takeCurrent } from "./conflict";

const conflict = { currentVersion: 7, current: { name: "Maison de santé de Florac", sector: "CARE", kind: "Maison de santé", communeCode: "48061", axisIds: ["b", "a"], durationHours: 2 } };

describe("edit conflicts", () => {
  it("reads the conflict of a STALE_VERSION refusal only", () => {
    expect(conflictOf({ code: "CONFLICT", reason: "STALE_VERSION", currentVersion: 7, current: conflict.current })).toEqual(conflict);
    expect(conflictOf({ code: "CONFLICT", reason: "HAS_EVENTS", count: 2 })).toBeNull();
    expect(conflictOf({ code: "CONFLICT", reason: "STALE_VERSION", currentVersion: "7", current: {} })).toBeNull();
  });

  it("lists the fields where the form and the stored record differ", () => {
    const values = { id: "s1", version: 6, name: "MSP Florac", sector: "CARE", kind: "Maison de santé", communeCode: "48061", axisIds: ["a", "b"], durationHours: "2" };
    expect(conflictRows(values, conflict, ["name", "sector", "kind", "communeCode", "axisIds", "durationHours", "absent"])).toEqual([
      { field: "name", mine: "MSP Florac", current: "Maison de santé de Florac" },
    ]);
  });

  it("takes the stored values and version into the form", () => {
    const values = { id: "s1", version: 6, name: "MSP Florac", sector: "SOCIAL", kind: "", communeCode: "48061", axisIds: [], durationHours: "", organisationId: "keep" };
    expect(takeCurrent(values, conflict)).toEqual({ id: "s1", version: 7, name: "Maison de santé de Florac", sector: "CARE", kind: "Maison de santé", communeCode: "48061", axisIds: ["a", "b"], durationHours: "2", organisationId: "keep" });
  });
});
