import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { DEMO_TERRITORIES, seedTerritory } from "../seed/src/index.js";
import { AnalyticsService } from "../server/src/analytics/service.js";
import { createAppAuth } from "../server/src/auth/index.js";
import { derivePseudonymSecret } from "../server/src/auth/secrets.js";
import { LOCAL_GEO_COPY } from "../server/src/config.js";
import { buildSchema } from "../server/src/graphql/schema.js";
import { createApp } from "../server/src/http/app.js";
import { createLogger } from "../server/src/logger.js";
import { connectDriver } from "../server/src/neo4j/driver.js";
import { findFreePort, startLocalNeo4j } from "../server/src/neo4j/localNeo4j.js";
import { createQueryRunner, loadQueries } from "../server/src/neo4j/queries.js";
import { applySchema } from "../server/src/neo4j/schema.js";

/** Commune contours used by tests: the copy shipped in the repository (seed/data/geo). */
export const testGeoSource = LOCAL_GEO_COPY;

/** Fixed HS256 secret of the test app: tests mint their own tokens with it (test/graphql.ts). */
export const testJwtSecret = "maillage-test-secret-not-for-production-use-0123456789";

/**
 * One real Neo4j for the whole run (free port, throwaway data directory), the demo territory
 * seeded once, and the app served on a free port for the browser tests. Tests that write create
 * their own uniquely named data and remove it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const log = createLogger(process.env.LOG_LEVEL === "debug" ? "debug" : "warn", { component: "test-setup" });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "maillage-test-neo4j-"));
  const neo4j = await startLocalNeo4j({ dataDir, heapMb: 1024, pageCache: "256m" });
  // MAILLAGE_TEST_ROUTING=1 (`npm run test:routing`): everything goes through the driver's routing, as with a cluster.
  const uri = process.env.MAILLAGE_TEST_ROUTING === "1" ? neo4j.uri.replace(/^bolt:/, "neo4j:") : neo4j.uri;
  const driver = await connectDriver({ uri });
  let server: Server | undefined;
  let stopApp: (() => Promise<void>) | undefined;
  const teardown = async (): Promise<void> => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await stopApp?.();
    await driver.close();
    await neo4j.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await applySchema(driver);
    for (const spec of DEMO_TERRITORIES) await seedTerritory(driver, spec, { geoSource: testGeoSource, log });
    const queries = createQueryRunner(driver, loadQueries());
    const auth = createAppAuth(
      // Forced: browser tests sign in through it while others create real territories.
      { jwksUrl: undefined, issuer: undefined, audience: undefined, devLogin: true, devLoginForced: true },
      { jwtSecret: testJwtSecret, pseudonymSecret: derivePseudonymSecret(testJwtSecret) },
      { database: undefined, demoTerritoryIds: DEMO_TERRITORIES.map((spec) => spec.id) },
    );
    const analytics = new AnalyticsService(queries);
    const schema = await buildSchema({ driver, queries, analytics, geoSource: testGeoSource });
    // The suites share a few token subjects and build hundreds of networks within minutes: the budget
    // per minute is tested on an app of its own (server/src/graphql/networkLimits.int.test.ts).
    const limits = { networkCostPerMinute: 1_000_000 };
    const app = await createApp({ schema, queries, log, auth, limits, analytics, onWrite: () => analytics.invalidate() });
    stopApp = app.stop;
    const port = await findFreePort();
    server = await new Promise<Server>((resolve) => {
      const listening = app.express.listen(port, "127.0.0.1", () => resolve(listening));
    });
    project.provide("neo4jUri", uri);
    project.provide("appUrl", `http://127.0.0.1:${port}`);
    project.provide("geoSource", testGeoSource);
    project.provide("jwtSecret", testJwtSecret);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

declare module "vitest" {
  export interface ProvidedContext {
    neo4jUri: string;
    appUrl: string;
    geoSource: string;
    jwtSecret: string;
  }
}
