import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import neo4j, { type Driver } from "neo4j-driver";
import { type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { browserSession, STEP_TIMEOUT, waitForSettled } from "./session";

/**
 * "Données personnelles (RGPD)" in headless Chromium on the smaller demo territory, on two
 * throwaway people: one whose only membership ended in 2014 (inactive), one taking part in a work
 * group (drawn in the actors' network). A coordinator lists the people inactive for 10 years,
 * exports the first one's data as JSON and erases them after typing EFFACER; erases the second one
 * from their details panel, after which they are gone from the network and the search. Analysts see
 * neither the header entry nor the panel's action.
 */
const appUrl = inject("appUrl");
const dialog = '[data-testid="gdpr-dialog"]';
const GORGES = "gorges-causses-cevennes";
const TAG = `gdpr-e2e-${randomUUID().slice(0, 8)}`;
const WORD = `Rgpd${randomUUID().replace(/[^a-f]/g, "").slice(0, 6)}`;
const INACTIVE = { id: `${TAG}-inactive`, firstName: "Inès", lastName: `Sauveterre ${WORD}` };
const ACTIVE = { id: `${TAG}-active`, firstName: "Basile", lastName: `Roumanille ${WORD}` };
const fullName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;

const session = browserSession(appUrl, "gdpr");
const { signedIn, shot, step } = session;
let driver: Driver;

async function actorCount(id: string): Promise<number> {
  const { records } = await driver.executeQuery("MATCH (a:Actor {id: $id}) RETURN count(a) AS n", { id });
  return Number(records[0]?.get("n"));
}

async function openDialog(page: Page): Promise<void> {
  await page.getByTestId("tools-menu").click();
  await page.getByTestId("gdpr-open").click();
  await page.waitForSelector(`${dialog}[open]`);
}

beforeAll(async () => {
  await session.open();
  driver = neo4j.driver(inject("neo4jUri"));
  await driver.executeQuery(
    `MATCH (s:Structure)-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(:Territory {id: $t})
     WITH s ORDER BY s.id LIMIT 1
     MATCH (w:WorkGroup)-[:BELONGS_TO]->(:Territory {id: $t})
     WHERE EXISTS { (w)<-[p:PARTICIPATES_IN]-(:Actor) WHERE p.until IS NULL }
     WITH s, w ORDER BY w.id LIMIT 1
     CREATE (inactive:Actor {id: $inactive.id, firstName: $inactive.firstName, lastName: $inactive.lastName, email: "ines.sauveterre@exemple.test", category: "VOLUNTEER", profession: "Retraitée"})
     CREATE (inactive)-[:MEMBER_OF {role: "Bénévole", since: date("2010-01-01"), until: date("2014-06-30")}]->(s)
     CREATE (active:Actor {id: $active.id, firstName: $active.firstName, lastName: $active.lastName, category: "PROFESSIONAL", profession: "Infirmier"})
     CREATE (active)-[:MEMBER_OF {role: "Infirmier", since: date("2018-01-01")}]->(s)
     CREATE (active)-[:PARTICIPATES_IN {role: "MEMBER", since: date("2018-01-01")}]->(w)`,
    { t: GORGES, inactive: INACTIVE, active: ACTIVE },
  );
  expect(await actorCount(INACTIVE.id)).toBe(1);
});

afterAll(async () => {
  await driver.executeQuery("MATCH (e:AuditEntry) WHERE any(id IN e.relatedIds WHERE id IN $ids) DETACH DELETE e", { ids: [INACTIVE.id, ACTIVE.id] });
  await driver.executeQuery("MATCH (a:Actor) WHERE a.id IN $ids DETACH DELETE a", { ids: [INACTIVE.id, ACTIVE.id] });
  await driver.close();
  await session.close();
});

describe("the GDPR tools", () => {
  let page: Page;

  it("list the people inactive for N years with their last activity", () => step("inactive", async () => {
    page = await signedIn("COORDINATOR");
    await page.goto(`${appUrl}/?territory=${GORGES}&view=actors&bench=1`);
    await waitForSettled(page);
    await openDialog(page);
    expect(await page.getByRole("dialog", { name: "Données personnelles (RGPD)" }).isVisible()).toBe(true);
    // Nobody chosen yet: the dialog says where to choose.
    expect(await page.getByTestId("gdpr-subject").textContent()).toContain("Aucune personne choisie");
    await page.getByTestId("gdpr-inactive-summary").waitFor();

    await page.getByLabel("Sans activité depuis (années)").fill("0");
    await page.getByTestId("gdpr-years-show").click();
    expect(await page.locator(`${dialog} [role="alert"]`).textContent()).toBe("Un nombre entier d'années, de 1 à 100.");

    await page.getByLabel("Sans activité depuis (années)").fill("10");
    await page.getByTestId("gdpr-years-show").click();
    const row = page.locator(`[data-testid="gdpr-inactive-person"][data-actor-id="${INACTIVE.id}"]`);
    await row.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("gdpr-inactive-summary").textContent()).toMatch(/sans activité depuis le \d\d\/\d\d\/\d{4}/);
    expect(await row.locator("th").textContent()).toBe(fullName(INACTIVE));
    expect(await row.getByTestId("gdpr-last-activity").textContent()).toBe("30/06/2014");
    expect(await row.textContent()).toContain("Bénévole · Retraitée");
    // The person active in a work group is not on the list.
    expect(await page.locator(`[data-testid="gdpr-inactive-person"][data-actor-id="${ACTIVE.id}"]`).count()).toBe(0);
    await row.scrollIntoViewIfNeeded();
    await shot(page, "inactive");
  }), STEP_TIMEOUT);

  it("export a chosen person's data as a JSON file naming them", () => step("export", async () => {
    const row = page.locator(`[data-testid="gdpr-inactive-person"][data-actor-id="${INACTIVE.id}"]`);
    await row.getByRole("button", { name: `Choisir ${fullName(INACTIVE)}` }).click();
    expect(await page.getByTestId("gdpr-person").textContent()).toBe(fullName(INACTIVE));
    // The keyboard is taken to the person's actions.
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "gdpr-export");
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByTestId("gdpr-export").click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^maillage_personne_${INACTIVE.id}_\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const exported = JSON.parse(await readFile(await download.path(), "utf8")) as {
      format: string;
      actor: { id: string; firstName: string; lastName: string; email: string };
      memberships: { organisation: { kind: string }; role: string; until: string }[];
    };
    expect(exported.format).toBe("maillage-person-export");
    expect(exported.actor).toMatchObject({ id: INACTIVE.id, firstName: INACTIVE.firstName, lastName: INACTIVE.lastName, email: "ines.sauveterre@exemple.test" });
    expect(exported.memberships).toHaveLength(1);
    expect(exported.memberships[0]).toMatchObject({ organisation: { kind: "Structure" }, role: "Bénévole" });
    expect(await page.getByTestId("gdpr-exported").textContent()).toBe(`Données exportées : ${download.suggestedFilename()}.`);
    // The button, disabled while exporting, has the keyboard again.
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "gdpr-export");
    await shot(page, "exported");
  }), STEP_TIMEOUT);

  it("erase a chosen person once EFFACER is typed, and take them off the list", () => step("erase-listed", async () => {
    await page.getByTestId("gdpr-erase").click();
    const confirm = page.locator('[data-testid="gdpr-confirm-erase"]');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(`Effacer ${fullName(INACTIVE)} de Maillage`);
    const input = confirm.getByLabel(`Pour confirmer, tapez son nom (« ${fullName(INACTIVE)} ») ou le mot EFFACER`);
    expect(await input.evaluate((element) => element === document.activeElement)).toBe(true);
    await input.fill("Sauveterre");
    await confirm.getByRole("button", { name: "Effacer définitivement" }).click();
    expect(await confirm.getByTestId("error-confirmation").textContent()).toBe(`Tapez « ${fullName(INACTIVE)} » ou EFFACER pour confirmer.`);
    expect(await actorCount(INACTIVE.id)).toBe(1);
    await shot(page, "confirm-mismatch");

    await input.fill("EFFACER");
    await confirm.getByRole("button", { name: "Effacer définitivement" }).click();
    await confirm.waitFor({ state: "detached", timeout: 60_000 });
    expect(await page.getByTestId("gdpr-notice").textContent()).toMatch(new RegExp(`^${fullName(INACTIVE)} a été effacé·e de Maillage \\(1 lien supprimé\\)`));
    expect(await page.locator(`[data-testid="gdpr-inactive-person"][data-actor-id="${INACTIVE.id}"]`).count()).toBe(0);
    expect(await page.getByTestId("gdpr-subject").textContent()).toContain("Aucune personne choisie");
    expect(await actorCount(INACTIVE.id)).toBe(0);
    await shot(page, "erased-listed");
    await page.keyboard.press("Escape");
    await page.waitForSelector(dialog, { state: "detached" });
    // Focus is back on the header's menu button.
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "tools-menu");
  }), STEP_TIMEOUT);

  it("erase a person from their details panel: gone from the network and from the search", () => step("erase-panel", async () => {
    // Found by the search and chosen there, the person is drawn (with the untied people, if they have no tie).
    await page.fill("#search-input", fullName(ACTIVE));
    await page.press("#search-input", "Enter");
    await page.waitForFunction((name) => document.querySelector("#details-title")?.textContent === name, fullName(ACTIVE));
    await page.waitForFunction((id) => window.__maillageCy?.getElementById(id).nonempty() === true, ACTIVE.id, { timeout: 60_000 });
    await page.getByTestId("person-gdpr").click();
    await page.waitForSelector(`${dialog}[open]`);
    expect(await page.getByTestId("gdpr-person").textContent()).toBe(fullName(ACTIVE));
    await shot(page, "from-panel");
    await page.getByTestId("gdpr-erase").click();
    const confirm = page.locator('[data-testid="gdpr-confirm-erase"]');
    // The name typed in other letter case counts.
    await confirm.getByRole("textbox").fill(fullName(ACTIVE).toUpperCase());
    await confirm.getByRole("button", { name: "Effacer définitivement" }).click();
    await confirm.waitFor({ state: "detached", timeout: 60_000 });
    expect(await page.getByTestId("gdpr-notice").textContent()).toContain(`${fullName(ACTIVE)} a été effacé·e de Maillage (2 liens supprimés)`);
    expect(await actorCount(ACTIVE.id)).toBe(0);
    await page.keyboard.press("Escape");
    await page.waitForSelector(dialog, { state: "detached" });

    // The panel closed with the selection; the network asked again no longer has the person.
    await page.waitForSelector('[data-testid="details-panel"]', { state: "detached" });
    await page.waitForFunction((id) => window.__maillageCy?.getElementById(id).empty() === true, ACTIVE.id, { timeout: 60_000 });
    await waitForSettled(page);
    await page.fill("#search-input", WORD);
    await page.locator(".search-empty").waitFor();
    expect(await page.locator('[data-testid="search-results"] li', { hasText: WORD }).count()).toBe(0);
    await shot(page, "erased-search");
  }), STEP_TIMEOUT);

  it("are not offered to analysts, in the header or in a person's panel", () => step("analyst", async () => {
    const analyst = await signedIn("ANALYST");
    await analyst.goto(`${appUrl}/?territory=${GORGES}&view=actors&bench=1`);
    await waitForSettled(analyst);
    expect(await analyst.getByTestId("role-badge").getAttribute("data-role")).toBe("ANALYST");
    // No "Données" menu at all: its entries are the GDPR tools and the administrators' backup.
    expect(await analyst.getByTestId("tools-menu").count()).toBe(0);
    expect(await analyst.getByTestId("gdpr-open").count()).toBe(0);
    // An actor's panel (analysts read pseudonyms): no GDPR action.
    const label = await analyst.evaluate(() => String(window.__maillageCy?.nodes('[kind = "ACTOR"]').first().data("label") ?? ""));
    expect(label).not.toBe("");
    await analyst.fill("#search-input", label);
    await analyst.press("#search-input", "Enter");
    await analyst.waitForFunction((name) => document.querySelector("#details-title")?.textContent === name, label);
    expect(await analyst.getByTestId("person-gdpr").count()).toBe(0);
    await shot(analyst, "analyst");
  }), STEP_TIMEOUT);
});
