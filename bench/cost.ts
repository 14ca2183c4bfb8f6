/**
 * What one heavy analytics user does to everyone else, and the most the cost limits let one user
 * do (issue 19, item 5). In one run, on the demo data, the app in this process:
 * - other users' p99 of a light query (a cached ego network) idle, then while a heavy build runs
 *   (an actor network with metrics for a new window), with the analysis on worker threads (as
 *   served) and, for reference, on the main thread (ANALYSIS_THREADS=0, as before);
 * - the largest alias/window abuse the limits let through: the largest operation they accept (10
 *   aliases, as many new networks as one operation may build), and one user spending the whole
 *   budget of a minute; with the event loop's delay and /health's latency meanwhile.
 * Writes a section of bench/RESULTS.md between markers. Runs alone: `npx tsx bench/cost.ts`
 * (BENCH_DATA_DIR=.data/bench-cost keeps its database, seeded on the first run only).
 */
import "../server/src/production.js";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { GORGES_CAUSSES_CEVENNES, PAYS_CEVENNES, seedTerritory } from "../seed/src/index.js";
import { AnalyticsService } from "../server/src/analytics/service.js";
import { createAppAuth } from "../server/src/auth/index.js";
import { derivePseudonymSecret } from "../server/src/auth/secrets.js";
import { mintToken } from "../server/src/auth/tokens.js";
import { LOCAL_GEO_COPY, repoRoot } from "../server/src/config.js";
import { DEFAULT_GRAPHQL_LIMITS } from "../server/src/graphql/limits.js";
import { buildSchema } from "../server/src/graphql/schema.js";
import { createApp } from "../server/src/http/app.js";
import { createLogger } from "../server/src/logger.js";
import { connectDriver } from "../server/src/neo4j/driver.js";
import { findFreePort, startLocalNeo4j } from "../server/src/neo4j/localNeo4j.js";
import { createQueryRunner, loadQueries } from "../server/src/neo4j/queries.js";
import { applySchema } from "../server/src/neo4j/schema.js";
import { spliceSection } from "./browserStats.js";
import { percentile } from "./stats.js";

const PC = PAYS_CEVENNES.id;
const log = createLogger("warn", { component: "bench-cost" });
const IDLE_SAMPLES = 100;
/** Light requests wanted during heavy builds: heavy builds (new windows each) go on until there are this many, or MAX_HEAVY_BUILDS. */
const BUSY_SAMPLES = 60;
/** On the main thread a heavy build lets few light requests through: stop after this many builds all the same. */
const MAX_HEAVY_BUILDS = 6;

type Post = (subject: string, query: string, variables?: Record<string, unknown>) => Promise<{ status: number; ms: number; codes: string[] }>;

interface Server_ {
  post: Post;
  url: string;
  stop(): Promise<void>;
}

async function startApp(uri: string, analysisThreads: number | undefined): Promise<Server_> {
  const driver = await connectDriver({ uri });
  const queries = createQueryRunner(driver, loadQueries());
  const jwtSecret = randomBytes(48).toString("base64url");
  const auth = createAppAuth(
    { jwksUrl: undefined, issuer: undefined, audience: undefined, devLogin: false },
    { jwtSecret, pseudonymSecret: derivePseudonymSecret(jwtSecret) },
    { database: undefined, demoTerritoryIds: [PC, GORGES_CAUSSES_CEVENNES.id] },
  );
  const analytics = new AnalyticsService(queries, { analysisThreads });
  await analytics.warmUp();
  // The limits as served (defaults), the budget per minute included.
  const app = await createApp({ schema: await buildSchema({ driver, queries, analytics }), queries, log, auth, analytics });
  const port = await findFreePort();
  const server = await new Promise<Server>((resolve) => {
    const listening = app.express.listen(port, "127.0.0.1", () => resolve(listening));
  });
  const url = `http://127.0.0.1:${port}`;
  const tokens = new Map<string, string>();
  const post: Post = async (subject, query, variables = {}) => {
    let token = tokens.get(subject);
    if (token === undefined) {
      token = (await mintToken(jwtSecret, { subject, role: "ANALYST", territories: [PC], expiresInSeconds: 3600 })).token;
      tokens.set(subject, token);
    }
    const started = performance.now();
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    return { status: response.status, ms: performance.now() - started, codes: (body.errors ?? []).map((error) => String(error.extensions?.code)) };
  };
  return {
    post,
    url,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.stop();
      await driver.close();
    },
  };
}

