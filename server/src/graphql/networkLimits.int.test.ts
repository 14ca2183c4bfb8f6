import type { Server } from "node:http";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import type { Driver, RecordShape } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { NO_FILTER } from "../analytics/filters.js";
import { AnalyticsService } from "../analytics/service.js";
import { createAppAuth } from "../auth/index.js";
import { derivePseudonymSecret } from "../auth/secrets.js";
import { mintToken } from "../auth/tokens.js";
import { createApp, type App } from "../http/app.js";
import { createLogger } from "../logger.js";
import { connectDriver } from "../neo4j/driver.js";
import { findFreePort } from "../neo4j/localNeo4j.js";
import { createQueryRunner, loadQueries, type QueryName, type QueryRunner } from "../neo4j/queries.js";
import { buildSchema } from "./schema.js";

const PC = "pays-cevennes";
const GCC = "gorges-causses-cevennes";
const PER_MINUTE = 6;

let driver: Driver;
let app: App;
let server: Server;
let url: string;
let analytics: AnalyticsService;
/** How many times the network query ran: a network is built after it, never without it. */
let networkReads = 0;

// An app of its own: a small budget per minute, and a count of the network reads.
beforeAll(async () => {
  driver = await connectDriver({ uri: inject("neo4jUri") });
  const real = createQueryRunner(driver, loadQueries());
  const queries: QueryRunner = {
    ...real,
    read: <T extends RecordShape>(name: QueryName, parameters: Record<string, unknown>) => {
      if (name === "collaborationData") networkReads += 1;
      return real.read<T>(name, parameters);
    },
  };
  analytics = new AnalyticsService(queries);
  const secret = inject("jwtSecret");
  const auth = createAppAuth(
    { jwksUrl: undefined, issuer: undefined, audience: undefined, devLogin: false },
    { jwtSecret: secret, pseudonymSecret: derivePseudonymSecret(secret) },
    { database: undefined, demoTerritoryIds: [] },
  );
  const schema = await buildSchema({ driver, queries, analytics, geoSource: inject("geoSource") });
  app = await createApp({ schema, queries, analytics, limits: { networkCostPerMinute: PER_MINUTE }, log: createLogger("error", { component: "network-limits-test" }), auth });
  const port = await findFreePort();
  server = await new Promise<Server>((resolve) => {
    const listening = app.express.listen(port, "127.0.0.1", () => resolve(listening));
  });
  url = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await app.stop();
  await driver.close();
});

/** POSTs an operation as an analyst of both territories, under a subject of its own (each has its budget). */
async function post(subject: string, query: string, variables: Record<string, unknown> = {}) {
  const { token } = await mintToken(inject("jwtSecret"), { subject, role: "ANALYST", territories: [PC, GCC], expiresInSeconds: 600 });
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  return { status: response.status, retryAfter: response.headers.get("retry-after"), ...body };
}

const metricsAlias = (alias: string, territoryId: string, level: string, window: string) =>
  `${alias}: networkMetrics(territoryId: "${territoryId}", level: ${level}, window: ${window}) { summary { nodeCount } }`;

