import neo4j, { type Driver } from "neo4j-driver";
import { type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { devLogin } from "../src/api/auth";
import { fetchTerritories, type Territory } from "../src/api/network";
import { normalise } from "../src/features/search/match";
import { browserSession, STEP_TIMEOUT, waitForSettled } from "./session";

/**
 * Editing in headless Chromium on the smaller demo territory: a coordinator creates a structure
 * ("Nouvelle structure"), is told in French what is wrong with an empty name, renames it from the
 * details panel and sees the new name in the panel and on the canvas; an administrator finds both
 * changes in the "Journal des modifications". While a save runs (held by the test) the keyboard
 * stays in the dialog: Escape waits for the answer, then closes it. The structure and its audit
 * entries are removed.
 */
const appUrl = inject("appUrl");
const TAG = `E2E ${Date.now().toString(36)}`;
const FIRST_NAME = `${TAG} Maison de santé`;
const NEW_NAME = `${TAG} Maison de santé des Gorges`;

const session = browserSession(appUrl, "editing");
const { signedIn, shot, step } = session;
let driver: Driver;
let territory: Territory;

/** The label Cytoscape draws for a node, or null when the node is not on the canvas. */
const canvasLabel = (page: Page, id: string) =>
  page.evaluate((nodeId) => {
    const node = window.__maillageCy?.getElementById(nodeId);
    return node && node.nonempty() ? String(node.data("label") ?? node.data("name") ?? "") : null;
  }, id);

beforeAll(async () => {
  await session.open();
  driver = neo4j.driver(inject("neo4jUri"));
  const login = await devLogin("COORDINATOR", undefined, { baseUrl: appUrl });
  const endpoint = new URL("/graphql", appUrl).toString();
  const gorges = (await fetchTerritories({ endpoint, token: login.token })).find((t) => normalise(t.name).includes("gorges causses"));
  if (!gorges) throw new Error("le territoire de démonstration CC Gorges Causses Cévennes manque");
  territory = gorges;
});

afterAll(async () => {
  const { records } = await driver.executeQuery("MATCH (s:Structure) WHERE s.name STARTS WITH $tag RETURN collect(s.id) AS ids", { tag: TAG });
  const ids = (records[0]?.get("ids") as string[] | undefined) ?? [];
  await driver.executeQuery("MATCH (e:AuditEntry) WHERE any(id IN e.relatedIds WHERE id IN $ids) DETACH DELETE e", { ids });
  await driver.executeQuery("MATCH (s:Structure) WHERE s.id IN $ids DETACH DELETE s", { ids });
  const people = await driver.executeQuery("MATCH (a:Actor) WHERE a.lastName STARTS WITH $tag RETURN collect(a.id) AS ids", { tag: TAG });
  const actorIds = (people.records[0]?.get("ids") as string[] | undefined) ?? [];
  await driver.executeQuery("MATCH (e:AuditEntry) WHERE any(id IN e.relatedIds WHERE id IN $ids) DETACH DELETE e", { ids: actorIds });
  await driver.executeQuery("MATCH (a:Actor) WHERE a.id IN $ids DETACH DELETE a", { ids: actorIds });
  await driver.close();
  await session.close();
});

describe("editing a structure", () => {
  let structureId = "";

  it("creates a structure from the sidebar, refusing an empty name in French next to the field", () => step("create", async () => {
    const page = await signedIn("COORDINATOR");
    await page.goto(`${appUrl}/?territory=${territory.id}&view=structures&bench=1`);
    await waitForSettled(page);
    await page.click('[data-testid="new-structure"]');
    const form = page.locator('[data-testid="structure-form"]');
    await form.waitFor();
    // The dialog takes the keyboard: the first field has the focus.
    expect(await page.evaluate(() => document.activeElement?.closest("[data-testid]")?.getAttribute("data-testid"))).toBe("structure-form");
    await form.getByLabel("Type").fill("Maison de santé pluriprofessionnelle");
    await form.getByLabel("Secteur").selectOption("CARE");
    const commune = await form.locator('[data-field="communeCode"] option').nth(1).getAttribute("value");
    await form.getByLabel("Commune").selectOption(commune ?? "");
    await form.getByRole("button", { name: "Enregistrer" }).click();
    const error = form.locator('[data-testid="error-name"]');
    await error.waitFor();
    expect(await error.textContent()).toBe("Ce champ est obligatoire.");
    const nameInput = form.getByLabel("Nom");
    expect(await nameInput.getAttribute("aria-invalid")).toBe("true");
    expect(await nameInput.evaluate((input) => input === document.activeElement)).toBe(true);
    await shot(page, "name-required");

    await nameInput.fill(FIRST_NAME);
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await form.waitFor({ state: "detached" });
    const { records } = await driver.executeQuery("MATCH (s:Structure {name: $name}) RETURN s.id AS id", { name: FIRST_NAME });
    structureId = String(records[0]?.get("id") ?? "");
    expect(structureId).toMatch(new RegExp(`^${territory.id}-s-`));

    // The network is asked again: the new structure (no tie yet, so behind the chip of untied ones)
    // is found by the search, shown in the panel, and chosen there it is drawn with the untied ones.
    const title = page.locator("#details-title");
    await expect.poll(async () => {
      await waitForSettled(page);
      await page.fill("#search-input", FIRST_NAME);
      await page.press("#search-input", "Enter");
      await page.waitForTimeout(500);
      return page.evaluate(() => document.querySelector("#details-title")?.textContent ?? null);
    }, { timeout: 60_000 }).toBe(FIRST_NAME);
    expect(await title.textContent()).toBe(FIRST_NAME);
    await page.waitForFunction((id) => window.__maillageCy?.getElementById(id).nonempty() === true, structureId, { timeout: 60_000 });
  }), STEP_TIMEOUT);

  it("keeps the keyboard in the form while a save runs: Escape waits for the answer, then closes the form", () => step("escape-while-saving", async () => {
    const page = await signedIn("COORDINATOR");
    await page.goto(`${appUrl}/?territory=${territory.id}&view=structures&bench=1`);
    await waitForSettled(page);
    let release = (): void => undefined;
    const answered = new Promise<void>((resolve) => {
      release = resolve;
    });
    let saves = 0;
    // The save is held, then refused as the server refuses an unexpected failure: nothing is written.
    await page.route("**/graphql", async (route) => {
      if (!route.request().postData()?.includes("SaveStructure")) return route.fallback();
      saves += 1;
      await answered;
      return route.fulfill({ contentType: "application/json", body: JSON.stringify({ data: null, errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] }) });
    });
    await page.click('[data-testid="new-structure"]');
    const form = page.locator('[data-testid="structure-form"]');
    await form.getByLabel("Nom").fill(`${TAG} Jamais enregistrée`);
    await form.getByLabel("Type").fill("Association");
    await form.getByLabel("Secteur").selectOption("SOCIAL");
    const commune = await form.locator('[data-field="communeCode"] option').nth(1).getAttribute("value");
    await form.getByLabel("Commune").selectOption(commune ?? "");
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="structure-form"] [data-testid="edit-submit"]')?.hasAttribute("disabled") === true);
    // The disabled button let go of the focus: the dialog keeps it rather than the page's body.
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "structure-form");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    expect(await page.locator('[data-testid="structure-form"][open]').count()).toBe(1);
    expect(saves).toBe(1);
    release();
    const failure = form.getByTestId("edit-failure");
    await failure.waitFor();
    expect(await failure.textContent()).toBe("L'enregistrement a échoué. Réessayez ; si l'erreur persiste, signalez-la.");
    await shot(page, "refused-while-saving");
    await page.keyboard.press("Escape");
    await form.waitFor({ state: "detached" });
    await page.unroute("**/graphql");
  }), STEP_TIMEOUT);

  it("renames it from the details panel: the panel and the canvas show the new name", () => step("rename", async () => {
    const page = await signedIn("COORDINATOR");
    await page.goto(`${appUrl}/?territory=${territory.id}&view=structures&bench=1`);
    await waitForSettled(page);
    await page.fill("#search-input", FIRST_NAME);
    await page.press("#search-input", "Enter");
    await page.waitForFunction((name) => document.querySelector("#details-title")?.textContent === name, FIRST_NAME);
    await page.click('[data-testid="edit-record"]');
    const form = page.locator('[data-testid="structure-form"]');
    const nameInput = form.getByLabel("Nom");
    await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('[data-testid="structure-form"] [data-field="name"] input')?.value ?? "") !== "");
    expect(await nameInput.inputValue()).toBe(FIRST_NAME);
    await nameInput.fill(NEW_NAME);
    await shot(page, "rename-form");
    // Saved with the keyboard.
    await nameInput.press("Enter");
    await form.waitFor({ state: "detached" });
    await page.waitForFunction((name) => document.querySelector("#details-title")?.textContent === name, NEW_NAME, { timeout: 60_000 });
    expect(await page.locator('[data-testid="edit-notice"]').textContent()).toBe("Modifications enregistrées.");
    await page.waitForFunction(({ id, name }) => {
      const node = window.__maillageCy?.getElementById(id);
      return node?.nonempty() === true && JSON.stringify(node.data()).includes(name);
    }, { id: structureId, name: NEW_NAME }, { timeout: 60_000 });
    expect(await canvasLabel(page, structureId)).toContain(NEW_NAME);
    await waitForSettled(page);
    await shot(page, "renamed-panel");
  }), STEP_TIMEOUT);

  it("lists both changes in the administrators' Journal des modifications, with who and what changed", () => step("audit", async () => {
    const coordinatorPage = await signedIn("COORDINATOR");
    await coordinatorPage.goto(`${appUrl}/?territory=${territory.id}&view=structures`);
    await coordinatorPage.waitForSelector('[data-testid="new-structure"]');
    expect(await coordinatorPage.locator('[data-testid="open-audit"]').count()).toBe(0);

    const page = await signedIn("ADMIN");
    await page.goto(`${appUrl}/?territory=${territory.id}&view=structures&bench=1`);
    await waitForSettled(page);
    await page.click('[data-testid="open-audit"]');
    const dialog = page.locator('[data-testid="audit-dialog"]');
    await dialog.locator('[data-testid="audit-entry"]').first().waitFor();
    const rows = await dialog.locator('[data-testid="audit-entry"]').allTextContents();
    const mine = rows.filter((row) => row.includes(TAG));
    expect(mine).toHaveLength(2);
    expect(mine[0]).toContain("Modification · Structure");
    expect(mine[0]).toContain(`nom : ${FIRST_NAME} → ${NEW_NAME}`);
    expect(mine[0]).toContain("(coordination)");
    expect(mine[1]).toContain("Création · Structure");
    expect(mine[1]).toContain("secteur : Soin");
    await shot(page, "audit");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
  }), STEP_TIMEOUT);

  it("shows no editing tools to analysts", () => step("analyst", async () => {
    const page = await signedIn("ANALYST");
    await page.goto(`${appUrl}/?territory=${territory.id}&view=structures&bench=1`);
    await waitForSettled(page);
    expect(await page.locator('[data-testid="new-structure"]').count()).toBe(0);
    await page.fill("#search-input", NEW_NAME);
    await page.press("#search-input", "Enter");
    await page.waitForFunction((name) => document.querySelector("#details-title")?.textContent === name, NEW_NAME);
    expect(await page.locator('[data-testid="edit-toolbar"]').count()).toBe(0);
  }), STEP_TIMEOUT);

  it("adds a new person to the structure, removes the membership, then deletes the structure, each after its form or confirmation", () => step("people", async () => {
    const page = await signedIn("COORDINATOR");
    await page.goto(`${appUrl}/?territory=${territory.id}&view=structures&bench=1`);
    await waitForSettled(page);
    await page.fill("#search-input", NEW_NAME);
    await page.press("#search-input", "Enter");
    await page.waitForFunction((name) => document.querySelector("#details-title")?.textContent === name, NEW_NAME);

    await page.click('[data-testid="new-actor"]');
    const form = page.locator('[data-testid="actor-form"]');
    await form.getByLabel("Prénom").fill("Zoé");
    await form.getByLabel("Nom", { exact: true }).fill(`${TAG}-Durand`);
    await form.getByLabel("Catégorie").selectOption("VOLUNTEER");
    await form.getByLabel("Téléphone").fill("12 34");
    await page.waitForFunction((id) => document.querySelector(`[data-testid="actor-form"] option[value="${id}"]`) !== null, structureId);
    await form.getByLabel("Structure de rattachement").selectOption(structureId);
    await form.getByLabel("Fonction").fill("Bénévole accueil");
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await form.locator('[data-testid="error-phone"]').waitFor();
    expect(await form.locator('[data-testid="error-phone"]').textContent()).toContain("Numéro de téléphone français non valable");
    await shot(page, "actor-phone");
    await form.getByLabel("Téléphone").fill("+33 1 99 00 12 34");
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await form.waitFor({ state: "detached" });
    const member = page.locator('[data-testid="details-people"] li', { hasText: `Zoé ${TAG}-Durand` });
    await member.waitFor({ timeout: 60_000 });
    expect(await member.textContent()).toContain("Bénévole accueil");
    expect(await member.textContent()).toContain("01 99 00 12 34");

    await member.getByRole("button", { name: `Retirer Zoé ${TAG}-Durand de la structure` }).click();
    const confirm = page.locator('[data-testid="confirm-delete"]');
    expect(await confirm.textContent()).toContain(`Retirer Zoé ${TAG}-Durand de « ${NEW_NAME} » ?`);
    await shot(page, "remove-member");
    await confirm.getByRole("button", { name: "Supprimer" }).click();
    await confirm.waitFor({ state: "detached" });
    await member.waitFor({ state: "detached", timeout: 60_000 });

    await page.click('[data-testid="delete-record"]');
    await confirm.getByRole("button", { name: "Supprimer" }).click();
    await confirm.waitFor({ state: "detached" });
    await page.waitForSelector('[data-testid="details-panel"]', { state: "detached" });
    await page.waitForFunction((id) => window.__maillageCy?.getElementById(id).empty() === true, structureId, { timeout: 60_000 });
    const { records } = await driver.executeQuery("MATCH (s:Structure {id: $id}) RETURN count(s) AS n", { id: structureId });
    expect(Number(records[0]?.get("n"))).toBe(0);
  }), STEP_TIMEOUT);

});