const EGO = `query Ego($t: ID!, $n: ID!) { egoNetwork(territoryId: $t, nodeId: $n, depth: 1, level: STRUCTURE, window: { from: "2023-01-01", to: "2023-12-31" }) { members { distance node { id label } } packedTies { count sources targets weights } } }`;
const EGO_VARIABLES = { t: PC, n: `${PC}-s-150` };
const metrics = (alias: string, level: "ACTOR" | "STRUCTURE", from: string, to: string) =>
  `${alias}: networkMetrics(territoryId: "${PC}", level: ${level}, window: { from: "${from}", to: "${to}" }) { summary { nodeCount tieCount } nodes { id metrics { betweenness } } }`;

interface Busy {
  idleP99: number;
  idleP50: number;
  busyP99: number;
  busyP50: number;
  busySamples: number;
  heavyBuilds: number;
  heavyMs: number;
  maxLoopDelay: number;
}

/** p99 of the light query idle, then while heavy builds run one after another (a new 6-month actor window each). */
async function otherUsers(app: Server_, windows: Iterator<[string, string]>): Promise<Busy> {
  for (let i = 0; i < 5; i += 1) await app.post("light", EGO, EGO_VARIABLES);
  const idle: number[] = [];
  for (let i = 0; i < IDLE_SAMPLES; i += 1) idle.push((await app.post("light", EGO, EGO_VARIABLES)).ms);
  const busy: number[] = [];
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let heavyBuilds = 0;
  let heavyMs = 0;
  while (busy.length < BUSY_SAMPLES && heavyBuilds < MAX_HEAVY_BUILDS) {
    const next = windows.next();
    if (next.done === true) break;
    const [from, to] = next.value;
    const started = performance.now();
    let done = false;
    const heavy = app.post(`heavy-${heavyBuilds}`, `{ ${metrics("m", "ACTOR", from, to)} }`).finally(() => (done = true));
    while (!done) busy.push((await app.post("light", EGO, EGO_VARIABLES)).ms);
    const answer = await heavy;
    if (answer.status !== 200 || answer.codes.length > 0) throw new Error(`heavy build failed: ${answer.status} ${answer.codes.join(", ")}`);
    heavyMs += performance.now() - started;
    heavyBuilds += 1;
  }
  delay.disable();
  return {
    idleP99: percentile(idle, 99),
    idleP50: percentile(idle, 50),
    busyP99: percentile(busy, 99),
    busyP50: percentile(busy, 50),
    busySamples: busy.length,
    heavyBuilds,
    heavyMs: heavyMs / Math.max(1, heavyBuilds),
    maxLoopDelay: delay.max / 1e6,
  };
}

function* halfYears(startYear: number, startHalf: number): Iterator<[string, string]> {
  for (let year = startYear; year >= 2010; year -= 1) {
    for (const half of [1, 0]) {
      if (year === startYear && half > startHalf) continue;
      yield half === 0 ? [`${year}-01-01`, `${year}-06-30`] : [`${year}-07-01`, `${year}-12-31`];
    }
  }
}

interface Abuse {
  label: string;
  status: string;
  ms: number;
  maxLoopDelay: number;
  healthMax: number;
  networks: number;
}

