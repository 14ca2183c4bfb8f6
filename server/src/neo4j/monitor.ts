import neo4j, { type Driver } from "neo4j-driver";
import type { Logger } from "../logger.js";
import type { DatabaseStatus } from "./status.js";

/**
 * One `RETURN 1` in an auto-commit read: no retries (unlike executeQuery/executeRead, which retry
 * an unreachable server for up to maxTransactionRetryTime), so a dead database fails at once.
 */
export async function pingDatabase(driver: Driver, database: string | undefined): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    await session.run("RETURN 1 AS ok");
  } finally {
    await session.close();
  }
}

/**
 * Pings the database every `intervalMs` and keeps `status` true to what it sees: down when a ping
 * fails, up when one answers again (for an external Neo4j, or a local one this process did not
 * start; the supervisor of a local one knows sooner). A slow answer changes nothing. Returns a stop function.
 */
export function monitorDatabase(
  driver: Driver,
  database: string | undefined,
  status: DatabaseStatus,
  log: Logger,
  intervalMs = 2_000,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    pingDatabase(driver, database)
      .then(() => {
        if (status.markUp()) log.info("Neo4j answers again");
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (status.isUp && status.markDown(`Neo4j does not answer: ${message}`)) log.error("Neo4j does not answer", { error: message });
      })
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
