import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectDriver } from "../neo4j/driver.js";
import { createQueryRunner, loadQueries } from "../neo4j/queries.js";
import { migrateImportedIds } from "./idMigration.js";

/**
 * The start-up migration of imported ids changes the ids of a territory's people, structures, groups
 * and events: every app process must drop what it cached of that territory (networks and coverage
 * name the old ids), so the migration bumps the territory's data version in its own transaction, as
 * every other write does (QueryTransaction.changed). A territory it did not touch keeps its version.
 * Runs on two territories of its own, removed at the end.
 */
const RUN = `idmig${Date.now().toString(36)}`;
const MIGRATED = `${RUN}-migrated`;
const UNTOUCHED = `${RUN}-untouched`;
const OLD_ACTOR_ID = `${MIGRATED}-imp-a-0123456789ab`;
const OLD_STRUCTURE_ID = `${MIGRATED}-imp-s-ba9876543210`;

let driver: Driver;

const versionOf = async (territoryId: string): Promise<unknown> =>
  (await driver.executeQuery("MATCH (t:Territory {id: $territoryId}) RETURN t.dataVersion AS version", { territoryId })).records[0]?.get("version");

describe("the imported-id migration", () => {
  beforeAll(async () => {
    driver = await connectDriver({ uri: inject("neo4jUri") });
    await driver.executeQuery(
      `UNWIND $territories AS id CREATE (:Territory {id: id, name: id, dataVersion: 'before'})
       WITH count(*) AS made
       MATCH (t:Territory {id: $migrated})
       CREATE (t)<-[:PART_OF]-(e:Epci {code: $run, name: $run})<-[:PART_OF]-(c:Commune {code: $run, name: $run})
       CREATE (c)<-[:LOCATED_IN]-(s:Structure {id: $structureId, name: $run})<-[:MEMBER_OF]-(:Actor {id: $actorId, firstName: 'Ancien', lastName: $run, category: 'PROFESSIONAL'})`,
      { territories: [MIGRATED, UNTOUCHED], migrated: MIGRATED, run: RUN, structureId: OLD_STRUCTURE_ID, actorId: OLD_ACTOR_ID },
    );
  });

  afterAll(async () => {
    await driver.executeQuery(
      `MATCH (n) WHERE (n:Territory AND n.id IN $territories) OR ((n:Epci OR n:Commune) AND n.code = $run)
          OR ((n:Actor OR n:Structure) AND (n.id STARTS WITH $migrated OR any(old IN coalesce(n.formerIds, []) WHERE old STARTS WITH $migrated)))
          OR (n:AuditEntry AND n.territoryId = $migrated)
       DETACH DELETE n`,
      { territories: [MIGRATED, UNTOUCHED], run: RUN, migrated: MIGRATED },
    );
    await driver.close();
  });

  it("bumps the data version of the territories whose ids it changed, and of no other", async () => {
    await migrateImportedIds(createQueryRunner(driver, loadQueries()));
    const { records } = await driver.executeQuery("MATCH (n) WHERE (n:Actor OR n:Structure) AND any(old IN n.formerIds WHERE old IN $old) RETURN n.id AS id", { old: [OLD_ACTOR_ID, OLD_STRUCTURE_ID] });
    expect(records.map((record) => String(record.get("id")))).toHaveLength(2);
    const version = await versionOf(MIGRATED);
    expect(typeof version).toBe("string");
    expect(version).not.toBe("before");
    expect(await versionOf(UNTOUCHED)).toBe("before");

    // A second start has nothing of this territory to migrate: its version stays where it is.
    await migrateImportedIds(createQueryRunner(driver, loadQueries()));
    expect(await versionOf(MIGRATED)).toBe(version);
  });
});
