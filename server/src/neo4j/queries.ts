import { readFileSync } from "node:fs";
import path from "node:path";
import type { Driver, ManagedTransaction, RecordShape } from "neo4j-driver";
import { repoRoot } from "../config.js";
import type { DatabaseStatus } from "./status.js";

export const queriesDir = path.join(repoRoot, "cypher", "queries");

/** Every query the server runs itself; each is the file `cypher/queries/<name>.cypher`. */
export const QUERY_NAMES = [
  "ping",
  "territoryVersion",
  "territoryVersionBump",
  "databaseIsEmpty",
  "realTerritoryExists",
  "structureNetwork",
  "collaborationData",
  "keyFigures",
  "coverage",
  "dashboardContracts",
  "territoryExists",
  "firstTerritory",
  "territoryLatestContracts",
  "territoriesToPreload",
  "explorerCatalog",
  "explorerParticipations",
  "explorerOrganisation",
  "explorerWorkGroup",
  "explorerCommune",
  "explorerActor",
  "explorerProfessionPeers",
  "savedViewsOfTerritory",
  "savedViewById",
  "savedViewTerritory",
  "savedViewCreate",
  "savedViewReplace",
  "savedViewRename",
  "savedViewDelete",
  "savedViewNames",
  "territoryPeopleContacts",
  "importedIdsToMigrate",
  "importedIdsRename",
  "importIdAliases",
  "importSnapshot",
  "importAttendances",
  "importWrite",
  "backupTerritoryNodes",
  "backupRelationships",
  "backupCreateNodes",
  "backupCreateRelationships",
  "gdprPersonTerritories",
  "gdprPersonData",
  "gdprSavedViewsToScrub",
  "gdprSavedViewScrub",
  "gdprEraseActor",
  "gdprInactivePeople",
  "duplicateActors",
  "duplicateStructures",
  "duplicateActorRecords",
  "duplicateStructureRecords",
  "duplicateMergeNode",
  "duplicateMergeApply",
  "territoryEpcis",
  "territoryCommunes",
  "territoryAxes",
  "territoryContracts",
  "territoryCreate",
  "territoryEpciOwners",
  "territoryContractGenerations",
  "territoryTakenIds",
  "territoryAxisPriorities",
  "editReferences",
  "editLock",
  "editStructureRead",
  "editStructureWrite",
  "editStructureDelete",
  "editActorRead",
  "editActorWrite",
  "editActorDelete",
  "editMembershipRead",
  "editMembershipWrite",
  "editMembershipDelete",
  "editParticipationRead",
  "editParticipationWrite",
  "editParticipationDelete",
  "editWorkGroupRead",
  "editWorkGroupWrite",
  "editWorkGroupDelete",
  "editEventRead",
  "editEventWrite",
  "editEventDelete",
  "auditEntryCreate",
  "auditEntriesCreate",
  "auditTrail",
  "auditTrailCount",
  "auditEntriesOfActor",
  "auditEntryScrub",
] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

export type QueryCatalog = Readonly<Record<QueryName, string>>;

/** Reads every named query once; a missing file stops the start-up with the file's path. */
export function loadQueries(dir: string = queriesDir): QueryCatalog {
  const entries = QUERY_NAMES.map((name) => {
    const file = path.join(dir, `${name}.cypher`);
    try {
      return [name, readFileSync(file, "utf8")] as const;
    } catch {
      throw new Error(`Missing Cypher query file: ${file}`);
    }
  });
  return Object.freeze(Object.fromEntries(entries) as Record<QueryName, string>);
}

/** Named queries run inside one transaction (see QueryRunner.readTransaction and writeTransaction). */
export interface QueryTransaction {
  run<T extends RecordShape>(name: QueryName, parameters: Record<string, unknown>): Promise<T[]>;
  /**
   * Says that this write changes the data of these territories: their data version is changed in
   * this same transaction, before it commits, so that every app process rebuilds what it cached
   * from them (see analytics/service.ts). Every write to a territory's network must call it.
   */
  changed(territoryIds: string | readonly string[]): void;
}

export interface QueryRunner {
  read<T extends RecordShape>(name: QueryName, parameters: Record<string, unknown>): Promise<T[]>;
  /** Runs one query in one write transaction (retried by the driver on transient errors); use writeTransaction for writes to a territory's network (QueryTransaction.changed). */
  write<T extends RecordShape>(name: QueryName, parameters: Record<string, unknown>): Promise<T[]>;
  /** Runs several queries in one read transaction: they all see the same state of the database. */
  readTransaction<R>(work: (tx: QueryTransaction) => Promise<R>): Promise<R>;
  /**
   * Runs several queries in one write transaction: everything commits together, or nothing when
   * `work` throws. The driver may run `work` again on transient errors: keep it free of other effects.
   */
  writeTransaction<R>(work: (tx: QueryTransaction) => Promise<R>): Promise<R>;
}

/**
 * Runs named queries in read or write transactions; rows come back as raw driver values (see values.ts).
 * With `status`, a query asked while the database is known to be down fails at once with DATABASE_UNAVAILABLE.
 */
export function createQueryRunner(driver: Driver, catalog: QueryCatalog, database?: string, status?: DatabaseStatus): QueryRunner {
  const run = async <T extends RecordShape>(name: QueryName, parameters: Record<string, unknown>, routing: "READ" | "WRITE"): Promise<T[]> => {
    status?.assertUp();
    const result = await driver.executeQuery(catalog[name], parameters, { database, routing });
    return result.records.map((record) => record.toObject() as T);
  };
  const transaction = async <R>(mode: "READ" | "WRITE", work: (tx: QueryTransaction) => Promise<R>): Promise<R> => {
    status?.assertUp();
    // The same bookmark manager as executeQuery (and @neo4j/graphql's sessions): in a cluster, a read
    // in this process sees every write this process made before it.
    const session = driver.session({ database, defaultAccessMode: mode, bookmarkManager: driver.executeQueryBookmarkManager });
    try {
      const body = async (tx: ManagedTransaction): Promise<R> => {
        // Reset at each attempt: the driver may run the work again after a transient error.
        const changed = new Set<string>();
        const result = await work({
          run: async <T extends RecordShape>(name: QueryName, parameters: Record<string, unknown>): Promise<T[]> => {
            const answer = await tx.run(catalog[name], parameters);
            return answer.records.map((record) => record.toObject() as T);
          },
          changed: (territoryIds) => {
            if (mode === "READ") throw new Error("changed() is for write transactions");
            for (const id of typeof territoryIds === "string" ? [territoryIds] : territoryIds) changed.add(id);
          },
        });
        if (changed.size > 0) await tx.run(catalog.territoryVersionBump, { territoryIds: [...changed] });
        return result;
      };
      return mode === "READ" ? await session.executeRead(body) : await session.executeWrite(body);
    } finally {
      await session.close();
    }
  };
  return {
    read: <T extends RecordShape>(name: QueryName, parameters: Record<string, unknown>) => run<T>(name, parameters, "READ"),
    write: <T extends RecordShape>(name: QueryName, parameters: Record<string, unknown>) => run<T>(name, parameters, "WRITE"),
    readTransaction: <R>(work: (tx: QueryTransaction) => Promise<R>) => transaction("READ", work),
    writeTransaction: <R>(work: (tx: QueryTransaction) => Promise<R>) => transaction("WRITE", work),
  };
}
