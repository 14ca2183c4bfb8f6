import { readFileSync } from "node:fs";
import path from "node:path";
import type { Driver, ManagedTransaction, RecordShape } from "neo4j-driver";
import { repoRoot } from "../config.js";

export const queriesDir = path.join(repoRoot, "cypher", "queries");

/** Every query the server runs itself; each is the file `cypher/queries/<name>.cypher`. */
export const QUERY_NAMES = [
  "ping",
  "databaseIsEmpty",
  "realTerritoryExists",
  "structureNetwork",
  "collaborationData",
  "keyFigures",
  "coverage",
  "territoryExists",
  "firstTerritory",
  "territoryLatestContracts",
  "explorerCatalog",
  "explorerParticipations",
  "explorerOrganisation",
  "explorerWorkGroup",
  "explorerCommune",
  "explorerActor",
  "savedViewsOfTerritory",
  "savedViewById",
  "savedViewTerritory",
  "savedViewCreate",
  "savedViewReplace",
  "savedViewRename",
  "savedViewDelete",
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
}

export interface QueryRunner {
  read<T extends RecordShape>(name: QueryName, parameters: Record<string, unknown>): Promise<T[]>;
  /** Runs one query in one write transaction (retried by the driver on transient errors). */
  write<T extends RecordShape>(name: QueryName, parameters: Record<string, unknown>): Promise<T[]>;
  /** Runs several queries in one read transaction: they all see the same state of the database. */
  readTransaction<R>(work: (tx: QueryTransaction) => Promise<R>): Promise<R>;
  /**
   * Runs several queries in one write transaction: everything commits together, or nothing when
   * `work` throws. The driver may run `work` again on transient errors: keep it free of other effects.
   */
  writeTransaction<R>(work: (tx: QueryTransaction) => Promise<R>): Promise<R>;
}

/** Runs named queries in read or write transactions; rows come back as raw driver values (see values.ts). */
export function createQueryRunner(driver: Driver, catalog: QueryCatalog, database?: string): QueryRunner {
  const run = async <T extends RecordShape>(name: QueryName, parameters: Record<string, unknown>, routing: "READ" | "WRITE"): Promise<T[]> => {
    const result = await driver.executeQuery(catalog[name], parameters, { database, routing });
    return result.records.map((record) => record.toObject() as T);
  };
  const transaction = async <R>(mode: "READ" | "WRITE", work: (tx: QueryTransaction) => Promise<R>): Promise<R> => {
    const session = driver.session({ database, defaultAccessMode: mode });
    try {
      const body = (tx: ManagedTransaction): Promise<R> =>
        work({
          run: async <T extends RecordShape>(name: QueryName, parameters: Record<string, unknown>): Promise<T[]> => {
            const result = await tx.run(catalog[name], parameters);
            return result.records.map((record) => record.toObject() as T);
          },
        });
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
