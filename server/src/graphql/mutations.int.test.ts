import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { ADMIN, graphqlAs, type GraphQLResponse } from "../../../test/graphql.js";

/** These tests create a commune outside any territory: only an administrator may. */
const graphql = <T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> =>
  graphqlAs<T>(ADMIN, query, variables);

// Unique data for this file, removed at the end.
const tag = `test-${randomUUID().slice(0, 8)}`;
const structureId = `${tag}-structure`;
const communeCode = `T${tag.slice(5, 9)}`;
const otherCommuneCode = `U${tag.slice(5, 9)}`;

const createStructure = `mutation CreateStructure($id: ID!, $code: ID!) {
  createStructures(input: [{
    id: $id, name: "Structure de test", sector: CARE, kind: "Association",
    commune: { create: [{ node: { code: $code, name: "Commune de test", population: 10, departement: "99" } }] }
  }]) { structures { id commune { code } } }
}`;

async function communeExists(code: string): Promise<boolean> {
  const result = await graphql<{ communes: { code: string }[] }>(
    `query GetCommune($code: ID!) { communes(where: { code: { eq: $code } }) { code } }`,
    { code },
  );
  return (result.data?.communes.length ?? 0) > 0;
}

afterAll(async () => {
  await graphql(`mutation Cleanup($id: ID!, $codes: [ID!]!) {
    deleteStructures(where: { id: { eq: $id } }) { nodesDeleted }
    deleteCommunes(where: { code: { in: $codes } }) { nodesDeleted }
  }`, { id: structureId, codes: [communeCode, otherCommuneCode] });
});

describe("generated mutations", () => {
  it("create a structure with a nested commune in one request", async () => {
    const result = await graphql<{ createStructures: { structures: { id: string; commune: { code: string }[] }[] } }>(
      createStructure,
      { id: structureId, code: communeCode },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.createStructures.structures[0]?.commune[0]?.code).toBe(communeCode);
  });

  it("reject a duplicate identifier with CONFLICT and leave nothing half-written", async () => {
    const result = await graphql(createStructure, { id: structureId, code: otherCommuneCode });
    expect(result.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    expect(JSON.stringify(result.errors)).not.toMatch(/Neo\.ClientError|CREATE|MERGE/);
    expect(await communeExists(otherCommuneCode)).toBe(false);
    expect(await communeExists(communeCode)).toBe(true);
  });

  it("store and return dates on relationship properties", async () => {
    const result = await graphql<{
      updateStructures: { structures: { membersConnection: { edges: { properties: { since: string; until: string | null } }[] } }[] };
    }>(
      `mutation AddMember($id: ID!, $actorId: ID!) {
        updateStructures(where: { id: { eq: $id } }, update: { members: [{ create: [{
          edge: { role: "Coordinatrice", since: "2019-06-01" },
          node: { id: $actorId, firstName: "Camille", lastName: "Test", category: PROFESSIONAL }
        }] }] }) { structures { membersConnection { edges { properties { since until } } } } }
      }`,
      { id: structureId, actorId: `${tag}-actor` },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.updateStructures.structures[0]?.membersConnection.edges[0]?.properties).toEqual({
      since: "2019-06-01",
      until: null,
    });
    await graphql(`mutation ($id: ID!) { deleteActors(where: { id: { eq: $id } }) { nodesDeleted } }`, { id: `${tag}-actor` });
  });
});
