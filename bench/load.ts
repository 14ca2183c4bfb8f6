/**
 * `npx tsx bench/load.ts`: load test on loopback (issue 21). autocannon sends a mix of the page's
 * operations (bench/pageMix.ts) over a few territories from LOAD_CONNECTIONS clients (default 50) for
 * LOAD_SECONDS (default 60), while one write a second (a structure renamed through `saveStructure`)
 * goes through the same entry point; first against one app process, then against two behind a
 * small local reverse proxy (http-proxy-3, round robin) on the same Neo4j. After each, a write
 * through one process must be read at once through the other (the stale-read check). Runs on the
 * database bench/scale.ts left in BENCH_DATA_DIR (default .data/bench-scale), or seeds the demo
 * territories there first. Writes bench/RESULTS-load.md.
 */
import "../server/src/production.js";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { createServer, Agent, type Server } from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { createProxyServer } from "http-proxy-3";
import type { Driver } from "neo4j-driver";
import { GORGES_CAUSSES_CEVENNES, PAYS_CEVENNES, isTerritorySeeded, seedTerritory } from "../seed/src/index.js";
import { mintToken } from "../server/src/auth/tokens.js";
import { LOCAL_GEO_COPY, repoRoot } from "../server/src/config.js";
import { createLogger } from "../server/src/logger.js";
import { connectDriver } from "../server/src/neo4j/driver.js";
import { findFreePort, startLocalNeo4j } from "../server/src/neo4j/localNeo4j.js";
import { startAppProcess, type AppProcess } from "../test/appProcess.js";
import { pagePass, territoryIds, type Operation, type TerritoryIds } from "./pageMix.js";
import { percentile } from "./stats.js";

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const dataDir = path.resolve(repoRoot, process.env.BENCH_DATA_DIR ?? ".data/bench-scale", "neo4j");
const log = createLogger("warn", { component: "bench-load" });

interface Structure {
  readonly id: string;
  readonly territoryId: string;
  readonly name: string;
  readonly sector: string;
  readonly kind: string;
  readonly communeCode: string;
}

interface Scenario {
  readonly label: string;
  readonly requests: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly graphqlErrors: number;
  readonly errorSamples: readonly string[];
  readonly writes: number;
  readonly writeErrors: number;
  readonly writeP50: number;
  readonly writeP99: number;
  readonly staleRead: string;
  readonly rssMb: readonly number[];
}

const uptime = (): string => execFileSync("uptime", { encoding: "utf8" }).trim();
const rssMb = (pid: number): number => Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024);

async function graphql(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const response = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

const SAVE = `mutation Save($input: SaveStructureInput!) { saveStructure(input: $input) { entityId version } }`;
const NAME = `query Name($territoryId: ID!, $id: ID!) { organisationDetails(territoryId: $territoryId, id: $id) { name } }`;

const rename = (url: string, token: string, structure: Structure, name: string) =>
  graphql(url, token, SAVE, { input: { id: structure.id, territoryId: structure.territoryId, name, sector: structure.sector, kind: structure.kind, communeCode: structure.communeCode } });

async function structuresToWrite(driver: Driver, territories: readonly string[]): Promise<Structure[]> {
  const { records } = await driver.executeQuery(
    `UNWIND $territories AS territoryId
     CALL (territoryId) {
       MATCH (:Territory {id: territoryId})<-[:PART_OF]-(:Epci)<-[:PART_OF]-(c:Commune)<-[:LOCATED_IN]-(s:Structure)
       RETURN s, c ORDER BY s.id DESC LIMIT 1
     }
     RETURN s.id AS id, territoryId, s.name AS name, s.sector AS sector, s.kind AS kind, c.code AS communeCode`,
    { territories },
    { routing: "READ" },
  );
  return records.map((record) => record.toObject() as unknown as Structure);
}

/** autocannon on `url` with the page mix, and one write a second through `url`; then the stale-read check through `writeVia` and `readVia`. */
async function scenario(label: string, url: string, token: string, mix: readonly Operation[], writable: readonly Structure[], apps: readonly AppProcess[]): Promise<Scenario> {
  let graphqlErrors = 0;
  const errorSamples: string[] = [];
  const requests = mix.map((operation) => ({
    method: "POST" as const,
    path: "/graphql",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: operation.query, variables: operation.variables }),
    onResponse: (status: number, body: string) => {
      if (status === 200 && !body.includes('"errors"')) return;
      graphqlErrors += 1;
      if (errorSamples.length < 5) errorSamples.push(`${operation.name}: ${status} ${body.slice(0, 200)}`);
    },
  }));
  const writeTimes: number[] = [];
  let writeErrors = 0;
  let writes = 0;
  const writing = setInterval(() => {
    const structure = writable[writes % writable.length];
    writes += 1;
    if (structure === undefined) return;
    const startedAt = performance.now();
    void rename(url, token, structure, `${structure.name} (charge ${writes})`).then(
      (body) => {
        writeTimes.push(performance.now() - startedAt);
        if (body.errors !== undefined) {
          writeErrors += 1;
          if (errorSamples.length < 5) errorSamples.push(`write: ${JSON.stringify(body.errors).slice(0, 200)}`);
        }
      },
      () => {
        writeErrors += 1;
      },
    );
  }, 1_000);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, timeout: 30, requests });
  clearInterval(writing);
  await new Promise((resolve) => setTimeout(resolve, 2_000));

  // Stale read: a write through the first process, read at once through the last (the same one when alone).
  const first = apps[0] as AppProcess;
  const last = apps[apps.length - 1] as AppProcess;
  const target = writable[0] as Structure;
  await graphql(last.url, token, NAME, { territoryId: target.territoryId, id: target.id });
  const fresh = `${target.name} (lecture ${randomBytes(3).toString("hex")})`;
  const written = await rename(first.url, token, target, fresh);
  const read = await graphql(last.url, token, NAME, { territoryId: target.territoryId, id: target.id });
  const seen = (read.data?.organisationDetails as { name?: string } | undefined)?.name;
  const staleRead = written.errors === undefined && seen === fresh ? "passed: the next read saw the write" : `FAILED: wrote "${fresh}", read "${String(seen)}"`;
  // Leave the structure as it was.
  await rename(first.url, token, target, target.name);
  for (const structure of writable.slice(1)) await rename(first.url, token, structure, structure.name);

  return {
    label,
    requests: result.requests.total,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
    errorSamples,
    writes: writeTimes.length,
    writeErrors,
    writeP50: percentile(writeTimes, 50),
    writeP99: percentile(writeTimes, 99),
    staleRead,
    rssMb: apps.map((app) => rssMb(app.pid)),
  };
}

