import { ApolloServer } from "@apollo/server";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { parse, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { PAGE_OPERATIONS } from "./pageOperations.js";
import { beforeAll, describe, expect, it } from "vitest";
import { formatError } from "../errors.js";
import { checkLimits, DEFAULT_GRAPHQL_LIMITS, limitsPlugin, type BuildCostEstimate, type GraphQLLimits } from "./limits.js";
import { analyticsDemand } from "./networkCost.js";
import { readTypeDefs } from "./schema.js";

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await new Neo4jGraphQL({ typeDefs: readTypeDefs() }).getSchema();
}, 60_000);

function demand(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
  if (operation === undefined) throw new Error("no operation");
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === "FragmentDefinition" ? [[d.name.value, d] as const] : [])));
  return analyticsDemand(schema, operation, fragments, variables);
}

function check(query: string, variables: Record<string, unknown> = {}, estimate?: BuildCostEstimate, limits: GraphQLLimits = DEFAULT_GRAPHQL_LIMITS) {
  const error = checkLimits({ schema, document: parse(query), variables }, limits, estimate);
  return error === undefined ? undefined : { code: error.extensions.code, message: error.message };
}

/** `count` aliases of networkMetrics, window i for alias i (or the same window for all). */
function aliases(count: number, sameWindow = false): string {
  const fields = Array.from({ length: count }, (_, i) => {
    const year = sameWindow ? 2023 : 2000 + i;
    return `m${i}: networkMetrics(territoryId: "t", level: ACTOR, window: { from: "${year}-01-01", to: "${year}-12-31" }) { summary { nodeCount } }`;
  });
  return `{ ${fields.join(" ")} }`;
}

describe("the networks an operation builds", () => {
  it("counts distinct territory × level × window × filter, through aliases, fragments and variables", () => {
    const query = `query Q($w: WindowInput, $f: NetworkFilterInput) {
      a: collaborationNetwork(territoryId: "t", window: $w) { territoryId }
      b: networkMetrics(territoryId: "t", window: $w) { territoryId }
      ... on Query { c: communities(territoryId: "t", level: ACTOR, window: $w) { modularity } }
      ...F
    }
    fragment F on Query { d: egoNetwork(territoryId: "t", nodeId: "n", window: $w, filter: $f) { depth } }`;
    const { networks, expensiveFields } = demand(query, { w: { from: "2023-01-01", to: "2023-12-31" }, f: { minWeight: 2 } });
    expect(expensiveFields).toBe(4);
    expect(networks.map((n) => [n.level, n.window.from, n.filter.minWeight])).toEqual([
      ["STRUCTURE", "2023-01-01", 1],
      ["ACTOR", "2023-01-01", 1],
      ["STRUCTURE", "2023-01-01", 2],
    ]);
  });

  it("reads the networks of evolution, comparison, participation, export and a details panel's node", () => {
    const query = `{
      networkEvolution(territoryId: "t", before: { from: "2013-07-01", to: "2018-12-31" }, after: { from: "2019-06-27" }) { tiesKept }
      territoryComparison(territoryIds: ["t", "u", "t"], year: 2023) { year }
      participationNetwork(territoryId: "t") { territoryId }
      networkExport(territoryId: "t", view: ACTORS, format: GEXF) { content }
      organisationDetails(territoryId: "t", id: "s", window: { from: "2024-01-01" }) { name node { id } }
      withoutNode: organisationDetails(territoryId: "t", id: "s", window: { from: "2025-01-01" }) { name }
    }`;
    const { networks } = demand(query);
    expect(networks.map((n) => `${n.territoryId} ${n.level} ${n.window.from ?? "∞"} ${n.filter.through.join("+")}`)).toEqual([
      "t STRUCTURE 2013-07-01 EVENT+WORK_GROUP",
      "t STRUCTURE 2019-06-27 EVENT+WORK_GROUP",
      "t STRUCTURE 2023-01-01 EVENT+WORK_GROUP",
      "u STRUCTURE 2023-01-01 EVENT+WORK_GROUP",
      "t ACTOR ∞ WORK_GROUP",
      "t ACTOR ∞ EVENT+WORK_GROUP",
      "t STRUCTURE 2024-01-01 EVENT+WORK_GROUP",
    ]);
  });

  it("leaves out arguments a resolver refuses (a window ending before it starts builds nothing)", () => {
    expect(demand(`{ networkMetrics(territoryId: "t", window: { from: "2023-05-01", to: "2023-01-01" }) { level } }`).networks).toEqual([]);
  });
});

