import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { graphqlAs, type TestViewer } from "../../../test/graphql.js";

const PC = "pays-cevennes";
const GCC = "gorges-causses-cevennes";
const ANALYST: TestViewer = { role: "ANALYST", territories: [PC, GCC] };
const COORDINATOR: TestViewer = { role: "COORDINATOR", territories: [PC] };

interface Node {
  id: string;
  label: string;
  metrics: { degree: number; weightedDegree: number; betweenness: number; betweennessRaw: number; closeness: number; community: number };
}

describe("the analyst API on a tiny hand-made territory", () => {
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const territoryId = `analytics-test-${suffix}`;
  const id = (local: string): string => `${territoryId}-${local}`;
  const viewer: TestViewer = { role: "ANALYST", territories: [territoryId] };
  let driver: Driver;

  // a1–a2 share g1, a2–a3 share g2, a3–a4 share g3: a path of four actors. Event ev1 (a1, a4)
  // closes it into a cycle when events count. a1, a3 belong to s1 (CARE), a2 to s2, a4 to s3.
  beforeAll(async () => {
    driver = neo4j.driver(inject("neo4jUri"));
    await driver.executeQuery(
      `CREATE (t:Territory {id: $territoryId, name: 'Test', isDemo: true})
       CREATE (e:Epci {code: $epci, name: 'EPCI test', population: 10})-[:PART_OF]->(t)
       CREATE (c:Commune {code: $commune, name: 'Commune test', population: 10, departement: '99'})-[:PART_OF]->(e)
       WITH t, c
       UNWIND [['s1', 'CARE'], ['s2', 'SOCIAL'], ['s3', 'EDUCATION']] AS s
       CREATE (:Structure {id: $prefix + s[0], name: 'Structure ' + s[0], sector: s[1], kind: 'Association'})-[:LOCATED_IN]->(c)
       WITH DISTINCT t, c
       UNWIND [['a1', 's1'], ['a2', 's2'], ['a3', 's1'], ['a4', 's3']] AS m
       MATCH (s:Structure {id: $prefix + m[1]})
       CREATE (:Actor {id: $prefix + m[0], firstName: 'Prénom' + m[0], lastName: 'Nom' + m[0], email: m[0] + '@exemple.test', category: 'PROFESSIONAL'})
         -[:MEMBER_OF {since: date('2020-01-01')}]->(s)
       WITH DISTINCT t, c
       UNWIND [['g1', ['a1', 'a2']], ['g2', ['a2', 'a3']], ['g3', ['a3', 'a4']]] AS g
       CREATE (w:WorkGroup {id: $prefix + g[0], name: 'Groupe ' + g[0], kind: 'WORK_GROUP', startedOn: date('2020-01-01')})-[:BELONGS_TO]->(t)
       WITH t, c, w, g
       UNWIND g[1] AS actor
       MATCH (a:Actor {id: $prefix + actor})
       CREATE (a)-[:PARTICIPATES_IN {role: 'MEMBER', since: date('2020-01-01')}]->(w)
       WITH DISTINCT c
       CREATE (ev:Event {id: $prefix + 'ev1', title: 'Réunion', kind: 'MEETING', date: date('2023-05-01'), durationHours: 2.0})-[:HELD_IN]->(c)
       WITH ev
       MATCH (a:Actor) WHERE a.id IN [$prefix + 'a1', $prefix + 'a4']
       CREATE (a)-[:ATTENDED {volunteerHours: 0.0}]->(ev)`,
      { territoryId, epci: `E${suffix}`, commune: `C${suffix}`, prefix: `${territoryId}-` },
    );
  });

  afterAll(async () => {
    await driver.executeQuery(
      `MATCH (n) WHERE n.id STARTS WITH $prefix OR n.id = $territoryId OR n.code IN [$epci, $commune] DETACH DELETE n`,
      { prefix: `${territoryId}-`, territoryId, epci: `E${suffix}`, commune: `C${suffix}` },
    );
    await driver.close();
  });

  const metricsQuery = `query GetMetrics($territoryId: ID!, $filter: NetworkFilterInput) {
    networkMetrics(territoryId: $territoryId, level: ACTOR, filter: $filter, orderBy: ID) {
      summary { nodeCount tieCount density largestComponentSize }
      nodes { id label metrics { degree weightedDegree betweenness betweennessRaw closeness community } }
    }
  }`;

  it("returns the hand-computed degree, betweenness and closeness of a path a1–a2–a3–a4", async () => {
    const result = await graphqlAs<{ networkMetrics: { summary: { nodeCount: number; tieCount: number; density: number }; nodes: Node[] } }>(
      viewer,
      metricsQuery,
      { territoryId, filter: { through: ["WORK_GROUP"] } },
    );
    expect(result.errors).toBeUndefined();
    const { summary, nodes } = result.data!.networkMetrics;
    expect(summary).toMatchObject({ nodeCount: 4, tieCount: 3, density: 0.5 });
    const byId = new Map(nodes.map((node) => [node.id.slice(territoryId.length + 1), node.metrics]));
    expect([1, 2, 2, 1]).toEqual(["a1", "a2", "a3", "a4"].map((key) => byId.get(key)?.degree));
    // a2 lies on the shortest paths a1–a3 and a1–a4: 2 of the 3 pairs of other nodes.
    expect(byId.get("a2")?.betweennessRaw).toBe(2);
    expect(byId.get("a2")?.betweenness).toBeCloseTo(2 / 3, 10);
    expect(byId.get("a1")?.betweenness).toBe(0);
    // closeness(a1) = 3 / (1 + 2 + 3); closeness(a2) = 3 / (1 + 1 + 2).
    expect(byId.get("a1")?.closeness).toBeCloseTo(0.5, 10);
    expect(byId.get("a2")?.closeness).toBeCloseTo(0.75, 10);
  });

  it("finds the path a1 → a4 through work groups, and the shortcut when events count", async () => {
    const query = `query GetPath($territoryId: ID!, $fromId: ID!, $toId: ID!, $filter: NetworkFilterInput) {
      collaborationPath(territoryId: $territoryId, fromId: $fromId, toId: $toId, level: ACTOR, filter: $filter) {
        isConnected length nodes { id } ties { source target weight }
      }
    }`;
    type Path = { collaborationPath: { isConnected: boolean; length: number; nodes: { id: string }[] } };
    const groupsOnly = await graphqlAs<Path>(viewer, query, { territoryId, fromId: id("a1"), toId: id("a4"), filter: { through: ["WORK_GROUP"] } });
    expect(groupsOnly.errors).toBeUndefined();
    expect(groupsOnly.data!.collaborationPath.nodes.map((node) => node.id)).toEqual(["a1", "a2", "a3", "a4"].map(id));
    expect(groupsOnly.data!.collaborationPath.length).toBe(3);
    const withEvents = await graphqlAs<Path>(viewer, query, { territoryId, fromId: id("a1"), toId: id("a4") });
    expect(withEvents.data!.collaborationPath.length).toBe(1);
  });

  it("shows an analyst pseudonyms and a coordinator of the territory real names, never contact details", async () => {
    const query = `query GetEgo($territoryId: ID!, $nodeId: ID!) {
      egoNetwork(territoryId: $territoryId, nodeId: $nodeId, depth: 1, level: ACTOR) { members { distance node { id label } } }
    }`;
    type Ego = { egoNetwork: { members: { distance: number; node: { id: string; label: string } }[] } };
    const asAnalyst = await graphqlAs<Ego>(viewer, query, { territoryId, nodeId: id("a2") });
    expect(asAnalyst.errors).toBeUndefined();
    const labels = asAnalyst.data!.egoNetwork.members.map((member) => member.node.label);
    expect(labels).toHaveLength(3);
    for (const text of labels) expect(text).toMatch(/^Acteur [0-9A-Z]{8}$/);
    expect(JSON.stringify(asAnalyst)).not.toMatch(/Prénom|Nom|exemple\.test/);
    const asCoordinator = await graphqlAs<Ego>({ role: "COORDINATOR", territories: [territoryId] }, query, { territoryId, nodeId: id("a2") });
    expect(asCoordinator.data!.egoNetwork.members[0]?.node.label).toBe("Prénoma2 Noma2");
  });
});

