/**
 * Editing through the API with its audit trail, on throwaway records of CC Gorges Causses Cévennes
 * (names and ids of this run, removed at the end): each operation writes the change and its audit
 * entry together, or neither; per role; the trail read by administrators only; the GDPR erasure
 * taking the personal content out of the audit entries.
 */
import { randomUUID } from "node:crypto";
import type { Driver, RecordShape } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ADMIN, graphqlAs, type GraphQLResponse, type TestViewer } from "../../../test/graphql.js";
import type { Viewer } from "../auth/viewer.js";
import { EditingService } from "../editing/service.js";
import { parseParticipationInput, parseStructureInput } from "../editing/input.js";
import { connectDriver } from "../neo4j/driver.js";
import { createQueryRunner, loadQueries, type QueryName, type QueryRunner } from "../neo4j/queries.js";

const GORGES = "gorges-causses-cevennes";
const CEVENNES = "pays-cevennes";
const coordinator: TestViewer = { role: "COORDINATOR", territories: [GORGES] };
const otherCoordinator: TestViewer = { role: "COORDINATOR", territories: [CEVENNES] };
const analyst: TestViewer = { role: "ANALYST", territories: [GORGES] };
const COORDINATOR_SUBJECT = `test-coordinator-${GORGES}`;

const TAG = `edit-test-${randomUUID().slice(0, 8)}`;

const RESULT = "entityKind entityId operation auditEntryId at changes { field before after }";
const SAVE_STRUCTURE = `mutation ($input: SaveStructureInput!) { saveStructure(input: $input) { ${RESULT} } }`;
const DELETE_STRUCTURE = `mutation ($t: ID!, $id: ID!) { deleteStructure(territoryId: $t, id: $id) { ${RESULT} } }`;
const SAVE_ACTOR = `mutation ($input: SaveActorInput!) { saveActor(input: $input) { ${RESULT} } }`;
const DELETE_ACTOR = `mutation ($t: ID!, $id: ID!) { deleteActor(territoryId: $t, id: $id) { ${RESULT} } }`;
const SAVE_MEMBERSHIP = `mutation ($input: SaveMembershipInput!) { saveMembership(input: $input) { ${RESULT} } }`;
const DELETE_MEMBERSHIP = `mutation ($t: ID!, $a: ID!, $o: ID!) { deleteMembership(territoryId: $t, actorId: $a, organisationId: $o) { ${RESULT} } }`;
const SAVE_PARTICIPATION = `mutation ($input: SaveParticipationInput!) { saveParticipation(input: $input) { ${RESULT} } }`;
const DELETE_PARTICIPATION = `mutation ($t: ID!, $a: ID!, $g: ID!) { deleteParticipation(territoryId: $t, actorId: $a, workGroupId: $g) { ${RESULT} } }`;
const SAVE_WORK_GROUP = `mutation ($input: SaveWorkGroupInput!) { saveWorkGroup(input: $input) { ${RESULT} } }`;
const DELETE_WORK_GROUP = `mutation ($t: ID!, $id: ID!) { deleteWorkGroup(territoryId: $t, id: $id) { ${RESULT} } }`;
const SAVE_EVENT = `mutation ($input: SaveEventInput!) { saveEvent(input: $input) { ${RESULT} } }`;
const DELETE_EVENT = `mutation ($t: ID!, $id: ID!) { deleteEvent(territoryId: $t, id: $id) { ${RESULT} } }`;
const TRAIL = `query ($t: ID!, $first: Int, $after: String, $entityId: ID) { auditTrail(territoryId: $t, first: $first, after: $after, entityId: $entityId) {
  territoryId totalCount hasNextPage endCursor
  entries { id at userId userRole territoryId operation entityKind entityId entityName erasedFields changes { field before after } } } }`;
const ERASE = `mutation ($actorId: ID!) { erasePerson(actorId: $actorId) { actorId } }`;
const STRUCTURE_NETWORK = `query ($t: ID!) { collaborationNetwork(territoryId: $t, level: STRUCTURE, first: 1) { nodes { id label } } }`;

interface Result {
  entityKind: string;
  entityId: string;
  operation: string;
  auditEntryId: string | null;
  at: string;
  changes: { field: string; before: string | null; after: string | null }[];
}
interface TrailEntry {
  id: string;
  userId: string;
  userRole: string;
  territoryId: string;
  operation: string;
  entityKind: string;
  entityId: string;
  entityName: string | null;
  erasedFields: string[];
  changes: { field: string; before: string | null; after: string | null }[];
}
interface Trail {
  auditTrail: { territoryId: string; totalCount: number; hasNextPage: boolean; endCursor: string | null; entries: TrailEntry[] };
}

const codeOf = (response: GraphQLResponse<unknown>): string | undefined => response.errors?.[0]?.extensions?.code;
const extensionsOf = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions;

/** The one result of a mutation that must succeed. */
function ok(response: GraphQLResponse<Record<string, Result>>): Result {
  expect(response.errors).toBeUndefined();
  const value = Object.values(response.data ?? {})[0];
  if (value === undefined) throw new Error("no result");
  return value;
}

const changeOf = (result: { changes: Result["changes"] }, field: string) => result.changes.find((change) => change.field === field);

