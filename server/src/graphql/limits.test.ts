import { ApolloServer } from "@apollo/server";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { getIntrospectionQuery, parse, type GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { formatError } from "../errors.js";
import { checkLimits, DEFAULT_GRAPHQL_LIMITS, estimateCost, limitsPlugin, type GraphQLLimits } from "./limits.js";
import { readTypeDefs } from "./schema.js";

let schema: GraphQLSchema;

beforeAll(async () => {
  // Validation and cost need the schema only: no driver, no database.
  schema = await new Neo4jGraphQL({ typeDefs: readTypeDefs() }).getSchema();
});

function check(query: string, variables: Record<string, unknown> = {}, limits: GraphQLLimits = DEFAULT_GRAPHQL_LIMITS, operationName?: string) {
  const error = checkLimits({ schema, document: parse(query), variables, operationName }, limits);
  return error === undefined ? undefined : { code: error.extensions.code, message: error.message };
}

const cost = (query: string, variables: Record<string, unknown> = {}) =>
  estimateCost({ schema, document: parse(query), variables }, DEFAULT_GRAPHQL_LIMITS);

/** structures → members → structures → ... : depth grows by one per level. */
function nested(levels: number): string {
  let selection = "id";
  for (let level = 1; level < levels; level += 1) {
    selection = `${level % 2 === 1 ? "structures(limit: 1)" : "members(limit: 1)"} { ${selection} }`;
  }
  return `{ ${selection} }`;
}

describe("the depth limit", () => {
  it("accepts an operation exactly as deep as the maximum", () => {
    expect(check(nested(DEFAULT_GRAPHQL_LIMITS.maxDepth))).toBeUndefined();
  });

  it("rejects a deeper operation with QUERY_TOO_DEEP, stating both depths", () => {
    expect(check(nested(14))).toEqual({ code: "QUERY_TOO_DEEP", message: "Query depth 14 exceeds the maximum of 10." });
  });

  it("counts the fields selected through fragments and inline fragments", () => {
    const query = `
      query Deep { actors(limit: 1) { structures(limit: 1) { ...A } } }
      fragment A on Structure { members(limit: 1) { ... on Actor { ...B } } }
      fragment B on Actor { structures(limit: 1) { members(limit: 1) { structures(limit: 1) { members(limit: 1) { structures(limit: 1) { members(limit: 1) { structures(limit: 1) { id } } } } } } } }`;
    expect(check(query)).toEqual({ code: "QUERY_TOO_DEEP", message: "Query depth 11 exceeds the maximum of 10." });
  });

  it("stays finite on a fragment cycle, which validation rejects anyway", () => {
    const query = `{ structures(limit: 1) { ...M } } fragment M on Structure { members(limit: 1) { structures(limit: 1) { ...M } } }`;
    expect(check(query)).toBeUndefined();
  });

  it("lets the introspection query of GraphiQL through", () => {
    expect(check(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }))).toBeUndefined();
  });

  it("measures only the operation that runs", () => {
    const query = `query Shallow { territories { id } } query Deep ${nested(14)}`;
    expect(check(query, {}, DEFAULT_GRAPHQL_LIMITS, "Shallow")).toBeUndefined();
    expect(check(query, {}, DEFAULT_GRAPHQL_LIMITS, "Deep")?.code).toBe("QUERY_TOO_DEEP");
  });

  it("follows the configured maximum", () => {
    expect(check(nested(4), {}, { ...DEFAULT_GRAPHQL_LIMITS, maxDepth: 3 })?.message).toBe("Query depth 4 exceeds the maximum of 3.");
  });
});

