/**
 * Import of a 50,000-row attendance sheet (issue 6): the import's dry run, its apply (one
 * transaction) and a re-import of the same file, against Neo4j's own `LOAD CSV` loading the same
 * rows in the same run as the reference. The sheet is made from the demo territory's real people:
 * 2,500 new events of 20 attendees each, French dates, decimal commas, UTF-8 with BOM and ';', as
 * Excel writes it. Writes bench/RESULTS-import.md and its section of bench/RESULTS.md.
 */
import "../server/src/production.js";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PAYS_CEVENNES, seedTerritory } from "../seed/src/index.js";
import { LOCAL_GEO_COPY } from "../server/src/config.js";
import { AppError } from "../server/src/errors.js";
import { readTable } from "../server/src/import/read.js";
import { ImportService } from "../server/src/import/service.js";
import { zipBombWorkbook } from "../server/src/import/testdata/zipBomb.js";
import { createLogger } from "../server/src/logger.js";
import { connectDriver } from "../server/src/neo4j/driver.js";
import { findFreePort, startLocalNeo4j } from "../server/src/neo4j/localNeo4j.js";
import { createQueryRunner, loadQueries } from "../server/src/neo4j/queries.js";
import { applySchema } from "../server/src/neo4j/schema.js";
import { spliceSection } from "./browserStats.js";
import { timeIt } from "./stats.js";

const ROWS = 50_000;
const PER_EVENT = 20;
const TARGET_MS = 30_000;
const TITLE_PREFIX = "Atelier d'essai";
const benchDir = path.dirname(fileURLToPath(import.meta.url));
const log = createLogger("warn", { component: "bench-import" });
/** Who the audit trail names for the bench's applies. */
const BENCH_VIEWER = { subject: "bench-import", role: "ADMIN" as const, territories: "ALL" as const };

/** The reference: Neo4j reads the same file itself and writes the same nodes and relationships. */
const LOAD_CSV = `
LOAD CSV WITH HEADERS FROM $url AS row FIELDTERMINATOR ';'
CALL (row) {
  WITH row, split(row.Date, '/') AS d
  MATCH (a:Actor {email: row.Courriel})
  MATCH (c:Commune {code: row.Commune})
  MERGE (e:Event {id: 'load-csv-' + row['Événement'] + '|' + row.Date})
  ON CREATE SET e.title = row['Événement'], e.kind = 'MEETING',
    e.date = date({year: toInteger(d[2]), month: toInteger(d[1]), day: toInteger(d[0])})
  MERGE (e)-[:HELD_IN]->(c)
  MERGE (a)-[r:ATTENDED]->(e)
  SET r.volunteerHours = toFloat(replace(row['Heures bénévoles'], ',', '.'))
} IN TRANSACTIONS OF 10000 ROWS`;

interface Person { firstName: string; lastName: string; email: string }

