import { describe, expect, it } from "vitest";
import { contractOfYear, dashboardYears, headlineFigures, type DashboardContract, type DashboardYear } from "./trends.js";

const contracts: DashboardContract[] = [
  { name: "CLS 1", signedOn: "2011-03-01", endsOn: "2013-06-30", firstYear: 2011 },
  { name: "CLS 2", signedOn: "2013-07-01", endsOn: "2018-12-31", firstYear: 2013 },
  { name: "CLS 3", signedOn: "2019-06-27", endsOn: null, firstYear: 2019 },
];

const year = (y: number, contract: string, activeActors: number): DashboardYear => ({
  year: y, contract, activeActors, activeStructures: 0, events: 0, volunteerHours: 0, activeWorkGroups: 0, density: 0, largestComponentSize: 0, structureCount: 0, structureTies: 0,
});

describe("dashboard years", () => {
  it("run from the first signature to the last end, at most the current year", () => {
    expect(dashboardYears(contracts, 2021)).toEqual([2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021]);
    expect(dashboardYears(contracts.slice(0, 2), 2030).at(-1)).toBe(2018);
    expect(dashboardYears([], 2025)).toEqual([]);
  });

  it("belong to the latest contract signed by their end", () => {
    expect([2010, 2012, 2013, 2018, 2019].map((y) => contractOfYear(contracts, y)?.name ?? null)).toEqual([null, "CLS 1", "CLS 2", "CLS 2", "CLS 3"]);
  });
});

describe("headlineFigures", () => {
  it("compares the year with the previous contract's mean per year", () => {
    const years = [year(2013, "CLS 2", 100), year(2014, "CLS 2", 300), year(2019, "CLS 3", 260)];
    const actors = headlineFigures(contracts, years, 2019).find((f) => f.measure === "activeActors");
    expect(actors).toEqual({ measure: "activeActors", year: 2019, value: 260, previousContract: "CLS 2", previousValue: 200, change: 60 });
  });

  it("has nothing to compare in the first contract", () => {
    expect(headlineFigures(contracts, [year(2011, "CLS 1", 5)], 2011).every((f) => f.previousValue === null && f.change === null && f.previousContract === null)).toBe(true);
  });
});
