/**
 * `npm run backup -- export <territoryId> <file>` and `npm run backup -- restore <file>`: same
 * configuration as the server (NEO4J_URI, or the local Neo4j, reused when already running).
 */
import { readFile, writeFile } from "node:fs/promises";
import { loadConfig } from "../config.js";
import { AppError } from "../errors.js";
import { createLogger } from "../logger.js";
import { openDatabase } from "../neo4j/database.js";
import { createQueryRunner, loadQueries } from "../neo4j/queries.js";
import { applySchema } from "../neo4j/schema.js";
import { exportTerritory } from "./exportTerritory.js";
import { parseBackup } from "./format.js";
import { restoreTerritory } from "./restoreTerritory.js";

const USAGE = [
  "Utilisation :",
  "  npm run backup -- export <identifiant du territoire> <fichier>",
  "  npm run backup -- restore <fichier>",
].join("\n");

const number = new Intl.NumberFormat("fr-FR");

/** French messages for the errors a user can cause (the codes stay in English for scripts). */
function explain(error: unknown): string {
  if (error instanceof AppError) {
    const reason = typeof error.details.reason === "string" ? ` (${error.details.reason})` : "";
    const texts: Partial<Record<string, string>> = {
      NOT_FOUND: "Ce territoire n'existe pas dans la base.",
      CONFLICT: "Ce territoire, ou un de ses éléments, existe déjà dans la base : rien n'a été restauré.",
      INVALID_BACKUP: "Ce fichier n'est pas une sauvegarde Maillage valide : rien n'a été restauré.",
    };
    return `${texts[error.code] ?? "Échec."} [${error.code}${reason}] ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

async function main(argv: readonly string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!((command === "export" && rest.length === 2) || (command === "restore" && rest.length === 1))) {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  // Reading and checking the file first: a bad file does not even open the database.
  const backup = command === "restore" ? parseBackup(await readFile(rest[0] ?? "", "utf8")) : undefined;
  const config = loadConfig();
  const log = createLogger(config.logLevel === "info" ? "warn" : config.logLevel, { component: "backup" });
  const db = await openDatabase(config, log);
  try {
    const queries = createQueryRunner(db.driver, loadQueries(), db.database);
    if (command === "export") {
      const [territoryId = "", file = ""] = rest;
      const { header, text } = await exportTerritory(queries, territoryId);
      await writeFile(file, text, "utf8");
      process.stdout.write(
        `Territoire « ${header.territory.name ?? territoryId} » sauvegardé dans ${file} : ` +
          `${number.format(header.counts.nodes)} nœuds, ${number.format(header.counts.relationships)} relations.\n`,
      );
      if (header.relationshipsToOtherTerritories > 0) {
        process.stdout.write(`Attention : ${number.format(header.relationshipsToOtherTerritories)} relations vers d'autres territoires ne sont pas sauvegardées.\n`);
      }
    } else if (backup !== undefined) {
      await applySchema(db.driver, db.database);
      const report = await restoreTerritory(queries, backup);
      process.stdout.write(
        `Territoire « ${report.territoryName ?? report.territoryId} » restauré en une transaction : ` +
          `${number.format(report.nodes)} nœuds, ${number.format(report.relationships)} relations (${number.format(report.ms)} ms).\n`,
      );
    }
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${explain(error)}\n`);
  process.exitCode = 1;
});
