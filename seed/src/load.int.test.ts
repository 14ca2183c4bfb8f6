import { createHash } from "node:crypto";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { LOCAL_GEO_COPY } from "../../server/src/config.js";
import { createLogger } from "../../server/src/logger.js";
import { connectDriver } from "../../server/src/neo4j/driver.js";
import { toPlain } from "../../server/src/neo4j/values.js";
import { PAYS_CEVENNES, isTerritorySeeded, seedTerritory } from "./index.js";
import { readTerritoryGeography } from "./territory.js";

const geoSource = LOCAL_GEO_COPY;
const geography = readTerritoryGeography(PAYS_CEVENNES);
const scope = {
  prefix: `${PAYS_CEVENNES.id}`,
  communeCodes: geography.communes.map((commune) => commune.code),
  epciCodes: geography.epcis.map((epci) => epci.code),
};

// Test-only reads, scoped to the demo territory so that other tests' data does not count.
const IN_SCOPE = `(n.id = $prefix OR n.id STARTS WITH $prefix + '-' OR (n:Commune AND n.code IN $communeCodes) OR (n:Epci AND n.code IN $epciCodes))`;
const NODES = `MATCH (n) WHERE ${IN_SCOPE} RETURN labels(n) AS labels, properties(n) AS properties`;
const RELATIONSHIPS = `MATCH (n)-[r]->(m) WHERE ${IN_SCOPE}
  RETURN type(r) AS type, coalesce(n.id, n.code) AS from, coalesce(m.id, m.code) AS to, properties(r) AS properties`;

interface Snapshot {
  readonly nodes: number;
  readonly relationships: number;
  readonly checksum: string;
}

async function snapshot(driver: Driver): Promise<Snapshot> {
  const lines: string[] = [];
  const nodes = await driver.executeQuery(NODES, scope, { routing: "READ" });
  for (const record of nodes.records) lines.push(JSON.stringify(toPlain(record.toObject())));
  const relationships = await driver.executeQuery(RELATIONSHIPS, scope, { routing: "READ" });
  for (const record of relationships.records) lines.push(JSON.stringify(toPlain(record.toObject())));
  lines.sort();
  return {
    nodes: nodes.records.length,
    relationships: relationships.records.length,
    checksum: createHash("sha256").update(lines.join("\n")).digest("hex"),
  };
}

async function count(driver: Driver, query: string): Promise<number> {
  const result = await driver.executeQuery(query, { ...scope, territoryId: PAYS_CEVENNES.id }, { routing: "READ" });
  const value: unknown = result.records[0]?.get("n");
  return neo4j.isInt(value) ? value.toNumber() : Number(value);
}

describe("seedTerritory(PAYS_CEVENNES) on a real Neo4j", () => {
  let driver: Driver;
  const log = createLogger("warn", { component: "seed-test" });

  beforeAll(async () => {
    driver = await connectDriver({ uri: inject("neo4jUri") });
  });

  afterAll(async () => {
    await driver?.close();
  });

  it("writes the whole territory with the published figures", async () => {
    const report = await seedTerritory(driver, PAYS_CEVENNES, { geoSource, log });
    expect(report.counts.communesWithContour).toBeGreaterThanOrEqual(92);
    expect(await isTerritorySeeded(driver, PAYS_CEVENNES.id)).toBe(true);
    expect(await isTerritorySeeded(driver, "no-such-territory")).toBe(false);

    const inTerritory = "MATCH (n:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(:Territory {id: $territoryId}) RETURN count(n) AS n";
    expect(await count(driver, inTerritory)).toBe(94);
    expect(await count(driver, "MATCH (n:Epci)-[:PART_OF]->(:Territory {id: $territoryId}) RETURN count(n) AS n")).toBe(2);
    expect(await count(driver, "MATCH (n:Axis)-[:BELONGS_TO]->(:Territory {id: $territoryId}) RETURN count(n) AS n")).toBe(11);
    expect(await count(driver, "MATCH (n:WorkGroup)-[:BELONGS_TO]->(:Territory {id: $territoryId}) RETURN count(n) AS n")).toBe(120);
    expect(await count(driver, "MATCH (n:Contract)-[:COVERS]->(:Territory {id: $territoryId}) RETURN count(n) AS n")).toBe(3);
    expect(await count(driver, "MATCH (n:Institution) WHERE n.id STARTS WITH $prefix + '-' RETURN count(n) AS n")).toBe(14);
    expect(await count(driver, "MATCH (n:Structure)-[:LOCATED_IN]->(:Commune) WHERE n.id STARTS WITH $prefix + '-' RETURN count(n) AS n")).toBe(277);
    const actors = await count(driver, "MATCH (n:Actor) WHERE n.id STARTS WITH $prefix + '-' RETURN count(n) AS n");
    expect(actors).toBeGreaterThanOrEqual(1520);
    expect(actors).toBeLessThanOrEqual(1680);
    const population = await count(driver, "MATCH (n:Commune) WHERE n.code IN $communeCodes RETURN sum(n.population) AS n");
    expect(population).toBe(156_691);
    const located = await count(
      driver,
      "MATCH (n:Commune) WHERE n.code IN $communeCodes AND n.centroid IS NOT NULL AND n.contour IS NOT NULL RETURN count(n) AS n",
    );
    expect(located).toBeGreaterThanOrEqual(92);

    const typed = await driver.executeQuery(
      `MATCH (c:Commune {code: '30007'}), (e:Event {id: 'pays-cevennes-ev-2019-0001'})
       RETURN c.population AS population, c.centroid AS centroid, e.date AS date`,
      {},
      { routing: "READ" },
    );
    const record = typed.records[0];
    expect(neo4j.isInt(record?.get("population"))).toBe(true);
    expect(neo4j.isPoint(record?.get("centroid"))).toBe(true);
    expect(neo4j.isDate(record?.get("date"))).toBe(true);
  }, 180_000);

  it("changes nothing when run again", async () => {
    const before = await snapshot(driver);
    await seedTerritory(driver, PAYS_CEVENNES, { geoSource, log });
    const after = await snapshot(driver);
    expect(after).toEqual(before);
    expect(before.nodes).toBeGreaterThan(10_000);
    expect(before.relationships).toBeGreaterThan(100_000);
  }, 180_000);

  it("keeps stored contours when re-run without a geo source", async () => {
    const before = await snapshot(driver);
    await seedTerritory(driver, PAYS_CEVENNES, { geoSource: "none", log });
    expect(await snapshot(driver)).toEqual(before);
  }, 180_000);
});
