/**
 * The round trip of a territory: `npm run backup -- export` from the test database, `restore` into
 * a second, empty Neo4j, then both graphs compared node by node and relationship by relationship
 * with the driver's own typed values, the territory's audit entries included. Then what must be
 * refused leaves the second database as it was.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { generateDemoData, GORGES_CAUSSES_CEVENNES } from "../../../seed/src/index.js";
import { recordChange } from "../audit/trail.js";
import { repoRoot } from "../config.js";
import { AppError } from "../errors.js";
import { connectDriver } from "../neo4j/driver.js";
import { startLocalNeo4j, type LocalNeo4j } from "../neo4j/localNeo4j.js";
import { createQueryRunner, loadQueries, type QueryRunner } from "../neo4j/queries.js";
import { applySchema } from "../neo4j/schema.js";
import { parseBackup } from "./format.js";
import { restoreTerritory } from "./restoreTerritory.js";

const run = promisify(execFile);
const TERRITORY = GORGES_CAUSSES_CEVENNES.id;
const EPCI = GORGES_CAUSSES_CEVENNES.epciCodes[0] ?? "";
const VIEW_ID = `backup-test-view-${process.pid}-${Date.now()}`;
const OTHER_TERRITORY = "pays-cevennes";

/** Runs the backup command line against a Neo4j, as a user would. */
async function cli(uri: string, ...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const env = { ...process.env, NEO4J_URI: uri, NEO4J_PASSWORD: "unused", JWT_SECRET: "backup-test-secret-0123456789-0123456789", LOG_LEVEL: "warn" };
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), "server/src/backup/cli.ts", ...args], { cwd: repoRoot, env });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

interface GraphDump {
  /** "Label:Label|key" → properties as the driver returns them (Integer, Date, Point... objects). */
  nodes: Map<string, Record<string, unknown>>;
  /** "TYPE from→to" keys with their properties, sorted (parallel relationships stay distinct). */
  relationships: { key: string; properties: Record<string, unknown> }[];
}

/**
 * The territory's part of a database, chosen independently of the backup's own query: the demo
 * ids carry the territory's prefix, communes and EPCI are found by the EPCI code, saved views by
 * what they show. Compares the driver's values, so an integer restored as a float would differ.
 */
async function dump(driver: Driver): Promise<GraphDump> {
  const { records } = await driver.executeQuery(
    `MATCH (n)
     WHERE n.id STARTS WITH $territoryId OR (n:Epci AND n.code = $epci)
        OR (n:Commune AND (n)-[:PART_OF]->(:Epci {code: $epci})) OR (n:SavedView AND (n)-[:SHOWS]->(:Territory {id: $territoryId}))
     WITH collect(n) AS nodes
     UNWIND nodes AS n
     OPTIONAL MATCH (n)-[r]->(m) WHERE m IN nodes
     RETURN n, collect([r, m]) AS out`,
    { territoryId: TERRITORY, epci: EPCI },
  );
  const keyOf = (node: { labels: string[]; properties: Record<string, unknown> }): string =>
    `${[...node.labels].sort().join(":")}|${String(node.properties.id ?? node.properties.code)}`;
  const nodes = new Map<string, Record<string, unknown>>();
  const relationships: GraphDump["relationships"] = [];
  for (const record of records) {
    const node = record.get("n") as { labels: string[]; properties: Record<string, unknown> };
    const key = keyOf(node);
    expect(nodes.has(key), `duplicate node ${key}`).toBe(false);
    // The territory's data version changes with every write, the restore included (it is cache bookkeeping, not data).
    const { dataVersion: _version, ...properties } = node.properties;
    nodes.set(key, properties);
    for (const [relationship, other] of record.get("out") as [{ type: string; properties: Record<string, unknown> } | null, { labels: string[]; properties: Record<string, unknown> } | null][]) {
      if (relationship === null || other === null) continue;
      relationships.push({ key: `${relationship.type} ${key}→${keyOf(other)}`, properties: relationship.properties });
    }
  }
  const order = (a: { key: string; properties: object }, b: { key: string; properties: object }): number =>
    a.key.localeCompare(b.key) || JSON.stringify(a.properties).localeCompare(JSON.stringify(b.properties));
  relationships.sort(order);
  return { nodes, relationships };
}

