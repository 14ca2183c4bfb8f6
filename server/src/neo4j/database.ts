import type { Driver } from "neo4j-driver";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { connectDriver } from "./driver.js";
import { monitorDatabase } from "./monitor.js";
import { DatabaseStatus } from "./status.js";
import { superviseLocalNeo4j } from "./supervisor.js";

export interface Database {
  readonly driver: Driver;
  readonly uri: string;
  readonly database: string | undefined;
  /** Up or down, kept true by the supervisor of the local Neo4j and a periodic ping (see status.ts). */
  readonly status: DatabaseStatus;
  close(): Promise<void>;
}

/**
 * Connects to the configured Neo4j. Without NEO4J_URI, reuses a local Neo4j already listening on
 * NEO4J_BOLT_PORT (e.g. the running app, when `npm run seed` is called beside it) or starts one and
 * supervises it (restarted when it exits: see supervisor.ts).
 */
export async function openDatabase(config: Config, log: Logger): Promise<Database> {
  const target = config.neo4j;
  const status = new DatabaseStatus();
  const monitored = (driver: Driver, uri: string, stopDatabase: () => Promise<void> = async () => undefined): Database => {
    const stopMonitor = monitorDatabase(driver, config.neo4jDatabase, status, log);
    return {
      driver,
      uri,
      database: config.neo4jDatabase,
      status,
      close: async () => {
        stopMonitor();
        await driver.close();
        await stopDatabase();
      },
    };
  };
  if (target.mode === "external") {
    log.info("connecting to Neo4j", { uri: target.uri });
    return monitored(await connectDriver(target), target.uri);
  }

  const localUri = `bolt://127.0.0.1:${target.boltPort}`;
  const running = await connectDriver({ uri: localUri }).catch(() => undefined);
  if (running !== undefined) {
    log.info("using the local Neo4j already running", { uri: localUri });
    return monitored(running, localUri);
  }

  log.info("starting the local Neo4j", { dataDir: target.dataDir, port: target.boltPort });
  const started = Date.now();
  const neo4jLog = log.child({ component: "neo4j" });
  const local = await superviseLocalNeo4j(
    {
      dataDir: target.dataDir,
      port: target.boltPort,
      heapMb: target.heapMb,
      pageCache: target.pageCache,
      log: (line) => neo4jLog.debug(line),
    },
    status,
    log,
  );
  log.info("local Neo4j ready", { uri: local.uri, ms: Date.now() - started });
  try {
    return monitored(await connectDriver({ uri: local.uri }), local.uri, () => local.stop());
  } catch (error) {
    await local.stop();
    throw error;
  }
}
