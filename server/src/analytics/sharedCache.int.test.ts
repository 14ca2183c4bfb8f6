// Integration test: two app processes on the one Neo4j of the test setup, as behind a load balancer.
// A write through one must be seen by the next read through the other, whose cache held the network.
import { randomUUID } from "node:crypto";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppProcess, type AppProcess } from "../../../test/appProcess.js";
import { tokenFor, type TestViewer } from "../../../test/graphql.js";

const GCC = "gorges-causses-cevennes";
const coordinator: TestViewer = { role: "COORDINATOR", territories: [GCC] };
const name = `test-${randomUUID().slice(0, 8)} Structure partagée`;

async function graphql<T>(app: AppProcess, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${await tokenFor(coordinator)}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  if (body.data === undefined) throw new Error("no data");
  return body.data;
}

const nodeCount = async (app: AppProcess): Promise<number> =>
  (await graphql<{ collaborationNetwork: { summary: { nodeCount: number } } }>(app, `{ collaborationNetwork(territoryId: "${GCC}", level: STRUCTURE) { summary { nodeCount } } }`))
    .collaborationNetwork.summary.nodeCount;

describe("two app processes on one Neo4j", () => {
  let driver: Driver;
  const apps: AppProcess[] = [];
  let structureId: string | undefined;

  beforeAll(async () => {
    driver = neo4j.driver(inject("neo4jUri"));
    const env = { NEO4J_URI: inject("neo4jUri"), NEO4J_PASSWORD: "unused", WARM_UP_ON_START: "false", GEO_SOURCE: "none" };
    apps.push(...(await Promise.all([startAppProcess(env, inject("jwtSecret")), startAppProcess(env, inject("jwtSecret"))])));
  }, 300_000);

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    if (structureId !== undefined) {
      await driver.executeQuery("MATCH (e:AuditEntry) WHERE $id IN e.relatedIds DETACH DELETE e", { id: structureId });
      await driver.executeQuery("MATCH (s:Structure {id: $id}) DETACH DELETE s", { id: structureId });
    }
    await driver.close();
  }, 60_000);

  it("see each other's writes at the next read, although each caches the network", { timeout: 120_000 }, async () => {
    const [first, second] = apps;
    if (first === undefined || second === undefined) throw new Error("apps not started");
    const before = await nodeCount(second);
    expect(await nodeCount(second)).toBe(before); // now cached in the second process
    const { records } = await driver.executeQuery("MATCH (c:Commune)-[:PART_OF]->(:Epci {code: '200069151'}) RETURN c.code AS code LIMIT 1");
    const code = records[0]?.get("code") as string | undefined;
    expect(code).toBeDefined();
    const created = await graphql<{ saveStructure: { entityId: string } }>(
      first,
      `mutation ($input: SaveStructureInput!) { saveStructure(input: $input) { entityId } }`,
      { input: { territoryId: GCC, name, sector: "SOCIAL", kind: "Association", communeCode: code } },
    );
    structureId = created.saveStructure.entityId;
    expect(await nodeCount(second)).toBe(before + 1);
    expect(await nodeCount(first)).toBe(before + 1);
  });
});