describe("networks per operation", () => {
  it("refuses an operation with too many distinct networks (aliases, variables) before building any", async () => {
    const years = [2014, 2015, 2016, 2017, 2018];
    const variables = Object.fromEntries(years.map((year) => [`w${year}`, { from: `${year}-01-01`, to: `${year}-12-31` }]));
    const query = `query Abuse(${years.map((year) => `$w${year}: WindowInput`).join(", ")}) {
      ${years.map((year) => metricsAlias(`y${year}`, PC, "ACTOR", `$w${year}`)).join("\n")}
    }`;
    const before = networkReads;
    const answer = await post("too-many-networks", query, variables);
    expect(answer.status).toBe(400);
    expect(answer.data).toBeUndefined();
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(["TOO_MANY_NETWORKS"]);
    expect(answer.errors?.[0]?.message).toMatch(/5 distinct networks/);
    expect(networkReads).toBe(before);
    for (const year of years) {
      expect(analytics.isCached({ territoryId: PC, level: "ACTOR", window: { from: `${year}-01-01`, to: `${year}-12-31` }, filter: NO_FILTER })).toBe(false);
    }
  });

  it("refuses 1,000 aliases while parsing, before validation", async () => {
    const thousand = Array.from({ length: 1000 }, (_, i) => metricsAlias(`a${i}`, GCC, "STRUCTURE", `{ from: "2022-01-01", to: "2022-12-31" }`)).join(" ");
    const answer = await post("thousand", `{ ${thousand} }`);
    expect(answer.status).toBe(400);
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(["GRAPHQL_PARSE_FAILED"]);
  });

  it("lets many aliases of one network through, built once", async () => {
    const window = `{ from: "2022-01-01", to: "2022-12-31" }`;
    const before = networkReads;
    const answer = await post("same-network", `{ ${Array.from({ length: 10 }, (_, i) => metricsAlias(`a${i}`, GCC, "STRUCTURE", window)).join(" ")} }`);
    expect(answer.errors).toBeUndefined();
    expect(networkReads - before).toBe(1);
  });
});

describe("the budget per user and minute", () => {
  it("answers 429 with Retry-After once the user's network units are spent, and not for another user", async () => {
    // Structure networks of the small territory, a new window each: 1 unit each, PER_MINUTE in a minute.
    const statuses: number[] = [];
    for (let month = 1; month <= PER_MINUTE; month += 1) {
      const window = `{ from: "2021-${String(month).padStart(2, "0")}-01", to: "2021-12-31" }`;
      const answer = await post("budget", `{ ${metricsAlias("m", GCC, "STRUCTURE", window)} }`);
      expect(answer.errors).toBeUndefined();
      statuses.push(answer.status);
    }
    expect(statuses.every((status) => status === 200)).toBe(true);
    const before = networkReads;
    const refused = await post("budget", `{ ${metricsAlias("m", GCC, "STRUCTURE", `{ from: "2021-07-01", to: "2021-12-31" }`)} }`);
    expect(refused.status).toBe(429);
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(["RATE_LIMITED"]);
    const retryAfter = Number(refused.retryAfter);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(networkReads).toBe(before);
    // A network already computed stays free for the same user; another user has a budget of their own.
    expect((await post("budget", `{ ${metricsAlias("m", GCC, "STRUCTURE", `{ from: "2021-01-01", to: "2021-12-31" }`)} }`)).status).toBe(200);
    expect((await post("someone-else", `{ ${metricsAlias("m", GCC, "STRUCTURE", `{ from: "2021-07-01", to: "2021-12-31" }`)} }`)).status).toBe(200);
  });
});

describe("a heavy build and the event loop", () => {
  it("keeps /health answering while a large actor network is built and measured", async () => {
    // Warm the worker thread first (it loads and compiles the analysis on its first task).
    await post("heavy-warm", `{ ${metricsAlias("m", GCC, "ACTOR", `{ from: "2020-01-01", to: "2020-12-31" }`)} }`);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const heavy = post("heavy", `{ ${metricsAlias("m", PC, "ACTOR", `{ from: "2022-07-01", to: "2023-06-30" }`)} }`);
    let done = false;
    void heavy.finally(() => (done = true));
    const healthTimes: number[] = [];
    while (!done) {
      const asked = performance.now();
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      healthTimes.push(performance.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const heavyMs = performance.now() - started;
    delay.disable();
    expect((await heavy).errors).toBeUndefined();
    // The build holds the worker for a long while; the event loop (this test shares it with the
    // app) never stops for a large part of that, and /health keeps answering throughout.
    expect(heavyMs).toBeGreaterThan(300);
    expect(healthTimes.length).toBeGreaterThan(3);
    expect(delay.max / 1e6).toBeLessThan(heavyMs / 2);
    expect(Math.max(...healthTimes)).toBeLessThan(heavyMs / 2);
    process.stderr.write(`heavy build ${Math.round(heavyMs)} ms; /health ${healthTimes.length} times, slowest ${Math.round(Math.max(...healthTimes))} ms; event loop delay max ${Math.round(delay.max / 1e6)} ms\n`);
  });
});
