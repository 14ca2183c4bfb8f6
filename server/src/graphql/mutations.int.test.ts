/**
 * Writes through the API. The generated create/update/delete mutations of @neo4j/graphql are
 * closed (they would change the graph without an audit entry); the custom mutations keep what was
 * asked of them: dates stored as dates on relationships, one membership per pair, CONFLICT without
 * Cypher or driver text, and nothing half-written when a statement of the transaction fails.
 * Throwaway records of CC Gorges Causses Cévennes, removed at the end with their audit entries.
 */
import { randomUUID } from "node:crypto";
import { Kind, parse } from "graphql";
import neo4j, { type Driver, type RecordShape } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ADMIN, graphqlAs, type GraphQLResponse, type TestViewer } from "../../../test/graphql.js";
import type { Viewer } from "../auth/viewer.js";
import { parseActorInput } from "../editing/input.js";
import { EditingService } from "../editing/service.js";
import { createQueryRunner, loadQueries, type QueryName, type QueryRunner } from "../neo4j/queries.js";
import { readTypeDefs } from "./schema.js";

const GORGES = "gorges-causses-cevennes";
const coordinator: TestViewer = { role: "COORDINATOR", territories: [GORGES] };
const TAG = `mutations-${randomUUID().slice(0, 8)}`;

const RESULT = "entityKind entityId operation auditEntryId changes { field before after }";
const SAVE_STRUCTURE = `mutation ($input: SaveStructureInput!) { saveStructure(input: $input) { ${RESULT} } }`;
const DELETE_STRUCTURE = `mutation ($t: ID!, $id: ID!) { deleteStructure(territoryId: $t, id: $id) { ${RESULT} } }`;
const SAVE_ACTOR = `mutation ($input: SaveActorInput!) { saveActor(input: $input) { ${RESULT} } }`;
const SAVE_MEMBERSHIP = `mutation ($input: SaveMembershipInput!) { saveMembership(input: $input) { ${RESULT} } }`;
const SAVE_EVENT = `mutation ($input: SaveEventInput!) { saveEvent(input: $input) { ${RESULT} } }`;

interface Result {
  entityKind: string;
  entityId: string;
  operation: string;
  auditEntryId: string | null;
  changes: { field: string; before: string | null; after: string | null }[];
}

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface Introspection {
  __schema: { queryType: { fields: { name: string; type: TypeRef }[] }; mutationType: { fields: { name: string }[] } };
}
const TYPE_REF = "kind name ofType { kind name ofType { kind name ofType { kind name } } }";

const named = (type: TypeRef | null): TypeRef | null => (type === null || type.name !== null ? type : named(type.ofType));
const isList = (type: TypeRef | null): boolean => type !== null && (type.kind === "LIST" || (type.kind === "NON_NULL" && isList(type.ofType)));
const upperFirst = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The object types of the SDL that @neo4j/graphql maps to nodes (`type X @node`). */
function nodeTypeNames(): string[] {
  return readTypeDefs().flatMap((source) =>
    parse(source).definitions.flatMap((definition) =>
      definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.directives?.some((directive) => directive.name.value === "node") ? [definition.name.value] : [],
    ),
  );
}

const codeOf = (response: GraphQLResponse<unknown>): string | undefined => response.errors?.[0]?.extensions?.code;

function ok(response: GraphQLResponse<Record<string, Result>>): Result {
  expect(response.errors).toBeUndefined();
  const value = Object.values(response.data ?? {})[0];
  if (value === undefined) throw new Error("no result");
  return value;
}

