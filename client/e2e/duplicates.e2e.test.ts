import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import neo4j, { type Driver } from "neo4j-driver";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { launchChromium, signedInContext } from "./browser";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { devLogin, type Role } from "../src/api/auth";

/**
 * The "Doublons probables" panel in headless Chromium on the smaller demo territory: a coordinator
 * finds two throwaway records of one person (names swapped), compares them side by side, chooses
 * the one to keep, confirms the merge and reads what it did; the structures list too; analysts do
 * not get the panel.
 */
const appUrl = inject("appUrl");
const screenshots = fileURLToPath(new URL("../../test-artifacts/screenshots/", import.meta.url));
const canvas = '[data-testid="network-canvas"]';
const GORGES = "gorges-causses-cevennes";
const TAG = `dup-e2e-${randomUUID().slice(0, 8)}`;
const WORD = `Zq${randomUUID().replace(/[^a-f]/g, "").slice(0, 6)}`;
const KEEP = `${TAG}-a-keep`;
const MERGE = `${TAG}-a-merge`;
const S_KEEP = `${TAG}-s-keep`;
const S_MERGE = `${TAG}-s-merge`;

let browser: Browser;
let driver: Driver;

async function signedIn(role: Role): Promise<{ context: BrowserContext; page: Page }> {
  const login = await devLogin(role, undefined, { baseUrl: appUrl });
  const context = await signedInContext(browser, login);
  return { context, page: await context.newPage() };
}

async function count(cypher: string, parameters: Record<string, unknown>): Promise<number> {
  const { records } = await driver.executeQuery(cypher, parameters);
  return Number(records[0]?.get("n"));
}

beforeAll(async () => {
  await mkdir(screenshots, { recursive: true });
  browser = await launchChromium();
  driver = neo4j.driver(inject("neo4jUri"));
  await driver.executeQuery(
    `MATCH (s:Structure)-[:LOCATED_IN]->(c:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(:Territory {id: $t})
     WITH s, c ORDER BY s.id LIMIT 1
     MATCH (w:WorkGroup)-[:BELONGS_TO]->(:Territory {id: $t})
     WITH s, c, w ORDER BY w.id LIMIT 1
     CREATE (keep:Actor {id: $keep, firstName: "Marion", lastName: "Fabre " + $word, phone: "04 66 00 00 02", category: "VOLUNTEER"})
     CREATE (keep)-[:MEMBER_OF {role: "Bénévole", since: date("2015-09-01"), until: date("2019-06-30")}]->(s)
     CREATE (merge:Actor {id: $merge, firstName: "Fabre " + $word, lastName: "Marion", email: "marion.fabre@exemple.test", category: "VOLUNTEER", profession: "Retraitée"})
     CREATE (merge)-[:PARTICIPATES_IN {role: "CO_PILOT", since: date("2021-02-01")}]->(w)
     CREATE (:Structure {id: $sKeep, name: "Maison de santé pluriprofessionnelle " + $word, sector: "CARE", kind: "Maison de santé"})-[:LOCATED_IN]->(c)
     CREATE (:Structure {id: $sMerge, name: "MSP " + $word, sector: "CARE", kind: "Maison de santé"})-[:LOCATED_IN]->(c)`,
    { t: GORGES, keep: KEEP, merge: MERGE, sKeep: S_KEEP, sMerge: S_MERGE, word: WORD },
  );
});

afterAll(async () => {
  await driver?.executeQuery("MATCH (n) WHERE n.id STARTS WITH $tag DETACH DELETE n", { tag: TAG });
  await driver?.close();
  await browser?.close();
});