/**
 * A territory's audit entries by id (they carry its id and no relationship). Other test files
 * write and remove entries of their own while this one runs: compare only by id.
 */
async function auditEntries(driver: Driver, territoryId: string): Promise<Map<string, Record<string, unknown>>> {
  const { records } = await driver.executeQuery("MATCH (e:AuditEntry {territoryId: $territoryId}) RETURN e", { territoryId });
  return new Map(
    records.map((record) => {
      const entry = record.get("e") as { properties: Record<string, unknown> };
      return [String(entry.properties.id), entry.properties];
    }),
  );
}

async function totals(driver: Driver): Promise<{ nodes: number; relationships: number }> {
  const { records } = await driver.executeQuery("RETURN COUNT { MATCH (n) } AS nodes, COUNT { MATCH ()-[r]->() } AS relationships");
  const record = records[0];
  return { nodes: Number(record?.get("nodes")), relationships: Number(record?.get("relationships")) };
}

async function clear(driver: Driver): Promise<void> {
  await driver.executeQuery("MATCH (n) DETACH DELETE n");
}

async function codeOf(promise: Promise<unknown>): Promise<{ code: string; reason: unknown }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, reason: error.details.reason };
    throw error;
  }
  return { code: "none", reason: null };
}

describe("territory backup and restore", () => {
  let source: Driver;
  let second: LocalNeo4j;
  let target: Driver;
  let targetQueries: QueryRunner;
  let dir: string;
  let file: string;
  /** Audit entries this file writes: one of the territory, one of another territory (not to be saved). */
  const entryIds: { territory?: string; other?: string } = {};

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "maillage-backup-test-"));
    file = path.join(dir, "gorges.ndjson");
    source = await connectDriver({ uri: inject("neo4jUri") });
    // A saved view with every kind of value the seed does not write, so that each type makes the trip.
    await source.executeQuery(
      `MATCH (t:Territory {id: $territoryId})
       CREATE (v:SavedView {id: $id, name: "Vue de test de sauvegarde", view: "STRUCTURES", stateVersion: 1, state: "{\\"version\\":1}",
         legend: "[]", subtitle: "", createdAt: datetime("2024-03-31T03:30:00.123456789[Europe/Paris]"), updatedAt: datetime("2024-04-01T10:00:00Z"),
         aLocalDateTime: localdatetime("2024-02-29T23:59:59.5"), aTime: time("12:00:00+02:00"), aLocalTime: localtime("08:15"),
         aDuration: duration("P1Y2M3DT4H5M6.007S"), aPoint3d: point({x: 1.5, y: 2, z: -3}), someIntegers: [1, 2, 3],
         someFloats: [1.0, 2.5], aFlag: false, notANumber: 0.0 / 0.0, aBigInteger: 9007199254740993})-[:SHOWS]->(t)`,
      { territoryId: TERRITORY, id: VIEW_ID },
    );
    const sourceQueries = createQueryRunner(source, loadQueries());
    const viewer = { subject: "backup-test", role: "COORDINATOR" as const, territories: [TERRITORY, OTHER_TERRITORY] };
    await sourceQueries.writeTransaction(async (tx) => {
      const change = { operation: "UPDATE" as const, entityKind: "STRUCTURE" as const, entityName: "Maison de santé « test »", relatedIds: [], changes: { name: { before: "Avant", after: "Après" } } };
      entryIds.territory = await recordChange(tx, viewer, { ...change, territoryId: TERRITORY, entityId: `${TERRITORY}-s-001` }, new Date("2024-05-06T07:08:09.123Z"));
      entryIds.other = await recordChange(tx, viewer, { ...change, territoryId: OTHER_TERRITORY, entityId: `${OTHER_TERRITORY}-s-001` }, new Date("2024-05-06T07:08:09.123Z"));
    });
    second = await startLocalNeo4j({ dataDir: path.join(dir, "neo4j"), heapMb: 512, pageCache: "64m" });
    target = await connectDriver({ uri: second.uri });
    await applySchema(target);
    targetQueries = createQueryRunner(target, loadQueries());
  }, 240_000);

  afterAll(async () => {
    await source?.executeQuery("MATCH (v:SavedView {id: $id}) DETACH DELETE v", { id: VIEW_ID });
    await source?.executeQuery("MATCH (e:AuditEntry) WHERE e.id IN $ids DELETE e", { ids: Object.values(entryIds) });
    await source?.close();
    await target?.close();
    await second?.stop();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it("exports the territory with the command line into a versioned file with its counts", async () => {
    const exported = await cli(inject("neo4jUri"), "export", TERRITORY, file);
    expect(exported.stderr).toBe("");
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain("CC Gorges Causses Cévennes");
    const backup = parseBackup(await readFile(file, "utf8"));
    const demo = generateDemoData(GORGES_CAUSSES_CEVENNES);
    const entries = backup.nodes.filter((node) => node.labels.includes("AuditEntry"));
    expect(entries.every((entry) => entry.labels.length === 1 && entry.properties.territoryId === TERRITORY)).toBe(true);
    expect(entries.map((entry) => entry.properties.id)).toContain(entryIds.territory);
    expect(entries.map((entry) => entry.properties.id)).not.toContain(entryIds.other);
    expect(backup.header).toMatchObject({ formatVersion: 1, maillageVersion: "0.1.0", territory: { id: TERRITORY, name: "CC Gorges Causses Cévennes" }, relationshipsToOtherTerritories: 0 });
    expect(backup.header.counts.labels).toEqual({
      Actor: demo.actors.length,
      AuditEntry: entries.length,
      Axis: demo.axes.length,
      Commune: demo.communes.length,
      Contract: demo.contracts.length,
      Epci: 1,
      Event: demo.events.length,
      Institution: demo.institutions.length,
      SavedView: 1,
      Structure: demo.structures.length,
      Territory: 1,
      WorkGroup: demo.workGroups.length,
    });
    expect(backup.header.counts.types.ATTENDED).toBe(demo.attendances.length);
    expect(backup.header.counts.types.MEMBER_OF).toBe(demo.memberships.length);
  }, 120_000);

  it("restores it with the command line into an empty database: the same graph, node by node, relationship by relationship", async () => {
    expect(await totals(target)).toEqual({ nodes: 0, relationships: 0 });
    const restored = await cli(second.uri, "restore", file);
    expect(restored.stderr).toBe("");
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain("restauré en une transaction");

    const [before, after] = await Promise.all([dump(source), dump(target)]);
    expect(after.nodes.size).toBe(before.nodes.size);
    expect(before.nodes.size).toBeGreaterThan(1_500);
    for (const [key, properties] of before.nodes) expect(after.nodes.get(key), key).toEqual(properties);
    expect(after.relationships.length).toBe(before.relationships.length);
    expect(after.relationships).toEqual(before.relationships);
    // The audit trail: exactly the file's entries, each as it is in the source (when another test
    // file has not removed its own since), with its types; this file's entry among them.
    const inFile = parseBackup(await readFile(file, "utf8")).nodes.filter((node) => node.labels.includes("AuditEntry")).map((node) => node.properties.id);
    const [sourceEntries, restoredEntries] = await Promise.all([auditEntries(source, TERRITORY), auditEntries(target, TERRITORY)]);
    expect([...restoredEntries.keys()].sort()).toEqual([...inFile].sort());
    const compared = [...restoredEntries.keys()].filter((id) => sourceEntries.has(id));
    expect(compared).toContain(entryIds.territory);
    for (const id of compared) expect(restoredEntries.get(id), id).toEqual(sourceEntries.get(id));
    const ours = restoredEntries.get(entryIds.territory ?? "") ?? {};
    expect(neo4j.isDateTime(ours.at) && ours.at.toStandardDate().toISOString()).toBe("2024-05-06T07:08:09.123Z");
    expect(ours).toMatchObject({ entityName: "Maison de santé « test »", relatedIds: [`${TERRITORY}-s-001`], erasedFields: [] });
    expect(await auditEntries(target, OTHER_TERRITORY)).toEqual(new Map());
    // Nothing else was written: the restored database holds exactly the territory.
    expect(await totals(target)).toEqual({ nodes: before.nodes.size + restoredEntries.size, relationships: before.relationships.length });

    // The types themselves, spelled out on a few values.
    const commune = [...after.nodes.entries()].find(([key]) => key.startsWith("Commune|"))?.[1] ?? {};
    expect(neo4j.isInt(commune.population)).toBe(true);
    expect(neo4j.isPoint(commune.centroid)).toBe(true);
    const view = after.nodes.get(`SavedView|${VIEW_ID}`) ?? {};
    expect(neo4j.isDateTime(view.createdAt) && view.createdAt.timeZoneId).toBe("Europe/Paris");
    expect(neo4j.isDateTime(view.createdAt) && neo4j.int(view.createdAt.nanosecond).toNumber()).toBe(123456789);
    expect(neo4j.isDuration(view.aDuration)).toBe(true);
    expect(view.someFloats).toEqual([1, 2.5]);
    expect((view.someIntegers as unknown[]).every((value) => neo4j.isInt(value))).toBe(true);
    expect(Number.isNaN(view.notANumber)).toBe(true);
    expect(String(view.aBigInteger)).toBe("9007199254740993");
  }, 180_000);

  it("refuses to restore the same territory twice, with CONFLICT, and changes nothing", async () => {
    const before = await totals(target);
    const again = await cli(second.uri, "restore", file);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain("[CONFLICT]");
    expect(await codeOf(restoreTerritory(targetQueries, parseBackup(await readFile(file, "utf8"))))).toEqual({ code: "CONFLICT", reason: undefined });
    expect(await totals(target)).toEqual(before);
  }, 120_000);

  it("refuses a truncated or altered file before writing anything", async () => {
    await clear(target);
    const text = await readFile(file, "utf8");
    const truncated = path.join(dir, "truncated.ndjson");
    await writeFile(truncated, text.slice(0, Math.floor(text.length * 0.6)), "utf8");
    const cut = await cli(second.uri, "restore", truncated);
    expect(cut.code).not.toBe(0);
    expect(cut.stderr).toContain("[INVALID_BACKUP (TRUNCATED)]");
    const altered = text.replace('"firstName":"Nine"', '"firstName":"Neuf"');
    expect(altered).not.toBe(text);
    expect(await codeOf(Promise.resolve().then(() => parseBackup(altered)))).toEqual({ code: "INVALID_BACKUP", reason: "CORRUPTED" });
    expect(await totals(target)).toEqual({ nodes: 0, relationships: 0 });
  }, 120_000);

  it("rolls the whole restore back when it fails half-way through its transaction", async () => {
    await clear(target);
    // One actor of the backup is already there: its uniqueness constraint fails after several
    // batches of nodes have been written inside the transaction.
    const lastActor = "gorges-causses-cevennes-a-0250";
    await target.executeQuery("CREATE (:Actor {id: $id, firstName: 'Déjà', lastName: 'Là', category: 'VOLUNTEER'})", { id: lastActor });
    const backup = parseBackup(await readFile(file, "utf8"));
    expect(backup.nodes.findIndex((node) => node.properties.id === lastActor)).toBeGreaterThan(200);
    expect(await codeOf(restoreTerritory(targetQueries, backup, { batchSize: 50 }))).toEqual({ code: "CONFLICT", reason: undefined });
    expect(await totals(target)).toEqual({ nodes: 1, relationships: 0 });
  }, 120_000);
});
