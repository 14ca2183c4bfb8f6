import { describe, expect, inject, it } from "vitest";
import { ADMIN, tokenFor } from "../../../test/graphql.js";

const CEVENNES = "pays-cevennes";

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** POSTs a document and the operation to run in it, as an administrator. */
async function run(query: string, operationName: string, variables: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(`${inject("appUrl")}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${await tokenFor(ADMIN)}` },
    body: JSON.stringify({ query, operationName, variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer, "status">) };
}

/**
 * One document, two operations: the compiled queries (graphql-jit) must be cached per operation, not
 * per document, or naming one runs the other compiled earlier, past the limits checked on the one named.
 * Each test writes its own document (a comment makes it unique) so that no other test compiled it first.
 */
describe("a document holding two operations", () => {
  const document = (tag: string, cheap: string): string => `# ${tag}
    query Heavy($t: ID!, $n: Int) { networkMetrics(territoryId: $t, first: $n) { nodes { id } } }
    query Cheap($t: ID!) { ${cheap} }`;

  it("runs the cheap operation named, not the heavy one compiled before it", async () => {
    const query = document("graphql-js after compiled", `territories(where: { id: { eq: $t } }) { id }`);
    const heavy = await run(query, "Heavy", { t: CEVENNES, n: 2 });
    expect((heavy.data?.networkMetrics as { nodes: unknown[] }).nodes).toHaveLength(2);
    const cheap = await run(query, "Cheap", { t: CEVENNES, n: 100_000 });
    expect(cheap).toEqual({ status: 200, data: { territories: [{ id: CEVENNES }] } });
  });

  it("runs the operation named when both are compiled", async () => {
    const query = document("both compiled", `keyFigures(territoryId: $t, year: 2023) { territoryId year }`);
    const heavy = await run(query, "Heavy", { t: CEVENNES, n: 3 });
    expect((heavy.data?.networkMetrics as { nodes: unknown[] }).nodes).toHaveLength(3);
    const cheap = await run(query, "Cheap", { t: CEVENNES, n: 100_000 });
    expect(cheap).toEqual({ status: 200, data: { keyFigures: { territoryId: CEVENNES, year: 2023 } } });
    const again = await run(query, "Heavy", { t: CEVENNES, n: 1 });
    expect((again.data?.networkMetrics as { nodes: unknown[] }).nodes).toHaveLength(1);
  });

  it("applies the page-size limit to the operation named", async () => {
    const query = document("limits", `territories(where: { id: { eq: $t } }) { id }`);
    await run(query, "Heavy", { t: CEVENNES, n: 2 });
    const refused = await run(query, "Heavy", { t: CEVENNES, n: 100_000 });
    expect(refused.errors?.[0]?.extensions?.code).toBe("PAGE_SIZE_TOO_LARGE");
    expect(refused.data ?? undefined).toBeUndefined();
  });
});