describe("the page size limit", () => {
  it("accepts a page of exactly the maximum", () => {
    expect(check("{ structures(limit: 1000) { id } }")).toBeUndefined();
  });

  it("rejects a literal `limit` above the maximum with PAGE_SIZE_TOO_LARGE", () => {
    expect(check("{ structures(limit: 1001) { id } }")).toEqual({
      code: "PAGE_SIZE_TOO_LARGE",
      message: "Page size 1001 (`limit` on `structures`) exceeds the maximum of 1000: request smaller pages.",
    });
  });

  it("reads `first` of connections, variables and variables' defaults", () => {
    expect(check("{ structuresConnection(first: 5000) { edges { node { id } } } }")?.code).toBe("PAGE_SIZE_TOO_LARGE");
    expect(check("query Q($n: Int) { actors(limit: $n) { id } }", { n: 2000 })?.message).toContain("Page size 2000");
    expect(check("query Q($n: Int = 3000) { actors(limit: $n) { id } }")?.message).toContain("Page size 3000");
    expect(check("query Q($n: Int = 3000) { actors(limit: $n) { id } }", { n: 10 })).toBeUndefined();
  });

  it("rejects a negative page with BAD_USER_INPUT before Neo4j sees it", () => {
    expect(check("query Q($n: Int) { structures(limit: 5) { members(limit: $n) { id } } }", { n: -1 })).toEqual({
      code: "BAD_USER_INPUT",
      message: "`limit` on `members` is -1: it must be 0 or more.",
    });
  });

  it("rejects a negative offset with BAD_USER_INPUT, and leaves large offsets to the page size", () => {
    expect(check("{ actors(offset: -1, limit: 1) { id } }")).toEqual({ code: "BAD_USER_INPUT", message: "`offset` on `actors` is -1: it must be 0 or more." });
    expect(check("query Q($o: Int) { actors(offset: $o) { id } }", { o: -7 })?.message).toBe("`offset` on `actors` is -7: it must be 0 or more.");
    expect(check("{ actors(offset: 5000, limit: 10) { id } }")).toBeUndefined();
  });

  it("checks nested lists and fragments too", () => {
    const query = `{ structures(limit: 1) { ...M } } fragment M on Structure { members(limit: 1500) { id } }`;
    expect(check(query)?.message).toBe("Page size 1500 (`limit` on `members`) exceeds the maximum of 1000: request smaller pages.");
  });
});

