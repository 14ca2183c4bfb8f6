/**
 * Writes DemoData into Neo4j: one named statement per step (`cypher/seed/<name>.cypher`, read once;
 * the geography, axes and contracts steps are the server's own `cypher/queries/territory<Step>.cypher`,
 * shared with the creation of real territories), rows sent in batches, each batch one write transaction. Every node and relationship is MERGEd
 * on its identifier, so loading the same data again creates and changes nothing.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { repoRoot } from "../../server/src/config.js";
import { queriesDir } from "../../server/src/neo4j/queries.js";
import type { CommuneGeometry } from "./geo.js";
import type { DemoData } from "./model.js";

export const seedStatementsDir = path.join(repoRoot, "cypher", "seed");

/** In write order: nodes before the relationships that need them; attendances last (see territorySeeded). */
export const SEED_STEPS = [
  "territory",
  "epcis",
  "communes",
  "axes",
  "institutions",
  "contracts",
  "structures",
  "partnerships",
  "actors",
  "memberships",
  "workGroups",
  "participations",
  "events",
  "attendances",
] as const;
export type SeedStep = (typeof SEED_STEPS)[number];

const STATEMENT_NAMES = [...SEED_STEPS, "territorySeeded"] as const;
type StatementName = (typeof STATEMENT_NAMES)[number];

/** Steps whose statement is shared with server/src/territories (creation of a real territory). */
const SHARED_STEPS: Readonly<Partial<Record<StatementName, string>>> = {
  epcis: "territoryEpcis",
  communes: "territoryCommunes",
  axes: "territoryAxes",
  contracts: "territoryContracts",
};

let statements: Readonly<Record<StatementName, string>> | undefined;

/** Reads every seed statement once; a missing file fails with its path. */
export function seedStatements(dir: string = seedStatementsDir): Readonly<Record<StatementName, string>> {
  if (statements !== undefined && dir === seedStatementsDir) return statements;
  const entries = STATEMENT_NAMES.map((name) => {
    const shared = SHARED_STEPS[name];
    const file = shared === undefined ? path.join(dir, `${name}.cypher`) : path.join(queriesDir, `${shared}.cypher`);
    try {
      return [name, readFileSync(file, "utf8")] as const;
    } catch {
      throw new Error(`Missing Cypher seed file: ${file}`);
    }
  });
  const loaded = Object.freeze(Object.fromEntries(entries) as Record<StatementName, string>);
  if (dir === seedStatementsDir) statements = loaded;
  return loaded;
}

type Row = object;

/** The rows of each step; communes get their centroid and contour when the geo source had them. */
export function seedRows(data: DemoData, geometries: ReadonlyMap<string, CommuneGeometry>): Record<SeedStep, readonly Row[]> {
  return {
    territory: [data.territory],
    epcis: data.epcis,
    communes: data.communes.map((commune) => {
      const geometry = geometries.get(commune.code);
      return { ...commune, centroid: geometry?.centroid ?? null, contour: geometry?.contour ?? null };
    }),
    axes: data.axes,
    institutions: data.institutions,
    contracts: data.contracts,
    structures: data.structures,
    partnerships: data.partnerships,
    actors: data.actors,
    memberships: data.memberships,
    workGroups: data.workGroups,
    participations: data.participations,
    events: data.events,
    attendances: data.attendances,
  };
}

export interface LoadOptions {
  readonly database?: string;
  readonly batchSize?: number;
}

export interface StepReport {
  readonly step: SeedStep;
  readonly rows: number;
  readonly batches: number;
  readonly ms: number;
}

export const DEFAULT_BATCH_SIZE = 5_000;

/** Writes every step in order; returns what each step wrote and how long it took. */
export async function writeDemoData(
  driver: Driver,
  data: DemoData,
  geometries: ReadonlyMap<string, CommuneGeometry>,
  options: LoadOptions = {},
): Promise<StepReport[]> {
  const cypher = seedStatements();
  const rows = seedRows(data, geometries);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const session = driver.session({ database: options.database, defaultAccessMode: "WRITE", bookmarkManager: driver.executeQueryBookmarkManager });
  const reports: StepReport[] = [];
  try {
    for (const step of SEED_STEPS) {
      const started = performance.now();
      const stepRows = rows[step];
      let batches = 0;
      for (let offset = 0; offset < stepRows.length; offset += batchSize) {
        const batch = stepRows.slice(offset, offset + batchSize);
        await session.executeWrite((tx) => tx.run(cypher[step], { rows: batch, territoryId: data.territory.id }));
        batches += 1;
      }
      reports.push({ step, rows: stepRows.length, batches, ms: Math.round(performance.now() - started) });
    }
  } finally {
    await session.close();
  }
  return reports;
}

export async function territorySeeded(driver: Driver, territoryId: string, database?: string): Promise<boolean> {
  const result = await driver.executeQuery(seedStatements().territorySeeded, { territoryId }, { database, routing: "READ" });
  return result.records[0]?.get("seeded") === true;
}