describe("editing with an audit trail", () => {
  let driver: Driver;
  let queries: QueryRunner;
  let communes: string[];
  let axes: string[];
  let foreignCommune: string;
  let workGroupWithEvents: string;
  /** Every record this run created: removed at the end, with their audit entries. */
  const created = new Set<string>();

  async function rows<T extends RecordShape>(cypher: string, parameters: Record<string, unknown> = {}): Promise<T[]> {
    const { records } = await driver.executeQuery(cypher, parameters);
    return records.map((record) => record.toObject() as T);
  }

  /** Audit entries about a record, straight from Neo4j. */
  async function entriesAbout(entityId: string): Promise<{ operation: string; changes: string; userId: string; userRole: string; territoryId: string }[]> {
    return rows("MATCH (e:AuditEntry) WHERE $id IN e.relatedIds RETURN e.operation AS operation, e.changes AS changes, e.userId AS userId, e.userRole AS userRole, e.territoryId AS territoryId ORDER BY e.at", { id: entityId });
  }

  async function auditCount(): Promise<number> {
    const [row] = await rows<{ n: unknown }>("MATCH (e:AuditEntry) RETURN count(e) AS n");
    return Number(row?.n);
  }

  const structureInput = (overrides: Record<string, unknown> = {}) => ({
    territoryId: GORGES,
    name: `${TAG} Maison de santé`,
    sector: "CARE",
    kind: "Maison de santé",
    communeCode: communes[0],
    ...overrides,
  });

  async function newStructure(overrides: Record<string, unknown> = {}, viewer: TestViewer = coordinator): Promise<Result> {
    const result = ok(await graphqlAs(viewer, SAVE_STRUCTURE, { input: structureInput(overrides) }));
    created.add(result.entityId);
    return result;
  }

  /** The real queries, except that writing the audit entry fails: the change must not stay. */
  function failingAudit(): QueryRunner {
    return {
      ...queries,
      writeTransaction: (work) =>
        queries.writeTransaction((tx) =>
          work({
            changed: (territoryIds) => tx.changed(territoryIds),
            run: (name: QueryName, parameters: Record<string, unknown>) =>
              name === "auditEntryCreate" ? Promise.reject(new Error("audit write forced to fail")) : tx.run(name, parameters),
          }),
        ),
    };
  }

  beforeAll(async () => {
    driver = await connectDriver({ uri: inject("neo4jUri") });
    queries = createQueryRunner(driver, loadQueries());
    communes = (await rows<{ code: string }>("MATCH (c:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(:Territory {id: $t}) RETURN c.code AS code ORDER BY code", { t: GORGES })).map((r) => r.code);
    axes = (await rows<{ id: string }>("MATCH (x:Axis)-[:BELONGS_TO]->(:Territory {id: $t}) RETURN x.id AS id ORDER BY id", { t: GORGES })).map((r) => r.id);
    const [foreign] = await rows<{ code: string }>("MATCH (c:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(:Territory {id: $t}) RETURN c.code AS code LIMIT 1", { t: CEVENNES });
    foreignCommune = foreign!.code;
    const [busy] = await rows<{ id: string }>("MATCH (w:WorkGroup)-[:BELONGS_TO]->(:Territory {id: $t}) WHERE EXISTS { (w)<-[:ORGANISED_BY]-(:Event) } RETURN w.id AS id LIMIT 1", { t: GORGES });
    workGroupWithEvents = busy!.id;
    expect(communes.length).toBeGreaterThan(2);
    expect(axes.length).toBeGreaterThan(1);
  });

  afterAll(async () => {
    const ids = [...created];
    await driver.executeQuery("MATCH (e:AuditEntry) WHERE any(id IN e.relatedIds WHERE id IN $ids) DETACH DELETE e", { ids });
    await driver.executeQuery("MATCH (n) WHERE (n:Structure OR n:Actor OR n:WorkGroup OR n:Event) AND n.id IN $ids DETACH DELETE n", { ids });
    await driver.close();
  });

  describe("structures", () => {
    it("creates one with its audit entry (who by subject and role, never a name), in the territory's commune", async () => {
      const result = await newStructure();
      expect(result).toMatchObject({ entityKind: "STRUCTURE", operation: "CREATE" });
      expect(result.entityId).toMatch(new RegExp(`^${GORGES}-s-`));
      expect(changeOf(result, "name")).toEqual({ field: "name", before: null, after: JSON.stringify(`${TAG} Maison de santé`) });
      const [stored] = await rows<{ name: string; code: string }>("MATCH (s:Structure {id: $id})-[:LOCATED_IN]->(c:Commune) RETURN s.name AS name, c.code AS code", { id: result.entityId });
      expect(stored).toEqual({ name: `${TAG} Maison de santé`, code: communes[0] });
      const entries = await entriesAbout(result.entityId);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ operation: "CREATE", userId: COORDINATOR_SUBJECT, userRole: "COORDINATOR", territoryId: GORGES });
      expect(JSON.parse(entries[0]!.changes)).toMatchObject({ sector: { before: null, after: "CARE" }, communeCode: { before: null, after: communes[0] } });
    });

    it("records only the fields that changed, and nothing at all when nothing did", async () => {
      const { entityId } = await newStructure();
      const renamed = ok(await graphqlAs(coordinator, SAVE_STRUCTURE, { input: structureInput({ id: entityId, name: `${TAG} Maison de santé du Tarn`, communeCode: communes[1] }) }));
      expect(renamed.operation).toBe("UPDATE");
      expect(renamed.changes.map((change) => change.field)).toEqual(["communeCode", "name"]);
      expect(changeOf(renamed, "communeCode")).toEqual({ field: "communeCode", before: JSON.stringify(communes[0]), after: JSON.stringify(communes[1]) });
      const [moved] = await rows<{ codes: string[] }>("MATCH (s:Structure {id: $id}) RETURN [(s)-[:LOCATED_IN]->(c) | c.code] AS codes", { id: entityId });
      expect(moved?.codes).toEqual([communes[1]]);
      const again = ok(await graphqlAs(coordinator, SAVE_STRUCTURE, { input: structureInput({ id: entityId, name: `  ${TAG} Maison de santé du Tarn `, communeCode: communes[1] }) }));
      expect(again).toMatchObject({ operation: "UPDATE", auditEntryId: null, changes: [] });
      expect((await entriesAbout(entityId)).map((entry) => entry.operation)).toEqual(["CREATE", "UPDATE"]);
    });

    it("refuses a commune of another territory and a bad sector (BAD_USER_INPUT naming the field), writing nothing", async () => {
      const before = await auditCount();
      const foreign = await graphqlAs(coordinator, SAVE_STRUCTURE, { input: structureInput({ communeCode: foreignCommune }) });
      expect(extensionsOf(foreign)).toMatchObject({ code: "BAD_USER_INPUT", argument: "input.communeCode", reason: "NOT_IN_TERRITORY" });
      const blank = await graphqlAs(coordinator, SAVE_STRUCTURE, { input: structureInput({ name: "   " }) });
      expect(extensionsOf(blank)).toMatchObject({ code: "BAD_USER_INPUT", argument: "input.name", reason: "REQUIRED" });
      const long = await graphqlAs(coordinator, SAVE_STRUCTURE, { input: structureInput({ name: "x".repeat(201) }) });
      expect(extensionsOf(long)).toMatchObject({ code: "BAD_USER_INPUT", argument: "input.name", reason: "TOO_LONG" });
      expect(await auditCount()).toBe(before);
      expect(await rows("MATCH (s:Structure) WHERE s.name = $name RETURN s", { name: "x".repeat(201) })).toHaveLength(0);
    });

    it("is refused to analysts and to coordinators of another territory; a structure of another territory is NOT_FOUND", async () => {
      const { entityId } = await newStructure();
      const before = await auditCount();
      expect(codeOf(await graphqlAs(analyst, SAVE_STRUCTURE, { input: structureInput() }))).toBe("FORBIDDEN");
      expect(codeOf(await graphqlAs(otherCoordinator, SAVE_STRUCTURE, { input: structureInput() }))).toBe("FORBIDDEN");
      expect(codeOf(await graphqlAs(analyst, DELETE_STRUCTURE, { t: GORGES, id: entityId }))).toBe("FORBIDDEN");
      expect(codeOf(await graphqlAs(otherCoordinator, DELETE_STRUCTURE, { t: CEVENNES, id: entityId }))).toBe("NOT_FOUND");
      expect(codeOf(await graphqlAs(null, SAVE_STRUCTURE, { input: structureInput() }))).toBe("UNAUTHENTICATED");
      expect(await auditCount()).toBe(before);
      expect(await rows("MATCH (s:Structure {id: $id}) RETURN s", { id: entityId })).toHaveLength(1);
    });

    it("lets administrators edit any territory, recorded under their role", async () => {
      const result = await newStructure({}, ADMIN);
      const [entry] = await entriesAbout(result.entityId);
      expect(entry).toMatchObject({ userId: "test-admin-*", userRole: "ADMIN", territoryId: GORGES });
    });

    it("deletes one with its memberships, recording what it was", async () => {
      const { entityId } = await newStructure();
      const removed = ok(await graphqlAs(coordinator, DELETE_STRUCTURE, { t: GORGES, id: entityId }));
      expect(removed.operation).toBe("DELETE");
      expect(changeOf(removed, "name")).toEqual({ field: "name", before: JSON.stringify(`${TAG} Maison de santé`), after: null });
      expect(await rows("MATCH (s:Structure {id: $id}) RETURN s", { id: entityId })).toHaveLength(0);
      expect((await entriesAbout(entityId)).map((entry) => entry.operation)).toEqual(["CREATE", "DELETE"]);
      expect(codeOf(await graphqlAs(coordinator, DELETE_STRUCTURE, { t: GORGES, id: entityId }))).toBe("NOT_FOUND");
    });

    it("shows the new name in the network at once (the analytics cache is dropped)", async () => {
      const { entityId } = await newStructure({ name: `${TAG} before` });
      const labelOf = async () => {
        const response = await graphqlAs<{ collaborationNetwork: { nodes: { id: string; label: string }[] } }>(coordinator, STRUCTURE_NETWORK, { t: GORGES });
        return response.data?.collaborationNetwork.nodes.find((node) => node.id === entityId)?.label;
      };
      // Read twice: the second answer comes from the cache.
      expect(await labelOf()).toBe(`${TAG} before`);
      expect(await labelOf()).toBe(`${TAG} before`);
      await graphqlAs(coordinator, SAVE_STRUCTURE, { input: structureInput({ id: entityId, name: `${TAG} after` }) });
      expect(await labelOf()).toBe(`${TAG} after`);
    });
  });

  describe("one transaction", () => {
    const viewer: Viewer = { subject: "test-failing", role: "COORDINATOR", territories: [GORGES] };

    it("writes neither the new structure nor its entry when the audit entry cannot be written", async () => {
      const before = await auditCount();
      const service = new EditingService(failingAudit());
      const name = `${TAG} never`;
      await expect(service.saveStructure(viewer, parseStructureInput(structureInput({ name })))).rejects.toThrow("audit write forced to fail");
      expect(await rows("MATCH (s:Structure {name: $name}) RETURN s", { name })).toHaveLength(0);
      expect(await auditCount()).toBe(before);
    });

    it("keeps the old name when the audit entry of a change cannot be written", async () => {
      const { entityId } = await newStructure({ name: `${TAG} kept` });
      const service = new EditingService(failingAudit());
      await expect(service.saveStructure(viewer, parseStructureInput(structureInput({ id: entityId, name: `${TAG} lost` })))).rejects.toThrow();
      const [stored] = await rows<{ name: string }>("MATCH (s:Structure {id: $id}) RETURN s.name AS name", { id: entityId });
      expect(stored?.name).toBe(`${TAG} kept`);
      expect(await entriesAbout(entityId)).toHaveLength(1);
    });

    it("writes both with the same queries when the audit entry can be written", async () => {
      const service = new EditingService(queries);
      const result = await service.saveStructure(viewer, parseStructureInput(structureInput({ name: `${TAG} direct` })));
      created.add(result.entityId);
      expect(await entriesAbout(result.entityId)).toHaveLength(1);
    });
  });

  describe("actors and memberships", () => {
    it("creates a person with a first membership (two entries), changes, moves and removes memberships, deletes them", async () => {
      const home = await newStructure({ name: `${TAG} home` });
      const other = await newStructure({ name: `${TAG} other` });
      const person = ok(
        await graphqlAs(coordinator, SAVE_ACTOR, {
          input: { territoryId: GORGES, firstName: "Zoé", lastName: `${TAG}-Durand`, email: "zoe@exemple.test", phone: "+33 1 99 00 12 34", category: "VOLUNTEER", membership: { organisationId: home.entityId, role: "Bénévole", since: "2024-01-01" } },
        }),
      );
      created.add(person.entityId);
      expect(changeOf(person, "phone")?.after).toBe(JSON.stringify("01 99 00 12 34"));
      const entries = await entriesAbout(person.entityId);
      expect(entries.map((entry) => entry.operation)).toEqual(["CREATE", "CREATE"]);
      const [member] = await rows<{ role: string; since: string }>("MATCH (:Actor {id: $a})-[m:MEMBER_OF]->(:Structure {id: $s}) RETURN m.role AS role, toString(m.since) AS since", { a: person.entityId, s: home.entityId });
      expect(member).toEqual({ role: "Bénévole", since: "2024-01-01" });

      const changed = ok(await graphqlAs(coordinator, SAVE_ACTOR, { input: { id: person.entityId, territoryId: GORGES, firstName: "Zoé", lastName: `${TAG}-Durand`, email: "zoe.durand@exemple.test", category: "VOLUNTEER" } }));
      expect(changed.changes.map((change) => change.field)).toEqual(["email", "phone"]);

      const joined = ok(await graphqlAs(coordinator, SAVE_MEMBERSHIP, { input: { territoryId: GORGES, actorId: person.entityId, organisationId: other.entityId, role: "Secrétaire", since: "2024-03-01" } }));
      expect(joined).toMatchObject({ entityKind: "MEMBERSHIP", operation: "CREATE", entityId: `${person.entityId}>${other.entityId}` });
      const backwards = await graphqlAs(coordinator, SAVE_MEMBERSHIP, { input: { territoryId: GORGES, actorId: person.entityId, organisationId: other.entityId, since: "2024-03-01", until: "2024-02-01" } });
      expect(extensionsOf(backwards)).toMatchObject({ code: "BAD_USER_INPUT", argument: "input.until", reason: "DATE_ORDER" });

      const left = ok(await graphqlAs(coordinator, DELETE_MEMBERSHIP, { t: GORGES, a: person.entityId, o: other.entityId }));
      expect(left).toMatchObject({ operation: "DELETE", entityKind: "MEMBERSHIP" });
      expect(await rows("MATCH (:Actor {id: $a})-[m:MEMBER_OF]->(:Structure {id: $s}) RETURN m", { a: person.entityId, s: other.entityId })).toHaveLength(0);
      expect(codeOf(await graphqlAs(coordinator, DELETE_MEMBERSHIP, { t: GORGES, a: person.entityId, o: other.entityId }))).toBe("NOT_FOUND");

      const gone = ok(await graphqlAs(coordinator, DELETE_ACTOR, { t: GORGES, id: person.entityId }));
      expect(gone.operation).toBe("DELETE");
      expect(await rows("MATCH (a:Actor {id: $id}) RETURN a", { id: person.entityId })).toHaveLength(0);
    });

    it("refuses a bad e-mail, a bad phone and a new person without a structure, writing nothing", async () => {
      const before = await auditCount();
      const base = { territoryId: GORGES, firstName: "Zoé", lastName: TAG, category: "VOLUNTEER" };
      expect(extensionsOf(await graphqlAs(coordinator, SAVE_ACTOR, { input: { ...base, email: "zoe@", membership: { organisationId: "x" } } }))).toMatchObject({ argument: "input.email", reason: "INVALID_FORMAT" });
      expect(extensionsOf(await graphqlAs(coordinator, SAVE_ACTOR, { input: { ...base, phone: "12 34", membership: { organisationId: "x" } } }))).toMatchObject({ argument: "input.phone", reason: "INVALID_FORMAT" });
      expect(extensionsOf(await graphqlAs(coordinator, SAVE_ACTOR, { input: base }))).toMatchObject({ argument: "input.membership.organisationId", reason: "REQUIRED" });
      expect(extensionsOf(await graphqlAs(coordinator, SAVE_ACTOR, { input: { ...base, membership: { organisationId: "nowhere" } } }))).toMatchObject({
        argument: "input.membership.organisationId",
        reason: "NOT_IN_TERRITORY",
      });
      expect(await auditCount()).toBe(before);
      expect(await rows("MATCH (a:Actor {lastName: $n}) RETURN a", { n: TAG })).toHaveLength(0);
    });
  });

  describe("work groups and events", () => {
    it("creates, changes and deletes a work group and an event it organised", async () => {
      const group = ok(await graphqlAs(coordinator, SAVE_WORK_GROUP, { input: { territoryId: GORGES, name: `${TAG} Réseau`, kind: "NETWORK", startedOn: "2024-01-01", axisIds: [axes[0]] } }));
      created.add(group.entityId);
      const event = ok(
        await graphqlAs(coordinator, SAVE_EVENT, {
          input: { territoryId: GORGES, title: `${TAG} Forum`, kind: "PUBLIC_ACTION", date: "2024-05-02", durationHours: 3, communeCode: communes[0], organiserId: group.entityId, axisIds: axes.slice(0, 2) },
        }),
      );
      created.add(event.entityId);
      expect(changeOf(event, "axisIds")?.after).toBe(JSON.stringify(axes.slice(0, 2)));

      const moved = ok(await graphqlAs(coordinator, SAVE_WORK_GROUP, { input: { id: group.entityId, territoryId: GORGES, name: `${TAG} Réseau`, kind: "COMMITTEE", startedOn: "2024-01-01", endedOn: "2024-12-31", axisIds: [axes[1]] } }));
      expect(moved.changes.map((change) => change.field)).toEqual(["axisIds", "endedOn", "kind"]);
      const [axesNow] = await rows<{ ids: string[] }>("MATCH (w:WorkGroup {id: $id}) RETURN [(w)-[:WORKS_ON]->(x) | x.id] AS ids", { id: group.entityId });
      expect(axesNow?.ids).toEqual([axes[1]]);

      const ended = await graphqlAs(coordinator, SAVE_WORK_GROUP, { input: { id: group.entityId, territoryId: GORGES, name: `${TAG} Réseau`, kind: "COMMITTEE", startedOn: "2024-01-01", endedOn: "2023-12-31" } });
      expect(extensionsOf(ended)).toMatchObject({ code: "BAD_USER_INPUT", argument: "input.endedOn", reason: "DATE_ORDER" });
      const offTerritory = await graphqlAs(coordinator, SAVE_EVENT, {
        input: { id: event.entityId, territoryId: GORGES, title: `${TAG} Forum`, kind: "PUBLIC_ACTION", date: "2024-05-02", durationHours: 3, communeCode: foreignCommune, organiserId: group.entityId },
      });
      expect(extensionsOf(offTerritory)).toMatchObject({ code: "BAD_USER_INPUT", argument: "input.communeCode", reason: "NOT_IN_TERRITORY" });

      expect(extensionsOf(await graphqlAs(coordinator, DELETE_WORK_GROUP, { t: GORGES, id: group.entityId }))).toMatchObject({ code: "CONFLICT", reason: "HAS_EVENTS" });
      expect(ok(await graphqlAs(coordinator, DELETE_EVENT, { t: GORGES, id: event.entityId })).operation).toBe("DELETE");
      expect(ok(await graphqlAs(coordinator, DELETE_WORK_GROUP, { t: GORGES, id: group.entityId })).operation).toBe("DELETE");
      expect(await rows("MATCH (n) WHERE n.id IN $ids RETURN n", { ids: [group.entityId, event.entityId] })).toHaveLength(0);
      expect((await entriesAbout(event.entityId)).map((entry) => entry.operation)).toEqual(["CREATE", "DELETE"]);
      // The event's entries name its organiser among the records involved.
      expect((await entriesAbout(group.entityId)).map((entry) => entry.operation)).toEqual(["CREATE", "CREATE", "UPDATE", "DELETE", "DELETE"]);
    });

    it("keeps a seeded work group that organised events (CONFLICT)", async () => {
      expect(codeOf(await graphqlAs(coordinator, DELETE_WORK_GROUP, { t: GORGES, id: workGroupWithEvents }))).toBe("CONFLICT");
      expect(await rows("MATCH (w:WorkGroup {id: $id}) RETURN w", { id: workGroupWithEvents })).toHaveLength(1);
    });
  });

  describe("work-group participations", () => {
    /** A new person (through a new structure) and a new work group of Gorges, removed at the end. */
    async function personAndGroup(label: string): Promise<{ actorId: string; workGroupId: string; groupName: string }> {
      const home = await newStructure({ name: `${TAG} ${label} home` });
      const person = ok(await graphqlAs(coordinator, SAVE_ACTOR, { input: { territoryId: GORGES, firstName: "Léo", lastName: `${TAG}-${label}`, category: "PROFESSIONAL", membership: { organisationId: home.entityId } } }));
      created.add(person.entityId);
      const groupName = `${TAG} ${label} groupe`;
      const group = ok(await graphqlAs(coordinator, SAVE_WORK_GROUP, { input: { territoryId: GORGES, name: groupName, kind: "WORK_GROUP", startedOn: "2024-01-01" } }));
      created.add(group.entityId);
      return { actorId: person.entityId, workGroupId: group.entityId, groupName };
    }

    const participation = (actorId: string, workGroupId: string) =>
      rows<{ role: string; since: string; until: string | null }>(
        "MATCH (:Actor {id: $a})-[p:PARTICIPATES_IN]->(:WorkGroup {id: $g}) RETURN p.role AS role, toString(p.since) AS since, toString(p.until) AS until",
        { a: actorId, g: workGroupId },
      );

    it("adds, changes and removes a participation, each with its audit entry naming the work group", async () => {
      const { actorId, workGroupId, groupName } = await personAndGroup("part");
      const joined = ok(await graphqlAs(coordinator, SAVE_PARTICIPATION, { input: { territoryId: GORGES, actorId, workGroupId, role: "MEMBER", since: "2024-02-01" } }));
      expect(joined).toMatchObject({ entityKind: "PARTICIPATION", operation: "CREATE", entityId: `${actorId}>${workGroupId}` });
      expect(joined.changes.map((change) => change.field)).toEqual(["role", "since"]);
      expect(await participation(actorId, workGroupId)).toEqual([{ role: "MEMBER", since: "2024-02-01", until: null }]);
      const [entry] = await rows<{ id: string; name: string; related: string[]; role: string }>(
        "MATCH (e:AuditEntry {entityId: $id}) RETURN e.id AS id, e.entityName AS name, e.relatedIds AS related, e.userRole AS role",
        { id: joined.entityId },
      );
      expect(entry).toEqual({ id: joined.auditEntryId, name: groupName, related: [joined.entityId, actorId, workGroupId], role: "COORDINATOR" });

      const promoted = ok(await graphqlAs(coordinator, SAVE_PARTICIPATION, { input: { territoryId: GORGES, actorId, workGroupId, role: "PILOT", since: "2024-02-01", until: "2024-12-31" } }));
      expect(promoted.operation).toBe("UPDATE");
      expect(promoted.changes).toEqual([
        { field: "role", before: JSON.stringify("MEMBER"), after: JSON.stringify("PILOT") },
        { field: "until", before: null, after: JSON.stringify("2024-12-31") },
      ]);
      const again = ok(await graphqlAs(coordinator, SAVE_PARTICIPATION, { input: { territoryId: GORGES, actorId, workGroupId, role: "PILOT", since: "2024-02-01", until: "2024-12-31" } }));
      expect(again).toMatchObject({ operation: "UPDATE", auditEntryId: null, changes: [] });

      const left = ok(await graphqlAs(coordinator, DELETE_PARTICIPATION, { t: GORGES, a: actorId, g: workGroupId }));
      expect(left).toMatchObject({ operation: "DELETE", entityKind: "PARTICIPATION" });
      expect(changeOf(left, "role")).toEqual({ field: "role", before: JSON.stringify("PILOT"), after: null });
      expect(await participation(actorId, workGroupId)).toHaveLength(0);
      expect(extensionsOf(await graphqlAs(coordinator, DELETE_PARTICIPATION, { t: GORGES, a: actorId, g: workGroupId }))).toMatchObject({ code: "NOT_FOUND", argument: "actorId" });
      // The work group's trail holds its own creation and the three changes of the participation.
      expect((await entriesAbout(workGroupId)).map((e) => e.operation)).toEqual(["CREATE", "CREATE", "UPDATE", "DELETE"]);
      const trail = await graphqlAs<Trail>(ADMIN, TRAIL, { t: GORGES, entityId: workGroupId });
      expect(trail.data!.auditTrail.entries.map((e) => [e.entityKind, e.operation])).toEqual([
        ["PARTICIPATION", "DELETE"],
        ["PARTICIPATION", "UPDATE"],
        ["PARTICIPATION", "CREATE"],
        ["WORK_GROUP", "CREATE"],
      ]);
    });

    it("refuses an end before the start, a person or a work group of another territory, and an unknown territory, writing nothing", async () => {
      const { actorId, workGroupId } = await personAndGroup("refused");
      const [foreignActor] = await rows<{ id: string }>(
        "MATCH (a:Actor)-[:MEMBER_OF]->(:Structure)-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(:Territory {id: $t}) RETURN a.id AS id ORDER BY id LIMIT 1",
        { t: CEVENNES },
      );
      const [foreignGroup] = await rows<{ id: string }>("MATCH (w:WorkGroup)-[:BELONGS_TO]->(:Territory {id: $t}) RETURN w.id AS id ORDER BY id LIMIT 1", { t: CEVENNES });
      const base = { territoryId: GORGES, actorId, workGroupId, role: "MEMBER", since: "2024-02-01" };
      const before = await auditCount();
      expect(extensionsOf(await graphqlAs(coordinator, SAVE_PARTICIPATION, { input: { ...base, until: "2024-01-31" } }))).toMatchObject({ code: "BAD_USER_INPUT", argument: "input.until", reason: "DATE_ORDER" });
      expect(extensionsOf(await graphqlAs(coordinator, SAVE_PARTICIPATION, { input: { ...base, actorId: foreignActor!.id } }))).toMatchObject({ code: "BAD_USER_INPUT", argument: "input.actorId", reason: "NOT_IN_TERRITORY" });
      expect(extensionsOf(await graphqlAs(coordinator, SAVE_PARTICIPATION, { input: { ...base, workGroupId: foreignGroup!.id } }))).toMatchObject({ code: "BAD_USER_INPUT", argument: "input.workGroupId", reason: "NOT_IN_TERRITORY" });
      expect(extensionsOf(await graphqlAs(coordinator, SAVE_PARTICIPATION, { input: { ...base, workGroupId: `${TAG}-nowhere` } }))).toMatchObject({ argument: "input.workGroupId", reason: "NOT_IN_TERRITORY" });
      expect(extensionsOf(await graphqlAs(coordinator, DELETE_PARTICIPATION, { t: GORGES, a: actorId, g: foreignGroup!.id }))).toMatchObject({ argument: "workGroupId", reason: "NOT_IN_TERRITORY" });
      expect(extensionsOf(await graphqlAs(ADMIN, SAVE_PARTICIPATION, { input: { ...base, territoryId: `${TAG}-nowhere` } }))).toMatchObject({ code: "NOT_FOUND", argument: "input.territoryId" });
      expect(await auditCount()).toBe(before);
      expect(await participation(actorId, workGroupId)).toHaveLength(0);
      expect(await participation(foreignActor!.id, workGroupId)).toHaveLength(0);
      expect(await participation(actorId, foreignGroup!.id)).toHaveLength(0);
    });

    it("is FORBIDDEN to analysts and to coordinators of another territory, and leaves the participation as it was", async () => {
      const { actorId, workGroupId } = await personAndGroup("guarded");
      ok(await graphqlAs(coordinator, SAVE_PARTICIPATION, { input: { territoryId: GORGES, actorId, workGroupId, role: "MEMBER", since: "2024-02-01" } }));
      const before = await auditCount();
      const change = { territoryId: GORGES, actorId, workGroupId, role: "PILOT", since: "2024-02-01" };
      expect(codeOf(await graphqlAs(analyst, SAVE_PARTICIPATION, { input: change }))).toBe("FORBIDDEN");
      expect(codeOf(await graphqlAs(analyst, DELETE_PARTICIPATION, { t: GORGES, a: actorId, g: workGroupId }))).toBe("FORBIDDEN");
      expect(codeOf(await graphqlAs(otherCoordinator, SAVE_PARTICIPATION, { input: change }))).toBe("FORBIDDEN");
      expect(codeOf(await graphqlAs(otherCoordinator, DELETE_PARTICIPATION, { t: GORGES, a: actorId, g: workGroupId }))).toBe("FORBIDDEN");
      // Naming their own territory does not reach a work group of Gorges either.
      expect(extensionsOf(await graphqlAs(otherCoordinator, SAVE_PARTICIPATION, { input: { ...change, territoryId: CEVENNES } }))).toMatchObject({ reason: "NOT_IN_TERRITORY" });
      expect(extensionsOf(await graphqlAs(otherCoordinator, DELETE_PARTICIPATION, { t: CEVENNES, a: actorId, g: workGroupId }))).toMatchObject({ reason: "NOT_IN_TERRITORY" });
      expect(codeOf(await graphqlAs(null, DELETE_PARTICIPATION, { t: GORGES, a: actorId, g: workGroupId }))).toBe("UNAUTHENTICATED");
      expect(await auditCount()).toBe(before);
      expect(await participation(actorId, workGroupId)).toEqual([{ role: "MEMBER", since: "2024-02-01", until: null }]);
    });

    it("writes neither the participation nor its removal when the audit entry cannot be written", async () => {
      const { actorId, workGroupId } = await personAndGroup("atomic");
      const viewer: Viewer = { subject: "test-failing", role: "COORDINATOR", territories: [GORGES] };
      const failing = new EditingService(failingAudit());
      const before = await auditCount();
      await expect(failing.saveParticipation(viewer, parseParticipationInput({ territoryId: GORGES, actorId, workGroupId, role: "MEMBER", since: "2024-02-01" }))).rejects.toThrow("audit write forced to fail");
      expect(await participation(actorId, workGroupId)).toHaveLength(0);

      ok(await graphqlAs(coordinator, SAVE_PARTICIPATION, { input: { territoryId: GORGES, actorId, workGroupId, role: "CO_PILOT", since: "2024-02-01" } }));
      await expect(failing.saveParticipation(viewer, parseParticipationInput({ territoryId: GORGES, actorId, workGroupId, role: "PILOT", since: "2024-02-01" }))).rejects.toThrow("audit write forced to fail");
      await expect(failing.deleteParticipation(viewer, GORGES, actorId, workGroupId)).rejects.toThrow("audit write forced to fail");
      expect(await participation(actorId, workGroupId)).toEqual([{ role: "CO_PILOT", since: "2024-02-01", until: null }]);
      expect(await auditCount()).toBe(before + 1);
    });
  });

  describe("the audit trail", () => {
    it("is read by administrators, newest first, page by page, and about one record", async () => {
      const { entityId } = await newStructure({ name: `${TAG} paged` });
      await graphqlAs(coordinator, SAVE_STRUCTURE, { input: structureInput({ id: entityId, name: `${TAG} paged 2` }) });
      await graphqlAs(coordinator, SAVE_STRUCTURE, { input: structureInput({ id: entityId, name: `${TAG} paged 3` }) });
      const first = await graphqlAs<Trail>(ADMIN, TRAIL, { t: GORGES, first: 2, entityId });
      expect(first.errors).toBeUndefined();
      const page = first.data!.auditTrail;
      expect(page).toMatchObject({ territoryId: GORGES, totalCount: 3, hasNextPage: true });
      expect(page.entries.map((entry) => changeOf(entry, "name")?.after)).toEqual([JSON.stringify(`${TAG} paged 3`), JSON.stringify(`${TAG} paged 2`)]);
      expect(page.entries[0]).toMatchObject({ userId: COORDINATOR_SUBJECT, userRole: "COORDINATOR", entityKind: "STRUCTURE", entityName: `${TAG} paged 3`, operation: "UPDATE" });
      const second = await graphqlAs<Trail>(ADMIN, TRAIL, { t: GORGES, first: 2, entityId, after: page.endCursor });
      expect(second.data!.auditTrail.entries.map((entry) => entry.operation)).toEqual(["CREATE"]);
      expect(second.data!.auditTrail.hasNextPage).toBe(false);
      const whole = await graphqlAs<Trail>(ADMIN, TRAIL, { t: GORGES, first: 5 });
      expect(whole.data!.auditTrail.totalCount).toBeGreaterThanOrEqual(3);
      expect(whole.data!.auditTrail.entries[0]?.entityId).toBe(entityId);
    });

    it("is FORBIDDEN to coordinators and analysts; a bad cursor or page size is BAD_USER_INPUT; an unknown territory NOT_FOUND", async () => {
      expect(codeOf(await graphqlAs(coordinator, TRAIL, { t: GORGES }))).toBe("FORBIDDEN");
      expect(codeOf(await graphqlAs(analyst, TRAIL, { t: GORGES }))).toBe("FORBIDDEN");
      expect(extensionsOf(await graphqlAs(ADMIN, TRAIL, { t: GORGES, after: "nonsense" }))).toMatchObject({ code: "BAD_USER_INPUT", argument: "after" });
      expect(extensionsOf(await graphqlAs(ADMIN, TRAIL, { t: GORGES, first: 0 }))).toMatchObject({ code: "BAD_USER_INPUT", argument: "first" });
      expect(codeOf(await graphqlAs(ADMIN, TRAIL, { t: `${TAG}-nowhere` }))).toBe("NOT_FOUND");
    });
  });

  describe("erasing a person (GDPR)", () => {
    it("takes names, e-mail and phone out of the audit entries about them, and keeps who changed what", async () => {
      const home = await newStructure({ name: `${TAG} gdpr` });
      const lastName = `${TAG}-Effacée`;
      const person = ok(
        await graphqlAs(coordinator, SAVE_ACTOR, {
          input: { territoryId: GORGES, firstName: "Inès", lastName, email: "ines@exemple.test", phone: "06 39 98 00 01", category: "PROFESSIONAL", profession: "Sage-femme", membership: { organisationId: home.entityId } },
        }),
      );
      created.add(person.entityId);
      ok(await graphqlAs(coordinator, SAVE_ACTOR, { input: { id: person.entityId, territoryId: GORGES, firstName: "Inès", lastName, email: "ines.b@exemple.test", category: "PROFESSIONAL", profession: "Sage-femme" } }));
      const stored = async () => (await rows<{ changes: string; erased: string[] }>("MATCH (e:AuditEntry {entityId: $id}) RETURN e.changes AS changes, e.erasedFields AS erased ORDER BY e.at", { id: person.entityId }));
      expect((await stored()).some((entry) => entry.changes.includes(lastName))).toBe(true);

      expect((await graphqlAs(ADMIN, ERASE, { actorId: person.entityId })).errors).toBeUndefined();
      const after = await stored();
      expect(after).toHaveLength(2);
      for (const entry of after) {
        for (const personal of [lastName, "Inès", "ines@exemple.test", "ines.b@exemple.test", "06 39 98 00 01"]) expect(entry.changes).not.toContain(personal);
      }
      expect(after[0]!.erased).toEqual(["email", "firstName", "lastName", "phone"]);
      expect(JSON.parse(after[0]!.changes)).toEqual({ category: { before: null, after: "PROFESSIONAL" }, profession: { before: null, after: "Sage-femme" } });
      const trail = await graphqlAs<Trail>(ADMIN, TRAIL, { t: GORGES, entityId: person.entityId });
      const actorEntries = trail.data!.auditTrail.entries.filter((entry) => entry.entityKind === "ACTOR");
      expect(actorEntries.map((entry) => [entry.operation, entry.userId, entry.erasedFields])).toEqual([
        ["UPDATE", COORDINATOR_SUBJECT, ["email", "phone"]],
        ["CREATE", COORDINATOR_SUBJECT, ["email", "firstName", "lastName", "phone"]],
      ]);
    });
  });
});
