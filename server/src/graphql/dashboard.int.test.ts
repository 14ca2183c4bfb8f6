import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { graphqlAs, type TestViewer } from "../../../test/graphql.js";

interface Year {
  year: number;
  contract: string | null;
  activeActors: number;
  activeStructures: number;
  events: number;
  volunteerHours: number;
  activeWorkGroups: number;
  density: number;
  largestComponentSize: number;
  structureTies: number;
}
interface Trends {
  dashboardTrends: {
    years: Year[];
    contracts: { name: string; firstYear: number }[];
    headline: { measure: string; value: number; previousContract: string | null; previousValue: number | null; change: number | null }[];
  };
}
interface Shape {
  networkShape: {
    nodeCount: number;
    tieCount: number;
    degreeDistribution: { degree: number; count: number }[];
    topNodes: { node: { id: string; label: string }; degree: number }[];
    topTieCount: number;
    topTieShare: number;
    dependencies: { structure: { id: string; label: string }; memberCount: number; partnerCount: number }[];
  };
}

const TRENDS = `query Trends($territoryId: ID!, $year: Int!, $filter: NetworkFilterInput) {
  dashboardTrends(territoryId: $territoryId, year: $year, filter: $filter) {
    contracts { name firstYear }
    years { year contract activeActors activeStructures events volunteerHours activeWorkGroups density largestComponentSize structureTies }
    headline { measure value previousContract previousValue change }
  }
}`;
const SHAPE = `query Shape($territoryId: ID!, $window: WindowInput, $filter: NetworkFilterInput, $top: Int) {
  networkShape(territoryId: $territoryId, window: $window, filter: $filter, top: $top) {
    nodeCount tieCount degreeDistribution { degree count } topNodes { node { id label } degree } topTieCount topTieShare
    dependencies { structure { id label } memberCount partnerCount }
  }
}`;

