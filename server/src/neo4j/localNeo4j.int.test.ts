// SPDX-License-Identifier: AGPL-3.0-or-later
// Integration test: runs the real local Neo4j (needs `npm run build:neo4j` and Java 17+).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import neo4j from "neo4j-driver";
import type { AuthToken, Driver } from "neo4j-driver";
import { findFreePort, startLocalNeo4j } from "./localNeo4j.js";
import type { LocalNeo4j } from "./localNeo4j.js";

const TIMEOUT = { timeout: 180_000 };
// With authentication disabled the server ignores the credentials.
const NO_AUTH = neo4j.auth.basic("neo4j", "unused");

function connect(uri: string, auth: AuthToken = NO_AUTH): Driver {
  return neo4j.driver(uri, auth, { disableLosslessIntegers: true });
}

async function queryOne(driver: Driver, cypher: string, params: Record<string, unknown> = {}): Promise<unknown> {
  const { records } = await driver.executeQuery(cypher, params);
  const record = records[0];
  if (record === undefined) throw new Error(`no record for ${cypher}`);
  return record.get(0);
}

describe("local Neo4j launcher", () => {
  let tempRoot = "";
  let dataDir = "";
  let db: LocalNeo4j | undefined;
  const logLines: string[] = [];

  beforeAll(async () => {
    tempRoot = await mkdtemp(join(tmpdir(), "maillage-neo4j-test-"));
    dataDir = join(tempRoot, "main");
    db = await startLocalNeo4j({ dataDir, pageCache: "64m", log: (line) => logLines.push(line) });
  }, 180_000);

  afterAll(async () => {
    await db?.stop();
    if (tempRoot !== "") await rm(tempRoot, { recursive: true, force: true });
  }, 60_000);

  function running(): LocalNeo4j {
    if (db === undefined) throw new Error("local Neo4j not started");
    return db;
  }

  it("finds a free port", async () => {
    const port = await findFreePort();
    expect(port).toBeGreaterThan(0);
    expect(port).toBeLessThan(65536);
  });

  it("serves Bolt on 127.0.0.1 with APOC", TIMEOUT, async () => {
    const local = running();
    expect(local.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    expect(local.pid).toBeGreaterThan(0);
    const driver = connect(local.uri);
    try {
      const version = await queryOne(driver, "RETURN apoc.version()");
      expect(typeof version).toBe("string");
      expect(String(version).startsWith("5.26")).toBe(true);
      expect(await queryOne(driver, "RETURN apoc.date.convertFormat('2024-01-02', 'date', 'basic_iso_date')")).toBe(
        "20240102",
      );
      // The two functions @neo4j/graphql checks for at startup.
      expect(await queryOne(driver, "RETURN apoc.util.validatePredicate(false, 'unused %s', ['x'])")).toBe(true);
      await expect(queryOne(driver, "RETURN apoc.util.validatePredicate(true, 'Forbidden %s', ['x'])")).rejects.toThrow(
        /Forbidden x/,
      );
    } finally {
      await driver.close();
    }
    expect(logLines.some((line) => line.includes("APOC 5.26"))).toBe(true);
  });

  it("keeps data across a stop and a restart on the same data dir", TIMEOUT, async () => {
    const first = running();
    let driver = connect(first.uri);
    try {
      await driver.executeQuery("CREATE (:PersistenceProbe {token: $token})", { token: "kept-42" });
    } finally {
      await driver.close();
    }
    await first.stop();
    await first.stop(); // idempotent
    db = undefined;

    db = await startLocalNeo4j({ dataDir, pageCache: "64m" });
    driver = connect(db.uri);
    try {
      expect(await queryOne(driver, "MATCH (p:PersistenceProbe) RETURN p.token")).toBe("kept-42");
    } finally {
      await driver.close();
    }
  });

  it("rejects when the port is already in use", TIMEOUT, async () => {
    const busyPort = Number(new URL(running().uri).port);
    await expect(
      startLocalNeo4j({ dataDir: join(tempRoot, "second"), port: busyPort, readyTimeoutMs: 60_000 }),
    ).rejects.toThrow(/exited before it was ready[\s\S]*not available/);
  });

  it("enables authentication when a password is given", TIMEOUT, async () => {
    const secured = await startLocalNeo4j({ dataDir: join(tempRoot, "secured"), pageCache: "64m", password: "s3cret-pw" });
    try {
      const good = connect(secured.uri, neo4j.auth.basic("neo4j", "s3cret-pw"));
      try {
        expect(await queryOne(good, "RETURN 1")).toBe(1);
      } finally {
        await good.close();
      }
      const bad = connect(secured.uri, neo4j.auth.basic("neo4j", "wrong"));
      try {
        await expect(queryOne(bad, "RETURN 1")).rejects.toThrow(/unauthorized|authentication/i);
      } finally {
        await bad.close();
      }
    } finally {
      await secured.stop();
    }
  });
});
