import { describe, expect, it } from "vitest";
import { AppError } from "../errors.js";
import { assertCanReadTerritory, assertCanWriteTerritory, canSeePersonalData, readableTerritories, type Viewer } from "./viewer.js";

const admin: Viewer = { subject: "a", role: "ADMIN", territories: "ALL" };
const coordinator: Viewer = { subject: "c", role: "COORDINATOR", territories: ["pays-cevennes"] };
const analyst: Viewer = { subject: "n", role: "ANALYST", territories: ["pays-cevennes", "gorges-causses"] };

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof AppError ? error.code : "not an AppError";
  }
}

describe("assertCanReadTerritory", () => {
  it("refuses an anonymous request with UNAUTHENTICATED", () => {
    expect(codeOf(() => assertCanReadTerritory(null, "pays-cevennes"))).toBe("UNAUTHENTICATED");
  });

  it("lets each role read the territories of its token, and administrators every territory", () => {
    expect(codeOf(() => assertCanReadTerritory(coordinator, "pays-cevennes"))).toBeUndefined();
    expect(codeOf(() => assertCanReadTerritory(analyst, "gorges-causses"))).toBeUndefined();
    expect(codeOf(() => assertCanReadTerritory(admin, "anywhere"))).toBeUndefined();
  });

  it("refuses a territory outside the token with FORBIDDEN", () => {
    expect(codeOf(() => assertCanReadTerritory(coordinator, "gorges-causses"))).toBe("FORBIDDEN");
  });
});

describe("assertCanWriteTerritory", () => {
  it("lets coordinators write their own territories only", () => {
    expect(codeOf(() => assertCanWriteTerritory(coordinator, "pays-cevennes"))).toBeUndefined();
    expect(codeOf(() => assertCanWriteTerritory(coordinator, "gorges-causses"))).toBe("FORBIDDEN");
  });

  it("never lets analysts write, even on their territories", () => {
    expect(codeOf(() => assertCanWriteTerritory(analyst, "pays-cevennes"))).toBe("FORBIDDEN");
  });

  it("lets administrators write anywhere and refuses anonymous requests", () => {
    expect(codeOf(() => assertCanWriteTerritory(admin, "gorges-causses"))).toBeUndefined();
    expect(codeOf(() => assertCanWriteTerritory(null, "pays-cevennes"))).toBe("UNAUTHENTICATED");
  });
});

describe("canSeePersonalData", () => {
  it("is true for administrators and coordinators only", () => {
    expect([admin, coordinator, analyst, null].map(canSeePersonalData)).toEqual([true, true, false, false]);
  });
});

describe("readableTerritories", () => {
  it("keeps the requested territories of the token, in order, once each", () => {
    expect(readableTerritories(analyst, ["gorges-causses", "elsewhere", "pays-cevennes", "gorges-causses"])).toEqual([
      "gorges-causses",
      "pays-cevennes",
    ]);
    expect(readableTerritories(admin, ["x", "y"])).toEqual(["x", "y"]);
    expect(readableTerritories(coordinator, [])).toEqual([]);
  });

  it("refuses an anonymous request", () => {
    expect(codeOf(() => readableTerritories(null, ["pays-cevennes"]))).toBe("UNAUTHENTICATED");
  });
});