/** Runs `work` while /health is asked every 50 ms; the event loop's longest delay meanwhile. */
async function underWatch(app: Server_, work: () => Promise<{ status: string; networks: number }>, label: string): Promise<Abuse> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let done = false;
  const health: number[] = [];
  const watcher = (async () => {
    while (!done) {
      const started = performance.now();
      // A reset connection (a kept-alive socket closed by the server) counts as an answer that took this long.
      await fetch(`${app.url}/health`).then(
        (response) => response.arrayBuffer(),
        () => undefined,
      );
      health.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const started = performance.now();
  const { status, networks } = await work().finally(() => (done = true));
  const ms = performance.now() - started;
  await watcher;
  delay.disable();
  return { label, status, ms, maxLoopDelay: delay.max / 1e6, healthMax: Math.max(0, ...health), networks };
}

async function abuses(app: Server_): Promise<Abuse[]> {
  const rows: Abuse[] = [];
  const statusOf = (answer: { status: number; codes: string[] }): string => `${answer.status}${answer.codes.length > 0 ? ` ${[...new Set(answer.codes)].join(", ")}` : ""}`;
  // The finding: 1,000 aliases of networkMetrics in one operation, and 20 aliases with windows of their own.
  const thousand = Array.from({ length: 1000 }, (_, i) => metrics(`a${i}`, "STRUCTURE", "2023-01-01", "2023-12-31")).join(" ");
  rows.push(await underWatch(app, async () => ({ status: statusOf(await app.post("abuse-1000", `{ ${thousand} }`)), networks: 0 }), "1,000 aliases of networkMetrics on one cached network"));
  const twenty = Array.from({ length: 20 }, (_, i) => metrics(`w${i}`, "ACTOR", `${2000 + i}-01-01`, `${2000 + i}-12-31`)).join(" ");
  rows.push(await underWatch(app, async () => ({ status: statusOf(await app.post("abuse-20", `{ ${twenty} }`)), networks: 0 }), "20 aliases, actor networks of 20 new windows"));
  // The largest operations the limits accept: 10 fields, as many new networks as fit in the cost limit.
  const actorUnits = 4; // Pays Cévennes's actor networks of a year hold more than 75,000 ties: 4 units each (buildCost.ts).
  const actors = Math.floor(DEFAULT_GRAPHQL_LIMITS.maxNetworkCost / actorUnits);
  const actorOperation = Array.from({ length: DEFAULT_GRAPHQL_LIMITS.maxAnalyticsFields }, (_, i) => {
    const year = 2012 + (i % actors);
    return metrics(`x${i}`, "ACTOR", `${year}-03-01`, `${year + 1}-02-28`);
  }).join(" ");
  rows.push(await underWatch(app, async () => ({ status: statusOf(await app.post("largest-actor", `{ ${actorOperation} }`)), networks: actors }), `largest accepted operation: 10 aliases, ${actors} new actor networks (4 units each)`));
  const structures = DEFAULT_GRAPHQL_LIMITS.maxNetworkCost;
  const structureOperation = Array.from({ length: DEFAULT_GRAPHQL_LIMITS.maxAnalyticsFields }, (_, i) => {
    const month = String((i % structures) + 1).padStart(2, "0");
    return metrics(`s${i}`, "STRUCTURE", `2022-${month}-01`, `2023-${month}-01`);
  }).join(" ");
  rows.push(await underWatch(app, async () => ({ status: statusOf(await app.post("largest-structure", `{ ${structureOperation} }`)), networks: structures }), `largest accepted operation: 10 aliases, ${structures} new structure networks (1 unit each)`));
  // One user spending a minute's budget: operations of 8 new structure networks until 429.
  rows.push(
    await underWatch(
      app,
      async () => {
        let networks = 0;
        for (let operation = 0; operation < 20; operation += 1) {
          const fields = Array.from({ length: 8 }, (_, i) => metrics(`b${i}`, "STRUCTURE", `${2015 + operation}-${String(i + 1).padStart(2, "0")}-15`, `${2016 + operation}-06-30`)).join(" ");
          const answer = await app.post("budget", `{ ${fields} }`);
          if (answer.status === 429) return { status: `429 after ${operation} operations`, networks };
          networks += 8;
        }
        return { status: "never refused", networks };
      },
      `one user's budget per minute (${DEFAULT_GRAPHQL_LIMITS.networkCostPerMinute} units): operations of 8 new structure networks until 429`,
    ),
  );
  return rows;
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  // BENCH_DATA_DIR keeps the database between runs (seeded on the first one only); else a temporary one.
  const kept = process.env.BENCH_DATA_DIR;
  const dataDir = kept !== undefined && kept !== "" ? path.resolve(kept) : await mkdtemp(path.join(os.tmpdir(), "maillage-bench-cost-"));
  const neo4j = await startLocalNeo4j({ dataDir });
  const stopNeo4j = async (): Promise<void> => {
    await neo4j.stop();
    if (dataDir !== kept) await rm(dataDir, { recursive: true, force: true });
  };
  const uri = neo4j.uri;
  const driver = await connectDriver({ uri });
  await applySchema(driver);
  const [row] = await createQueryRunner(driver, loadQueries()).read<{ isEmpty: boolean }>("databaseIsEmpty", {});
  if (row?.isEmpty === true) {
    for (const spec of [PAYS_CEVENNES, GORGES_CAUSSES_CEVENNES]) await seedTerritory(driver, spec, { geoSource: LOCAL_GEO_COPY, log });
  }
  await driver.close();
  try {
    const served = await startApp(uri, undefined);
    const offThread = await otherUsers(served, halfYears(2024, 1));
    const abuseRows = await abuses(served);
    await served.stop();
    const inline = await startApp(uri, 0);
    const onMainThread = await otherUsers(inline, halfYears(2018, 1));
    await inline.stop();
    const loadAfter = os.loadavg();
    await writeResults(offThread, onMainThread, abuseRows, loadBefore, loadAfter);
  } finally {
    await stopNeo4j();
  }
  process.exit(0);
}

async function writeResults(offThread: Busy, onMainThread: Busy, abuseRows: readonly Abuse[], loadBefore: number[], loadAfter: number[]): Promise<void> {
  const ms = (value: number): string => `${Math.round(value)} ms`;
  const busyRow = (label: string, busy: Busy): string =>
    `| ${label} | ${ms(busy.idleP50)} / ${ms(busy.idleP99)} | ${ms(busy.busyP50)} / ${ms(busy.busyP99)} (${busy.busySamples} requests) | ${(busy.busyP99 / busy.idleP99).toFixed(2)} × | ${busy.heavyBuilds} × ${ms(busy.heavyMs)} | ${ms(busy.maxLoopDelay)} |`;
  const loads = (values: number[]): string => values.map((value) => value.toFixed(1)).join(", ");
  const section = [
    "## Cost of heavy analytics for other users, and what the limits let through",
    "",
    `Written by \`bench/cost.ts\` (\`npx tsx bench/cost.ts\`) on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version};`,
    `load average (1, 5, 15 min) before the run ${loads(loadBefore)}, after ${loads(loadAfter)} (\`uptime\`: the machine is shared, compare runs with this in mind).`,
    "",
    `Other users: the p99 of a light query (a cached ego network, depth 1, as another analyst) idle (${IDLE_SAMPLES} requests), then`,
    "while heavy builds run one after the other (networkMetrics of Pays Cévennes's actor network for a new 6-month window each,",
    "as other analysts). Goal: p99 during a heavy build ≤ 2 × idle.",
    "",
    "| analysis | idle p50 / p99 | during heavy builds p50 / p99 | p99 ratio | heavy builds × mean time | event loop delay, max |",
    "|---|---|---|---|---|---|",
    busyRow("on worker threads (as served)", offThread),
    busyRow("on the main thread (`ANALYSIS_THREADS=0`, as before)", onMainThread),
    "",
    `Abuse within the limits (defaults: ${DEFAULT_GRAPHQL_LIMITS.maxNetworkCost} network units and ${DEFAULT_GRAPHQL_LIMITS.maxAnalyticsFields} analytics fields per operation, ${DEFAULT_GRAPHQL_LIMITS.networkCostPerMinute} units per user and minute),`,
    "with the event loop's longest delay and /health's slowest answer (asked every 50 ms) meanwhile:",
    "",
    "| operation | answer | time | new networks | event loop delay, max | /health, slowest |",
    "|---|---|---|---|---|---|",
    ...abuseRows.map((row) => `| ${row.label} | ${row.status} | ${ms(row.ms)} | ${row.networks} | ${ms(row.maxLoopDelay)} | ${ms(row.healthMax)} |`),
    "",
  ].join("\n");
  const resultsPath = path.join(repoRoot, "bench", "RESULTS.md");
  const existing = await readFile(resultsPath, "utf8").catch(() => "");
  await writeFile(resultsPath, spliceSection(existing, section, "<!-- cost-bench:begin -->", "<!-- cost-bench:end -->"));
  process.stdout.write(section);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
