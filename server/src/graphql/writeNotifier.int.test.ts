import { randomUUID } from "node:crypto";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { graphqlAs, type TestViewer } from "../../../test/graphql.js";

const GCC = "gorges-causses-cevennes";
const coordinator: TestViewer = { role: "COORDINATOR", territories: [GCC] };
const name = `test-${randomUUID().slice(0, 8)} Structure de test`;
let driver: Driver;
let structureId: string | undefined;

async function nodeCount(): Promise<number> {
  const result = await graphqlAs<{ collaborationNetwork: { summary: { nodeCount: number } } }>(
    coordinator,
    `{ collaborationNetwork(territoryId: "${GCC}", level: STRUCTURE) { summary { nodeCount } } }`,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.collaborationNetwork.summary.nodeCount;
}

beforeAll(() => {
  driver = neo4j.driver(inject("neo4jUri"));
});

afterAll(async () => {
  if (structureId !== undefined) {
    await driver.executeQuery("MATCH (e:AuditEntry) WHERE $id IN e.relatedIds DETACH DELETE e", { id: structureId });
    await driver.executeQuery("MATCH (s:Structure {id: $id}) DETACH DELETE s", { id: structureId });
  }
  await driver.close();
});

describe("the analytics cache", () => {
  it("is dropped by a custom mutation, so analytics see the write at once", async () => {
    const before = await nodeCount();
    expect(await nodeCount()).toBe(before); // served from the cache
    const { records } = await driver.executeQuery("MATCH (c:Commune)-[:PART_OF]->(:Epci {code: '200069151'}) RETURN c.code AS code LIMIT 1");
    const code = records[0]?.get("code") as string | undefined;
    expect(code).toBeDefined();
    const created = await graphqlAs<{ saveStructure: { entityId: string } }>(
      coordinator,
      `mutation ($input: SaveStructureInput!) { saveStructure(input: $input) { entityId } }`,
      { input: { territoryId: GCC, name, sector: "SOCIAL", kind: "Association", communeCode: code } },
    );
    expect(created.errors).toBeUndefined();
    structureId = created.data?.saveStructure.entityId;
    expect(await nodeCount()).toBe(before + 1);
  });
});