async function waitReady(app: AppProcess): Promise<void> {
  for (let i = 0; i < 3_000; i += 1) {
    if (await fetch(`${app.url}/ready`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("app not ready");
}

/**
 * A small reverse proxy on loopback: round robin over `targets`. No keep-alive to them: a socket the
 * app closes after its 5 s idle time while the proxy reuses it resets the request (nginx retries those;
 * this proxy would not), and a new loopback connection per request costs little.
 */
async function roundRobinProxy(targets: readonly string[]): Promise<{ url: string; close: () => Promise<void> }> {
  const agent = new Agent({ keepAlive: false, maxSockets: 128 });
  const proxy = createProxyServer({ agent, xfwd: true });
  let next = 0;
  const server: Server = createServer((request, response) => {
    const target = targets[next % targets.length] as string;
    next += 1;
    proxy.web(request, response, { target }, (error: Error) => {
      if (!response.headersSent) response.writeHead(502, { "content-type": "application/json" });
      response.end(JSON.stringify({ errors: [{ message: `proxy: ${error.message}` }] }));
    });
  });
  const port = await findFreePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      proxy.close();
      agent.destroy();
    },
  };
}

async function main(): Promise<void> {
  const uptimeBefore = uptime();
  const load: number[] = [];
  const loadTimer = setInterval(() => load.push(os.loadavg()[0] ?? 0), 5_000);
  const boltPort = await findFreePort();
  const neo4j = await startLocalNeo4j({ dataDir, port: boltPort, heapMb: 1024, pageCache: "256m" });
  const driver = await connectDriver({ uri: neo4j.uri });
  const apps: AppProcess[] = [];
  try {
    for (const spec of [PAYS_CEVENNES, GORGES_CAUSSES_CEVENNES]) {
      if (!(await isTerritorySeeded(driver, spec.id))) await seedTerritory(driver, spec, { geoSource: LOCAL_GEO_COPY, log });
    }
    const { records } = await driver.executeQuery("MATCH (t:Territory) WHERE t.id STARTS WITH 'scale-territory-' RETURN t.id AS id ORDER BY id LIMIT 4", {}, { routing: "READ" });
    const territories = [PAYS_CEVENNES.id, GORGES_CAUSSES_CEVENNES.id, ...records.map((record) => String(record.get("id")))];
    const ids: TerritoryIds[] = [];
    for (const territoryId of territories) ids.push(await territoryIds(driver, territoryId));
    const mix = ids.flatMap((each) => pagePass(each));
    // Writes go to the territories other than Pays Cévennes, in turn (see RESULTS-load.md).
    const writable = await structuresToWrite(driver, territories.slice(1));
    const { count: territoryCount } = (await driver.executeQuery("MATCH (t:Territory) RETURN count(t) AS count", {}, { routing: "READ" })).records[0]?.toObject() as { count: { toNumber(): number } };

    const jwtSecret = randomBytes(48).toString("base64url");
    // One token for every client: its per-minute network budget would refuse them as one user, so it is lifted.
    const env = { NEO4J_BOLT_PORT: String(boltPort), NEO4J_DATA_DIR: dataDir, GEO_SOURCE: LOCAL_GEO_COPY, NETWORK_COST_PER_MINUTE: "1000000", WARM_UP_ON_START: "true", LOG_LEVEL: "warn" };
    const { token } = await mintToken(jwtSecret, { subject: "bench-load", role: "COORDINATOR", territories, expiresInSeconds: 7_200 });

    apps.push(await startAppProcess({ ...env, LOG_LEVEL: "info" }, jwtSecret, 600_000));
    await waitReady(apps[0] as AppProcess);
    // One untimed pass: every operation's plans and networks as after the first visitors.
    for (const operation of mix) await graphql((apps[0] as AppProcess).url, token, operation.query, operation.variables);
    process.stdout.write("one process\n");
    const one = await scenario("one app process", (apps[0] as AppProcess).url, token, mix, writable, apps.slice(0, 1));

    apps.push(await startAppProcess({ ...env, LOG_LEVEL: "info" }, jwtSecret, 600_000));
    await waitReady(apps[1] as AppProcess);
    for (const operation of mix) await graphql((apps[1] as AppProcess).url, token, operation.query, operation.variables);
    const proxy = await roundRobinProxy(apps.map((app) => app.url));
    process.stdout.write("two processes behind a proxy\n");
    let two: Scenario;
    try {
      two = await scenario("two app processes behind a local proxy", proxy.url, token, mix, writable, apps);
    } finally {
      await proxy.close();
    }
    clearInterval(loadTimer);
    const results = render([one, two], { mix, territories, territoryCount: territoryCount.toNumber(), writable, load, uptimeBefore, uptimeAfter: uptime() });
    await writeFile(path.join(repoRoot, "bench", "RESULTS-load.md"), results);
    process.stdout.write(results);
  } finally {
    clearInterval(loadTimer);
    await Promise.all(apps.map((app) => app.stop()));
    await driver.close();
    await neo4j.stop();
  }
}

function render(
  scenarios: readonly Scenario[],
  context: { mix: readonly Operation[]; territories: readonly string[]; territoryCount: number; writable: readonly Structure[]; load: readonly number[]; uptimeBefore: string; uptimeAfter: string },
): string {
  const ms = (value: number): string => `${Math.round(value)} ms`;
  const mean = context.load.length === 0 ? 0 : context.load.reduce((sum, value) => sum + value, 0) / context.load.length;
  const names = [...new Set(context.mix.map((operation) => operation.name))];
  return [
    "# Load test (issue 21)",
    "",
    `Measured with \`npx tsx bench/load.ts\` on ${new Date().toISOString().slice(0, 10)}, loopback only: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
    `autocannon, ${CONNECTIONS} connections × ${SECONDS} s per scenario${SECONDS < 60 ? " (shortened from 60 s: the machine is shared with other sessions' tests and browsers, see the load below)" : ""}; the load generator, the proxy, the app processes and Neo4j all share these cores.`,
    `- \`uptime\` before: \`${context.uptimeBefore}\``,
    `- \`uptime\` after: \`${context.uptimeAfter}\``,
    `- 1-minute load average sampled every 5 s during the run: mean ${mean.toFixed(1)}, max ${Math.max(0, ...context.load).toFixed(1)}`,
    "",
    `Database: the one bench/scale.ts left (${context.territoryCount} territories), one Neo4j (1 GB heap, 256 MB page cache).`,
    `The mix: every client cycles through the page's operations (${names.join(", ")}) on ${context.territories.length} territories (${context.territories.join(", ")}),`,
    `${context.mix.length} requests in all, each client from the start of the list, as a coordinator of those territories (one token; its per-minute network`,
    "budget lifted, since 50 clients share it). Each app process ran the page pass once before the timing (the warm-up of the first visitors).",
    `One write a second through the same entry point: \`saveStructure\` renaming a structure of ${context.writable.map((s) => s.territoryId).join(", ")} in turn (each write changes that`,
    "territory's data version, so every process rebuilds its networks at the next request; Pays Cévennes, the largest, is read but not written).",
    "An answer counts as an error when the connection fails or times out (30 s), when its status is not 200, or when its body holds GraphQL `errors`.",
    "",
    "| scenario | requests | req/s | p50 | p90 | p99 | max | errors (connection / timeout / non-2xx / GraphQL) | writes (errors) | write p50 / p99 | stale-read check | RSS of the app processes |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...scenarios.map((s) => `| ${s.label} | ${s.requests} | ${Math.round(s.perSecond)} | ${ms(s.p50)} | ${ms(s.p90)} | ${ms(s.p99)} | ${ms(s.max)} | ${s.errors} / ${s.timeouts} / ${s.non2xx} / ${s.graphqlErrors} | ${s.writes} (${s.writeErrors}) | ${ms(s.writeP50)} / ${ms(s.writeP99)} | ${s.staleRead} | ${s.rssMb.map((mb) => `${mb} MB`).join(", ")} |`),
    "",
    ...scenarios.flatMap((s) => (s.errorSamples.length === 0 ? [] : [`Errors seen (${s.label}):`, "", ...s.errorSamples.map((sample) => `- \`${sample.replace(/`/g, "'")}\``), ""])),
  ].join("\n");
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
