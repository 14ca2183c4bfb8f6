import "./production.js";
import type { Server } from "node:http";
import { DEMO_TERRITORIES, seedTerritory } from "../../seed/src/index.js";
import { AnalyticsService } from "./analytics/service.js";
import { createAppAuth, resolveAuthSecrets } from "./auth/index.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { buildSchema } from "./graphql/schema.js";
import { createApp, type App } from "./http/app.js";
import { warmUpServer } from "./http/warmUp.js";
import { createLogger, type Logger } from "./logger.js";
import { openDatabase, type Database } from "./neo4j/database.js";
import { pingDatabase } from "./neo4j/monitor.js";
import { createQueryRunner, loadQueries, type QueryRunner } from "./neo4j/queries.js";
import { applySchema } from "./neo4j/schema.js";
import { migrateImportedIds } from "./import/idMigration.js";

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee the Configuration section of README.md.\n`);
      process.exit(2);
    }
    throw error;
  }
}

/** First start: an empty database gets the fictitious demo territories. */
async function seedIfEmpty(db: Database, queries: QueryRunner, config: Config, log: Logger): Promise<void> {
  const [row] = await queries.read<{ isEmpty: boolean }>("databaseIsEmpty", {});
  if (row?.isEmpty !== true) return;
  log.info("empty database: seeding the fictitious demo territory");
  for (const spec of DEMO_TERRITORIES) {
    await seedTerritory(db.driver, spec, { geoSource: config.geoSource, database: db.database, log });
  }
}

/** Says at every start whether anyone reaching the app can sign in with any role (warn when so). */
async function logDevLogin(app: App, config: Config, log: Logger): Promise<void> {
  const state = await app.devLoginState();
  if (state === "forced") {
    log.warn("the development login is FORCED ON (AUTH_DEV_LOGIN=force): anyone who reaches the app can sign in as ADMIN, whatever data it holds", { host: config.host });
  } else if (state === "on") {
    log.warn("the development login is on (fictitious demo data only): anyone who reaches the app can sign in with any role; it stops by itself once a real territory exists. AUTH_DEV_LOGIN=false turns it off", { host: config.host });
  } else {
    const reasons = [...config.auth.devLoginOffReasons];
    if (reasons.length === 0) reasons.push(config.auth.devLogin ? "a territory that is not demo data exists, or no HS256 secret to sign with" : "no HS256 secret to sign with");
    log.info("the development login is off", { reasons });
  }
}

/** Composition root: config → Neo4j → schema → HTTP. */
async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = readConfig();
  const log = createLogger(config.logLevel, { service: "maillage" });
  const catalog = loadQueries();
  const db = await openDatabase(config, log);
  let server: Server | undefined;
  let warm = false;
  const shutdown = async (code: number): Promise<void> => {
    log.info("shutting down");
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await db.close();
    process.exit(code);
  };
  process.once("SIGINT", () => void shutdown(0));
  process.once("SIGTERM", () => void shutdown(0));

  try {
    await applySchema(db.driver, db.database);
    const queries = createQueryRunner(db.driver, catalog, db.database, db.status);
    if (config.seedOnStart) await seedIfEmpty(db, queries, config, log);
    const migrated = await migrateImportedIds(queries);
    if (migrated.nodes > 0) log.info("imported records got random ids (their old ids stay as aliases for spreadsheets)", { ...migrated });
    const analytics = new AnalyticsService(queries, { analysisThreads: config.analysisThreads, preloadTerritories: config.warmUpTerritories });
    const schema = await buildSchema({ driver: db.driver, queries, analytics, geoSource: config.geoSource });
    const auth = createAppAuth(config.auth, resolveAuthSecrets(config.auth), {
      database: db.database,
      demoTerritoryIds: DEMO_TERRITORIES.map((spec) => spec.id),
      kAnonymity: config.kAnonymity,
    });
    const app = await createApp({
      schema,
      queries,
      log,
      limits: config.graphqlLimits,
      analytics,
      auth,
      onWrite: () => analytics.written(),
      database: { status: db.status, ping: () => pingDatabase(db.driver, db.database) },
      isWarm: () => warm,
    });
    server = app.express.listen(config.port, config.host, () => {
      const host = config.host === "127.0.0.1" ? "localhost" : config.host;
      log.info("Maillage is ready", { url: `http://${host}:${config.port}`, neo4j: db.uri, ms: Date.now() - startedAt });
      void logDevLogin(app, config, log);
      if (!config.warmUpOnStart) warm = true;
      else void warmUpServer(analytics, app.execute, log).finally(() => {
        warm = true;
      });
    });
    server.on("error", (error) => {
      log.error("cannot listen: is another program using this port? Set PORT to change it.", {
        port: config.port,
        error: String(error),
      });
      void shutdown(1);
    });
  } catch (error) {
    log.error("start-up failed", { error: error instanceof Error ? error.message : String(error) });
    await shutdown(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Maillage could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
