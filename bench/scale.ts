/**
 * `npx tsx bench/scale.ts`: Maillage with 2 and with 102 territories in one database, measured in one
 * run (issue 21). Starts its own Neo4j in BENCH_DATA_DIR (default .data/bench-scale, emptied first,
 * left in place for bench/load.ts), seeds the two demo territories, then starts the app as a separate
 * process (`server/src/index.ts`, on that Neo4j) and measures: start to "listening" and to ready (the
 * warm-up over), resident memory after one pass of the page's operations, and p50/p95 of the scoped
 * queries on Pays Cévennes. Then it seeds SCALE_TERRITORIES (default 100) small fictitious
 * territories on real EPCI of every région (bench/territories.ts), and measures the same again.
 * Writes bench/RESULTS-territories.md.
 */
import "../server/src/production.js";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { readFileSync, readdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { GORGES_CAUSSES_CEVENNES, PAYS_CEVENNES, seedTerritory } from "../seed/src/index.js";
import { mintToken } from "../server/src/auth/tokens.js";
import { LOCAL_GEO_COPY, repoRoot } from "../server/src/config.js";
import { createLogger } from "../server/src/logger.js";
import { connectDriver } from "../server/src/neo4j/driver.js";
import { findFreePort, startLocalNeo4j } from "../server/src/neo4j/localNeo4j.js";
import { startAppProcess } from "../test/appProcess.js";
import { detailsOperations, egoOperation, keyFiguresOperation, networkOperation, pagePass, post, territoryIds, type Operation, type TerritoryIds } from "./pageMix.js";
import { percentile, timeIt } from "./stats.js";
import { scaleTerritories } from "./territories.js";

const COUNT = Number(process.env.SCALE_TERRITORIES ?? 100);
const RUNS = Number(process.env.SCALE_RUNS ?? 20);
/** Distinct windows asked once each: the first call of a structure network (nothing cached). */
const FIRST_CALLS = Number(process.env.SCALE_FIRST_CALLS ?? 8);
const dataDir = path.resolve(repoRoot, process.env.BENCH_DATA_DIR ?? ".data/bench-scale", "neo4j");
const log = createLogger("warn", { component: "bench-scale" });

interface Timing {
  readonly p50: number;
  readonly p95: number;
}

interface Phase {
  readonly territories: number;
  readonly listeningMs: number;
  readonly readyMs: number;
  readonly warmUpLog: string;
  readonly passTerritories: number;
  readonly passMs: number;
  readonly rssMb: number;
  readonly queries: ReadonlyMap<string, Timing>;
}

const uptime = (): string => execFileSync("uptime", { encoding: "utf8" }).trim();

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Math.round(Number(match?.[1] ?? 0) / 1024);
}

function duMb(dir: string): number {
  const walk = (at: string): number =>
    readdirSync(at, { withFileTypes: true }).reduce((sum, entry) => {
      const full = path.join(at, entry.name);
      return sum + (entry.isDirectory() ? walk(full) : entry.isFile() ? statSync(full).size : 0);
    }, 0);
  return Math.round(walk(dir) / 2 ** 20);
}

