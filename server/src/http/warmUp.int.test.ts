import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { AnalyticsService } from "../analytics/service.js";
import { createAppAuth, type Viewer } from "../auth/index.js";
import { derivePseudonymSecret } from "../auth/secrets.js";
import { PAGE_OPERATIONS } from "../graphql/pageOperations.js";
import { buildSchema } from "../graphql/schema.js";
import { createLogger } from "../logger.js";
import { connectDriver } from "../neo4j/driver.js";
import { createQueryRunner, loadQueries } from "../neo4j/queries.js";
import { createApp, type App } from "./app.js";
import { warmUpPageOperations } from "./warmUp.js";

const PC = "pays-cevennes";
const GCC = "gorges-causses-cevennes";
const YEAR = { from: "2024-01-01", to: "2024-12-31" };

let driver: Driver;
let app: App;

// An app of its own, in process: the warm-up runs operations without HTTP.
beforeAll(async () => {
  driver = await connectDriver({ uri: inject("neo4jUri") });
  const queries = createQueryRunner(driver, loadQueries());
  const analytics = new AnalyticsService(queries);
  const secret = inject("jwtSecret");
  const auth = createAppAuth(
    { jwksUrl: undefined, issuer: undefined, audience: undefined, devLogin: false },
    { jwtSecret: secret, pseudonymSecret: derivePseudonymSecret(secret) },
    { database: undefined, demoTerritoryIds: [] },
  );
  const schema = await buildSchema({ driver, queries, analytics, geoSource: inject("geoSource") });
  app = await createApp({ schema, queries, log: createLogger("error", { component: "warm-up-test" }), auth });
});

afterAll(async () => {
  await app.stop();
  await driver.close();
});

describe("warmUpPageOperations", () => {
  it("runs each of the page's first operations, the details panels with a dated and an open window, and none fails", async () => {
    const runs = await warmUpPageOperations(app.execute, PC, YEAR);
    expect(runs.map((run) => `${run.name}${run.window === null ? "" : ` ${run.window}`}`)).toEqual([
      "GetTerritories",
      "GetTerritoryCatalog",
      "ListSavedViews",
      "GetOrganisationDetails dated",
      "GetOrganisationDetails open",
      "GetWorkGroupDetails dated",
      "GetWorkGroupDetails open",
      "GetCommuneDetails dated",
      "GetCommuneDetails open",
      "GetActorDetails dated",
      "GetActorDetails open",
    ]);
    expect(runs.filter((run) => run.unexpected.length > 0)).toEqual([]);
    for (const run of runs) expect(run.ms).toBeGreaterThanOrEqual(0);
  });

  it("reports an operation the API refuses, and runs the next ones", async () => {
    const broken = { name: "Broken", query: "query Broken { territoryCatalog(territoryId: \"x\") { noSuchField } }", variables: () => ({}), windowed: false };
    const runs = await warmUpPageOperations(app.execute, PC, YEAR, [broken, PAGE_OPERATIONS[0]!]);
    expect(runs.map((run) => [run.name, run.unexpected])).toEqual([
      ["Broken", ["GRAPHQL_VALIDATION_FAILED"]],
      ["GetTerritories", []],
    ]);
  });
});

describe("App.execute", () => {
  const coordinator: Viewer = { subject: "test", role: "COORDINATOR", territories: [PC] };
  const catalog = PAGE_OPERATIONS.find((operation) => operation.name === "GetTerritoryCatalog")!;

  it("acts as the viewer it is given: a coordinator is refused another territory", async () => {
    expect(await app.execute(coordinator, catalog.query, catalog.variables(PC, YEAR))).toEqual({ errorCodes: [] });
    expect(await app.execute(coordinator, catalog.query, catalog.variables(GCC, YEAR))).toEqual({ errorCodes: ["FORBIDDEN"] });
  });
});
