/**
 * Integration tests that need the app as a separate process (supervision of the local Neo4j,
 * several app processes on one database): starts `server/src/index.ts` with its own port and
 * environment and waits until it logs "Maillage is ready".
 */
import { execFileSync, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { repoRoot } from "../server/src/config.js";
import { findFreePort } from "../server/src/neo4j/localNeo4j.js";

export interface AppProcess {
  readonly url: string;
  readonly pid: number;
  /** Every log line the app wrote so far (JSON, one a line). */
  readonly logs: readonly string[];
  /** Resolves once the app has logged a line matching `pattern`, or rejects after `timeoutMs`. */
  waitForLog(pattern: RegExp, timeoutMs: number): Promise<string>;
  /** SIGTERM (the app stops its Neo4j too), SIGKILL after 30 s; resolves once it has exited. */
  stop(): Promise<void>;
}

/** Starts the app with `env` over the test defaults (free PORT, no demo seed, the test JWT secret, info logs). */
export async function startAppProcess(env: Readonly<Record<string, string>>, jwtSecret: string, readyTimeoutMs = 240_000): Promise<AppProcess> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/index.ts"], {
    cwd: repoRoot,
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), SEED_ON_START: "false", JWT_SECRET: jwtSecret, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error("the app process did not start");
  const logs: string[] = [];
  const listeners = new Set<(line: string) => void>();
  createInterface({ input: child.stderr, crlfDelay: Infinity }).on("line", (line) => {
    logs.push(line);
    for (const listener of listeners) listener(line);
  });
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once("exit", () => {
    exited = true;
    resolve();
  }));

  const waitForLog = (pattern: RegExp, timeoutMs: number): Promise<string> =>
    new Promise<string>((resolve, reject) => {
      const seen = logs.find((line) => pattern.test(line));
      if (seen !== undefined) {
        resolve(seen);
        return;
      }
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(new Error(`the app did not log ${pattern} within ${timeoutMs} ms; last lines:\n${logs.slice(-15).join("\n")}`));
      }, timeoutMs);
      const listener = (line: string): void => {
        if (!pattern.test(line)) return;
        clearTimeout(timer);
        listeners.delete(listener);
        resolve(line);
      };
      listeners.add(listener);
      void exit.then(() => {
        if (!listeners.has(listener)) return;
        clearTimeout(timer);
        listeners.delete(listener);
        reject(new Error(`the app exited before logging ${pattern}; last lines:\n${logs.slice(-15).join("\n")}`));
      });
    });

  const stop = async (): Promise<void> => {
    if (exited) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    await exit;
    clearTimeout(timer);
  };

  try {
    await waitForLog(/"msg":"Maillage is ready"/, readyTimeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, pid, logs, waitForLog, stop };
}

/** The process id of the Java process serving the local Neo4j whose data directory is `dataDir`, or null. */
export function neo4jJavaPid(dataDir: string): number | null {
  const lines = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" }).split("\n");
  for (const line of lines) {
    const match = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined && match[2].startsWith("java ") && match[2].includes(`--data-dir ${dataDir}`)) return Number(match[1]);
  }
  return null;
}
