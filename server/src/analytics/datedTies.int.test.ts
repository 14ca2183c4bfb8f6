import { randomUUID } from "node:crypto";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ADMIN, graphqlAs } from "../../../test/graphql.js";
import { createQueryRunner, loadQueries } from "../neo4j/queries.js";
import { NO_FILTER } from "./filters.js";
import { AnalyticsService } from "./service.js";
import { parseWindow } from "./window.js";

/**
 * The dated tie definition (docs/api.md, "What a tie is") on a purpose-built territory, and an
 * independent check of the demo's event ties written here in plain Cypher (not the project's queries).
 */
const suffix = randomUUID().slice(0, 8);
const T = `dated-${suffix}`;
const id = (name: string): string => `${name}-${suffix}`;

let driver: Driver;

/**
 * In 2024:
 * - p1 (member of A and B) alone at event e1: ties nothing;
 * - p2 (member of C until March, of D from March) and p3 (of A) at e2 in June: A–D, not A–C;
 * - p4 (of B, Jan–Feb) and p5 (of C, Apr–Dec) in work group g1: no overlap, no tie;
 * - p6 (of B) and p7 (of D) in g2 over the whole year: B–D (the positive control).
 */
const SETUP = `
CREATE (t:Territory {id: $T, name: 'Dated ' + $T})
CREATE (e:Epci {code: $epci, name: 'EPCI ' + $T})-[:PART_OF]->(t)
CREATE (c:Commune {code: $commune, name: 'Commune ' + $T, population: 100})-[:PART_OF]->(e)
WITH t, c
UNWIND ['A', 'B', 'C', 'D'] AS letter
CREATE (s:Structure {id: letter + '-' + $suffix, name: 'Structure ' + letter, sector: 'CARE', kind: 'Association'})-[:LOCATED_IN]->(c)
WITH t, c, collect(s) AS structures
UNWIND range(1, 7) AS n
CREATE (p:Actor {id: 'p' + n + '-' + $suffix, firstName: 'P', lastName: toString(n), category: 'PROFESSIONAL'})
WITH t, c, collect(p) AS people
CREATE (g1:WorkGroup {id: 'g1-' + $suffix, name: 'G1', startedOn: date('2020-01-01')})-[:BELONGS_TO]->(t)
CREATE (g2:WorkGroup {id: 'g2-' + $suffix, name: 'G2', startedOn: date('2020-01-01')})-[:BELONGS_TO]->(t)
CREATE (e1:Event {id: 'e1-' + $suffix, title: 'E1', date: date('2024-05-01')})-[:HELD_IN]->(c)
CREATE (e2:Event {id: 'e2-' + $suffix, title: 'E2', date: date('2024-06-01')})-[:HELD_IN]->(c)
`;

const LINKS = `
MATCH (a:Structure {id: 'A-' + $suffix}), (b:Structure {id: 'B-' + $suffix}), (c:Structure {id: 'C-' + $suffix}), (d:Structure {id: 'D-' + $suffix})
MATCH (p1:Actor {id: 'p1-' + $suffix}), (p2:Actor {id: 'p2-' + $suffix}), (p3:Actor {id: 'p3-' + $suffix}), (p4:Actor {id: 'p4-' + $suffix})
MATCH (p5:Actor {id: 'p5-' + $suffix}), (p6:Actor {id: 'p6-' + $suffix}), (p7:Actor {id: 'p7-' + $suffix})
MATCH (g1:WorkGroup {id: 'g1-' + $suffix}), (g2:WorkGroup {id: 'g2-' + $suffix}), (e1:Event {id: 'e1-' + $suffix}), (e2:Event {id: 'e2-' + $suffix})
CREATE (p1)-[:MEMBER_OF {since: date('2020-01-01')}]->(a), (p1)-[:MEMBER_OF {since: date('2020-01-01')}]->(b), (p1)-[:ATTENDED]->(e1)
CREATE (p2)-[:MEMBER_OF {since: date('2020-01-01'), until: date('2024-03-01')}]->(c), (p2)-[:MEMBER_OF {since: date('2024-03-02')}]->(d)
CREATE (p3)-[:MEMBER_OF {since: date('2020-01-01')}]->(a), (p2)-[:ATTENDED]->(e2), (p3)-[:ATTENDED]->(e2)
CREATE (p4)-[:MEMBER_OF {since: date('2020-01-01')}]->(b), (p4)-[:PARTICIPATES_IN {role: 'MEMBER', since: date('2024-01-01'), until: date('2024-02-28')}]->(g1)
CREATE (p5)-[:MEMBER_OF {since: date('2020-01-01')}]->(c), (p5)-[:PARTICIPATES_IN {role: 'MEMBER', since: date('2024-04-01'), until: date('2024-12-31')}]->(g1)
CREATE (p6)-[:MEMBER_OF {since: date('2020-01-01')}]->(b), (p6)-[:PARTICIPATES_IN {role: 'MEMBER', since: date('2023-01-01')}]->(g2)
CREATE (p7)-[:MEMBER_OF {since: date('2020-01-01')}]->(d), (p7)-[:PARTICIPATES_IN {role: 'MEMBER', since: date('2024-01-01')}]->(g2)
`;

