import type { Logger } from "../logger.js";
import { startLocalNeo4j, type LocalNeo4j, type LocalNeo4jExit, type LocalNeo4jOptions } from "./localNeo4j.js";
import type { DatabaseStatus } from "./status.js";

export interface SupervisorOptions {
  /** Waits before each restart attempt after a crash, in order; their number bounds the attempts (default 1, 2, 4, 8, 16 s). */
  readonly backoffMs?: readonly number[];
  /** A database that stays up this long counts as recovered: the next crash starts the back-off again (default 10 minutes). */
  readonly stableAfterMs?: number;
  /** Starts the database (tests replace it); default startLocalNeo4j. */
  readonly start?: (options: LocalNeo4jOptions) => Promise<LocalNeo4j>;
}

export interface SupervisedNeo4j {
  readonly uri: string;
  /** The running JVM's process id (changes at each restart). */
  readonly pid: () => number;
  /** Stops supervising and stops the database. */
  stop(): Promise<void>;
}

const DEFAULT_BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 16_000] as const;
const DEFAULT_STABLE_AFTER_MS = 10 * 60_000;

const describeExit = (exit: LocalNeo4jExit): string => (exit.code !== null ? `exit code ${exit.code}` : `signal ${exit.signal ?? "unknown"}`);

/**
 * Starts the local Neo4j and keeps it running: when the JVM exits without being asked to (a crash,
 * an out-of-memory exit, kill -9), logs an error, marks `status` down at once (requests then fail
 * fast with DATABASE_UNAVAILABLE) and starts it again on the same port and data directory, waiting
 * longer before each attempt; marks `status` up once it answers. After the last attempt it gives up
 * (logged as an error; /health and /ready stay 503), so that a process manager can take over.
 */
export async function superviseLocalNeo4j(
  neo4jOptions: LocalNeo4jOptions,
  status: DatabaseStatus,
  log: Logger,
  options: SupervisorOptions = {},
): Promise<SupervisedNeo4j> {
  const start = options.start ?? startLocalNeo4j;
  const backoff = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  const stableAfterMs = options.stableAfterMs ?? DEFAULT_STABLE_AFTER_MS;
  let current = await start(neo4jOptions);
  let startedAt = Date.now();
  let stopped = false;
  let failures = 0;
  let waiting: ReturnType<typeof setTimeout> | undefined;
  let wake: (() => void) | undefined;
  let restarting: Promise<void> | undefined;

  const sleep = (ms: number): Promise<void> =>
    new Promise<void>((resolve) => {
      wake = resolve;
      waiting = setTimeout(resolve, ms);
    });

  const watch = (instance: LocalNeo4j): void => {
    void instance.exited.then(async (exit) => {
      if (exit.expected || stopped) return;
      status.markDown(`the local Neo4j exited (${describeExit(exit)}); restarting it`);
      if (Date.now() - startedAt >= stableAfterMs) failures = 0;
      log.error("the local Neo4j exited unexpectedly: restarting it", { exit: describeExit(exit), pid: instance.pid });
      restarting = restart();
      await restarting;
    });
  };

  const restart = async (): Promise<void> => {
    while (!stopped) {
      const delay = backoff[failures];
      if (delay === undefined) {
        status.markDown(`the local Neo4j could not be restarted after ${backoff.length} attempts`);
        log.error("giving up restarting the local Neo4j: restart Maillage once the cause is fixed", { attempts: backoff.length });
        return;
      }
      failures += 1;
      await sleep(delay);
      if (stopped) return;
      const attemptAt = Date.now();
      try {
        current = await start(neo4jOptions);
        if (stopped) {
          await current.stop();
          return;
        }
        startedAt = Date.now();
        status.markUp();
        log.info("the local Neo4j is running again", { uri: current.uri, pid: current.pid, attempt: failures, ms: startedAt - attemptAt });
        watch(current);
        return;
      } catch (error) {
        log.error("restarting the local Neo4j failed", { attempt: failures, error: error instanceof Error ? error.message : String(error) });
      }
    }
  };

  watch(current);
  return {
    uri: current.uri,
    pid: () => current.pid,
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(waiting);
      wake?.();
      await restarting;
      await current.stop();
    },
  };
}
