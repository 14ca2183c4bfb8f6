/**
 * Re-identification through the details panels and the generated API (issue 19): an analyst reads
 * every actor's organisations, so a profession or a membership's role that only one member of an
 * organisation has names « the midwife of that health centre ». Professions and roles are given to
 * analysts only where K_ANONYMITY (5, the test app's) members of each of the person's organisations
 * share them; the generated API has no membership role for them at all.
 */
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { graphqlAs, type TestViewer } from "../../../test/graphql.js";
import { DEFAULT_K_ANONYMITY, generalisedProfession } from "../analytics/kAnonymity.js";
import { toPlain } from "../neo4j/values.js";

const PC = "pays-cevennes";
const ANALYST: TestViewer = { role: "ANALYST", territories: [PC] };
const COORDINATOR: TestViewer = { role: "COORDINATOR", territories: [PC] };

let driver: Driver;

async function cypherRow(query: string, parameters: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const result = await driver.executeQuery(query, parameters, { routing: "READ" });
  const record = result.records[0];
  if (record === undefined) throw new Error(`No row for ${query}`);
  return toPlain(record.toObject()) as Record<string, unknown>;
}

const errorCode = (result: { errors?: { extensions?: { code?: string } }[] }): string | undefined => result.errors?.[0]?.extensions?.code;

/** Members of the organisation sharing the actor's category, profession and (this membership's) role, over every period. */
const PEERS = `COUNT {
  MATCH (o)<-[peer:MEMBER_OF]-(b:Actor)
  WHERE b.category = a.category AND coalesce(b.profession, '') = coalesce(a.profession, '') AND coalesce(peer.role, '') = coalesce(m.role, '')
  WITH DISTINCT b RETURN b
}`;

/** A member alone in their organisation with their profession and role (and in no other organisation). */
interface Target {
  organisationId: string;
  actorId: string;
  category: string;
  profession: string;
  role: string;
}
let target: Target;

beforeAll(async () => {
  driver = neo4j.driver(inject("neo4jUri"));
  target = (await cypherRow(
    `MATCH (:Territory {id: $territoryId})<-[:PART_OF]-(:Epci)<-[:PART_OF]-(:Commune)<-[:LOCATED_IN]-(o:Structure)<-[m:MEMBER_OF]-(a:Actor)
     WHERE a.profession IS NOT NULL AND m.role IS NOT NULL AND COUNT { (a)-[:MEMBER_OF]->() } = 1 AND COUNT { (o)<-[:MEMBER_OF]-() } >= 3
       AND ${PEERS} = 1
     RETURN o.id AS organisationId, a.id AS actorId, a.category AS category, a.profession AS profession, m.role AS role
     ORDER BY organisationId, actorId LIMIT 1`,
    { territoryId: PC },
  )) as unknown as Target;
});

afterAll(async () => {
  await driver.close();
});

interface Member {
  actor: { id: string; category: string; profession: string | null };
  role: string | null;
  since: string | null;
}

describe("organisationDetails for an analyst", () => {
  const query = `query GetOrganisationMembers($territoryId: ID!, $id: ID!) {
    organisationDetails(territoryId: $territoryId, id: $id) { members { actor { id category profession } role since } }
  }`;
  const membersAs = async (viewer: TestViewer, id: string): Promise<Member[]> => {
    const result = await graphqlAs<{ organisationDetails: { members: Member[] } }>(viewer, query, { territoryId: PC, id });
    expect(result.errors).toBeUndefined();
    return result.data!.organisationDetails.members;
  };

  it("gives the category instead of a profession, and no role, for a member alone with them in the organisation", async () => {
    const asAnalyst = (await membersAs(ANALYST, target.organisationId)).find((member) => member.actor.id === target.actorId);
    expect(asAnalyst).toMatchObject({ actor: { profession: generalisedProfession(target.category) }, role: null });
    const asCoordinator = (await membersAs(COORDINATOR, target.organisationId)).find((member) => member.actor.id === target.actorId);
    expect(asCoordinator).toMatchObject({ actor: { profession: target.profession }, role: target.role });
  });

  it("gives a profession and a role only where k members of the organisation share them, and does give some", { timeout: 120_000 }, async () => {
    const largest = await cypherRow(
      `MATCH (:Territory {id: $territoryId})<-[:PART_OF]-(:Epci)<-[:PART_OF]-(:Commune)<-[:LOCATED_IN]-(s:Structure)<-[m:MEMBER_OF]-(:Actor)
       WITH s, count(m) AS members ORDER BY members DESC, s.id LIMIT 1 RETURN s.id AS id`,
      { territoryId: PC },
    );
    let released = 0;
    for (const id of [largest.id as string, target.organisationId]) {
      for (const member of (await membersAs(ANALYST, id)).filter((item) => item.role !== null)) {
        released += 1;
        const { peers } = await cypherRow(
          `MATCH (o {id: $organisationId})<-[m:MEMBER_OF]-(a:Actor {id: $actorId}) WHERE m.role = $role RETURN ${PEERS} AS peers`,
          { organisationId: id, actorId: member.actor.id, role: member.role },
        );
        expect(peers).toBeGreaterThanOrEqual(DEFAULT_K_ANONYMITY);
      }
    }
    expect(released).toBeGreaterThan(0);
  });
});

