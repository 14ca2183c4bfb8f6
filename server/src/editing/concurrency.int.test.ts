/**
 * Optimistic concurrency (issue 22): 20 changes of one structure sent at once by two users. Changes
 * that send no version all go through, one after the other under the record's lock, so the audit
 * trail is a chain (each entry's `before` is the previous entry's `after`) that ends on what the
 * database holds; changes that send a version someone else has since replaced get CONFLICT
 * (STALE_VERSION) with the current values, and write nothing.
 */
import { randomUUID } from "node:crypto";
import type { Driver, RecordShape } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ADMIN, graphqlAs, type GraphQLResponse, type TestViewer } from "../../../test/graphql.js";
import { connectDriver } from "../neo4j/driver.js";

const GORGES = "gorges-causses-cevennes";
const coordinator: TestViewer = { role: "COORDINATOR", territories: [GORGES] };
const TAG = `concurrency-test-${randomUUID().slice(0, 8)}`;
const SAVE = `mutation ($input: SaveStructureInput!) { saveStructure(input: $input) { entityId auditEntryId version changes { field before after } } }`;

interface Saved {
  saveStructure: { entityId: string; auditEntryId: string | null; version: number; changes: { field: string; before: string | null; after: string | null }[] };
}

describe("concurrent edits of one record", () => {
  let driver: Driver;
  let commune: string;
  let structureId = "";

  async function rows<T extends RecordShape>(cypher: string, parameters: Record<string, unknown> = {}): Promise<T[]> {
    const { records } = await driver.executeQuery(cypher, parameters);
    return records.map((record) => record.toObject() as T);
  }

  const input = (name: string, expectedVersion?: number) => ({
    territoryId: GORGES,
    ...(structureId === "" ? {} : { id: structureId }),
    name,
    sector: "CARE",
    kind: "Maison de santé",
    communeCode: commune,
    ...(expectedVersion === undefined ? {} : { expectedVersion }),
  });

  beforeAll(async () => {
    driver = await connectDriver({ uri: inject("neo4jUri") });
    const [first] = await rows<{ code: string }>("MATCH (c:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(:Territory {id: $t}) RETURN c.code AS code ORDER BY code LIMIT 1", { t: GORGES });
    commune = first?.code ?? "";
  });

  afterAll(async () => {
    if (structureId !== "") {
      await driver.executeQuery("MATCH (e:AuditEntry) WHERE $id IN e.relatedIds DETACH DELETE e", { id: structureId });
      await driver.executeQuery("MATCH (s:Structure {id: $id}) DETACH DELETE s", { id: structureId });
    }
    await driver.close();
  });

  it("chains the audit entries, ends on the database's value and refuses stale versions with CONFLICT", async () => {
    const created = await graphqlAs<Saved>(coordinator, SAVE, { input: input(`${TAG} départ`) });
    expect(created.errors).toBeUndefined();
    structureId = created.data?.saveStructure.entityId ?? "";
    expect(created.data?.saveStructure.version).toBe(1);

    // Ten blind changes (no version) and ten that say they saw version 1, from two users, all at once.
    const sent = Array.from({ length: 20 }, (_, index) => ({
      viewer: index % 2 === 0 ? coordinator : ADMIN,
      name: `${TAG} nom ${index}`,
      expectedVersion: index % 4 < 2 ? undefined : 1,
    }));
    const answers = await Promise.all(sent.map((edit) => graphqlAs<Saved>(edit.viewer, SAVE, { input: input(edit.name, edit.expectedVersion) })));

    const accepted: Saved["saveStructure"][] = [];
    const refused: GraphQLResponse<Saved>[] = [];
    answers.forEach((answer, index) => {
      if (answer.errors === undefined && answer.data) accepted.push(answer.data.saveStructure);
      else {
        expect(sent[index]?.expectedVersion, "only a change that sent a version may be refused").toBe(1);
        refused.push(answer);
      }
    });
    // Every blind change went through; at most one of the versioned ones (if it came first).
    expect(accepted.length).toBeGreaterThanOrEqual(10);
    expect(accepted.length).toBeLessThanOrEqual(11);
    expect(refused.length).toBe(20 - accepted.length);
    for (const answer of refused) {
      const extensions = answer.errors?.[0]?.extensions ?? {};
      expect(extensions.code).toBe("CONFLICT");
      expect(extensions.reason).toBe("STALE_VERSION");
      expect(extensions.argument).toBe("input.expectedVersion");
      expect(Number(extensions.currentVersion)).toBeGreaterThan(1);
      expect((extensions.current as { name?: unknown }).name).toMatch(new RegExp(`^${TAG} nom \\d+$`));
    }

    // In version order, each accepted change replaced what the previous one wrote.
    accepted.sort((a, b) => a.version - b.version);
    expect(accepted.map((result) => result.version)).toEqual(accepted.map((_, index) => index + 2));
    const entries = await rows<{ id: string; changes: string; userId: string }>(
      "MATCH (e:AuditEntry) WHERE e.entityId = $id AND e.operation = 'UPDATE' RETURN e.id AS id, e.changes AS changes, e.userId AS userId",
      { id: structureId },
    );
    expect(entries.length).toBe(accepted.length);
    expect(new Set(entries.map((entry) => entry.userId)).size).toBe(2);
    let previous = `${TAG} départ`;
    for (const result of accepted) {
      const entry = entries.find((candidate) => candidate.id === result.auditEntryId);
      expect(entry, `audit entry of version ${result.version}`).toBeDefined();
      const name = (JSON.parse(entry?.changes ?? "{}") as Record<string, { before: unknown; after: unknown }>).name;
      expect(name?.before).toBe(previous);
      previous = String(name?.after);
    }
    const [stored] = await rows<{ name: string; version: unknown }>("MATCH (s:Structure {id: $id}) RETURN s.name AS name, s.version AS version", { id: structureId });
    expect(stored?.name).toBe(previous);
    expect(Number(stored?.version)).toBe(accepted.length + 1);
  });

  it("accepts the version it showed and refuses it once replaced", async () => {
    const [stored] = await rows<{ version: unknown }>("MATCH (s:Structure {id: $id}) RETURN s.version AS version", { id: structureId });
    const version = Number(stored?.version);
    const first = await graphqlAs<Saved>(coordinator, SAVE, { input: input(`${TAG} suivant`, version) });
    expect(first.errors).toBeUndefined();
    expect(first.data?.saveStructure.version).toBe(version + 1);
    const second = await graphqlAs<Saved>(ADMIN, SAVE, { input: input(`${TAG} autre`, version) });
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "STALE_VERSION", currentVersion: version + 1, current: { name: `${TAG} suivant` } });
    const [after] = await rows<{ name: string }>("MATCH (s:Structure {id: $id}) RETURN s.name AS name", { id: structureId });
    expect(after?.name).toBe(`${TAG} suivant`);
  });
});
