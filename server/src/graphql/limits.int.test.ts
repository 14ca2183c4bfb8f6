import { describe, expect, it } from "vitest";
import { ADMIN, graphqlAs, type GraphQLResponse } from "../../../test/graphql.js";
import { DEFAULT_GRAPHQL_LIMITS } from "./limits.js";

/** What must never reach a client: stack traces, Cypher, driver errors, server paths. */
const LEAKS = ["stacktrace", "MATCH", "RETURN", "CALL {", "Neo4jError", "Neo.ClientError", "Neo.DatabaseError", "node_modules", "    at "];

function expectNoLeak(response: GraphQLResponse<unknown>): void {
  const text = JSON.stringify(response);
  for (const leak of LEAKS) expect(text, `the response contains "${leak}"`).not.toContain(leak);
}

/** structures → members → structures ...: `levels` fields deep. */
function nested(levels: number): string {
  let selection = "id";
  for (let level = 1; level < levels; level += 1) {
    selection = `${level % 2 === 1 ? "structures(limit: 1)" : "members(limit: 1)"} { ${selection} }`;
  }
  return `{ ${selection} }`;
}

describe("the limits on the running API", () => {
  it("rejects a too deep operation with 400 and QUERY_TOO_DEEP", async () => {
    const response = await graphqlAs(ADMIN, nested(14));
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors).toEqual([{ message: "Query depth 14 exceeds the maximum of 10.", extensions: { code: "QUERY_TOO_DEEP" } }]);
    expectNoLeak(response);
  });

  it("rejects a page above the maximum, given literally or as a variable, with PAGE_SIZE_TOO_LARGE", async () => {
    const literal = await graphqlAs(ADMIN, "{ structures(limit: 1001) { id } }");
    expect(literal.status).toBe(400);
    expect(literal.errors?.[0]?.extensions?.code).toBe("PAGE_SIZE_TOO_LARGE");
    expect(literal.errors?.[0]?.message).toContain(`exceeds the maximum of ${DEFAULT_GRAPHQL_LIMITS.maxPageSize}`);
    const variable = await graphqlAs(ADMIN, "query Q($n: Int!) { structuresConnection(first: $n) { edges { node { id } } } }", { n: 5000 });
    expect(variable.errors?.[0]?.extensions?.code).toBe("PAGE_SIZE_TOO_LARGE");
    expectNoLeak(variable);
  });

  it("rejects nested lists whose estimated cost is above the maximum with QUERY_TOO_COMPLEX", async () => {
    const response = await graphqlAs(ADMIN, "{ structures(limit: 1000) { id members { id displayName } } }");
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect(response.errors?.[0]?.message).toMatch(/^Query cost \d+ exceeds the maximum of 20000/);
    expectNoLeak(response);
  });

  it("runs a similar operation with smaller nested pages", async () => {
    const response = await graphqlAs<{ structures: { id: string; members: unknown[] }[] }>(
      ADMIN,
      "{ structures(limit: 50) { id members(limit: 2) { id displayName } } }",
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.structures).toHaveLength(50);
  });

  it("lets GraphiQL's introspection through", async () => {
    const { getIntrospectionQuery } = await import("graphql");
    const response = await graphqlAs<{ __schema: { types: unknown[] } }>(ADMIN, getIntrospectionQuery({ descriptions: true }));
    expect(response.errors).toBeUndefined();
    expect(response.data?.__schema.types.length).toBeGreaterThan(50);
  });
});

describe("errors of the running API", () => {
  const cases: [string, string, Record<string, unknown>, string][] = [
    ["a malformed query", "{ structures(limit: 1) { id ", {}, "GRAPHQL_PARSE_FAILED"],
    ["an unknown field", "{ structures(limit: 1) { id nope } }", {}, "GRAPHQL_VALIDATION_FAILED"],
    ["a variable of the wrong type", "query Q($n: Int) { structures(limit: $n) { id } }", { n: "many" }, "BAD_USER_INPUT"],
    ["an invalid date literal", '{ structureNetwork(territoryId: "pays-cevennes", from: "2023-13-45") { territoryId } }', {}, "BAD_USER_INPUT"],
    ["an invalid date variable", 'query Q($from: Date) { structureNetwork(territoryId: "pays-cevennes", from: $from) { territoryId } }', { from: "2023-13-45" }, "BAD_USER_INPUT"],
    ["a negative page size", "{ structures(limit: -1) { id } }", {}, "BAD_USER_INPUT"],
    ["an unknown territory", 'query { structureNetwork(territoryId: "nowhere") { territoryId } }', {}, "NOT_FOUND"],
  ];

  it.each(cases)("answers %s with a stable code and no internals", async (_name, query, variables, code) => {
    const response = await graphqlAs(ADMIN, query, variables);
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
    expectNoLeak(response);
  });

  it("refuses a negative offset before Neo4j sees it, without naming the clause", async () => {
    // A negative SKIP used to pass GraphQL validation and fail in Cypher (an internal error); the
    // hiding of database messages is unit-tested in errors.test.ts.
    const response = await graphqlAs(ADMIN, "{ structures(limit: 1, offset: -1) { id } }");
    expect(response.errors).toEqual([{ message: "`offset` on `structures` is -1: it must be 0 or more.", extensions: { code: "BAD_USER_INPUT" } }]);
    expectNoLeak(response);
  });

  it("answers a request without a token with UNAUTHENTICATED and no internals", async () => {
    const response = await graphqlAs(null, nested(3));
    expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expectNoLeak(response);
  });
});