describe("the cost limit", () => {
  it("multiplies a list's selection by its page, or by 25 without one", () => {
    expect(cost("{ structures(limit: 10) { id name } }")).toBe(1 + 10 * 2);
    expect(cost("{ structures { id name } }")).toBe(1 + 25 * 2);
    expect(cost("query Q($n: Int) { structures(limit: $n) { id } }", { n: 40 })).toBe(1 + 40);
  });

  it("counts a connection's page once, not again for its edges", () => {
    expect(cost("{ structuresConnection(first: 100) { edges { node { id name } } } }")).toBe(1 + 100 * (1 + (1 + 2)));
  });

  it("prices the structure network query of the page well under the maximum", () => {
    const query = `{ structureNetwork(territoryId: "pays-cevennes") {
      territoryId from to
      nodes { id name kind sector type communeCode communeName epciCode memberCount }
      ties { source target weight } } }`;
    expect(cost(query)).toBeLessThan(DEFAULT_GRAPHQL_LIMITS.maxCost / 10);
    expect(check(query)).toBeUndefined();
  });

  it("does not charge for introspection", () => {
    expect(cost("{ __schema { types { name fields { name } } } __typename }")).toBe(0);
  });

  it("rejects nested lists that multiply past the maximum with QUERY_TOO_COMPLEX", () => {
    expect(check("{ structures(limit: 1000) { id members { id displayName } } }")).toEqual({
      code: "QUERY_TOO_COMPLEX",
      message:
        "Query cost 52001 exceeds the maximum of 20000: ask for fewer nested lists or smaller pages (`limit`, `first`; a list without one counts as 25 items).",
    });
    expect(check("{ structures(limit: 1000) { id members(limit: 2) { id displayName } } }")).toBeUndefined();
  });

  it("rejects a fragment bomb without walking it exponentially", () => {
    const fragments = Array.from({ length: 20 }, (_, i) => `fragment F${i} on Structure { ...F${i + 1} ...F${i + 1} }`);
    const query = `{ structures(limit: 1) { ...F0 } } ${fragments.join(" ")} fragment F20 on Structure { id }`;
    const started = Date.now();
    expect(check(query)).toEqual({ code: "QUERY_TOO_COMPLEX", message: "Query has more than 10000 fields and fragments to evaluate." });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("leaves invalid variables to execution, which rejects them", () => {
    expect(check("query Q($n: Int) { structures(limit: $n) { id } }", { n: "many" })).toBeUndefined();
  });
});

describe("the limits plugin in Apollo Server", () => {
  async function run(query: string, limits: GraphQLLimits = DEFAULT_GRAPHQL_LIMITS) {
    const server = new ApolloServer({
      schema,
      plugins: [limitsPlugin(limits)],
      includeStacktraceInErrorResponses: false,
      formatError: (formatted, error) => formatError(formatted, error, () => undefined),
    });
    await server.start();
    try {
      const response = await server.executeOperation({ query });
      if (response.body.kind !== "single") throw new Error("expected a single result");
      return { status: response.http.status, errors: response.body.singleResult.errors };
    } finally {
      await server.stop();
    }
  }

  it("answers 400 with the code and message, and nothing else", async () => {
    const { status, errors } = await run(nested(12));
    expect(status).toBe(400);
    expect(errors).toEqual([{ message: "Query depth 12 exceeds the maximum of 10.", extensions: { code: "QUERY_TOO_DEEP" } }]);
  });

  it("runs after validation: an unknown field is a validation error, not a limit", async () => {
    const { errors } = await run("{ structures(limit: 5000) { nope } }");
    expect(errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});

describe("the limits configuration", () => {
  it("defaults to the plugin's limits", () => {
    const { graphqlLimits } = loadConfig({});
    expect(graphqlLimits).toEqual({
      maxDepth: DEFAULT_GRAPHQL_LIMITS.maxDepth,
      maxCost: DEFAULT_GRAPHQL_LIMITS.maxCost,
      maxPageSize: DEFAULT_GRAPHQL_LIMITS.maxPageSize,
      maxNetworkCost: DEFAULT_GRAPHQL_LIMITS.maxNetworkCost,
      maxAnalyticsFields: DEFAULT_GRAPHQL_LIMITS.maxAnalyticsFields,
      networkCostPerMinute: DEFAULT_GRAPHQL_LIMITS.networkCostPerMinute,
      maxTokens: DEFAULT_GRAPHQL_LIMITS.maxTokens,
    });
  });

  it("reads GRAPHQL_MAX_DEPTH, GRAPHQL_MAX_COST and GRAPHQL_MAX_PAGE_SIZE", () => {
    const { graphqlLimits } = loadConfig({ GRAPHQL_MAX_DEPTH: "6", GRAPHQL_MAX_COST: "500", GRAPHQL_MAX_PAGE_SIZE: "100" });
    expect(graphqlLimits).toMatchObject({ maxDepth: 6, maxCost: 500, maxPageSize: 100 });
    expect(() => loadConfig({ GRAPHQL_MAX_COST: "lots" })).toThrow(/GRAPHQL_MAX_COST must be a positive integer/);
  });

  it("reads GRAPHQL_MAX_NETWORK_COST, GRAPHQL_MAX_ANALYTICS_FIELDS and NETWORK_COST_PER_MINUTE", () => {
    const { graphqlLimits } = loadConfig({ GRAPHQL_MAX_NETWORK_COST: "3", GRAPHQL_MAX_ANALYTICS_FIELDS: "4", NETWORK_COST_PER_MINUTE: "20" });
    expect(graphqlLimits).toMatchObject({ maxNetworkCost: 3, maxAnalyticsFields: 4, networkCostPerMinute: 20 });
    expect(() => loadConfig({ NETWORK_COST_PER_MINUTE: "0" })).toThrow(/NETWORK_COST_PER_MINUTE must be a positive integer/);
  });

  it("reads ANALYSIS_THREADS, 0 included", () => {
    expect(loadConfig({}).analysisThreads).toBeUndefined();
    expect(loadConfig({ ANALYSIS_THREADS: "0" }).analysisThreads).toBe(0);
    expect(() => loadConfig({ ANALYSIS_THREADS: "-1" })).toThrow(/ANALYSIS_THREADS must be an integer from 0 to 64/);
  });
});
