// Integration test: the driver's routing (`neo4j://`, as for a cluster or Aura) against the local
// single instance, which answers routing requests with itself. `npm run test:routing` also runs a few
// integration suites with every connection routed (MAILLAGE_TEST_ROUTING=1, see test/globalSetup.ts).
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectDriver } from "./driver.js";
import { createQueryRunner, loadQueries, type QueryRunner } from "./queries.js";

const GCC = "gorges-causses-cevennes";

describe("named queries through neo4j:// routing", () => {
  let driver: Driver;
  let queries: QueryRunner;

  beforeAll(async () => {
    driver = await connectDriver({ uri: inject("neo4jUri").replace(/^bolt:/, "neo4j:") });
    queries = createQueryRunner(driver, loadQueries());
  });

  afterAll(async () => {
    await driver.close();
  });

  const version = async (): Promise<unknown> => (await queries.read<{ version: unknown }>("territoryVersion", { territoryId: GCC }))[0]?.version;

  it("runs writes in write transactions, that change the territory's data version, seen by the next read", async () => {
    const before = await version();
    await queries.writeTransaction(async (tx) => {
      tx.changed(GCC);
      await tx.run("territoryExists", { territoryId: GCC });
    });
    const after = await version();
    expect(typeof after).toBe("string");
    expect(after).not.toEqual(before);
    expect(await queries.readTransaction(async (tx) => (await tx.run<{ version: unknown }>("territoryVersion", { territoryId: GCC }))[0]?.version)).toEqual(after);
  });

  it("runs reads in read transactions, where the server refuses writes", async () => {
    await expect(queries.read("territoryVersionBump", { territoryIds: [GCC] })).rejects.toThrow(/read/i);
    await expect(queries.readTransaction((tx) => tx.run("territoryVersionBump", { territoryIds: [GCC] }))).rejects.toThrow(/read/i);
    await expect(queries.readTransaction(async (tx) => tx.changed(GCC))).rejects.toThrow(/write transactions/);
  });
});
