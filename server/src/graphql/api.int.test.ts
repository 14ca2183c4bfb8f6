import { describe, expect, inject, it } from "vitest";
import { ADMIN, graphqlAs, type GraphQLResponse, type TestViewer } from "../../../test/graphql.js";

const appUrl = inject("appUrl");

/** The figures below are Pays Cévennes': its coordinator sees that territory only. */
const coordinator: TestViewer = { role: "COORDINATOR", territories: ["pays-cevennes"] };

const graphql = <T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> =>
  graphqlAs<T>(coordinator, query, variables);

describe("the GraphQL API on the demo territory", () => {
  it("answers counts that match DOMAIN.md", async () => {
    const result = await graphql<Record<string, { aggregate: { count: { nodes: number } } }>>(`
      query GetCounts {
        communesConnection { aggregate { count { nodes } } }
        epcisConnection { aggregate { count { nodes } } }
        axesConnection { aggregate { count { nodes } } }
        institutionsConnection { aggregate { count { nodes } } }
        structuresConnection { aggregate { count { nodes } } }
        actorsConnection { aggregate { count { nodes } } }
        workGroupsConnection { aggregate { count { nodes } } }
      }`);
    expect(result.errors).toBeUndefined();
    const count = (field: string): number => result.data?.[field]?.aggregate.count.nodes ?? -1;
    expect(count("communesConnection")).toBe(94);
    expect(count("epcisConnection")).toBe(2);
    expect(count("axesConnection")).toBe(11);
    expect(count("institutionsConnection")).toBe(14);
    expect(count("structuresConnection")).toBe(277);
    expect(count("actorsConnection")).toBeGreaterThanOrEqual(1520);
    expect(count("actorsConnection")).toBeLessThanOrEqual(1680);
    expect(count("workGroupsConnection")).toBe(120);
  });

  it("counts about 1,000 events in a year", async () => {
    const result = await graphql<{ eventsConnection: { aggregate: { count: { nodes: number } } } }>(`
      query GetEvents2023 {
        eventsConnection(where: { date: { gte: "2023-01-01", lte: "2023-12-31" } }) { aggregate { count { nodes } } }
      }`);
    expect(result.errors).toBeUndefined();
    const events = result.data?.eventsConnection.aggregate.count.nodes ?? 0;
    expect(events).toBeGreaterThanOrEqual(950);
    expect(events).toBeLessThanOrEqual(1050);
  });

  it("pages structures with cursors, sorted by name", async () => {
    const page = `query GetStructures($after: String) {
      structuresConnection(first: 100, after: $after, sort: [{ name: ASC }]) {
        edges { cursor node { id name } }
        pageInfo { hasNextPage endCursor }
      }
    }`;
    type Page = {
      structuresConnection: {
        edges: { node: { id: string; name: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const ids: string[] = [];
    const names: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages += 1) {
      const result: GraphQLResponse<Page> = await graphql<Page>(page, { after });
      expect(result.errors).toBeUndefined();
      const connection = result.data!.structuresConnection;
      ids.push(...connection.edges.map((edge) => edge.node.id));
      names.push(...connection.edges.map((edge) => edge.node.name));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(new Set(ids).size).toBe(277);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("filters through relationships: structures located in Alès", async () => {
    const result = await graphql<{ structures: { id: string; commune: { code: string }[] }[] }>(`
      query GetAlesStructures {
        structures(where: { commune: { some: { code: { eq: "30007" } } } }) { id commune { code } }
      }`);
    expect(result.errors).toBeUndefined();
    const structures = result.data?.structures ?? [];
    expect(structures.length).toBeGreaterThan(20);
    for (const structure of structures) expect(structure.commune[0]?.code).toBe("30007");
  });

  it("draws the structure network with weighted ties between known nodes", async () => {
    const result = await graphql<{
      structureNetwork: { nodes: { id: string; kind: string }[]; ties: { source: string; target: string; weight: number }[] };
    }>(`
      query GetStructureNetwork {
        structureNetwork(territoryId: "pays-cevennes") {
          nodes { id kind sector memberCount }
          ties { source target weight }
        }
      }`);
    expect(result.errors).toBeUndefined();
    const network = result.data!.structureNetwork;
    const ids = new Set(network.nodes.map((node) => node.id));
    expect(network.nodes.filter((node) => node.kind === "STRUCTURE")).toHaveLength(277);
    expect(network.ties.length).toBeGreaterThan(100);
    for (const tie of network.ties) {
      expect(ids.has(tie.source) && ids.has(tie.target)).toBe(true);
      expect(tie.source < tie.target).toBe(true);
      expect(tie.weight).toBeGreaterThanOrEqual(1);
    }
    const tied = new Set(network.ties.flatMap((tie) => [tie.source, tie.target]));
    expect(network.nodes.some((node) => !tied.has(node.id))).toBe(true);
  });

  it("shows fewer ties in the CLS 1 window than over every period", async () => {
    const query = `query GetWindow($from: Date, $to: Date) {
      structureNetwork(territoryId: "pays-cevennes", from: $from, to: $to) { ties { weight } }
    }`;
    const all = await graphql<{ structureNetwork: { ties: unknown[] } }>(query);
    const cls1 = await graphql<{ structureNetwork: { ties: unknown[] } }>(query, { from: "2011-01-01", to: "2012-12-31" });
    expect(cls1.errors).toBeUndefined();
    expect(cls1.data!.structureNetwork.ties.length).toBeGreaterThan(0);
    expect(cls1.data!.structureNetwork.ties.length).toBeLessThan(all.data!.structureNetwork.ties.length);
  });

  it("answers an unknown territory with NOT_FOUND", async () => {
    // A coordinator gets FORBIDDEN for any territory outside the token: only an administrator can ask.
    const result = await graphqlAs(ADMIN, `{ structureNetwork(territoryId: "nowhere") { ties { weight } } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("answers a reversed window with BAD_USER_INPUT", async () => {
    const result = await graphql(
      `{ structureNetwork(territoryId: "pays-cevennes", from: "2020-01-01", to: "2019-01-01") { ties { weight } } }`,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("never leaks Cypher or driver messages in errors", async () => {
    const result = await graphql(`{ structureNetwork(territoryId: "pays-cevennes", from: "not-a-date") { ties { weight } } }`);
    // The strict Date scalar (graphql/dateScalar.ts) refuses the literal with a message of its own.
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const text = JSON.stringify(result.errors);
    expect(text).not.toMatch(/MATCH|Neo4jError|stacktrace|at .*\.ts/);
  });
});

describe("/health", () => {
  it("reports Neo4j connectivity", async () => {
    const response = await fetch(`${appUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", neo4j: "up" });
  });
});
