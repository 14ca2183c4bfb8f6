import { describe, expect, it } from "vitest";
import { createLogger } from "../logger.js";
import type { LocalNeo4j, LocalNeo4jExit } from "./localNeo4j.js";
import { DatabaseStatus } from "./status.js";
import { superviseLocalNeo4j } from "./supervisor.js";

/** A stand-in for the JVM: `crash()` ends it as kill -9 would. */
function fakeNeo4j(pid: number): LocalNeo4j & { crash(): void } {
  let end: (exit: LocalNeo4jExit) => void = () => undefined;
  const exited = new Promise<LocalNeo4jExit>((resolve) => (end = resolve));
  return {
    uri: "bolt://127.0.0.1:1",
    pid,
    exited,
    crash: () => end({ code: null, signal: "SIGKILL", expected: false }),
    stop: async () => end({ code: 0, signal: null, expected: true }),
  };
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("superviseLocalNeo4j", () => {
  it("marks the database down when the JVM dies, starts it again, and marks it up", async () => {
    const lines: string[] = [];
    const started: ReturnType<typeof fakeNeo4j>[] = [];
    const status = new DatabaseStatus();
    const supervised = await superviseLocalNeo4j({ dataDir: "unused" }, status, createLogger("info", {}, (line) => lines.push(line)), {
      backoffMs: [5, 5],
      start: async () => {
        const instance = fakeNeo4j(100 + started.length);
        started.push(instance);
        return instance;
      },
    });
    started[0]?.crash();
    await tick(0);
    expect(status.isUp).toBe(false);
    expect(lines.some((line) => line.includes('"level":"error"') && line.includes("exited unexpectedly"))).toBe(true);
    await tick(30);
    expect(started).toHaveLength(2);
    expect(status.isUp).toBe(true);
    expect(supervised.pid()).toBe(101);
    await supervised.stop();
    await tick(10);
    expect(started).toHaveLength(2);
  });

  it("gives up after the last back-off and leaves the database down", async () => {
    const lines: string[] = [];
    const status = new DatabaseStatus();
    const first = fakeNeo4j(1);
    let attempts = 0;
    await superviseLocalNeo4j({ dataDir: "unused" }, status, createLogger("info", {}, (line) => lines.push(line)), {
      backoffMs: [1, 1, 1],
      start: async () => {
        attempts += 1;
        if (attempts === 1) return first;
        throw new Error("port busy");
      },
    });
    first.crash();
    await tick(50);
    expect(attempts).toBe(4);
    expect(status.isUp).toBe(false);
    expect(status.current.reason).toMatch(/could not be restarted after 3 attempts/);
    expect(lines.some((line) => line.includes("giving up"))).toBe(true);
  });
});
