import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createAppAuth, type Viewer } from "../auth/index.js";
import { derivePseudonymSecret } from "../auth/secrets.js";
import { buildSchema } from "../graphql/schema.js";
import { createApp, type App } from "../http/app.js";
import { createLogger } from "../logger.js";
import { connectDriver } from "../neo4j/driver.js";
import { createQueryRunner, loadQueries } from "../neo4j/queries.js";
import { NO_FILTER } from "./filters.js";
import { AnalyticsService, type NetworkRequest } from "./service.js";
import { yearWindow } from "./window.js";

/**
 * A write through the API changes one territory: the networks this process cached for the other
 * territories stay (they are versioned: see neo4j/queries.ts), and only the written one is built
 * again at its next request. Dropping every territory's networks on each write cost minutes of CPU
 * a minute under a write a second (bench/RESULTS-load.md). An app of its own, in process.
 */
const PC = "pays-cevennes";
const GCC = "gorges-causses-cevennes";
const ADMIN: Viewer = { subject: "test-writes", role: "ADMIN", territories: "ALL" };
const SAVE = `mutation Save($input: SaveStructureInput!) { saveStructure(input: $input) { entityId } }`;

let driver: Driver;
let app: App;
let analytics: AnalyticsService;
const built: string[] = [];
const figures: string[] = [];
let structure: { id: string; name: string; sector: string; kind: string; communeCode: string };

const request = (territoryId: string): NetworkRequest => ({ territoryId, level: "STRUCTURE", window: yearWindow(2023), filter: NO_FILTER });

beforeAll(async () => {
  driver = await connectDriver({ uri: inject("neo4jUri") });
  const queries = createQueryRunner(driver, loadQueries());
  const counting: typeof queries = {
    ...queries,
    read: (name, parameters) => {
      if (name === "collaborationData") built.push(String(parameters.territoryId));
      if (name === "keyFigures") figures.push(String(parameters.territoryId));
      return queries.read(name, parameters);
    },
  };
  analytics = new AnalyticsService(counting, { analysisThreads: 0 });
  const secret = inject("jwtSecret");
  const auth = createAppAuth(
    { jwksUrl: undefined, issuer: undefined, audience: undefined, devLogin: false },
    { jwtSecret: secret, pseudonymSecret: derivePseudonymSecret(secret) },
    { database: undefined, demoTerritoryIds: [] },
  );
  const schema = await buildSchema({ driver, queries: counting, analytics, geoSource: inject("geoSource") });
  app = await createApp({ schema, queries: counting, log: createLogger("error", { component: "writes-test" }), auth, analytics, onWrite: () => analytics.written() });
  const { records } = await driver.executeQuery(
    `MATCH (:Territory {id: $territoryId})<-[:PART_OF]-(:Epci)<-[:PART_OF]-(c:Commune)<-[:LOCATED_IN]-(s:Structure)
     RETURN s.id AS id, s.name AS name, s.sector AS sector, s.kind AS kind, c.code AS communeCode ORDER BY s.id LIMIT 1`,
    { territoryId: GCC },
  );
  structure = records[0]?.toObject() as typeof structure;
});

afterAll(async () => {
  await app.execute(ADMIN, SAVE, { input: { ...structure, territoryId: GCC } });
  await app.stop();
  await driver.close();
});

describe("a write through the API", () => {
  it("keeps the other territories' cached networks and key figures, and computes the written territory's again at its next request", async () => {
    await analytics.analyse(request(PC));
    const before = await analytics.analyse(request(GCC));
    await analytics.keyFigures(GCC, 2023);
    await analytics.keyFigures(PC, 2023);
    expect(await analytics.keyFigures(GCC, 2023)).toMatchObject({ territoryId: GCC, year: 2023 });
    await analytics.keyFigures(PC, 2023);
    expect(figures).toEqual([GCC, PC]);
    expect(before.node(structure.id)?.name).toBe(structure.name);
    built.length = 0;

    const renamed = `${structure.name} (écrit)`;
    expect(await app.execute(ADMIN, SAVE, { input: { ...structure, territoryId: GCC, name: renamed } })).toEqual({ errorCodes: [] });
    expect(analytics.isCached(request(PC))).toBe(true);

    await analytics.analyse(request(PC));
    const after = await analytics.analyse(request(GCC));
    expect(built).toEqual([GCC]);
    await analytics.keyFigures(GCC, 2023);
    await analytics.keyFigures(PC, 2023);
    expect(figures).toEqual([GCC, PC, GCC]);
    expect(after.node(structure.id)?.name).toBe(renamed);
  });
});
