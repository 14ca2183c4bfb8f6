import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { graphqlAs, type TestViewer } from "../../../test/graphql.js";

const GCC = "gorges-causses-cevennes";
const ADMIN: TestViewer = { role: "ADMIN", territories: ["*"] };
const structureId = `test-${randomUUID().slice(0, 8)}-structure`;

async function nodeCount(): Promise<number> {
  const result = await graphqlAs<{ collaborationNetwork: { summary: { nodeCount: number } } }>(
    ADMIN,
    `{ collaborationNetwork(territoryId: "${GCC}", level: STRUCTURE) { summary { nodeCount } } }`,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.collaborationNetwork.summary.nodeCount;
}

afterAll(async () => {
  await graphqlAs(ADMIN, `mutation ($id: ID!) { deleteStructures(where: { id: { eq: $id } }) { nodesDeleted } }`, { id: structureId });
});

describe("the analytics cache", () => {
  it("is dropped by a mutation, so analytics see the write at once", async () => {
    const before = await nodeCount();
    expect(await nodeCount()).toBe(before); // served from the cache
    const communes = await graphqlAs<{ communes: { code: string }[] }>(
      ADMIN,
      `{ communes(where: { epci: { some: { code: { eq: "200069151" } } } }, limit: 1) { code } }`,
    );
    const code = communes.data?.communes[0]?.code;
    expect(code).toBeDefined();
    const created = await graphqlAs(
      ADMIN,
      `mutation ($id: ID!, $code: ID!) { createStructures(input: [{ id: $id, name: "Structure de test", sector: SOCIAL, kind: "Association",
        commune: { connect: [{ where: { node: { code: { eq: $code } } } }] } }]) { structures { id } } }`,
      { id: structureId, code },
    );
    expect(created.errors).toBeUndefined();
    expect(await nodeCount()).toBe(before + 1);
  });
});