beforeAll(async () => {
  driver = neo4j.driver(inject("neo4jUri"));
  const parameters = { T, suffix, epci: `9${suffix}`, commune: `c${suffix}` };
  await driver.executeQuery(SETUP, parameters);
  await driver.executeQuery(LINKS, parameters);
});

afterAll(async () => {
  await driver.executeQuery(
    `MATCH (n) WHERE (n:Territory AND n.id = $T) OR (n:Epci AND n.code = $epci) OR (n:Commune AND n.code = $commune) OR (n.id IS NOT NULL AND n.id ENDS WITH $tail)
     DETACH DELETE n`,
    { T, epci: `9${suffix}`, commune: `c${suffix}`, tail: `-${suffix}` },
  );
  await driver.close();
});

const tiesOf = (ties: readonly { source: string; target: string; weight: number }[]) => ties.map((tie) => `${tie.source}|${tie.target}|${tie.weight}`);

describe("dated ties", () => {
  const service = () => new AnalyticsService(createQueryRunner(driver, loadQueries()));
  const year = parseWindow({ from: "2024-01-01", to: "2024-12-31" });

  it("ties organisations only through two different people who were members on the date, or during overlapping participations", async () => {
    const analysis = await service().analyse({ territoryId: T, level: "STRUCTURE", window: year, filter: NO_FILTER });
    expect(tiesOf(analysis.tieList())).toEqual([`${id("A")}|${id("D")}|1`, `${id("B")}|${id("D")}|1`]);
    // Every structure stays a node; C and nobody else is isolated.
    expect(analysis.graphMetrics().isolatedNodes).toEqual([id("C")]);
  });

  it("ties people through an event both attended, or a work group only where their participations overlap", async () => {
    const analysis = await service().analyse({ territoryId: T, level: "ACTOR", window: year, filter: NO_FILTER });
    expect(tiesOf(analysis.tieList())).toEqual([`${id("p2")}|${id("p3")}|1`, `${id("p6")}|${id("p7")}|1`]);
    // Before p7 joined g2, the two did not overlap: nobody is tied in 2023.
    const before = await service().analyse({ territoryId: T, level: "ACTOR", window: parseWindow({ from: "2023-01-01", to: "2023-12-31" }), filter: NO_FILTER });
    expect(before.tieList()).toEqual([]);
  });

  it("gives exactly the demo's structure ties through events of 2023 that a direct Cypher count finds", async () => {
    const { records } = await driver.executeQuery(
      `MATCH (t:Territory {id: 'pays-cevennes'})
       CALL (t) {
         MATCH (t)<-[:PART_OF]-(:Epci)<-[:PART_OF]-(:Commune)<-[:LOCATED_IN]-(o:Structure) RETURN o
         UNION MATCH (t)<-[:BELONGS_TO]-(:WorkGroup)<-[:PARTICIPATES_IN]-(:Actor)-[:MEMBER_OF]->(o:Institution) RETURN o
         UNION MATCH (t)<-[:COVERS]-(:Contract)<-[:SIGNED]-(o:Institution) RETURN o
       }
       WITH t, collect(o) AS organisations
       MATCH (t)<-[:PART_OF]-(:Epci)<-[:PART_OF]-(:Commune)<-[:HELD_IN]-(ev:Event)
       WHERE date('2023-01-01') <= ev.date <= date('2023-12-31')
       MATCH (ev)<-[:ATTENDED]-(p:Actor)-[m:MEMBER_OF]->(a), (ev)<-[:ATTENDED]-(q:Actor)-[n:MEMBER_OF]->(b)
       WHERE p <> q AND a.id < b.id AND a IN organisations AND b IN organisations
         AND (m.since IS NULL OR m.since <= ev.date) AND (m.until IS NULL OR ev.date <= m.until)
         AND (n.since IS NULL OR n.since <= ev.date) AND (n.until IS NULL OR ev.date <= n.until)
       WITH a.id AS source, b.id AS target, count(DISTINCT ev) AS weight
       RETURN source, target, weight ORDER BY source, target`,
    );
    const expected = records.map((record) => `${String(record.get("source"))}|${String(record.get("target"))}|${neo4j.integer.toNumber(record.get("weight"))}`);
    const response = await graphqlAs<{ collaborationNetwork: { nodes: { id: string }[]; packedTies: { sources: number[]; targets: number[]; weights: number[] } } }>(
      ADMIN,
      `{ collaborationNetwork(territoryId: "pays-cevennes", level: STRUCTURE, window: { from: "2023-01-01", to: "2023-12-31" }, filter: { through: [EVENT] }) {
          nodes { id } packedTies { sources targets weights } } }`,
    );
    expect(response.errors).toBeUndefined();
    const network = response.data?.collaborationNetwork;
    if (!network) throw new Error("no network");
    const actual = network.packedTies.sources.map(
      (source, i) => `${network.nodes[source]?.id}|${network.nodes[network.packedTies.targets[i] ?? -1]?.id}|${network.packedTies.weights[i]}`,
    );
    expect(expected.length).toBeGreaterThan(100);
    const order = (list: string[]) => [...list].sort();
    expect(order(actual)).toEqual(order(expected));
  });
});
