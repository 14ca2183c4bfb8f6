import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createQueryRunner, loadQueries } from "../neo4j/queries.js";
import { toPlain } from "../neo4j/values.js";
import { parseFilter, parseLevel } from "./filters.js";
import { PAGE_BACKBONE, PAGE_NETWORKS } from "./pageNetworks.js";
import { AnalyticsService, type NetworkRequest } from "./service.js";
import { parseWindow } from "./window.js";

let driver: Driver;

beforeAll(() => {
  driver = neo4j.driver(inject("neo4jUri"));
});

afterAll(async () => {
  await driver.close();
});

/** What the resolver builds from the page's first request of a territory: its latest contract, a view's default minimum weight. */
async function pageRequests(): Promise<NetworkRequest[]> {
  const result = await driver.executeQuery(
    `MATCH (t:Territory)
     OPTIONAL MATCH (c:Contract)-[:COVERS]->(t)
     WITH t, c ORDER BY c.generation DESC, c.signedOn DESC
     WITH t, collect(c)[0] AS latest
     RETURN t.id AS id, toString(latest.signedOn) AS from, toString(latest.endsOn) AS to`,
    {},
    { routing: "READ" },
  );
  return result.records.flatMap((record) => {
    const row = toPlain(record.toObject()) as { id: string; from: string | null; to: string | null };
    const window = parseWindow(row.to === null ? { from: row.from } : { from: row.from, to: row.to });
    return PAGE_NETWORKS.map(({ level, minWeight }) => ({ territoryId: row.id, level: parseLevel(level), window, filter: { ...parseFilter({ minWeight }), backbone: PAGE_BACKBONE } }));
  });
}

describe("preloadPageNetworks", () => {
  it("caches the page's first networks of every territory, as the resolver asks for them, and again after a write", async () => {
    // Every territory of the test database (the suites add some): the bound is tested below.
    const service = new AnalyticsService(createQueryRunner(driver, loadQueries()), { ttlMs: 60_000, preloadDelayMs: 50, preloadTerritories: 1_000 });
    const requests = await pageRequests();
    expect(requests.length).toBeGreaterThanOrEqual(4);
    expect(requests.some((r) => service.isCached(r))).toBe(false);

    expect(await service.preloadPageNetworks()).toBe(requests.length);
    for (const request of requests) expect(service.isCached(request), JSON.stringify(request)).toBe(true);
    // Another minimum weight or window is another network, not preloaded.
    const [first] = requests;
    if (first === undefined) throw new Error("no request");
    expect(service.isCached({ ...first, filter: parseFilter({ minWeight: 3 }) })).toBe(false);
    expect(service.isCached({ ...first, window: parseWindow(undefined) })).toBe(false);

    service.invalidate();
    expect(requests.some((r) => service.isCached(r))).toBe(false);
    await expect.poll(() => requests.every((r) => service.isCached(r)), { timeout: 60_000, interval: 100 }).toBe(true);
  });

  it("reports a network that cannot be computed and still preloads the others", async () => {
    const queries = createQueryRunner(driver, loadQueries());
    const requests = await pageRequests();
    const [failing] = requests;
    if (failing === undefined) throw new Error("no request");
    // One territory's collaboration data fails (as a network too large for metrics would).
    const flaky: typeof queries = {
      ...queries,
      read: (name, parameters) =>
        name === "collaborationData" && parameters.territoryId === failing.territoryId ? Promise.reject(new Error("boom")) : queries.read(name, parameters),
    };
    const service = new AnalyticsService(flaky, { ttlMs: 60_000, preloadTerritories: 1_000 });
    const errors: unknown[] = [];
    const others = requests.filter((r) => r.territoryId !== failing.territoryId);
    expect(await service.preloadPageNetworks((error) => errors.push(error))).toBe(others.length);
    expect(errors.map((e) => (e instanceof Error ? e.message : String(e)))).toEqual(PAGE_NETWORKS.map(() => "boom"));
    for (const request of others) expect(service.isCached(request)).toBe(true);
    expect(service.isCached(failing)).toBe(false);
  });

  it("computes the networks of the preloadTerritories most used territories only, the one asked about last first, whatever their number", async () => {
    const queries = createQueryRunner(driver, loadQueries());
    const built: string[] = [];
    const counting: typeof queries = {
      ...queries,
      read: (name, parameters) => {
        if (name === "collaborationData") built.push(String(parameters.territoryId));
        return queries.read(name, parameters);
      },
    };
    const service = new AnalyticsService(counting, { ttlMs: 60_000, preloadDelayMs: 50, preloadTerritories: 1 });
    const requests = await pageRequests();
    expect(new Set(requests.map((r) => r.territoryId)).size).toBeGreaterThanOrEqual(2);

    expect(await service.preloadPageNetworks()).toBe(PAGE_NETWORKS.length);
    expect(new Set(built).size).toBe(1);
    const [preloaded] = built;
    const cached = requests.filter((r) => service.isCached(r));
    expect(cached.map((r) => r.territoryId)).toEqual(PAGE_NETWORKS.map(() => preloaded));

    // A request for another territory: after the next write, that one is preloaded instead.
    const other = requests.find((r) => r.territoryId !== preloaded);
    if (other === undefined) throw new Error("no other territory");
    await service.analyse({ ...other, filter: { ...other.filter, minWeight: 2 } });
    built.length = 0;
    service.invalidate();
    await expect.poll(() => requests.filter((r) => r.territoryId === other.territoryId).every((r) => service.isCached(r)), { timeout: 60_000, interval: 100 }).toBe(true);
    expect(new Set(built)).toEqual(new Set([other.territoryId]));
    expect(requests.filter((r) => r.territoryId !== other.territoryId).some((r) => service.isCached(r))).toBe(false);
  });

  it("starts no network once its time budget is spent", async () => {
    const service = new AnalyticsService(createQueryRunner(driver, loadQueries()), { ttlMs: 60_000, preloadBudgetMs: 0 });
    expect(await service.preloadPageNetworks()).toBe(0);
  });
});