describe("the network limits", () => {
  it("refuses too many distinct networks with TOO_MANY_NETWORKS, before anything runs", () => {
    // Actor networks of unknown size count 2 units: 4 fit in 8, 5 do not.
    expect(check(aliases(4))).toBeUndefined();
    const refused = check(aliases(5));
    expect(refused?.code).toBe("TOO_MANY_NETWORKS");
    expect(refused?.message).toMatch(/5 distinct networks .* costing 10 units; at most 8 per operation/);
  });

  it("lets identical aliases of one network through, and cached networks cost nothing", () => {
    expect(check(aliases(10, true))).toBeUndefined();
    expect(check(aliases(10), {}, () => 0)).toBeUndefined();
    expect(check(aliases(3), {}, () => 4)?.code).toBe("TOO_MANY_NETWORKS");
  });

  it("caps the aliases of expensive analytics fields with TOO_MANY_ANALYTICS_FIELDS", () => {
    const refused = check(aliases(11, true));
    expect(refused?.code).toBe("TOO_MANY_ANALYTICS_FIELDS");
    expect(refused?.message).toMatch(/11 analytics fields .* at most 10 per operation/);
    const keyFigures = Array.from({ length: 11 }, (_, i) => `k${i}: keyFigures(territoryId: "t", year: 2023) { actors }`).join(" ");
    expect(check(`{ ${keyFigures} }`)?.code).toBe("TOO_MANY_ANALYTICS_FIELDS");
  });
});

describe("the token limit of a document", () => {
  it("refuses the 1,000 aliases of the finding while parsing, and keeps the page's operations far below it", () => {
    const options = { maxTokens: DEFAULT_GRAPHQL_LIMITS.maxTokens };
    expect(() => parse(aliases(1000, true), options)).toThrow(/Document contains more tha. 15000 tokens/);
    for (const operation of PAGE_OPERATIONS) expect(() => parse(operation.query, { maxTokens: DEFAULT_GRAPHQL_LIMITS.maxTokens / 20 })).not.toThrow();
  });
});

describe("the budget per user and minute", () => {
  it("answers 429 with Retry-After once a user's units are spent, per token subject", async () => {
    const server = new ApolloServer<{ viewer: { subject: string } }>({
      schema,
      plugins: [limitsPlugin({ ...DEFAULT_GRAPHQL_LIMITS, networkCostPerMinute: 5 })],
      formatError: (formatted, error) => formatError(formatted, error, () => undefined),
    });
    await server.start();
    // Two structure networks (1 unit each) per request; the fields then fail (no database), which does not matter here.
    const query = (year: number) =>
      `{ a: networkMetrics(territoryId: "t", window: { from: "${year}-01-01" }) { level } b: networkMetrics(territoryId: "t", window: { to: "${year}-12-31" }) { level } }`;
    const ask = async (subject: string, year: number) => {
      const response = await server.executeOperation({ query: query(year) }, { contextValue: { viewer: { subject } } });
      if (response.body.kind !== "single") throw new Error("expected a single result");
      return { status: response.http.status ?? 200, retryAfter: response.http.headers.get("retry-after"), code: response.body.singleResult.errors?.[0]?.extensions?.code };
    };
    try {
      expect((await ask("alice", 2001)).status).not.toBe(429);
      expect((await ask("alice", 2002)).status).not.toBe(429);
      const refused = await ask("alice", 2003);
      expect(refused).toMatchObject({ status: 429, code: "RATE_LIMITED" });
      expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
      expect((await ask("bob", 2003)).status).not.toBe(429);
    } finally {
      await server.stop();
    }
  });
});
