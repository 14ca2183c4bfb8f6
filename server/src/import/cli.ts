/**
 * `npm run import -- <fichier> --territoire <id> --type <STRUCTURES|ACTORS|MEMBERSHIPS|ATTENDANCE>
 * [--appliquer] [--colonne champ=En-tête ...]`: the page's import, for scripts. Without
 * --appliquer it is a dry run. Exit codes: 0 done, 1 failure, 2 bad arguments, 3 rows with errors.
 * Writes straight to Neo4j: a running app notices within its cache lifetime (10 minutes).
 */
import { readFile } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.js";
import { AppError } from "../errors.js";
import { createLogger } from "../logger.js";
import { openDatabase } from "../neo4j/database.js";
import { createQueryRunner, loadQueries } from "../neo4j/queries.js";
import { guessMapping, IMPORT_KINDS, KIND_FIELDS, type ColumnMapping, type FieldId, type ImportKind } from "./fields.js";
import { ENTITIES, type Entity } from "./plan.js";
import { readTable } from "./read.js";
import { ImportService, parseImportKind, type ImportReport } from "./service.js";

const ENTITY_LABELS: Record<Entity, string> = {
  structures: "structures",
  actors: "acteurs",
  memberships: "appartenances à une structure",
  workGroups: "groupes de travail",
  participations: "participations à un groupe",
  events: "événements",
  attendances: "présences à un événement",
};

const USAGE = `Usage : npm run import -- <fichier.csv|.xlsx> --territoire <id> --type <${IMPORT_KINDS.join("|")}> [--appliquer] [--colonne champ=En-tête ...]`;

export function formatReport(report: ImportReport): string {
  const lines = [report.applied ? `Import appliqué (${report.rowCount} lignes) :` : `Essai à blanc (${report.rowCount} lignes), rien n'est écrit :`];
  for (const entity of ENTITIES) {
    const { created, updated, unchanged } = report.counts[entity];
    if (created + updated + unchanged === 0) continue;
    lines.push(`  ${ENTITY_LABELS[entity]} : ${created} créé(s), ${updated} modifié(s), ${unchanged} inchangé(s)`);
  }
  for (const ignored of report.ignored) lines.push(`  ligne ${ignored.line} ignorée : ${ignored.reason}`);
  for (const error of report.errors) lines.push(`  ERREUR ligne ${error.line}${error.column ? `, colonne « ${error.column} »` : ""} : ${error.reason}`);
  if (report.errorCount > report.errors.length) lines.push(`  … et ${report.errorCount - report.errors.length} autres erreurs`);
  return lines.join("\n");
}

/** `--colonne lastName=NOM` choices over the guessed mapping. */
function mappingFrom(kind: ImportKind, header: readonly string[], choices: readonly string[]): ColumnMapping {
  const mapping = guessMapping(kind, header);
  for (const choice of choices) {
    const [field, column] = choice.split("=", 2);
    const definition = KIND_FIELDS[kind].find((f) => f.id === field);
    const index = header.indexOf(column ?? "");
    if (!definition) throw new AppError("BAD_USER_INPUT", `Champ inconnu « ${field} » : ${KIND_FIELDS[kind].map((f) => f.id).join(", ")}`);
    if (index === -1) throw new AppError("BAD_USER_INPUT", `Colonne « ${column} » absente de l'en-tête : ${header.join(", ")}`);
    mapping[definition.id as FieldId] = index;
  }
  return mapping;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      territoire: { type: "string" },
      type: { type: "string" },
      appliquer: { type: "boolean", default: false },
      colonne: { type: "string", multiple: true, default: [] },
    },
  });
  const [file] = positionals;
  if (file === undefined || values.territoire === undefined || values.type === undefined) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const kind = parseImportKind(values.type);
  const bytes = new Uint8Array(await readFile(file));
  const importFile = { name: path.basename(file), bytes };
  const table = await readTable(importFile);
  const mapping = mappingFrom(kind, table.header, values.colonne);
  const config = loadConfig();
  const log = createLogger(config.logLevel === "info" ? "warn" : config.logLevel, { component: "import" });
  const db = await openDatabase(config, log);
  try {
    const service = new ImportService(createQueryRunner(db.driver, loadQueries(), db.database));
    // The trail names the script by the account that ran it.
    const viewer = { subject: `cli:${userInfo().username}`, role: "ADMIN" as const, territories: "ALL" as const };
    const report = await service.run({ territoryId: values.territoire, kind, file: importFile, mapping, apply: values.appliquer, viewer });
    process.stdout.write(`${formatReport(report)}\n`);
    return report.errorCount > 0 ? 3 : 0;
  } catch (error) {
    const report = error instanceof AppError ? (error.details.report as ImportReport | undefined) : undefined;
    if (report) {
      process.stdout.write(`${formatReport(report)}\nRien n'a été écrit : corrigez les lignes en erreur puis relancez.\n`);
      return 3;
    }
    throw error;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const details = error instanceof AppError ? error.details : {};
    const explanation = typeof details.explanation === "string" ? details.explanation : null;
    const problems = Array.isArray(details.problems) ? details.problems.join("\n  ") : null;
    process.stderr.write(`Échec de l'import : ${explanation ?? problems ?? (error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = error instanceof AppError && error.code !== "DATABASE_UNAVAILABLE" ? 2 : 1;
  },
);