describe("the generated mutations of @neo4j/graphql", () => {
  it("are closed on every node type: only the audited custom mutations write", async () => {
    const response = await graphqlAs<Introspection>(ADMIN, `{ __schema { queryType { fields { name type { ${TYPE_REF} } } } mutationType { fields { name } } } }`);
    expect(response.errors).toBeUndefined();
    const schema = response.data!.__schema;
    const queries = new Set(schema.queryType.fields.map((field) => field.name));
    const mutations = new Set(schema.mutationType.fields.map((field) => field.name));
    const nodeTypes = nodeTypeNames();
    expect(nodeTypes).toEqual(expect.arrayContaining(["Actor", "Structure", "Institution", "WorkGroup", "Event", "Territory", "Contract", "Axis", "Epci", "Commune"]));
    for (const type of nodeTypes) {
      // The generated read of each node type (`structures`, with its `structuresConnection`) names the plural.
      const reads = schema.queryType.fields.filter((field) => named(field.type)?.name === type && isList(field.type) && queries.has(`${field.name}Connection`));
      expect(reads, type).toHaveLength(1);
      const plural = upperFirst(reads[0]!.name);
      for (const verb of ["create", "update", "delete"]) expect(mutations.has(`${verb}${plural}`), `${verb}${plural}`).toBe(false);
    }
    for (const generated of ["createStructures", "updateActors", "deleteEvents", "deleteCommunes", "updateTerritories", "createAxes"]) expect(mutations.has(generated), generated).toBe(false);
    for (const custom of ["saveStructure", "deleteStructure", "saveActor", "saveMembership", "saveEvent", "createTerritory", "mergeActors", "erasePerson"]) expect(mutations.has(custom), custom).toBe(true);
  });

  it("refuses one sent anyway as an invalid request, and writes nothing", async () => {
    const id = `${TAG}-generated`;
    const response = await graphqlAs(
      ADMIN,
      `mutation ($id: ID!) { createStructures(input: [{ id: $id, name: "Structure de test", sector: CARE, kind: "Association" }]) { structures { id } } }`,
      { id },
    );
    expect(response.status).toBe(400);
    expect(codeOf(response)).toBe("GRAPHQL_VALIDATION_FAILED");
    const driver = neo4j.driver(inject("neo4jUri"));
    try {
      const { records } = await driver.executeQuery("MATCH (s:Structure {id: $id}) RETURN count(s) AS n", { id });
      expect(neo4j.integer.toNumber(records[0]?.get("n"))).toBe(0);
    } finally {
      await driver.close();
    }
  });
});

