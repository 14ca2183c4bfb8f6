import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import neo4j, { type Driver } from "neo4j-driver";
import { type Browser, type Page } from "playwright-core";
import { launchChromium, signedInContext } from "./browser";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { devLogin, type Role } from "../src/api/auth";

/**
 * The administrators' "Nouveau territoire" form in headless Chromium: an empty form says in French
 * what is missing; an EPCI of a demo territory cannot be picked; the CC Pays des Vans en Cévennes
 * (Ardèche, not a demo territory) is searched, picked and counted; a contract signed too early is
 * refused; once created, the territory is open and chosen in the header, and its creation is in the
 * Journal des modifications in French. Coordinators see no button.
 */
const appUrl = inject("appUrl");
const screenshots = fileURLToPath(new URL("../../test-artifacts/screenshots/", import.meta.url));
const VANS = "200039832";
const SUFFIX = Date.now().toString(36);
const NAME = `Pays des Vans e2e ${SUFFIX}`;
const ID = `pays-des-vans-e2e-${SUFFIX}`;
const dialog = '[data-testid="new-territory-dialog"]';

let browser: Browser;
let driver: Driver;

/** French number formats use narrow no-break spaces: compare with plain spaces. */
const plain = (text: string | null): string => (text ?? "").replace(/[\s\u202f\u00a0]+/g, " ").trim();

async function signedIn(role: Role): Promise<Page> {
  const login = await devLogin(role, undefined, { baseUrl: appUrl });
  const context = await signedInContext(browser, login, { viewport: { width: 1400, height: 1000 } });
  return context.newPage();
}

async function cleanUp(): Promise<void> {
  await driver.executeQuery(
    `MATCH (t:Territory {id: $id})
     OPTIONAL MATCH (t)<-[:BELONGS_TO]-(a:Axis)
     OPTIONAL MATCH (t)<-[:COVERS]-(k:Contract)
     DETACH DELETE t, a, k`,
    { id: ID },
  );
  await driver.executeQuery("MATCH (e:AuditEntry {territoryId: $id}) DETACH DELETE e", { id: ID });
  await driver.executeQuery(`MATCH (e:Epci {code: $code}) OPTIONAL MATCH (e)<-[:PART_OF]-(c:Commune) DETACH DELETE e, c`, { code: VANS });
}

beforeAll(async () => {
  await mkdir(screenshots, { recursive: true });
  driver = neo4j.driver(inject("neo4jUri"));
  await cleanUp();
  browser = await launchChromium(["--lang=fr-FR"]);
});

afterAll(async () => {
  await browser?.close();
  await cleanUp();
  await driver?.close();
});