describe("the analyst API on the demo territories", () => {
  it("gives the key figures of Pays Cévennes in the ranges of DOMAIN.md", async () => {
    const result = await graphqlAs<{ keyFigures: Record<string, number> }>(
      ANALYST,
      `{ keyFigures(territoryId: "${PC}", year: 2023) {
          actors activeActors structures institutions workGroups axes events volunteerHours inhabitants communes epcis } }`,
    );
    expect(result.errors).toBeUndefined();
    const figures = result.data!.keyFigures;
    expect(figures).toMatchObject({ structures: 277, institutions: 14, workGroups: 120, axes: 11, communes: 94, epcis: 2, inhabitants: 156_691 });
    expect(figures.events).toBeGreaterThanOrEqual(950);
    expect(figures.events).toBeLessThanOrEqual(1050);
    expect(figures.volunteerHours).toBeGreaterThanOrEqual(8500);
    expect(figures.volunteerHours).toBeLessThanOrEqual(9300);
    expect(figures.activeActors).toBeGreaterThanOrEqual(1200);
    expect(figures.activeActors).toBeLessThanOrEqual(1600);
    expect(figures.actors).toBeGreaterThanOrEqual(1520);
  });

  it("scopes every query by territory: a node of one territory is NOT_FOUND in the other", async () => {
    const query = `query GetEgo($territoryId: ID!, $nodeId: ID!) { egoNetwork(territoryId: $territoryId, nodeId: $nodeId) { depth } }`;
    const inOwn = await graphqlAs(ANALYST, query, { territoryId: GCC, nodeId: `${GCC}-s-001` });
    expect(inOwn.errors).toBeUndefined();
    const inOther = await graphqlAs(ANALYST, query, { territoryId: PC, nodeId: `${GCC}-s-001` });
    expect(inOther.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("compares both territories side by side", async () => {
    const result = await graphqlAs<{
      territoryComparison: { territories: { territoryId: string; keyFigures: { communes: number }; network: { nodeCount: number; density: number }; coverage: { coverageShare: number } }[] };
    }>(ANALYST, `{ territoryComparison(territoryIds: ["${PC}", "${GCC}"], year: 2023) {
        territories { territoryId keyFigures { communes structures } network { nodeCount density } coverage { coverageShare whiteZoneCount } } } }`);
    expect(result.errors).toBeUndefined();
    const [pc, gcc] = result.data!.territoryComparison.territories;
    expect(pc?.territoryId).toBe(PC);
    expect(gcc?.territoryId).toBe(GCC);
    expect(gcc?.keyFigures.communes).toBe(17);
    expect(gcc!.network.nodeCount).toBeLessThan(pc!.network.nodeCount);
  });

  it("refuses a territory outside the viewer's token, and answers an unknown one with NOT_FOUND", async () => {
    const outside = await graphqlAs(COORDINATOR, `{ keyFigures(territoryId: "${GCC}", year: 2023) { events } }`);
    expect(outside.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const unknown = await graphqlAs(COORDINATOR, `{ keyFigures(territoryId: "nowhere", year: 2023) { events } }`);
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("finds white zones in the coverage of Pays Cévennes", async () => {
    const result = await graphqlAs<{ coverage: { cellCount: number; whiteZones: { isUncovered: boolean; missingAxes: unknown[] }[] } }>(
      ANALYST,
      `{ coverage(territoryId: "${PC}", window: { from: "2023-01-01", to: "2023-12-31" }) {
          cellCount whiteZones { isUncovered missingAxes { id name } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.coverage.cellCount).toBe(94 * 11);
    expect(result.data!.coverage.whiteZones.length).toBeGreaterThan(0);
  });

  it("shows ties gained and lost, structures joined and left, from CLS 2 to CLS 3", async () => {
    const result = await graphqlAs<{ networkEvolution: Record<string, number | { delta: number }> }>(
      ANALYST,
      `{ networkEvolution(territoryId: "${PC}", level: STRUCTURE,
           before: { from: "2013-07-01", to: "2018-12-31" }, after: { from: "2019-06-27", to: "2025-12-31" },
           filter: { through: [WORK_GROUP] }) {
          tiesGainedCount tiesLostCount tiesKept joinedCount leftCount density { delta } largestComponentSize { before after } } }`,
    );
    expect(result.errors).toBeUndefined();
    const evolution = result.data!.networkEvolution;
    expect(evolution.tiesGainedCount).toBeGreaterThan(0);
    expect(evolution.tiesLostCount).toBeGreaterThan(0);
    expect(evolution.tiesKept).toBeGreaterThan(0);
  });

  it("refuses ego depths outside 1 to 3 with BAD_USER_INPUT", async () => {
    for (const depth of [0, 4]) {
      const result = await graphqlAs(ANALYST, `{ egoNetwork(territoryId: "${PC}", nodeId: "${PC}-s-001", depth: ${depth}) { depth } }`);
      expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
  });

  it("pages the ties of a network with cursors", async () => {
    const query = `query GetNetwork($after: String) {
      collaborationNetwork(territoryId: "${GCC}", level: STRUCTURE, window: { from: "2023-01-01", to: "2023-12-31" }, first: 50, after: $after) {
        ties { totalCount hasNextPage endCursor ties { source target weight } }
      }
    }`;
    type Page = { collaborationNetwork: { ties: { totalCount: number; hasNextPage: boolean; endCursor: string | null; ties: { source: string; target: string }[] } } };
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 100; page += 1) {
      const result: Awaited<ReturnType<typeof graphqlAs<Page>>> = await graphqlAs<Page>(ANALYST, query, { after });
      expect(result.errors).toBeUndefined();
      const ties = result.data!.collaborationNetwork.ties;
      total = ties.totalCount;
      seen.push(...ties.ties.map((tie) => `${tie.source}|${tie.target}`));
      if (!ties.hasNextPage) break;
      after = ties.endCursor;
    }
    expect(total).toBeGreaterThan(50);
    expect(new Set(seen).size).toBe(total);
  });

  it("draws the pilots' actor network from shared pilot and co-pilot participations only, events left out", async () => {
    const query = `query GetNetwork($filter: NetworkFilterInput) {
      collaborationNetwork(territoryId: "${PC}", level: ACTOR, window: { from: "2023-01-01", to: "2023-12-31" }, filter: $filter) {
        summary { nodeCount tieCount }
        nodes { id }
        packedTies { count sources targets weights }
      }
    }`;
    type Network = {
      collaborationNetwork: {
        summary: { nodeCount: number; tieCount: number };
        nodes: { id: string }[];
        packedTies: { count: number; sources: number[]; targets: number[]; weights: number[] };
      };
    };
    const everyone = await graphqlAs<Network>(ANALYST, query, {});
    const pilots = await graphqlAs<Network>(ANALYST, query, { filter: { roles: ["PILOT", "CO_PILOT"] } });
    expect(everyone.errors).toBeUndefined();
    expect(pilots.errors).toBeUndefined();
    const all = everyone.data!.collaborationNetwork;
    const network = pilots.data!.collaborationNetwork;
    expect(network.summary.nodeCount).toBeGreaterThan(10);
    expect(network.summary.nodeCount).toBeLessThan(all.summary.nodeCount / 3);
    expect(network.summary.tieCount).toBeLessThan(all.summary.tieCount / 10);

    // The same network straight from the graph: actors tied once per work group of the territory,
    // active in 2023, where both were pilot or co-pilot during 2023.
    const driver = neo4j.driver(inject("neo4jUri"));
    try {
      const { records } = await driver.executeQuery(
        `MATCH (:Territory {id: $territoryId})<-[:BELONGS_TO]-(g:WorkGroup)
         WHERE g.startedOn <= $to AND (g.endedOn IS NULL OR g.endedOn >= $from)
         MATCH (g)<-[p:PARTICIPATES_IN]-(a:Actor)
         WHERE p.role IN ['PILOT', 'CO_PILOT'] AND (p.since IS NULL OR p.since <= $to) AND (p.until IS NULL OR p.until >= $from)
         WITH g, collect(DISTINCT a.id) AS ids
         UNWIND ids AS source
         UNWIND ids AS target
         WITH g, source, target WHERE source < target
         RETURN source, target, count(DISTINCT g) AS weight`,
        { territoryId: PC, from: new neo4j.types.Date(2023, 1, 1), to: new neo4j.types.Date(2023, 12, 31) },
      );
      const expected = records.map((record) => `${String(record.get("source"))}|${String(record.get("target"))}|${neo4j.integer.toNumber(record.get("weight"))}`).sort();
      const { sources, targets, weights } = network.packedTies;
      const ids = network.nodes.map((node) => node.id);
      const got = sources.map((source, i) => `${ids[source]}|${ids[targets[i]!]}|${weights[i]}`).sort();
      expect(got).toEqual(expected);
    } finally {
      await driver.close();
    }
  });

  it("refuses an unknown participation role with a GraphQL validation error", async () => {
    const result = await graphqlAs(ANALYST, `{ networkMetrics(territoryId: "${PC}", filter: { roles: [CHAIR] }) { summary { nodeCount } } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("gives an analyst pseudonyms, never names, in the demo actor network", async () => {
    const result = await graphqlAs<{ networkMetrics: { nodes: { label: string; kind: string }[] } }>(
      ANALYST,
      `{ networkMetrics(territoryId: "${GCC}", level: ACTOR, window: { from: "2023-01-01", to: "2023-12-31" }, first: 10) {
          nodes { kind label } } }`,
    );
    expect(result.errors).toBeUndefined();
    for (const node of result.data!.networkMetrics.nodes) {
      expect(node.kind).toBe("ACTOR");
      expect(node.label).toMatch(/^Acteur [0-9A-Z]{8}$/);
    }
  });
});
