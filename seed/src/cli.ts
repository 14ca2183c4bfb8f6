/**
 * `npm run seed`: loads every demo territory into the configured Neo4j (NEO4J_URI, or the local one),
 * then prints a short summary. Safe to run again: nothing changes the second time.
 */
import { loadConfig } from "../../server/src/config.js";
import { createLogger } from "../../server/src/logger.js";
import { openDatabase } from "../../server/src/neo4j/database.js";
import { DEMO_TERRITORIES, seedTerritory, type SeedReport } from "./index.js";

const number = new Intl.NumberFormat("fr-FR");
const seconds = (ms: number): string => `${(ms / 1000).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} s`;

function summary(name: string, report: SeedReport): string {
  const { counts, durations } = report;
  return [
    `Territoire de démonstration « ${name} » chargé en ${seconds(durations.totalMs)} (écriture ${seconds(durations.writeMs)}) :`,
    `  ${number.format(counts.communes)} communes (contours lus : ${number.format(counts.communesWithContour)}), ${counts.epcis} EPCI, ${counts.axes} axes, ${counts.contracts} contrats`,
    `  ${number.format(counts.institutions)} institutions, ${number.format(counts.structures)} structures, ${number.format(counts.actors)} acteurs fictifs`,
    `  ${number.format(counts.workGroups)} groupes de travail, ${number.format(counts.events)} événements, ${number.format(counts.attendances)} participations à des événements`,
  ].join("\n");
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel, { component: "seed" });
  const db = await openDatabase(config, log);
  try {
    for (const spec of DEMO_TERRITORIES) {
      const report = await seedTerritory(db.driver, spec, { geoSource: config.geoSource, database: db.database, log });
      process.stdout.write(`${summary(spec.name, report)}\n`);
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Échec du chargement des données de démonstration : ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