function attendanceSheet(people: readonly Person[], communes: readonly string[]): string {
  const lines = ["Nom;Prénom;Courriel;Événement;Date;Commune;Heures bénévoles"];
  for (let row = 0; row < ROWS; row += 1) {
    const event = Math.floor(row / PER_EVENT);
    const person = people[(event * 7 + (row % PER_EVENT) * 131) % people.length] as Person;
    const day = 1 + (event % 28);
    const month = 1 + (Math.floor(event / 28) % 12);
    const date = `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/2027`;
    const hours = row % 3 === 0 ? "1,5" : "0";
    lines.push([person.lastName, person.firstName, person.email, `${TITLE_PREFIX} ${event + 1}`, date, communes[event % communes.length], hours].join(";"));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

function table(rows: readonly [string, string, string, string][]): string {
  return ["| measure | value | target | ratio |", "|---|---|---|---|", ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

/**
 * `tsx bench/import.ts --zip-bomb`: only the zip bomb (issue 22): an .xlsx whose sheet inflates to
 * 1.2 GB, read by the import's reader three times; time to the refusal and peak extra memory (RSS
 * sampled every 5 ms), with the load average. Needs no database. Writes its section of RESULTS-import.md.
 */
async function zipBombBench(): Promise<void> {
  const bomb = zipBombWorkbook(1.2e9);
  const loadBefore = os.loadavg();
  const runs: { ms: number; extraMiB: number; message: string }[] = [];
  for (let run = 0; run < 3; run += 1) {
    const rss = process.memoryUsage().rss;
    let peak = rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const started = performance.now();
    let message = "not refused";
    try {
      await readTable({ name: "annuaire.xlsx", bytes: bomb });
    } catch (error) {
      message = error instanceof AppError && typeof error.details.explanation === "string" ? error.details.explanation : String(error);
    }
    const ms = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    runs.push({ ms, extraMiB: (peak - rss) / (1024 * 1024), message });
  }
  const loadAfter = os.loadavg();
  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(" / ");
  const worst = { ms: Math.max(...runs.map((r) => r.ms)), extraMiB: Math.max(...runs.map((r) => r.extraMiB)) };
  const section = [
    "## Zip bomb",
    "",
    `Measured by \`npx tsx bench/import.ts --zip-bomb\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores, Node ${process.version},`,
    `load average (1 / 5 / 15 min, as \`uptime\`) before ${load(loadBefore)}, after ${load(loadAfter)}. The file: an .xlsx of`,
    `${(bomb.length / (1024 * 1024)).toFixed(1)} MiB whose sheet inflates to 1.2 GB (built by server/src/import/testdata/zipBomb.ts), read three times by the import's reader.`,
    "",
    "| measure | value | target |",
    "|---|---|---|",
    `| time to the refusal, worst of 3 (${runs.map((r) => `${Math.round(r.ms)}`).join(", ")} ms) | ${Math.round(worst.ms)} ms | under 2000 ms |`,
    `| peak extra memory (RSS), worst of 3 | ${worst.extraMiB.toFixed(1)} MiB | under 200 MiB |`,
    "",
    `The refusal: « ${runs[0]?.message ?? ""} »`,
  ].join("\n");
  const file = path.join(benchDir, "RESULTS-import.md");
  const existing = await readFile(file, "utf8").catch(() => "");
  await writeFile(file, spliceSection(existing, section, "<!-- zip-bomb:begin -->", "<!-- zip-bomb:end -->"));
  process.stdout.write(`${section}\n`);
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "maillage-bench-import-"));
  const neo4j = await startLocalNeo4j({ dataDir });
  const driver = await connectDriver({ uri: neo4j.uri });
  let server: Server | undefined;
  try {
    await applySchema(driver);
    await seedTerritory(driver, PAYS_CEVENNES, { geoSource: LOCAL_GEO_COPY, log });
    const service = new ImportService(createQueryRunner(driver, loadQueries()));
    const snapshot = await service.snapshot(PAYS_CEVENNES.id);
    // People a sheet can name without ambiguity: an e-mail of their own.
    const people = snapshot.actors.filter((a) => a.email !== null).map((a) => ({ firstName: a.firstName, lastName: a.lastName, email: a.email as string }));
    const csv = attendanceSheet(people, snapshot.communes.map((c) => c.code));
    const bytes = new TextEncoder().encode(csv);
    const file = { name: "presences.csv", bytes };
    const counts = async (): Promise<string> => {
      const { records } = await driver.executeQuery(
        "MATCH (e:Event) WHERE e.title STARTS WITH $prefix OPTIONAL MATCH (e)<-[r:ATTENDED]-() RETURN count(DISTINCT e) AS events, count(r) AS attendances",
        { prefix: TITLE_PREFIX },
      );
      return `${records[0]?.get("events")} events, ${records[0]?.get("attendances")} attendances`;
    };
    const forget = () => driver.executeQuery("MATCH (e:Event) WHERE e.title STARTS WITH $prefix DETACH DELETE e", { prefix: TITLE_PREFIX });

    const heapBefore = process.memoryUsage().heapUsed;
    const dry = await timeIt(() => service.run({ territoryId: PAYS_CEVENNES.id, kind: "ATTENDANCE", file, apply: false, viewer: BENCH_VIEWER }));
    if (dry.value.errorCount > 0) throw new Error(`the sheet has errors: ${JSON.stringify(dry.value.errors.slice(0, 3))}`);
    const apply = await timeIt(() => service.run({ territoryId: PAYS_CEVENNES.id, kind: "ATTENDANCE", file, apply: true, viewer: BENCH_VIEWER }));
    const rssAfter = process.memoryUsage().rss;
    const heapAfter = process.memoryUsage().heapUsed;
    const written = await counts();
    process.stdout.write(`dry run ${Math.round(dry.ms)} ms, apply ${Math.round(apply.ms)} ms: ${written}\n`);
    const again = await timeIt(() => service.run({ territoryId: PAYS_CEVENNES.id, kind: "ATTENDANCE", file, apply: true, viewer: BENCH_VIEWER }));
    const reimportWrites = again.value.counts.attendances.created + again.value.counts.attendances.updated;
    await forget();

    // LOAD CSV reads the file over HTTP from this process (no file system access needed on the server).
    const port = await findFreePort();
    server = createServer((_request, response) => response.end(Buffer.from(bytes)));
    await new Promise<void>((resolve) => server?.listen(port, "127.0.0.1", resolve));
    // CALL … IN TRANSACTIONS runs only in an auto-commit transaction: session.run, not executeQuery.
    const session = driver.session();
    const loadCsv = await timeIt(() => session.run(LOAD_CSV, { url: `http://127.0.0.1:${port}/presences.csv` })).finally(() => session.close());
    const loaded = await counts();
    await forget();

    const ratio = (ms: number): string => (ms / TARGET_MS).toFixed(2);
    const ms = (value: number): string => `${Math.round(value)} ms`;
    const rows: [string, string, string, string][] = [
      [`dry run (read, compare with the territory, report), ${ROWS} rows`, ms(dry.ms), "", ""],
      [`apply (the same, then one write transaction), ${ROWS} rows: ${written}`, ms(apply.ms), ms(TARGET_MS), ratio(apply.ms)],
      [`re-import of the same file (${reimportWrites} attendances written)`, ms(again.ms), "", ""],
      [`Neo4j LOAD CSV of the same rows, same run (reference): ${loaded}`, ms(loadCsv.ms), "", ""],
      ["apply ÷ LOAD CSV", `${(apply.ms / loadCsv.ms).toFixed(2)} ×`, "", ""],
      ["heap growth of the process over dry run + apply", `${Math.round((heapAfter - heapBefore) / 2 ** 20)} MiB (RSS after: ${Math.round(rssAfter / 2 ** 20)} MiB)`, "", ""],
    ];
    const section = [
      "# Import benchmark",
      "",
      `Measured in one run of \`bench/import.ts\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores, Node ${process.version},`,
      `load average before/after ${os.loadavg().map((l) => l.toFixed(2)).join(" / ")}. The sheet: ${ROWS} rows, ${(bytes.length / 2 ** 20).toFixed(1)} MiB, ${ROWS / PER_EVENT} new events`,
      "of the demo territory's real (fictitious) people, in the import's and LOAD CSV's turn on the same database. LOAD CSV",
      "only reads and writes (no report, no row checks, batches of 10,000 rows); the import checks every cell, reports, and",
      "writes in one transaction.",
      "",
      table(rows),
      "",
    ].join("\n");
    // The zip bomb's section (--zip-bomb) is kept below.
    const previous = await readFile(path.join(benchDir, "RESULTS-import.md"), "utf8").catch(() => "");
    const bombSection = /<!-- zip-bomb:begin -->[\s\S]*<!-- zip-bomb:end -->/.exec(previous)?.[0];
    await writeFile(path.join(benchDir, "RESULTS-import.md"), bombSection === undefined ? section : `${section.trimEnd()}\n\n${bombSection}\n`);
    const resultsPath = path.join(benchDir, "RESULTS.md");
    const existing = await readFile(resultsPath, "utf8").catch(() => "");
    const embedded = section.replace(/^# .*\n/, "## Spreadsheet import\n\nAlso in [RESULTS-import.md](RESULTS-import.md), written by `bench/import.ts`.\n");
    await writeFile(resultsPath, spliceSection(existing, embedded, "<!-- import-bench:begin -->", "<!-- import-bench:end -->"));
    process.stdout.write(`${section}\n`);
  } finally {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await driver.close();
    await neo4j.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await (process.argv.includes("--zip-bomb") ? zipBombBench() : main());