describe("duplicates panel", () => {
  it("lets a coordinator compare two records of one person side by side and merge them after confirming", async () => {
    const { page, context } = await signedIn("COORDINATOR");
    await page.goto(`${appUrl}/?territory=${GORGES}&view=actors`);
    await page.waitForSelector(`${canvas}[data-state="ready"]`, { timeout: 60_000 });
    await page.getByRole("button", { name: "Rechercher les doublons" }).click();
    const dialog = page.getByRole("dialog", { name: /Doublons probables/ });
    await dialog.waitFor();
    expect(await dialog.getByRole("button", { name: "Personnes", exact: true }).getAttribute("aria-pressed")).toBe("true");

    const pair = dialog.locator(`[data-testid="duplicate-pair"][data-first-id="${KEEP}"][data-second-id="${MERGE}"]`);
    await pair.waitFor({ timeout: 30_000 });
    await pair.click();
    expect(await pair.getAttribute("aria-current")).toBe("true");
    const compare = dialog.getByTestId("duplicate-compare");
    await expect.poll(() => compare.locator(".duplicate-reason").allTextContents()).toEqual(["nom et prénom inversés"]);
    const columns = compare.getByTestId("duplicate-record");
    expect(await columns.nth(0).getAttribute("data-record-id")).toBe(KEEP);
    expect(await columns.nth(0).textContent()).toContain("Membre de");
    expect(await columns.nth(0).textContent()).toContain("depuis le 01/09/2015 · jusqu'au 30/06/2019");
    expect(await columns.nth(1).textContent()).toContain("marion.fabre@exemple.test");
    expect(await columns.nth(1).textContent()).toContain("(co-pilote) · depuis le 01/02/2021");
    await page.screenshot({ path: `${screenshots}duplicates-compare.png` });

    // Keep the first record (the default), then ask to merge: a confirmation names both.
    await compare.getByRole("radio", { name: `Garder « Marion Fabre ${WORD} »` }).check();
    await compare.getByRole("button", { name: "Fusionner", exact: true }).click();
    const confirm = compare.getByRole("alertdialog");
    expect(await confirm.textContent()).toContain(`Fusionner « Fabre ${WORD} Marion » dans « Marion Fabre ${WORD} » ?`);
    await page.screenshot({ path: `${screenshots}duplicates-confirm.png` });
    // Nothing is merged before the confirmation.
    expect(await count("MATCH (a:Actor {id: $id}) RETURN count(a) AS n", { id: MERGE })).toBe(1);
    await confirm.getByRole("button", { name: "Confirmer la fusion" }).click();

    const message = dialog.getByTestId("duplicates-message");
    await message.waitFor({ timeout: 30_000 });
    expect(await message.textContent()).toContain(`« Fabre ${WORD} Marion » a été fusionnée dans « Marion Fabre ${WORD} ».`);
    expect(await message.textContent()).toContain("1 lien déplacé");
    expect(await message.textContent()).toContain("Champs complétés : courriel, profession.");
    // The list is asked again: the merged pair is gone from it.
    const mergedPair = dialog.locator(`[data-testid="duplicate-pair"][data-first-id="${KEEP}"]`);
    await expect.poll(() => mergedPair.count()).toBe(0);
    await dialog.getByText("Recherche des doublons…").waitFor({ state: "detached", timeout: 30_000 });
    expect(await mergedPair.count()).toBe(0);
    await page.screenshot({ path: `${screenshots}duplicates-merged.png` });
    expect(await count("MATCH (a:Actor {id: $id}) RETURN count(a) AS n", { id: MERGE })).toBe(0);
    expect(await count("MATCH (:Actor {id: $id})-[p:PARTICIPATES_IN {role: 'CO_PILOT'}]->() WHERE p.since = date('2021-02-01') RETURN count(p) AS n", { id: KEEP })).toBe(1);

    // Structures: the name written as its acronym.
    await dialog.getByRole("button", { name: "Structures", exact: true }).click();
    const structurePair = dialog.locator(`[data-testid="duplicate-pair"][data-first-id="${S_KEEP}"][data-second-id="${S_MERGE}"]`);
    await structurePair.waitFor({ timeout: 30_000 });
    await structurePair.click();
    expect(await dialog.getByTestId("duplicate-compare").locator(".duplicate-reason").allTextContents()).toEqual([
      "sigle développé (MSP)", "articles, « association » ou forme juridique en plus", "même commune",
    ]);
    await page.screenshot({ path: `${screenshots}duplicates-structures.png` });

    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await context.close();
  });

  it("does not offer the panel to analysts", async () => {
    const { page, context } = await signedIn("ANALYST");
    await page.goto(`${appUrl}/?territory=${GORGES}&view=structures`);
    await page.waitForSelector(`${canvas}[data-state="ready"]`, { timeout: 60_000 });
    await page.getByTestId("saved-views").waitFor();
    expect(await page.getByTestId("duplicates-entry").count()).toBe(0);
    await context.close();
  });
});
