import type { Driver } from "neo4j-driver";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { connectDriver } from "./driver.js";
import { startLocalNeo4j, type LocalNeo4j } from "./localNeo4j.js";

export interface Database {
  readonly driver: Driver;
  readonly uri: string;
  readonly database: string | undefined;
  close(): Promise<void>;
}

/**
 * Connects to the configured Neo4j. Without NEO4J_URI, reuses a local Neo4j already listening on
 * NEO4J_BOLT_PORT (e.g. the running app, when `npm run seed` is called beside it) or starts one.
 */
export async function openDatabase(config: Config, log: Logger): Promise<Database> {
  const target = config.neo4j;
  if (target.mode === "external") {
    log.info("connecting to Neo4j", { uri: target.uri });
    const driver = await connectDriver(target);
    return { driver, uri: target.uri, database: config.neo4jDatabase, close: () => driver.close() };
  }

  const localUri = `bolt://127.0.0.1:${target.boltPort}`;
  const running = await connectDriver({ uri: localUri }).catch(() => undefined);
  if (running !== undefined) {
    log.info("using the local Neo4j already running", { uri: localUri });
    return { driver: running, uri: localUri, database: config.neo4jDatabase, close: () => running.close() };
  }

  log.info("starting the local Neo4j", { dataDir: target.dataDir, port: target.boltPort });
  const started = Date.now();
  const neo4jLog = log.child({ component: "neo4j" });
  const local: LocalNeo4j = await startLocalNeo4j({
    dataDir: target.dataDir,
    port: target.boltPort,
    heapMb: target.heapMb,
    pageCache: target.pageCache,
    log: (line) => neo4jLog.debug(line),
  });
  log.info("local Neo4j ready", { uri: local.uri, ms: Date.now() - started });
  try {
    const driver = await connectDriver({ uri: local.uri });
    return {
      driver,
      uri: local.uri,
      database: config.neo4jDatabase,
      close: async () => {
        await driver.close();
        await local.stop();
      },
    };
  } catch (error) {
    await local.stop();
    throw error;
  }
}
