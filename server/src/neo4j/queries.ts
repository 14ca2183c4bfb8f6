import { readFileSync } from "node:fs";
import path from "node:path";
import type { Driver, RecordShape } from "neo4j-driver";
import { repoRoot } from "../config.js";

export const queriesDir = path.join(repoRoot, "cypher", "queries");

/** Every query the server runs itself; each is the file `cypher/queries/<name>.cypher`. */
export const QUERY_NAMES = [
  "ping",
  "databaseIsEmpty",
  "structureNetwork",
  "collaborationData",
  "keyFigures",
  "coverage",
  "territoryExists",
  "firstTerritory",
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

export interface QueryRunner {
  read<T extends RecordShape>(name: QueryName, parameters: Record<string, unknown>): Promise<T[]>;
  /** Runs one query in one write transaction (retried by the driver on transient errors). */
  write<T extends RecordShape>(name: QueryName, parameters: Record<string, unknown>): Promise<T[]>;
}

/** Runs named queries in read or write transactions; rows come back as raw driver values (see values.ts). */
export function createQueryRunner(driver: Driver, catalog: QueryCatalog, database?: string): QueryRunner {
  const run = async <T extends RecordShape>(name: QueryName, parameters: Record<string, unknown>, routing: "READ" | "WRITE"): Promise<T[]> => {
    const result = await driver.executeQuery(catalog[name], parameters, { database, routing });
    return result.records.map((record) => record.toObject() as T);
  };
  return {
    read: <T extends RecordShape>(name: QueryName, parameters: Record<string, unknown>) => run<T>(name, parameters, "READ"),
    write: <T extends RecordShape>(name: QueryName, parameters: Record<string, unknown>) => run<T>(name, parameters, "WRITE"),
  };
}