describe("the new-territory form", () => {
  let page: Page;

  it("opens for administrators and says in French what is missing", async () => {
    page = await signedIn("ADMIN");
    await page.goto(`${appUrl}/`);
    await page.getByTestId("new-territory-open").click();
    await page.waitForSelector(`${dialog}[open]`);
    expect(await page.getByRole("dialog", { name: "Nouveau territoire de CLS" }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("new-territory-search");
    await page.getByTestId("new-territory-submit").click();
    const problems = page.getByTestId("new-territory-problems");
    await problems.waitFor();
    const texts = await problems.locator("li").allTextContents();
    expect(texts).toEqual([
      "Choisissez au moins une intercommunalité.",
      "Donnez un nom au territoire.",
      "Contrat 1 : indiquez la date de signature.",
      "Axe 1 : donnez-lui un nom.",
    ]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("new-territory-problems");
    expect(await page.getByLabel("Nom du territoire").getAttribute("aria-invalid")).toBe("true");
    // A link of the summary takes the keyboard to its field.
    await problems.getByRole("link", { name: "Donnez un nom au territoire." }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("new-territory-name");
    await page.screenshot({ path: `${screenshots}new-territory-problems.png` });
  });

  it("offers EPCI found by name without accents, and not those of another territory", async () => {
    const search = page.getByLabel("Rechercher une intercommunalité");
    await search.fill("ales agglo");
    const results = page.getByTestId("new-territory-results");
    await results.locator('[data-code="200066918"]').waitFor();
    expect(plain(await results.locator('[data-code="200066918"]').textContent())).toContain("Déjà dans « Pays Cévennes »");
    expect(await results.locator('[data-code="200066918"] button').count()).toBe(0);

    await search.fill("VANS cevennes");
    const vans = results.locator(`[data-code="${VANS}"]`);
    await vans.waitFor();
    expect(plain(await vans.textContent())).toContain("CC Pays des Vans en Cévennes");
    expect(plain(await vans.textContent())).toContain("SIREN 200039832 · 15 communes · 9 569 habitants");
    await page.getByRole("button", { name: "Ajouter CC Pays des Vans en Cévennes" }).click();
    expect(await page.getByTestId("new-territory-chosen").locator("li").count()).toBe(1);
    expect(plain(await page.getByTestId("new-territory-totals").textContent())).toBe("Au total : 15 communes et 9 569 habitants.");
    expect(await vans.getByRole("button").isDisabled()).toBe(true);
  });

  it("refuses a contract signed before the previous one ends, then creates the territory", async () => {
    await page.getByLabel("Nom du territoire").fill(NAME);
    const contracts = page.getByTestId("new-territory-contract");
    await contracts.nth(0).getByLabel("Signé le").fill("2020-03-02");
    await contracts.nth(0).getByLabel("Fin (facultative)").fill("2024-12-31");
    await page.getByRole("button", { name: "Ajouter un contrat" }).click();
    expect(await contracts.nth(1).getByLabel("Génération").inputValue()).toBe("2");
    await contracts.nth(1).getByLabel("Signé le").fill("2023-01-01");
    const axes = page.getByTestId("new-territory-axis");
    await axes.nth(0).getByLabel("Nom de l'axe").fill("Santé mentale");
    await page.getByRole("button", { name: "Ajouter un axe" }).click();
    await axes.nth(1).getByLabel("Nom de l'axe").fill("Accès aux soins");
    await axes.nth(1).getByLabel("Type d'axe").selectOption("TRANSVERSAL");
    await page.getByTestId("new-territory-submit").click();
    expect(await page.getByTestId("new-territory-problems").locator("li").allTextContents()).toEqual([
      "Le CLS 2 doit être signé après le CLS 1, et pas avant la fin de celui-ci.",
    ]);
    await contracts.nth(1).getByLabel("Signé le").fill("2025-01-01");
    expect(await page.getByTestId("new-territory-problems").count()).toBe(0);
    await page.screenshot({ path: `${screenshots}new-territory-filled.png`, fullPage: true });
    await page.locator(dialog).screenshot({ path: `${screenshots}new-territory-form.png` });

    await page.getByTestId("new-territory-submit").click();
    const done = page.getByTestId("new-territory-done");
    await done.waitFor({ timeout: 30_000 });
    expect(await done.getAttribute("data-territory-id")).toBe(ID);
    const text = plain(await done.textContent());
    expect(text).toContain(`Territoire « ${NAME} » créé`);
    expect(text).toContain("15 communes et 9 569 habitants.");
    expect(text).toContain("Contours trouvés pour 15 communes sur 15.");
    await page.locator(dialog).screenshot({ path: `${screenshots}new-territory-done.png` });
  });

  it("leaves the new territory open and chosen in the header's list", async () => {
    await page.getByTestId("new-territory-close").click();
    await page.waitForSelector(`${dialog}`, { state: "detached" });
    const chooser = page.locator(".app-header select.select--title");
    await page.waitForFunction((id) => document.querySelector<HTMLSelectElement>(".app-header select.select--title")?.value === id, ID, { timeout: 30_000 });
    // A territory without structures yet: the explorer says so instead of loading forever.
    await page.getByText("Aucune structure ni institution n'a de membre actif sur ce territoire pour cette période.").waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `${screenshots}new-territory-opened.png` });
    const options = await chooser.locator("option").allTextContents();
    expect(options).toContain(NAME);
    expect(options).toContain("Pays Cévennes");
    expect(await page.getByTestId("demo-badge").count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("new-territory-open");

    const { records } = await driver.executeQuery(
      `MATCH (t:Territory {id: $id})<-[:PART_OF]-(:Epci {code: $code})<-[:PART_OF]-(c:Commune)
       RETURN t.isDemo AS isDemo, count(c) AS communes, sum(c.population) AS population, count(c.contour) AS contours`,
      { id: ID, code: VANS },
      { routing: "READ" },
    );
    expect(records[0]?.get("isDemo")).toBe(false);
    expect(neo4j.integer.toNumber(records[0]?.get("communes"))).toBe(15);
    expect(neo4j.integer.toNumber(records[0]?.get("population"))).toBe(9_569);
    expect(neo4j.integer.toNumber(records[0]?.get("contours"))).toBe(15);
  });

  it("shows the territory's creation in the Journal des modifications, in French", async () => {
    await page.getByTestId("open-audit").click();
    const audit = page.getByTestId("audit-dialog");
    const entry = audit.getByTestId("audit-entry");
    await entry.first().waitFor({ timeout: 30_000 });
    expect(await entry.count()).toBe(1);
    const text = plain(await entry.textContent());
    expect(text).toContain(`Création · Territoire « ${NAME} »`);
    expect(text).toContain("(administrateur)");
    expect(text).toContain("intercommunalités : 200039832");
    expect(text).toContain(`contrats : ${ID}-cls1, ${ID}-cls2`);
    expect(text).toContain("axes :");
    await audit.screenshot({ path: `${screenshots}new-territory-audit.png` });
    await page.keyboard.press("Escape");
    await audit.waitFor({ state: "detached" });
  });

  it("is not offered to coordinators", async () => {
    const coordinator = await signedIn("COORDINATOR");
    await coordinator.goto(`${appUrl}/`);
    await coordinator.getByTestId("role-badge").waitFor();
    await coordinator.waitForSelector(".territory", { timeout: 30_000 });
    expect(await coordinator.getByTestId("new-territory-open").count()).toBe(0);
  });
});
