/**
 * Public API of the demo seed: generate a demo territory deterministically and load it into Neo4j,
 * idempotently.
 */
import type { Driver } from "neo4j-driver";
import type { Logger } from "../../server/src/logger.js";
import { applySchema } from "../../server/src/neo4j/schema.js";
import { generateDemoData } from "./generate.js";
import { type GeoSource, loadCommuneGeometries } from "./geo.js";
import { territorySeeded, writeDemoData, type StepReport } from "./load.js";
import type { TerritorySpec } from "./spec.js";

export { DEMO_TERRITORIES, GORGES_CAUSSES_CEVENNES, PAYS_CEVENNES, type TerritorySpec } from "./spec.js";
export { generateDemoData } from "./generate.js";
export type { DemoData } from "./model.js";

export interface SeedOptions {
  /** Where commune contours come from (config.geoSource): URL template with {epci}, URL, file, folder, or "none". */
  geoSource: GeoSource;
  database?: string;
  log: Logger;
}

export interface SeedReport {
  readonly territoryId: string;
  readonly counts: {
    readonly communes: number;
    readonly communesWithContour: number;
    readonly epcis: number;
    readonly axes: number;
    readonly contracts: number;
    readonly institutions: number;
    readonly structures: number;
    readonly actors: number;
    readonly memberships: number;
    readonly workGroups: number;
    readonly participations: number;
    readonly events: number;
    readonly attendances: number;
    readonly partnerships: number;
  };
  readonly durations: {
    readonly schemaMs: number;
    readonly generateMs: number;
    readonly geoMs: number;
    readonly writeMs: number;
    readonly totalMs: number;
  };
  readonly steps: readonly StepReport[];
}

/** Applies the schema, generates the territory, reads contours, and writes everything (safe to re-run). */
export async function seedTerritory(driver: Driver, spec: TerritorySpec, options: SeedOptions): Promise<SeedReport> {
  const log = options.log.child({ territory: spec.id });
  const started = performance.now();
  const lap = (() => {
    let last = started;
    return (): number => {
      const now = performance.now();
      const ms = Math.round(now - last);
      last = now;
      return ms;
    };
  })();
  await applySchema(driver, options.database);
  const schemaMs = lap();
  const data = generateDemoData(spec);
  const generateMs = lap();
  const geometries = await loadCommuneGeometries(
    options.geoSource,
    { epciCodes: spec.epciCodes, communeCodes: data.communes.map((commune) => commune.code) },
    log,
  );
  const geoMs = lap();
  const steps = await writeDemoData(driver, data, geometries, { database: options.database });
  const writeMs = lap();
  const report: SeedReport = {
    territoryId: spec.id,
    counts: {
      communes: data.communes.length,
      communesWithContour: geometries.size,
      epcis: data.epcis.length,
      axes: data.axes.length,
      contracts: data.contracts.length,
      institutions: data.institutions.length,
      structures: data.structures.length,
      actors: data.actors.length,
      memberships: data.memberships.length,
      workGroups: data.workGroups.length,
      participations: data.participations.length,
      events: data.events.length,
      attendances: data.attendances.length,
      partnerships: data.partnerships.length,
    },
    durations: { schemaMs, generateMs, geoMs, writeMs, totalMs: Math.round(performance.now() - started) },
    steps,
  };
  log.info("demo territory seeded", { counts: report.counts, durations: report.durations });
  return report;
}

/** True when the territory and its last seed step are in the database. */
export async function isTerritorySeeded(driver: Driver, territoryId: string, database?: string): Promise<boolean> {
  return territorySeeded(driver, territoryId, database);
}
