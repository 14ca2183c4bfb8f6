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
    const service = new AnalyticsService(createQueryRunner(driver, loadQueries()), { ttlMs: 60_000, preloadDelayMs: 50 });
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
    const service = new AnalyticsService(flaky, { ttlMs: 60_000 });
    const errors: unknown[] = [];
    const others = requests.filter((r) => r.territoryId !== failing.territoryId);
    expect(await service.preloadPageNetworks((error) => errors.push(error))).toBe(others.length);
    expect(errors.map((e) => (e instanceof Error ? e.message : String(e)))).toEqual(PAGE_NETWORKS.map(() => "boom"));
    for (const request of others) expect(service.isCached(request)).toBe(true);
    expect(service.isCached(failing)).toBe(false);
  });
});