describe("the custom mutations", () => {
  let driver: Driver;
  let queries: QueryRunner;
  let communeCode: string;
  /** Every record this run created: removed at the end, with their audit entries. */
  const created = new Set<string>();

  async function rows<T extends RecordShape>(cypher: string, parameters: Record<string, unknown> = {}): Promise<T[]> {
    const { records } = await driver.executeQuery(cypher, parameters);
    return records.map((record) => record.toObject() as T);
  }

  async function newStructure(name: string): Promise<string> {
    const result = ok(await graphqlAs(coordinator, SAVE_STRUCTURE, { input: { territoryId: GORGES, name: `${TAG} ${name}`, sector: "SOCIAL", kind: "Association", communeCode } }));
    created.add(result.entityId);
    return result.entityId;
  }

  async function newActor(organisationId: string, membership: Record<string, unknown> = {}): Promise<string> {
    const result = ok(
      await graphqlAs(coordinator, SAVE_ACTOR, {
        input: { territoryId: GORGES, firstName: "Camille", lastName: `${TAG}-Test`, category: "PROFESSIONAL", membership: { organisationId, ...membership } },
      }),
    );
    created.add(result.entityId);
    return result.entityId;
  }

  const memberships = (actorId: string, organisationId: string) =>
    rows<{ role: string | null; since: unknown; until: unknown }>("MATCH (:Actor {id: $a})-[m:MEMBER_OF]->({id: $o}) RETURN m.role AS role, m.since AS since, m.until AS until", {
      a: actorId,
      o: organisationId,
    });

  const auditEntriesAbout = async (id: string): Promise<number> => {
    const [row] = await rows<{ n: unknown }>("MATCH (e:AuditEntry) WHERE $id IN e.relatedIds RETURN count(e) AS n", { id });
    return neo4j.integer.toNumber(row?.n as number);
  };

  beforeAll(async () => {
    driver = neo4j.driver(inject("neo4jUri"));
    queries = createQueryRunner(driver, loadQueries());
    const [commune] = await rows<{ code: string }>("MATCH (c:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(:Territory {id: $t}) RETURN c.code AS code ORDER BY code LIMIT 1", { t: GORGES });
    communeCode = commune!.code;
  });

  afterAll(async () => {
    const ids = [...created];
    await driver.executeQuery("MATCH (e:AuditEntry) WHERE any(id IN e.relatedIds WHERE id IN $ids) DETACH DELETE e", { ids });
    await driver.executeQuery("MATCH (n) WHERE (n:Structure OR n:Actor OR n:Event) AND n.id IN $ids DETACH DELETE n", { ids });
    await driver.executeQuery("MATCH (a:Actor) WHERE a.lastName STARTS WITH $tag DETACH DELETE a", { tag: TAG });
    await driver.close();
  });

  it("store a membership's dates as dates on the relationship and return them as YYYY-MM-DD", async () => {
    const structureId = await newStructure("Dates");
    const actorId = await newActor(structureId, { role: "Coordinatrice", since: "2019-06-01" });
    const [stored] = await memberships(actorId, structureId);
    expect(neo4j.isDate(stored?.since)).toBe(true);
    expect(String(stored?.since)).toBe("2019-06-01");
    expect(stored?.until).toBeNull();
    const read = async () => {
      const response = await graphqlAs<{ structures: { membersConnection: { edges: { properties: { role: string; since: string | null; until: string | null } }[] } }[] }>(
        coordinator,
        `query ($id: ID!) { structures(where: { id: { eq: $id } }) { membersConnection { edges { properties { role since until } } } } }`,
        { id: structureId },
      );
      expect(response.errors).toBeUndefined();
      return response.data?.structures[0]?.membersConnection.edges.map((edge) => edge.properties);
    };
    expect(await read()).toEqual([{ role: "Coordinatrice", since: "2019-06-01", until: null }]);
    ok(await graphqlAs(coordinator, SAVE_MEMBERSHIP, { input: { territoryId: GORGES, actorId, organisationId: structureId, role: "Coordinatrice", since: "2019-06-01", until: "2023-12-31" } }));
    expect(await read()).toEqual([{ role: "Coordinatrice", since: "2019-06-01", until: "2023-12-31" }]);
    expect(neo4j.isDate((await memberships(actorId, structureId))[0]?.until)).toBe(true);
  });

  it("keep one membership per person and organisation: saving it again changes it, never adds a second", async () => {
    const structureId = await newStructure("Unique");
    const actorId = await newActor(structureId, { role: "Bénévole" });
    const again = ok(await graphqlAs(coordinator, SAVE_MEMBERSHIP, { input: { territoryId: GORGES, actorId, organisationId: structureId, role: "Trésorière" } }));
    expect(again).toMatchObject({ entityKind: "MEMBERSHIP", operation: "UPDATE" });
    expect((await memberships(actorId, structureId)).map((membership) => membership.role)).toEqual(["Trésorière"]);
  });

  it("refuse deleting a structure that organised an event with CONFLICT, free of Cypher and driver text, and change nothing", async () => {
    const structureId = await newStructure("Organisatrice");
    const actorId = await newActor(structureId, { role: "Animatrice" });
    const event = ok(
      await graphqlAs(coordinator, SAVE_EVENT, {
        input: { territoryId: GORGES, title: `${TAG} Réunion`, kind: "MEETING", date: "2024-03-14", durationHours: 2, communeCode, organiserId: structureId },
      }),
    );
    created.add(event.entityId);
    const entriesBefore = await auditEntriesAbout(structureId);
    const refused = await graphqlAs(coordinator, DELETE_STRUCTURE, { t: GORGES, id: structureId });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "HAS_EVENTS", count: 1 });
    const missing = await graphqlAs(coordinator, DELETE_STRUCTURE, { t: GORGES, id: `${TAG}-nowhere` });
    expect(codeOf(missing)).toBe("NOT_FOUND");
    for (const response of [refused, missing]) {
      expect(JSON.stringify(response.errors)).not.toMatch(/Neo\.|neo4j|Cypher|MATCH|MERGE|DETACH|\bat .*\.[jt]s:\d+/);
    }
    expect(await rows("MATCH (s:Structure {id: $id})<-[:ORGANISED_BY]-(:Event {id: $event}) RETURN s", { id: structureId, event: event.entityId })).toHaveLength(1);
    expect(await memberships(actorId, structureId)).toHaveLength(1);
    expect(await auditEntriesAbout(structureId)).toBe(entriesBefore);
  });

  it("leave nothing half-written when a later statement of the transaction fails: no person without their membership", async () => {
    const structureId = await newStructure("Transaction");
    // The real queries, except that writing the membership (after the person and their audit entry) fails.
    const failing: QueryRunner = {
      ...queries,
      writeTransaction: (work) =>
        queries.writeTransaction((tx) =>
          work({
            changed: (territoryIds) => tx.changed(territoryIds),
            run: (name: QueryName, parameters: Record<string, unknown>) =>
              name === "editMembershipWrite" ? Promise.reject(new Error("membership write forced to fail")) : tx.run(name, parameters),
          }),
        ),
    };
    const viewer: Viewer = { subject: "test-half-written", role: "COORDINATOR", territories: [GORGES] };
    const lastName = `${TAG}-Jamais`;
    const input = parseActorInput({ territoryId: GORGES, firstName: "Noé", lastName, category: "VOLUNTEER", membership: { organisationId: structureId, role: "Bénévole" } });
    await expect(new EditingService(failing).saveActor(viewer, input)).rejects.toThrow("membership write forced to fail");
    expect(await rows("MATCH (a:Actor {lastName: $lastName}) RETURN a", { lastName })).toHaveLength(0);
    expect(await rows("MATCH (e:AuditEntry {userId: $subject}) RETURN e", { subject: viewer.subject })).toHaveLength(0);
    // The same statements with nothing forced to fail write the person, their membership and both entries.
    const written = await new EditingService(queries).saveActor(viewer, input);
    created.add(written.entityId);
    expect(await memberships(written.entityId, structureId)).toHaveLength(1);
    expect(await rows("MATCH (e:AuditEntry {userId: $subject}) RETURN e", { subject: viewer.subject })).toHaveLength(2);
  });
});
