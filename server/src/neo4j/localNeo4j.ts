// SPDX-License-Identifier: AGPL-3.0-or-later
// Starts and stops the local Neo4j (Community, embedded, with APOC) that neo4j/ builds.
import { spawn } from "node:child_process";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export interface LocalNeo4j {
  /** Bolt URI, e.g. bolt://127.0.0.1:7687. */
  readonly uri: string;
  /** Process id of the JVM. */
  readonly pid: number;
  /** Resolves once the JVM has exited, whether by `stop()` (`expected`) or not (crash, kill -9). */
  readonly exited: Promise<LocalNeo4jExit>;
  /** Stops the database (SIGTERM, then SIGKILL after 20 s); resolves once the JVM has exited. */
  stop(): Promise<void>;
}

/** How the JVM ended: an exit code or a signal; `expected` when `stop()` asked for it. */
export interface LocalNeo4jExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly expected: boolean;
}

export interface LocalNeo4jOptions {
  /** Neo4j home for this instance: databases, transaction logs and logs go under it. Created if missing. */
  dataDir: string;
  /** Bolt port on 127.0.0.1; a free port by default. */
  port?: number;
  /** JVM maximum heap in MiB (default 1024). */
  heapMb?: number;
  /** Neo4j page cache size, e.g. "128m" (default: the launcher's, 128m). */
  pageCache?: string;
  /** Password of user neo4j; authentication is disabled when absent. */
  password?: string;
  /** Receives each line the launcher writes to stderr. */
  log?: (line: string) => void;
  /** How long to wait for the database to be ready (default 120 s). */
  readyTimeoutMs?: number;
}

const READY_PATTERN = /^MAILLAGE_NEO4J_READY (bolt:\/\/\S+)\s*$/;
const DEFAULT_HEAP_MB = 1024;
const DEFAULT_READY_TIMEOUT_MS = 120_000;
const STOP_KILL_AFTER_MS = 20_000;
const KEPT_STDERR_LINES = 40;

/** Path of the launcher jar built by `npm run build:neo4j`. */
export const launcherJarPath: string = fileURLToPath(
  new URL("../../../neo4j/target/maillage-neo4j.jar", import.meta.url),
);

/** Finds a TCP port that is free on 127.0.0.1 (binds port 0, reads the port, releases it). */
export async function findFreePort(): Promise<number> {
  return new Promise<number>((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1", exclusive: true }, () => {
      const port = (server.address() as AddressInfo).port;
      server.close((error) => (error ? reject(error) : resolvePort(port)));
    });
  });
}

function hasExited(child: ChildProcessWithoutNullStreams): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise<void>((resolveExit) => child.once("exit", () => resolveExit()));
}

/** Sends SIGTERM, then SIGKILL after 20 s; resolves once the process has exited. */
async function terminate(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (hasExited(child)) return;
  const exited = waitForExit(child);
  child.kill("SIGTERM");
  const timer = setTimeout(() => {
    if (!hasExited(child)) child.kill("SIGKILL");
  }, STOP_KILL_AFTER_MS);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Starts the local Neo4j launcher and resolves once it accepts Bolt connections.
 * Rejects when the jar is missing, Java cannot be run, the process exits early (busy port,
 * locked data dir...) or it is not ready within `readyTimeoutMs`.
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  if (!existsSync(launcherJarPath)) {
    throw new Error(
      `The local Neo4j launcher is not built (${launcherJarPath} is missing). ` +
        "Run `npm run build:neo4j` (needs Java 17+), or set NEO4J_URI to use an existing Neo4j.",
    );
  }
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const port = options.port ?? (await findFreePort());
  const heapMb = options.heapMb ?? DEFAULT_HEAP_MB;
  const readyTimeoutMs = options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  const log = options.log;

  const args = [
    `-Xmx${heapMb}m`,
    "-XX:+ExitOnOutOfMemoryError",
    "-jar",
    launcherJarPath,
    "--port",
    String(port),
    "--data-dir",
    dataDir,
    "--exit-on-stdin-eof",
  ];
  if (options.pageCache !== undefined) args.push("--page-cache", options.pageCache);
  if (options.password !== undefined) args.push("--password", options.password);

  // stdin stays open as a pipe: the JVM exits when it closes, i.e. when this process dies.
  const child = spawn("java", args, { stdio: ["pipe", "pipe", "pipe"] });
  child.stdin.on("error", () => {
    // EPIPE once the JVM has exited: nothing to do.
  });

  const lastStderr: string[] = [];
  const stderrLines = createInterface({ input: child.stderr, crlfDelay: Infinity });
  stderrLines.on("line", (line) => {
    lastStderr.push(line);
    if (lastStderr.length > KEPT_STDERR_LINES) lastStderr.shift();
    log?.(line);
  });
  const stdoutLines = createInterface({ input: child.stdout, crlfDelay: Infinity });

  const describeTail = (): string =>
    lastStderr.length > 0 ? `\nLast launcher output:\n${lastStderr.join("\n")}` : "";

  const uri = await new Promise<string>((resolveReady, rejectReady) => {
    let settled = false;
    const settle = (action: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.off("error", onError);
      child.off("close", onClose);
      action();
    };
    const onError = (error: Error): void => {
      const code = (error as NodeJS.ErrnoException).code;
      const hint =
        code === "ENOENT"
          ? " Java was not found: Maillage needs Java 17 or newer to run its local Neo4j " +
            "(or set NEO4J_URI to use an existing Neo4j)."
          : "";
      settle(() => rejectReady(new Error(`Could not start the local Neo4j: ${error.message}.${hint}`)));
    };
    // "close" rather than "exit": all of stderr has been read by then.
    const onClose = (code: number | null, signal: NodeJS.Signals | null): void => {
      const how = code !== null ? `exit code ${code}` : `signal ${signal ?? "unknown"}`;
      settle(() =>
        rejectReady(new Error(`The local Neo4j exited before it was ready (${how}).${describeTail()}`)),
      );
    };
    const timer = setTimeout(() => {
      settle(() => {
        rejectReady(
          new Error(`The local Neo4j was not ready after ${readyTimeoutMs} ms; stopping it.${describeTail()}`),
        );
        void terminate(child);
      });
    }, readyTimeoutMs);
    child.once("error", onError);
    child.once("close", onClose);
    stdoutLines.on("line", (line) => {
      const match = READY_PATTERN.exec(line);
      if (match?.[1] !== undefined) {
        const readyUri = match[1];
        settle(() => resolveReady(readyUri));
      } else if (line.trim() !== "") {
        log?.(line);
      }
    });
  });

  const pid = child.pid;
  if (pid === undefined) {
    throw new Error("The local Neo4j started but its process id is unknown.");
  }
  let stopping: Promise<void> | undefined;
  const exited = new Promise<LocalNeo4jExit>((resolveExit) => {
    const report = (code: number | null, signal: NodeJS.Signals | null): void => {
      if (stopping === undefined) {
        log?.(`local Neo4j exited unexpectedly (${code !== null ? `exit code ${code}` : `signal ${signal ?? "unknown"}`})`);
      }
      resolveExit({ code, signal, expected: stopping !== undefined });
    };
    if (hasExited(child)) report(child.exitCode, child.signalCode);
    else child.once("exit", report);
  });
  return {
    uri,
    pid,
    exited,
    stop(): Promise<void> {
      stopping ??= terminate(child);
      return stopping;
    },
  };
}
