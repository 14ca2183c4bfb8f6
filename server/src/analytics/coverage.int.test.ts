import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createQueryRunner, loadQueries } from "../neo4j/queries.js";
import type { Coverage, CoverageCell } from "./coverage.js";
import { AnalyticsService } from "./service.js";
import { parseWindow } from "./window.js";

const TAG = `cov${Date.now().toString(36)}`;
const T = `test-${TAG}`;
const YEAR_2023 = parseWindow({ from: "2023-01-01", to: "2023-12-31" });

let driver: Driver;
let service: AnalyticsService;

/**
 * A small territory, three communes, two axes, all in 2023:
 * - p1 (S1, commune 1) sits in a work group on axis A and attended its event E1: S1 works on A;
 * - p2 (S2, commune 2) only attended E1: S2 attended A;
 * - S3 (commune 2) organised E2 on axis B, nobody came: S3 works on B;
 * - p3 left S1 (commune 1) at the end of 2022, joined S4 (commune 3) in March 2023, then attended
 *   E1 in June: they attended A from commune 3, not from commune 1.
 */
const SMALL_TERRITORY = `
CREATE (t:Territory {id: $t, name: $t, isDemo: false, testTag: $tag})
CREATE (e:Epci {code: $t + '-epci', name: 'EPCI test', population: 3, testTag: $tag})-[:PART_OF]->(t)
CREATE (c1:Commune {code: $t + '-1', name: 'Un', population: 1, testTag: $tag})-[:PART_OF]->(e)
CREATE (c2:Commune {code: $t + '-2', name: 'Deux', population: 1, testTag: $tag})-[:PART_OF]->(e)
CREATE (c3:Commune {code: $t + '-3', name: 'Trois', population: 1, testTag: $tag})-[:PART_OF]->(e)
CREATE (a:Axis {id: $t + '-a', name: 'Axe A', kind: 'POPULATION', testTag: $tag})-[:BELONGS_TO]->(t)
CREATE (b:Axis {id: $t + '-b', name: 'Axe B', kind: 'TRANSVERSAL', testTag: $tag})-[:BELONGS_TO]->(t)
CREATE (s1:Structure {id: $t + '-s1', name: 'S1', testTag: $tag})-[:LOCATED_IN]->(c1)
CREATE (s2:Structure {id: $t + '-s2', name: 'S2', testTag: $tag})-[:LOCATED_IN]->(c2)
CREATE (s3:Structure {id: $t + '-s3', name: 'S3', testTag: $tag})-[:LOCATED_IN]->(c2)
CREATE (s4:Structure {id: $t + '-s4', name: 'S4', testTag: $tag})-[:LOCATED_IN]->(c3)
CREATE (p1:Actor {id: $t + '-p1', testTag: $tag})-[:MEMBER_OF {since: date('2020-01-01')}]->(s1)
CREATE (p2:Actor {id: $t + '-p2', testTag: $tag})-[:MEMBER_OF {since: date('2020-01-01')}]->(s2)
CREATE (p3:Actor {id: $t + '-p3', testTag: $tag})-[:MEMBER_OF {since: date('2015-01-01'), until: date('2022-12-31')}]->(s1)
CREATE (p3)-[:MEMBER_OF {since: date('2023-03-01')}]->(s4)
CREATE (g:WorkGroup {id: $t + '-g', name: 'Groupe A', testTag: $tag})-[:WORKS_ON]->(a)
CREATE (p1)-[:PARTICIPATES_IN {role: 'PILOT', since: date('2023-02-01')}]->(g)
CREATE (e1:Event {id: $t + '-e1', title: 'E1', date: date('2023-06-01'), testTag: $tag})-[:ORGANISED_BY]->(g)
CREATE (e1)-[:HELD_IN]->(c1)
CREATE (e1)-[:ADDRESSES]->(a)
CREATE (p1)-[:ATTENDED]->(e1)
CREATE (p2)-[:ATTENDED]->(e1)
CREATE (p3)-[:ATTENDED]->(e1)
CREATE (e2:Event {id: $t + '-e2', title: 'E2', date: date('2023-09-12'), testTag: $tag})-[:ORGANISED_BY]->(s3)
CREATE (e2)-[:HELD_IN]->(c2)
CREATE (e2)-[:ADDRESSES]->(b)
`;

