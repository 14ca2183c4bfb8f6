import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import neo4j, { type Driver } from "neo4j-driver";
import { type Browser } from "playwright-core";
import { launchChromium, signedInContext } from "./browser";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { devLogin } from "../src/api/auth";

/**
 * A territory whose communes have no contour (no geo source when it was loaded): the map view says
 * so in French and groups the structures by EPCI and commune instead.
 */
const appUrl = inject("appUrl");
const screenshots = fileURLToPath(new URL("../../test-artifacts/screenshots/", import.meta.url));

const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const territoryId = `map-fallback-${suffix}`;
const epci = `E${suffix}`;
const communes = [`C1${suffix}`, `C2${suffix}`];
let driver: Driver;
let browser: Browser;

beforeAll(async () => {
  await mkdir(screenshots, { recursive: true });
  driver = neo4j.driver(inject("neo4jUri"));
  // Two communes without contour, two structures in each, their members in one work group.
  await driver.executeQuery(
    `CREATE (t:Territory {id: $territoryId, name: 'Territoire sans contours', isDemo: true})
     CREATE (e:Epci {code: $epci, name: 'Communauté test', population: 20})-[:PART_OF]->(t)
     CREATE (w:WorkGroup {id: $prefix + 'g', name: 'Groupe test', kind: 'WORK_GROUP', startedOn: date('2020-01-01')})-[:BELONGS_TO]->(t)
     WITH e, w
     UNWIND range(0, 1) AS c
     CREATE (commune:Commune {code: $communes[c], name: 'Commune ' + c, population: 10, departement: '99'})-[:PART_OF]->(e)
     WITH commune, w, c
     UNWIND range(0, 1) AS s
     CREATE (structure:Structure {id: $prefix + 's' + c + s, name: 'Structure ' + c + s, sector: 'CARE', kind: 'Association'})-[:LOCATED_IN]->(commune)
     CREATE (actor:Actor {id: $prefix + 'a' + c + s, firstName: 'Prénom', lastName: 'Nom' + c + s, category: 'PROFESSIONAL'})
       -[:MEMBER_OF {since: date('2020-01-01')}]->(structure)
     CREATE (actor)-[:PARTICIPATES_IN {role: 'MEMBER', since: date('2020-01-01')}]->(w)`,
    { territoryId, epci, communes, prefix: `${territoryId}-` },
  );
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await driver.executeQuery(
    `MATCH (n) WHERE n.id STARTS WITH $prefix OR n.id = $territoryId OR n.code = $epci OR n.code IN $communes DETACH DELETE n`,
    { prefix: `${territoryId}-`, territoryId, epci, communes },
  );
  await driver.close();
});

describe("map view without commune contours", () => {
  it("says that contours are missing and groups the structures by EPCI and commune", async () => {
    const login = await devLogin("ADMIN", undefined, { baseUrl: appUrl });
    const context = await signedInContext(browser, login, { viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(`${appUrl}/?territory=${territoryId}&view=map&bench=1`);
      const notice = page.locator('[data-testid="map-no-contours"]');
      await notice.waitFor({ state: "visible", timeout: 60_000 });
      expect(await notice.textContent()).toContain("Les contours des communes ne sont pas disponibles");
      await page.waitForSelector('[data-testid="network-canvas"][data-state="ready"][data-settled="true"]', { timeout: 60_000 });
      expect(await page.locator('[data-testid="map-underlay"]').count()).toBe(0);
      const groups = await page.evaluate(() =>
        (window.__maillageCy?.nodes(".map-group").map((n) => `${String(n.data("level"))}:${String(n.data("label"))}`) ?? []).sort(),
      );
      expect(groups).toEqual(["commune:Commune 0", "commune:Commune 1", "epci:Communauté test"]);
      const parentOf = await page.evaluate(
        (id) => window.__maillageCy?.getElementById(id).parent().data("label") as string | undefined,
        `${territoryId}-s10`,
      );
      expect(parentOf).toBe("Commune 1");
      await page.screenshot({ path: `${screenshots}explorer-map-no-contours.png` });
    } finally {
      await context.close();
    }
  });
});
