import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createQueryRunner, loadQueries, type QueryRunner } from "../neo4j/queries.js";
import { AnalyticsService } from "./service.js";
import { parseWindow } from "./window.js";

const PC = "pays-cevennes";
const GCC = "gorges-causses-cevennes";

let driver: Driver;

beforeAll(() => {
  driver = neo4j.driver(inject("neo4jUri"));
});

afterAll(async () => {
  await driver.close();
});

/** The real queries, counting how often the coverage query runs. */
function countingCoverage(): { queries: QueryRunner; runs: () => number } {
  const queries = createQueryRunner(driver, loadQueries());
  let runs = 0;
  return {
    queries: {
      ...queries,
      read: (name, parameters) => {
        if (name === "coverage") runs += 1;
        return queries.read(name, parameters);
      },
    },
    runs: () => runs,
  };
}

describe("AnalyticsService.coverage", () => {
  it("computes a territory's grid once per window and axis, and again after a write to that territory", async () => {
    const { queries, runs } = countingCoverage();
    const service = new AnalyticsService(queries, { ttlMs: 60_000 });
    const year = parseWindow({ from: "2024-01-01", to: "2024-12-31" });

    const first = await service.coverage(PC, year, null);
    expect(first.cells.length).toBeGreaterThan(0);
    // Commune after commune, the details panel reads the same grid.
    expect(await service.coverage(PC, parseWindow({ from: "2024-01-01", to: "2024-12-31" }), null)).toBe(first);
    expect(runs()).toBe(1);

    // Another window, another axis, another territory: each is its own grid.
    await service.coverage(PC, parseWindow(undefined), null);
    const axisId = first.axes[0]?.id;
    if (axisId === undefined) throw new Error("no axis");
    await service.coverage(PC, year, axisId);
    const other = await service.coverage(GCC, year, null);
    expect(runs()).toBe(4);

    // A write to Pays Cévennes drops its grids only.
    service.invalidate(PC);
    expect(await service.coverage(GCC, year, null)).toBe(other);
    expect(runs()).toBe(4);
    const again = await service.coverage(PC, year, null);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(runs()).toBe(5);

    service.invalidate();
    await service.coverage(GCC, year, null);
    expect(runs()).toBe(6);
  });

  it("does not keep an error: an unknown axis is NOT_FOUND each time it is asked", async () => {
    const { queries, runs } = countingCoverage();
    const service = new AnalyticsService(queries, { ttlMs: 60_000 });
    const year = parseWindow({ from: "2024-01-01", to: "2024-12-31" });
    await expect(service.coverage(PC, year, "no-such-axis")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(service.coverage(PC, year, "no-such-axis")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(runs()).toBe(2);
  });
});