describe("actorDetails for an analyst", () => {
  const query = `query GetActorProfession($territoryId: ID!, $id: ID!) {
    actorDetails(territoryId: $territoryId, id: $id) { profession organisations { id role } }
  }`;

  it("gives the category instead of the profession, and no roles, of a person alone with them in their organisation", async () => {
    const asAnalyst = await graphqlAs<{ actorDetails: { profession: string; organisations: { id: string; role: string | null }[] } }>(ANALYST, query, {
      territoryId: PC,
      id: target.actorId,
    });
    expect(asAnalyst.errors).toBeUndefined();
    expect(asAnalyst.data!.actorDetails.profession).toBe(generalisedProfession(target.category));
    expect(asAnalyst.data!.actorDetails.organisations.map((organisation) => organisation.role)).toEqual([null]);
    const asCoordinator = await graphqlAs<{ actorDetails: { profession: string; organisations: { role: string | null }[] } }>(COORDINATOR, query, {
      territoryId: PC,
      id: target.actorId,
    });
    expect(asCoordinator.data!.actorDetails).toMatchObject({ profession: target.profession, organisations: [{ role: target.role }] });
  });
});

describe("workGroupDetails for an analyst", () => {
  it("gives the category instead of the profession of a participant alone with it in their organisation", async () => {
    const row = await cypherRow(
      `MATCH (:Territory {id: $territoryId})<-[:BELONGS_TO]-(g:WorkGroup)<-[:PARTICIPATES_IN]-(a:Actor)-[m:MEMBER_OF]->(o:Structure)
       WHERE a.profession IS NOT NULL AND ${PEERS} = 1
       RETURN g.id AS workGroupId, a.id AS actorId, a.category AS category, a.profession AS profession ORDER BY workGroupId, actorId LIMIT 1`,
      { territoryId: PC },
    );
    const query = `query GetWorkGroupMembers($territoryId: ID!, $id: ID!) { workGroupDetails(territoryId: $territoryId, id: $id) { members { actor { id profession } } } }`;
    const professionAs = async (viewer: TestViewer): Promise<string | null | undefined> => {
      const result = await graphqlAs<{ workGroupDetails: { members: Member[] } }>(viewer, query, { territoryId: PC, id: row.workGroupId });
      expect(result.errors).toBeUndefined();
      return result.data!.workGroupDetails.members.find((member) => member.actor.id === row.actorId)?.actor.profession;
    };
    expect(await professionAs(ANALYST)).toBe(generalisedProfession(row.category as string));
    expect(await professionAs(COORDINATOR)).toBe(row.profession);
  });
});

describe("the generated API for an analyst", () => {
  it("has no membership role to select, filter or sort on; coordinators keep it", async () => {
    const selectRole = `query MembershipRoles($id: ID!) { actors(where: { id: { eq: $id } }) { structuresConnection { edges { properties { role } } } } }`;
    const filter = `query ByRole($role: String!) { actors(limit: 5, where: { structuresConnection: { some: { edge: { role: { eq: $role } } } } }) { id } }`;
    const sort = `query SortedByRole($id: ID!) { actors(where: { id: { eq: $id } }) { structuresConnection(sort: [{ edge: { role: DESC } }]) { totalCount } } }`;
    for (const [query, variables] of [
      [selectRole, { id: target.actorId }],
      [filter, { role: target.role }],
      [sort, { id: target.actorId }],
    ] as const) {
      expect(errorCode(await graphqlAs(ANALYST, query, variables))).toBe("GRAPHQL_VALIDATION_FAILED");
    }
    const asCoordinator = await graphqlAs<{ actors: { structuresConnection: { edges: { properties: { role: string } }[] } }[] }>(COORDINATOR, selectRole, {
      id: target.actorId,
    });
    expect(asCoordinator.errors).toBeUndefined();
    expect(asCoordinator.data!.actors[0]!.structuresConnection.edges[0]!.properties.role).toBe(target.role);
  });
});
