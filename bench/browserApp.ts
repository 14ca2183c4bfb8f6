/**
 * The app as the browser benches open it (bench/explorer.ts, bench/screenshots.ts): a Neo4j of its
 * own in a temporary directory, the territories seeded, the server warmed up and preloaded as
 * `npm start` does, listening on a free port of 127.0.0.1 with the development login.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { seedTerritory, type TerritorySpec } from "../seed/src/index.js";
import { AnalyticsService } from "../server/src/analytics/service.js";
import { createAppAuth } from "../server/src/auth/index.js";
import { derivePseudonymSecret } from "../server/src/auth/secrets.js";
import { LOCAL_GEO_COPY } from "../server/src/config.js";
import { buildSchema } from "../server/src/graphql/schema.js";
import { createApp } from "../server/src/http/app.js";
import { warmUpServer } from "../server/src/http/warmUp.js";
import type { Logger } from "../server/src/logger.js";
import { connectDriver } from "../server/src/neo4j/driver.js";
import { findFreePort, startLocalNeo4j } from "../server/src/neo4j/localNeo4j.js";
import { createQueryRunner, loadQueries } from "../server/src/neo4j/queries.js";

export interface BenchApp {
  readonly baseUrl: string;
  /** Seeding time of each territory, by id. */
  readonly seedMs: ReadonlyMap<string, number>;
  /** The start-up's warm-up then preload of the page's first networks. */
  readonly preload: { readonly ms: number; readonly networks: number };
}

/**
 * Starts the app; every cleanup is pushed on `cleanups` as soon as what it undoes exists, so that
 * the caller stops everything (in reverse order) even when a later step fails.
 */
export async function startBenchApp(territories: readonly TerritorySpec[], log: Logger, cleanups: (() => Promise<void>)[]): Promise<BenchApp> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "maillage-bench-browser-"));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const neo4j = await startLocalNeo4j({ dataDir, heapMb: 1536, pageCache: "512m" });
  cleanups.push(() => neo4j.stop());
  const driver = await connectDriver({ uri: neo4j.uri });
  cleanups.push(() => driver.close());
  const seedMs = new Map<string, number>();
  for (const spec of territories) {
    const seedStarted = performance.now();
    await seedTerritory(driver, spec, { geoSource: LOCAL_GEO_COPY, log });
    seedMs.set(spec.id, performance.now() - seedStarted);
    process.stderr.write(`seeded ${spec.id} in ${Math.round(seedMs.get(spec.id) ?? 0)} ms\n`);
  }

  const jwtSecret = randomBytes(48).toString("base64url");
  const queries = createQueryRunner(driver, loadQueries());
  const auth = createAppAuth(
    { jwksUrl: undefined, issuer: undefined, audience: undefined, devLogin: true },
    { jwtSecret, pseudonymSecret: derivePseudonymSecret(jwtSecret) },
    { database: undefined, demoTerritoryIds: territories.map((t) => t.id) },
  );
  const analytics = new AnalyticsService(queries);
  const app = await createApp({ schema: await buildSchema({ driver, queries, analytics }), queries, log, auth, analytics, limits: { networkCostPerMinute: 1_000_000 }, onWrite: () => analytics.invalidate() });
  cleanups.push(() => app.stop());
  // What server/src/index.ts runs once it listens.
  const preloadStarted = performance.now();
  const preload = { networks: await warmUpServer(analytics, app.execute, log), ms: 0 };
  preload.ms = performance.now() - preloadStarted;
  process.stderr.write(`warm-up and preload of ${preload.networks} page networks in ${Math.round(preload.ms)} ms\n`);
  const port = await findFreePort();
  const server = await new Promise<Server>((resolve) => {
    const listening = app.express.listen(port, "127.0.0.1", () => resolve(listening));
  });
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { baseUrl: `http://127.0.0.1:${port}`, seedMs, preload };
}
