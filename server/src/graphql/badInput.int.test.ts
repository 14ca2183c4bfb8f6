import { describe, expect, inject, it } from "vitest";
import { ADMIN, tokenFor } from "../../../test/graphql.js";

const CEVENNES = "pays-cevennes";

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** POSTs a request body as it comes (operationName included, or as JSON text) to the test app, as an administrator. */
async function post(body: { query: string; operationName?: string; variables?: Record<string, unknown> } | string): Promise<Answer> {
  const response = await fetch(`${inject("appUrl")}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${await tokenFor(ADMIN)}` },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer, "status">) };
}

/** The code and message of the first error, or "no error". */
async function refusal(body: Parameters<typeof post>[0]): Promise<{ code: string | undefined; message: string | undefined }> {
  const answer = await post(body);
  return { code: answer.errors?.[0]?.extensions?.code ?? "no error", message: answer.errors?.[0]?.message };
}

/** `{"AND":[{"AND":[ ... {"id":{"eq":"nobody"}} ]}]}`, `levels` deep, as JSON text (JSON.stringify would overflow the stack here). */
const nestedFilter = (levels: number): string => `${'{"AND":['.repeat(levels)}{"id":{"eq":"nobody"}}${"]}".repeat(levels)}`;

/** `[[[ ... ]]]`, `levels` deep, as JSON text. */
const nestedLists = (levels: number): string => `${"[".repeat(levels)}${"]".repeat(levels)}`;

/** A request body as JSON text, with variables written as JSON text. */
const rawBody = (query: string, variables: Record<string, string>): string =>
  `{"query":${JSON.stringify(query)},"variables":{${Object.entries(variables).map(([name, json]) => `${JSON.stringify(name)}:${json}`).join(",")}}}`;

describe("malformed arguments and variables", () => {
  it.each([
    ["a negative offset", "{ actors(offset: -1, limit: 1) { id } }", {}, /`offset` on `actors` is -1: it must be 0 or more/],
    ["a negative offset in a variable", "query Q($o: Int) { structures(offset: $o, limit: 1) { id } }", { o: -10 }, /`offset` on `structures` is -10/],
    ["a negative limit", "{ actors(limit: -1) { id } }", {}, /`limit` on `actors` is -1/],
    ["a negative first on a connection", "{ actorsConnection(first: -1) { totalCount } }", {}, /`first` on `actorsConnection` is -1/],
    ["a negative first on an analytics field", `{ networkMetrics(territoryId: "${CEVENNES}", first: -3) { nodes { id } } }`, {}, /`first` on `networkMetrics` is -3/],
  ])("refuses %s with BAD_USER_INPUT", async (_case, query, variables, message) => {
    const { code, message: text } = await refusal({ query, variables });
    expect(code).toBe("BAD_USER_INPUT");
    expect(text).toMatch(message);
  });

  it("refuses an unknown operation name with BAD_USER_INPUT", async () => {
    const query = "query One { territories { id } } query Two { structures(limit: 1) { id } }";
    expect(await refusal({ query, operationName: "Three" })).toEqual({ code: "BAD_USER_INPUT", message: 'Unknown operation named "Three".' });
    expect(await refusal({ query: "query One { territories { id } }", operationName: "Other" })).toEqual({
      code: "BAD_USER_INPUT",
      message: 'Unknown operation named "Other".',
    });
    expect(await refusal({ query })).toEqual({ code: "BAD_USER_INPUT", message: "Must provide operation name if query contains multiple operations." });
    // The operation named still runs.
    expect((await post({ query, operationName: "One" })).data).toMatchObject({ territories: expect.any(Array) });
  });

  it.each([1_000, 20_000])("refuses variables nested %i levels deep with BAD_USER_INPUT", async (levels) => {
    const declared = await refusal(rawBody("query Q($w: ActorWhere) { actors(where: $w, limit: 1) { id } }", { w: nestedFilter(levels) }));
    expect(declared.code).toBe("BAD_USER_INPUT");
    expect(declared.message).toMatch(/Variables are nested more than \d+ levels deep/);
    const undeclared = await refusal(rawBody("{ territories { id } }", { extra: nestedLists(levels) }));
    expect(undeclared.code).toBe("BAD_USER_INPUT");
  });

  it("accepts a filter nested a few levels deep", async () => {
    const answer = await post(rawBody("query Q($w: ActorWhere) { actors(where: $w, limit: 1) { id } }", { w: nestedFilter(5) }));
    expect(answer).toEqual({ status: 200, data: { actors: [] } });
  });

  const metrics = `query Q($w: WindowInput) { networkMetrics(territoryId: "${CEVENNES}", window: $w, first: 1) { window { from to } } }`;

  it.each(["2023-02-30", "2023-02-29", "2023-13-01", "2023-04-31", "2023-1-5", "31/12/2023", "2023-01-01T00:00:00Z"])(
    "refuses the impossible or malformed date %s with BAD_USER_INPUT, as a variable and as a literal",
    async (date) => {
      const asVariable = await refusal({ query: metrics, variables: { w: { from: date, to: "2023-12-31" } } });
      expect(asVariable.code).toBe("BAD_USER_INPUT");
      expect(asVariable.message).toMatch(/YYYY-MM-DD/);
      const literal = `{ networkMetrics(territoryId: "${CEVENNES}", window: { from: "${date}", to: "2023-12-31" }, first: 1) { window { from } } }`;
      const asLiteral = await refusal({ query: literal });
      expect(asLiteral.code).toBe("BAD_USER_INPUT");
      expect(asLiteral.message).toMatch(/YYYY-MM-DD/);
    },
  );

  it("reads valid dates as written, leap days included", async () => {
    const answer = await post({ query: metrics, variables: { w: { from: "2024-02-29", to: "2024-12-31" } } });
    expect(answer.data).toEqual({ networkMetrics: { window: { from: "2024-02-29", to: "2024-12-31" } } });
  });
});