/** The day `days` after an ISO date. */
const plusDays = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function timed(runs: number, run: () => Promise<void>): Promise<Timing> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push((await timeIt(run)).ms);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** Starts the app on the bench's Neo4j, runs one page pass over `passIds`, then times the scoped queries on `focus`. */
async function phase(boltPort: number, jwtSecret: string, territories: number, passIds: readonly TerritoryIds[], focus: TerritoryIds, seq: number): Promise<Phase> {
  const startedAt = performance.now();
  const app = await startAppProcess(
    { NEO4J_BOLT_PORT: String(boltPort), NEO4J_DATA_DIR: dataDir, GEO_SOURCE: LOCAL_GEO_COPY, NETWORK_COST_PER_MINUTE: "1000000", WARM_UP_ON_START: "true" },
    jwtSecret,
    600_000,
  );
  const listeningMs = performance.now() - startedAt;
  try {
    for (;;) {
      const ready = await fetch(`${app.url}/ready`).then((r) => r.ok, () => false);
      if (ready) break;
      if (performance.now() - startedAt > 900_000) throw new Error("not ready within 15 minutes");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const readyMs = performance.now() - startedAt;
    const warmUpLog = app.logs.filter((line) => /page networks preloaded|page operations warmed up|analytics queries warmed up/.test(line)).map((line) => {
      const entry = JSON.parse(line) as { msg: string; ms?: number; networks?: number };
      return `${entry.msg}${entry.networks === undefined ? "" : ` (${entry.networks} networks)`} at ${entry.ms ?? "?"} ms`;
    }).join("; ");
    const { token } = await mintToken(jwtSecret, { subject: "bench-scale", role: "COORDINATOR", territories: [...new Set([...passIds.map((ids) => ids.territoryId), focus.territoryId])], expiresInSeconds: 7_200 });
    const send = (operation: Operation) => () => post(app.url, token, operation);

    const pass = await timeIt(async () => {
      for (const ids of passIds) for (const operation of pagePass(ids)) await send(operation)();
    });
    const rss = rssMb(app.pid);

    const queries = new Map<string, Timing>();
    const ego = egoOperation(focus);
    await send(ego)();
    queries.set("ego network, depth 1 (cached network)", await timed(RUNS, send(ego)));
    const figures = keyFiguresOperation(focus);
    await send(figures)();
    queries.set("key figures", await timed(RUNS, send(figures)));
    // Each run a window no one asked before (this phase shifts them too): the network is built from Neo4j.
    let k = 0;
    queries.set("first call of a structure network (new window each run)", await timed(FIRST_CALLS, async () => {
      k += 1;
      await send(networkOperation(focus, "STRUCTURE", { from: plusDays(focus.window.from, 100 * seq + k), to: focus.window.to }))();
    }));
    for (const panel of detailsOperations(focus)) {
      await send(panel)();
      queries.set(panel.name, await timed(RUNS, send(panel)));
    }
    return { territories, listeningMs, readyMs, warmUpLog, passTerritories: passIds.length, passMs: pass.ms, rssMb: rss, queries };
  } finally {
    await app.stop();
  }
}

async function main(): Promise<void> {
  const load: number[] = [];
  const loadTimer = setInterval(() => load.push(os.loadavg()[0] ?? 0), 10_000);
  const uptimeBefore = uptime();
  await rm(dataDir, { recursive: true, force: true });
  const boltPort = Number(process.env.NEO4J_BOLT_PORT ?? (await findFreePort()));
  const neo4j = await startLocalNeo4j({ dataDir, port: boltPort, heapMb: 1024, pageCache: "256m" });
  const driver = await connectDriver({ uri: neo4j.uri });
  const jwtSecret = randomBytes(48).toString("base64url");
  try {
    const demoSeed = await timeIt(async () => {
      for (const spec of [PAYS_CEVENNES, GORGES_CAUSSES_CEVENNES]) await seedTerritory(driver, spec, { geoSource: LOCAL_GEO_COPY, log });
    });
    const focus = await territoryIds(driver, PAYS_CEVENNES.id);
    const demoIds = [focus, await territoryIds(driver, GORGES_CAUSSES_CEVENNES.id)];
    // Store files only grow at a checkpoint: without one they still hold almost nothing.
    await driver.executeQuery("CALL db.checkpoint()");
    const storeTwo = duMb(path.join(dataDir, "data", "databases"));
    // An untimed round first: the first app process on a fresh Neo4j would pay for the JVM's JIT
    // and tsx's compile cache, and the 102-territory round would look faster than the 2-territory one.
    process.stdout.write(`demo seeded in ${Math.round(demoSeed.ms)} ms; untimed round\n`);
    await phase(boltPort, jwtSecret, 2, demoIds, focus, 0);
    // Each timed round starts with Neo4j's plans forgotten, as after a restart: the app's warm-up plans them again.
    await driver.executeQuery("CALL db.clearQueryCaches()");
    process.stdout.write("phase with 2 territories\n");
    const two = await phase(boltPort, jwtSecret, 2, demoIds, focus, 1);

    const extra = scaleTerritories(COUNT);
    const perTerritory: number[] = [];
    const scaleSeed = await timeIt(async () => {
      for (const { spec, contourDepartement } of extra) {
        const file = contourDepartement === null ? "none" : path.join(LOCAL_GEO_COPY, readdirSync(LOCAL_GEO_COPY).find((name) => name.startsWith(`communes-${contourDepartement}-`)) ?? "none");
        perTerritory.push((await timeIt(() => seedTerritory(driver, spec, { geoSource: file, log }))).ms);
      }
    });
    await driver.executeQuery("CALL db.checkpoint()");
    const storeAll = duMb(path.join(dataDir, "data", "databases"));
    process.stdout.write(`${COUNT} territories seeded in ${Math.round(scaleSeed.ms)} ms; phase with ${COUNT + 2}\n`);
    const passIds = [...demoIds, ...(await Promise.all(extra.slice(0, 8).map(({ spec }) => territoryIds(driver, spec.id))))];
    await driver.executeQuery("CALL db.clearQueryCaches()");
    const many = await phase(boltPort, jwtSecret, COUNT + 2, passIds, focus, 2);

    clearInterval(loadTimer);
    const regions = new Set(extra.map((each) => each.region)).size;
    const withContours = extra.filter((each) => each.contourDepartement !== null).length;
    const results = render({ demoSeedMs: demoSeed.ms, scaleSeedMs: scaleSeed.ms, perTerritory, regions, withContours, storeTwo, storeAll, two, many, load, uptimeBefore, uptimeAfter: uptime() });
    await writeFile(path.join(repoRoot, "bench", "RESULTS-territories.md"), results);
    process.stdout.write(results);
  } finally {
    clearInterval(loadTimer);
    await driver.close();
    await neo4j.stop();
  }
}

interface Report {
  demoSeedMs: number;
  scaleSeedMs: number;
  perTerritory: number[];
  regions: number;
  withContours: number;
  storeTwo: number;
  storeAll: number;
  two: Phase;
  many: Phase;
  load: number[];
  uptimeBefore: string;
  uptimeAfter: string;
}

function render(r: Report): string {
  const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  const ms = (value: number): string => `${Math.round(value)} ms`;
  const ratio = (a: number, b: number): string => (b === 0 ? "" : `${(a / b).toFixed(2)} ×`);
  const mean = r.load.length === 0 ? 0 : r.load.reduce((sum, value) => sum + value, 0) / r.load.length;
  const rows = [...r.two.queries.keys()].map((name) => {
    const a = r.two.queries.get(name) as Timing;
    const b = r.many.queries.get(name) as Timing;
    return `| ${name} | ${ms(a.p50)} | ${ms(a.p95)} | ${ms(b.p50)} | ${ms(b.p95)} | ${ratio(b.p50, a.p50)} | ${ratio(b.p95, a.p95)} |`;
  });
  return [
    "# Territories at scale (issue 21)",
    "",
    `Measured in one run of \`npx tsx bench/scale.ts\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
    "The machine is shared (other sessions run tests and browsers on the same cores): compare with the load.",
    `- \`uptime\` before: \`${r.uptimeBefore}\``,
    `- \`uptime\` after: \`${r.uptimeAfter}\``,
    `- 1-minute load average sampled every 10 s during the run: mean ${mean.toFixed(1)}, max ${Math.max(0, ...r.load).toFixed(1)}`,
    "",
    "One Neo4j (1 GB heap, 256 MB page cache) started by the bench; the app is `server/src/index.ts` as a separate",
    "process on it (start-up warm-up on, `WARM_UP_TERRITORIES` at its default), timed from spawn. Queries go",
    "through HTTP and GraphQL as a coordinator, the way the page sends them (bench/pageMix.ts). An untimed round",
    "(app started, page pass, queries) runs first so that the JVM's JIT and tsx's cache are warm for both timed",
    "rounds, and Neo4j's query plans are cleared (`db.clearQueryCaches()`) before each timed round, as after a",
    "restart: the app's warm-up plans them again.",
    "",
    "## Seeding",
    "",
    "| what | value |",
    "|---|---|",
    `| the two demo territories (Pays Cévennes, Gorges Causses Cévennes) | ${s(r.demoSeedMs)} |`,
    `| ${r.perTerritory.length} small fictitious territories (15 structures, 60 actors, 6 work groups, ~140 events each; real EPCI of ${r.regions} régions, ${r.withContours} with commune contours from seed/data/geo, the others without) | ${s(r.scaleSeedMs)} (per territory p50 ${ms(percentile(r.perTerritory, 50))}, max ${ms(Math.max(...r.perTerritory))}) |`,
    `| Neo4j store (data/databases: the stores, without the preallocated transaction logs) | ${r.storeTwo} MB with 2 territories, ${r.storeAll} MB with ${r.many.territories} |`,
    "",
    "## Start, memory, scoped queries: 2 and " + `${r.many.territories} territories`,
    "",
    `| what | 2 territories | ${r.many.territories} territories | ratio |`,
    "|---|---|---|---|",
    `| app start to listening ("Maillage is ready") | ${s(r.two.listeningMs)} | ${s(r.many.listeningMs)} | ${ratio(r.many.listeningMs, r.two.listeningMs)} |`,
    `| app start to ready (\`/ready\` 200: warm-up over) | ${s(r.two.readyMs)} | ${s(r.many.readyMs)} | ${ratio(r.many.readyMs, r.two.readyMs)} |`,
    `| one pass of the page's operations (${"lists, catalog, both views, key figures, coverage, ego network, 4 panels"}) | ${r.two.passTerritories} territories, ${s(r.two.passMs)} | ${r.many.passTerritories} territories, ${s(r.many.passMs)} | |`,
    `| app resident memory (RSS) after that pass | ${r.two.rssMb} MB | ${r.many.rssMb} MB | ${ratio(r.many.rssMb, r.two.rssMb)} |`,
    "",
    `Warm-up, 2 territories: ${r.two.warmUpLog || "(not logged)"}.`,
    `Warm-up, ${r.many.territories} territories: ${r.many.warmUpLog || "(not logged)"}.`,
    "",
    `Scoped queries on Pays Cévennes (its latest contract), ${RUNS} timed runs each after one untimed (first calls: ${FIRST_CALLS} windows never asked before, one call each):`,
    "",
    `| query | p50, 2 | p95, 2 | p50, ${r.many.territories} | p95, ${r.many.territories} | p50 ratio | p95 ratio |`,
    "|---|---|---|---|---|---|---|",
    ...rows,
    "",
    "Goal (issue 21): ratios ≤ 1.5 ×.",
    "",
  ].join("\n");
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