beforeAll(async () => {
  driver = neo4j.driver(inject("neo4jUri"));
  service = new AnalyticsService(createQueryRunner(driver, loadQueries()), { ttlMs: 60_000 });
  await driver.executeQuery(SMALL_TERRITORY, { t: T, tag: TAG });
});

afterAll(async () => {
  await driver.executeQuery("MATCH (n {testTag: $tag}) DETACH DELETE n", { tag: TAG });
  await driver.close();
});

const cell = (coverage: Coverage, commune: string, axis: string): CoverageCell | undefined =>
  coverage.cells.find((item) => item.communeCode === commune && item.axisId === axis);

describe("coverage: working on an axis or only attending its events", () => {
  it("classifies a small territory: work group and organised events work, a visit only attends, a mover counts where they belong that day", async () => {
    const coverage = await service.coverage(T, YEAR_2023, null);
    const levels = coverage.cells.map((item) => [item.communeCode.slice(T.length + 1), item.axisId.slice(T.length + 1), item.level]);
    expect(levels).toEqual([
      ["1", "a", "WORKING"],
      ["1", "b", "NONE"],
      ["2", "a", "ATTENDING"],
      ["2", "b", "WORKING"],
      ["3", "a", "ATTENDING"],
      ["3", "b", "NONE"],
    ]);
    expect(cell(coverage, `${T}-1`, `${T}-a`)).toMatchObject({
      workingStructures: 1, workingActors: 1, attendingStructures: 0, attendingActors: 0, events: 1, isCovered: true,
    });
    expect(cell(coverage, `${T}-2`, `${T}-a`)).toMatchObject({
      workingStructures: 0, workingActors: 0, attendingStructures: 1, attendingActors: 1, structures: 1, actors: 1, isCovered: false,
    });
    expect(cell(coverage, `${T}-2`, `${T}-b`)).toMatchObject({ workingStructures: 1, workingActors: 0, attendingStructures: 0, events: 1 });
    expect(cell(coverage, `${T}-3`, `${T}-a`)).toMatchObject({ attendingStructures: 1, attendingActors: 1 });
    expect(coverage.coveredCellCount).toBe(2);
    expect(coverage.attendedOnlyCellCount).toBe(2);
    // Commune 3 only attended: still a white zone on both axes.
    expect(coverage.whiteZones.map((zone) => [zone.commune.code.slice(T.length + 1), zone.isUncovered])).toEqual([
      ["3", true],
      ["1", false],
      ["2", false],
    ]);
  });

  it("counts nothing outside the window", async () => {
    const coverage = await service.coverage(T, parseWindow({ from: "2021-01-01", to: "2021-12-31" }), null);
    expect(coverage.cells.every((item) => item.level === "NONE" && item.events === 0)).toBe(true);
  });
});

describe("coverage of the demo (Pays Cévennes, 2023)", () => {
  const ALES = "30007";

  it("differs from one axis to another: who works where is not everyone who came", async () => {
    const coverage = await service.coverage("pays-cevennes", YEAR_2023, null);
    const ales = coverage.axes.map((axis) => cell(coverage, ALES, axis.id));
    const working = ales.map((item) => item?.workingStructures ?? 0);
    // Alès works on every axis, but not with the same structures count.
    expect(Math.min(...working)).toBeGreaterThan(0);
    expect(new Set(working).size).toBeGreaterThan(3);
    for (const item of ales) expect((item?.structures ?? 0) >= (item?.workingStructures ?? 0)).toBe(true);
    // Working communes differ between axes, and many communes only attended.
    const workingCommunes = coverage.axes.map((axis) =>
      coverage.cells.filter((item) => item.axisId === axis.id && item.level === "WORKING").map((item) => item.communeCode).join(","),
    );
    expect(new Set(workingCommunes).size).toBe(coverage.axes.length);
    expect(coverage.attendedOnlyCellCount).toBeGreaterThan(50);
    expect(coverage.coveredCellCount).toBeLessThan(coverage.cellCount / 2);
  });
});