describe("the dashboard queries on a tiny hand-made territory", () => {
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const territoryId = `dashboard-test-${suffix}`;
  const prefix = `${territoryId}-`;
  const analyst: TestViewer = { role: "ANALYST", territories: [territoryId] };
  const coordinator: TestViewer = { role: "COORDINATOR", territories: [territoryId] };
  let driver: Driver;

  // CLS 1 (2020–2021), CLS 2 (2022–2023). s1 (a1, a3), s2 (a2), s3 (a4), s4 (a5). Work group g1
  // (a1, a2) from 2020, g2 (a3, a4) from 2022; event ev1 on 2023-05-01 attended by a1 (3 h
  // volunteered), a4 (2 h) and a5.
  beforeAll(async () => {
    driver = neo4j.driver(inject("neo4jUri"));
    await driver.executeQuery(
      `CREATE (t:Territory {id: $territoryId, name: 'Tableau test', isDemo: true})
       CREATE (e:Epci {code: $epci, name: 'EPCI test', population: 20000})-[:PART_OF]->(t)
       CREATE (c:Commune {code: $commune, name: 'Commune test', population: 20000, departement: '99'})-[:PART_OF]->(e)
       CREATE (:Contract {id: $prefix + 'k1', name: 'CLS 1', generation: 1, signedOn: date('2020-01-01'), endsOn: date('2021-12-31')})-[:COVERS]->(t)
       CREATE (:Contract {id: $prefix + 'k2', name: 'CLS 2', generation: 2, signedOn: date('2022-01-01'), endsOn: date('2023-12-31')})-[:COVERS]->(t)
       WITH t, c
       UNWIND ['s1', 's2', 's3', 's4'] AS s
       CREATE (:Structure {id: $prefix + s, name: 'Structure ' + s, sector: 'CARE', kind: 'Association'})-[:LOCATED_IN]->(c)
       WITH DISTINCT t, c
       UNWIND [['a1', 's1'], ['a2', 's2'], ['a3', 's1'], ['a4', 's3'], ['a5', 's4']] AS m
       MATCH (s:Structure {id: $prefix + m[1]})
       CREATE (:Actor {id: $prefix + m[0], firstName: 'Prénom' + m[0], lastName: 'Nom' + m[0], email: m[0] + '@exemple.test', category: 'PROFESSIONAL'})
         -[:MEMBER_OF {since: date('2019-01-01')}]->(s)
       WITH DISTINCT t, c
       UNWIND [['g1', '2020-01-01', ['a1', 'a2']], ['g2', '2022-01-01', ['a3', 'a4']]] AS g
       CREATE (w:WorkGroup {id: $prefix + g[0], name: 'Groupe ' + g[0], kind: 'WORK_GROUP', startedOn: date(g[1])})-[:BELONGS_TO]->(t)
       WITH t, c, w, g
       UNWIND g[2] AS actor
       MATCH (a:Actor {id: $prefix + actor})
       CREATE (a)-[:PARTICIPATES_IN {role: 'MEMBER', since: date(g[1])}]->(w)
       WITH DISTINCT c
       CREATE (ev:Event {id: $prefix + 'ev1', title: 'Réunion', kind: 'MEETING', date: date('2023-05-01'), durationHours: 2.0})-[:HELD_IN]->(c)
       WITH ev
       UNWIND [['a1', 3.0], ['a4', 2.0], ['a5', 0.0]] AS attendance
       MATCH (a:Actor {id: $prefix + attendance[0]})
       CREATE (a)-[:ATTENDED {volunteerHours: attendance[1]}]->(ev)`,
      { territoryId, epci: `E${suffix}`, commune: `C${suffix}`, prefix },
    );
  });

  afterAll(async () => {
    await driver.executeQuery(`MATCH (n) WHERE n.id STARTS WITH $prefix OR n.id = $territoryId OR n.code IN [$epci, $commune] DETACH DELETE n`, {
      prefix,
      territoryId,
      epci: `E${suffix}`,
      commune: `C${suffix}`,
    });
    await driver.close();
  });

  it("gives every year since the first contract, with the hand-computed figures and network measures", async () => {
    const result = await graphqlAs<Trends>(analyst, TRENDS, { territoryId, year: 2023 });
    expect(result.errors).toBeUndefined();
    const { years, contracts, headline } = result.data!.dashboardTrends;
    expect(contracts).toEqual([{ name: "CLS 1", firstYear: 2020 }, { name: "CLS 2", firstYear: 2022 }]);
    const pick = (y: Year) => [y.year, y.contract, y.activeActors, y.activeStructures, y.events, y.volunteerHours, y.activeWorkGroups, y.structureTies, y.largestComponentSize];
    expect(years.map(pick)).toEqual([
      [2020, "CLS 1", 2, 2, 0, 0, 1, 1, 2],
      [2021, "CLS 1", 2, 2, 0, 0, 1, 1, 2],
      [2022, "CLS 2", 4, 3, 0, 0, 2, 2, 3],
      [2023, "CLS 2", 5, 4, 1, 5, 2, 4, 4],
    ]);
    // Four structures: 6 possible ties.
    expect(years.map((y) => y.density)).toEqual([1 / 6, 1 / 6, 2 / 6, 4 / 6].map((d) => expect.closeTo(d, 12)));
    // 2023 against CLS 1's mean per year (2020, 2021).
    expect(headline.find((h) => h.measure === "ACTIVE_ACTORS")).toEqual({ measure: "ACTIVE_ACTORS", value: 5, previousContract: "CLS 1", previousValue: 2, change: 3 });
    expect(headline.find((h) => h.measure === "EVENTS")).toMatchObject({ value: 1, previousValue: 0, change: 1 });
    // The first contract's years have nothing to compare with.
    const first = await graphqlAs<Trends>(analyst, TRENDS, { territoryId, year: 2021 });
    expect(first.data!.dashboardTrends.headline.every((h) => h.previousContract === null && h.change === null)).toBe(true);
  });

  it("applies the filter to the network measures only", async () => {
    const result = await graphqlAs<Trends>(analyst, TRENDS, { territoryId, year: 2023, filter: { through: ["EVENT"] } });
    expect(result.errors).toBeUndefined();
    const last = result.data!.dashboardTrends.years.at(-1)!;
    expect([last.activeActors, last.events, last.activeStructures, last.structureTies]).toEqual([5, 1, 3, 3]);
  });

  it("measures the shape of a window's structure network and its single-person dependencies", async () => {
    const y2022 = await graphqlAs<Shape>(coordinator, SHAPE, { territoryId, window: { from: "2022-01-01", to: "2022-12-31" } });
    expect(y2022.errors).toBeUndefined();
    const shape = y2022.data!.networkShape;
    expect(shape.degreeDistribution).toEqual([{ degree: 0, count: 1 }, { degree: 1, count: 2 }, { degree: 2, count: 1 }]);
    expect(shape.topNodes.map((t) => [t.node.id, t.degree])).toEqual([[`${prefix}s1`, 2], [`${prefix}s2`, 1], [`${prefix}s3`, 1]]);
    expect([shape.topTieCount, shape.topTieShare]).toEqual([2, 1]);
    // s1 reaches s2 through a1 and s3 through a3: two people; s2 and s3 hang on one each.
    expect(shape.dependencies.map((d) => [d.structure.id, d.memberCount, d.partnerCount])).toEqual([[`${prefix}s2`, 1, 1], [`${prefix}s3`, 1, 1]]);

    const y2023 = await graphqlAs<Shape>(analyst, SHAPE, { territoryId, window: { from: "2023-01-01", to: "2023-12-31" }, top: 1 });
    const later = y2023.data!.networkShape;
    expect(later.topNodes.map((t) => [t.node.label, t.degree])).toEqual([["Structure s1", 3]]);
    expect(later.topTieShare).toBeCloseTo(3 / 4, 12);
    expect(later.dependencies.map((d) => [d.structure.label, d.partnerCount])).toEqual([["Structure s3", 2], ["Structure s4", 2], ["Structure s2", 1]]);
  });

  it("refuses a territory outside the token and a bad top, as the analytics queries do", async () => {
    const outside: TestViewer = { role: "ANALYST", territories: ["pays-cevennes"] };
    const forbidden = await graphqlAs(outside, SHAPE, { territoryId });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const trends = await graphqlAs(outside, TRENDS, { territoryId, year: 2023 });
    expect(trends.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const badTop = await graphqlAs(analyst, SHAPE, { territoryId, top: 0 });
    expect(badTop.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("the dashboard queries on the demo territory, against independent Cypher counts", () => {
  const PC = "pays-cevennes";
  const analyst: TestViewer = { role: "ANALYST", territories: [PC, "gorges-causses-cevennes"] };
  let driver: Driver;
  beforeAll(() => {
    driver = neo4j.driver(inject("neo4jUri"));
  });
  afterAll(async () => {
    await driver.close();
  });

  it("counts each year's events and volunteer hours as a direct count does", async () => {
    const result = await graphqlAs<Trends>(analyst, TRENDS, { territoryId: PC, year: 2023 });
    expect(result.errors).toBeUndefined();
    const { years } = result.data!.dashboardTrends;
    expect(years.length).toBeGreaterThan(3);
    const { records } = await driver.executeQuery(
      `MATCH (:Territory {id: $territoryId})<-[:PART_OF]-(:Epci)<-[:PART_OF]-(:Commune)<-[:HELD_IN]-(ev:Event)
       OPTIONAL MATCH (ev)<-[r:ATTENDED]-(:Actor)
       WITH ev.date.year AS year, ev, sum(coalesce(r.volunteerHours, 0)) AS hours
       RETURN year, count(ev) AS events, sum(hours) AS hours`,
      { territoryId: PC },
    );
    const counted = new Map(records.map((r) => [neo4j.integer.toNumber(r.get("year")), { events: neo4j.integer.toNumber(r.get("events")), hours: Number(r.get("hours")) }]));
    for (const year of years) {
      expect(year.events).toBe(counted.get(year.year)?.events ?? 0);
      expect(year.volunteerHours).toBeCloseTo(counted.get(year.year)?.hours ?? 0, 6);
    }
    expect(years.some((y) => y.events > 0)).toBe(true);
  });

  it("gives a degree distribution that adds up to the network's nodes and ties", async () => {
    const window = { from: "2023-01-01", to: "2023-12-31" };
    const result = await graphqlAs<Shape>(analyst, SHAPE, { territoryId: PC, window });
    expect(result.errors).toBeUndefined();
    const shape = result.data!.networkShape;
    expect(shape.degreeDistribution.reduce((sum, d) => sum + d.count, 0)).toBe(shape.nodeCount);
    expect(shape.degreeDistribution.reduce((sum, d) => sum + d.degree * d.count, 0)).toBe(2 * shape.tieCount);
    const metrics = await graphqlAs<{ networkMetrics: { summary: { nodeCount: number; tieCount: number } } }>(
      analyst,
      `query M($territoryId: ID!, $window: WindowInput) { networkMetrics(territoryId: $territoryId, window: $window, first: 0) { summary { nodeCount tieCount } } }`,
      { territoryId: PC, window },
    );
    expect(metrics.data!.networkMetrics.summary).toEqual({ nodeCount: shape.nodeCount, tieCount: shape.tieCount });
    expect(shape.topNodes).toHaveLength(10);
    // Organisations only: an analyst reads no person in the dependency list.
    expect(shape.dependencies.every((d) => !d.structure.id.startsWith("pc-a"))).toBe(true);
    const { records } = await driver.executeQuery(`MATCH (o) WHERE o.id IN $ids AND (o:Structure OR o:Institution) RETURN count(o) AS n`, {
      ids: shape.dependencies.map((d) => d.structure.id),
    });
    expect(neo4j.integer.toNumber(records[0]?.get("n"))).toBe(shape.dependencies.length);
  });

  it("gives a comparison per 10,000 inhabitants", async () => {
    const result = await graphqlAs<{ territoryComparison: { territories: { keyFigures: { inhabitants: number; events: number; activeActors: number }; perTenThousandInhabitants: { events: number; activeActors: number } }[] } }>(
      analyst,
      `{ territoryComparison(territoryIds: ["pays-cevennes", "gorges-causses-cevennes"], year: 2023) { territories { keyFigures { inhabitants events activeActors } perTenThousandInhabitants { events activeActors } } } }`,
    );
    expect(result.errors).toBeUndefined();
    for (const { keyFigures, perTenThousandInhabitants } of result.data!.territoryComparison.territories) {
      expect(keyFigures.inhabitants).toBeGreaterThan(0);
      expect(perTenThousandInhabitants.events).toBeCloseTo((keyFigures.events * 10_000) / keyFigures.inhabitants, 9);
      expect(perTenThousandInhabitants.activeActors).toBeCloseTo((keyFigures.activeActors * 10_000) / keyFigures.inhabitants, 9);
    }
  });
});
