import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import neo4j, { type Driver } from "neo4j-driver";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { devLogin } from "../src/api/auth";
import { saveActor, saveEvent, saveParticipation, saveStructure, saveWorkGroup, type EditResult } from "../src/api/editing";
import { launchChromium, signedInContext } from "./browser";

/**
 * Editing from a work group's details panel in headless Chromium, on throwaway records of the
 * smaller demo territory made through the editing API: a coordinator changes an event's title
 * and sees it in the panel, is told in French next to the field that the group's start date is
 * required (Escape then leaves the form), deletes the event after confirming, adds a participant found by name
 * (told in French that the first day is required), sees the member count go from 1 to 2, changes
 * their role, and removes them (back to 1); then changes the pilot's role from their own panel.
 * The records and their audit entries are removed.
 */
const appUrl = inject("appUrl");
const screenshots = fileURLToPath(new URL("../../test-artifacts/screenshots/", import.meta.url));
const canvas = '[data-testid="network-canvas"]';
const GORGES = "gorges-causses-cevennes";
const TAG = `wg-e2e-${randomUUID().slice(0, 8)}`;
const GROUP = `${TAG} Groupe santé mentale`;
const EVENT = `${TAG} Réunion de lancement`;
const RENAMED = `${TAG} Réunion de lancement du groupe`;
const NEWCOMER = `${TAG}-Nouvelle`;
const PILOT = `${TAG}-Pilote`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let driver: Driver;
/** Every record this run made: removed at the end with their audit entries. */
const created = new Set<string>();
let workGroupId = "";
let eventId = "";
let newcomerId = "";
const pageErrors: string[] = [];

/** The browser tests share two slow cores with everything else: give each step room. */
const STEP_TIMEOUT = 240_000;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: `${screenshots}work-group-editing-${name}.png` });
}

/** Runs a step; on failure keeps a picture of the page and prints its errors. */
async function step(name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    await shot(`failed-${name}`).catch(() => undefined);
    if (pageErrors.length > 0) console.error(pageErrors.join("\n"));
    throw error;
  }
}

async function count(cypher: string, parameters: Record<string, unknown>): Promise<number> {
  const { records } = await driver.executeQuery(cypher, parameters);
  return Number(records[0]?.get("n"));
}

const keep = (result: EditResult): string => {
  created.add(result.entityId);
  return result.entityId;
};

const panel = () => page.locator('[data-testid="details-panel"]');
const people = () => page.locator('[data-testid="details-people"] li');
const eventLine = (title: string) => page.locator('[data-testid="details-events"] li', { hasText: title });

/** Opens the work group's panel from the search box (it is not a node of the structures view). */
async function openGroupPanel(): Promise<void> {
  await page.fill("#search-input", GROUP);
  await page.press("#search-input", "Enter");
  await page.waitForFunction((name) => document.querySelector("#details-title")?.textContent === name, GROUP);
  await panel().locator('[data-testid="details-fetched"]').waitFor({ timeout: 60_000 });
}

beforeAll(async () => {
  await mkdir(screenshots, { recursive: true });
  driver = neo4j.driver(inject("neo4jUri"));
  const login = await devLogin("COORDINATOR", undefined, { baseUrl: appUrl });
  const api = { endpoint: new URL("/graphql", appUrl).toString(), token: login.token };
  const { records } = await driver.executeQuery(
    "MATCH (c:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(:Territory {id: $t}) RETURN c.code AS code ORDER BY code LIMIT 1",
    { t: GORGES },
  );
  const communeCode = String(records[0]?.get("code"));
  const home = keep(await saveStructure(GORGES, { id: null, version: null, name: `${TAG} Maison de santé`, sector: "CARE", kind: "Maison de santé", communeCode }, api));
  const person = (firstName: string, lastName: string) =>
    saveActor(GORGES, { id: null, version: null, firstName, lastName, email: "", phone: "", category: "PROFESSIONAL", profession: "Infirmière", organisationId: home, role: "" }, api);
  const pilot = keep(await person("Inès", PILOT));
  newcomerId = keep(await person("Zoé", NEWCOMER));
  workGroupId = keep(await saveWorkGroup(GORGES, { id: null, version: null, name: GROUP, kind: "WORK_GROUP", startedOn: "2023-01-01", endedOn: "", axisIds: [] }, api));
  await saveParticipation(GORGES, { version: null, actorId: pilot, workGroupId, role: "PILOT", since: "2023-01-01", until: "" }, api);
  eventId = keep(
    await saveEvent(GORGES, { id: null, version: null, title: EVENT, kind: "MEETING", date: "2024-03-12", durationHours: "2", communeCode, organiserId: workGroupId, axisIds: [] }, api),
  );

  browser = await launchChromium();
  context = await signedInContext(browser, login);
  page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${appUrl}/?territory=${GORGES}&view=structures&bench=1`);
  await page.waitForSelector(`${canvas}[data-state="ready"]`, { timeout: 60_000 });
});

afterAll(async () => {
  const ids = [...created];
  await driver?.executeQuery("MATCH (e:AuditEntry) WHERE any(id IN e.relatedIds WHERE id IN $ids) DETACH DELETE e", { ids });
  await driver?.executeQuery("MATCH (n) WHERE (n:Structure OR n:Actor OR n:WorkGroup OR n:Event) AND n.id IN $ids DETACH DELETE n", { ids });
  await driver?.close();
  await context?.close();
  await browser?.close();
});

describe("editing from a work group's panel", () => {
  it("changes an event's title in its form, opened filled in from the panel's events", () => step("event-title", async () => {
    await openGroupPanel();
    await eventLine(EVENT).getByRole("button", { name: `Modifier l'événement « ${EVENT} »` }).click();
    const form = page.locator('[data-testid="event-form"]');
    const title = form.getByLabel("Intitulé");
    await title.waitFor();
    expect(await title.inputValue()).toBe(EVENT);
    expect(await form.getByLabel("Type").inputValue()).toBe("MEETING");
    expect(await form.getByLabel("Date").inputValue()).toBe("2024-03-12");
    expect(await form.getByLabel("Organisé par").inputValue()).toBe(workGroupId);
    await title.fill(RENAMED);
    await shot("event-form");
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await form.waitFor({ state: "detached" });
    await eventLine(RENAMED).waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="edit-notice"]').textContent()).toBe("Modifications enregistrées.");
    expect(await count("MATCH (e:Event {id: $id, title: $title}) RETURN count(e) AS n", { id: eventId, title: RENAMED })).toBe(1);
    await shot("event-renamed");
  }), STEP_TIMEOUT);

  it("says next to the field that the group's start date is required, without asking the server", () => step("work-group-required", async () => {
    await page.click('[data-testid="edit-record"]');
    const form = page.locator('[data-testid="work-group-form"]');
    const startedOn = form.getByLabel("Début");
    await startedOn.waitFor();
    await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('[data-testid="work-group-form"] [data-field="startedOn"] input')?.value ?? "") !== "");
    expect(await startedOn.inputValue()).toBe("2023-01-01");
    await startedOn.fill("");
    const saves: string[] = [];
    const onRequest = (request: { postData: () => string | null }) => {
      if (request.postData()?.includes("SaveWorkGroup")) saves.push(request.postData() ?? "");
    };
    page.on("request", onRequest);
    await form.getByRole("button", { name: "Enregistrer" }).click();
    const error = form.locator('[data-testid="error-startedOn"]');
    await error.waitFor();
    page.off("request", onRequest);
    expect(await error.textContent()).toBe("Ce champ est obligatoire.");
    expect(await startedOn.getAttribute("aria-invalid")).toBe("true");
    expect(await startedOn.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await form.locator('[data-testid="edit-failure"]').count()).toBe(0);
    expect(saves).toEqual([]);
    await shot("work-group-started-required");
    await page.keyboard.press("Escape");
    await form.waitFor({ state: "detached" });
    expect(await count("MATCH (g:WorkGroup {id: $id}) WHERE g.startedOn = date('2023-01-01') RETURN count(g) AS n", { id: workGroupId })).toBe(1);
    expect(await page.locator("#details-title").textContent()).toBe(GROUP);
  }), STEP_TIMEOUT);

  it("deletes the event after confirmation; the group's panel stays open", () => step("event-delete", async () => {
    await eventLine(RENAMED).getByRole("button", { name: `Supprimer l'événement « ${RENAMED} »` }).click();
    const confirm = page.locator('[data-testid="confirm-delete"]');
    expect(await confirm.textContent()).toContain(`Supprimer l'événement « ${RENAMED} » et ses présences ?`);
    await shot("event-confirm");
    await confirm.getByRole("button", { name: "Supprimer" }).click();
    await confirm.waitFor({ state: "detached" });
    await eventLine(RENAMED).waitFor({ state: "detached", timeout: 60_000 });
    expect(await page.locator("#details-title").textContent()).toBe(GROUP);
    expect(await count("MATCH (e:Event {id: $id}) RETURN count(e) AS n", { id: eventId })).toBe(0);
  }), STEP_TIMEOUT);

  it("adds a participant found by name, after saying the first day is required: the member count goes from 1 to 2", () => step("add", async () => {
    await people().first().waitFor({ timeout: 60_000 });
    expect(await people().count()).toBe(1);
    await page.click('[data-testid="add-participant"]');
    const form = page.locator('[data-testid="participant-form"]');
    await form.waitFor();
    await form.getByLabel("Rechercher une personne (nom ou prénom)").fill(NEWCOMER);
    await page.waitForFunction((id) => document.querySelector(`[data-testid="participant-form"] option[value="${id}"]`) !== null, newcomerId);
    await form.getByLabel("Personne", { exact: true }).selectOption(newcomerId);
    expect(await form.getByLabel("Rôle dans le groupe").inputValue()).toBe("MEMBER");
    await form.getByLabel("Rôle dans le groupe").selectOption("CO_PILOT");
    await form.getByRole("button", { name: "Enregistrer" }).click();
    const error = form.locator('[data-testid="error-since"]');
    await error.waitFor();
    expect(await error.textContent()).toBe("Ce champ est obligatoire.");
    expect(await form.getByLabel("Depuis le").evaluate((input) => input === document.activeElement)).toBe(true);
    await shot("participant-since-required");
    await form.getByLabel("Depuis le").fill("2024-02-01");
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await form.waitFor({ state: "detached" });
    const newcomer = people().filter({ hasText: NEWCOMER });
    await newcomer.waitFor({ timeout: 60_000 });
    expect(await people().count()).toBe(2);
    expect(await page.locator('[data-testid="edit-notice"]').textContent()).toBe("Participation ajoutée.");
    expect(await panel().locator(".details-subtitle", { hasText: "Membres" }).textContent()).toContain("2");
    expect(await newcomer.textContent()).toContain("Co-pilote");
    expect(await count("MATCH (:Actor {id: $a})-[p:PARTICIPATES_IN {role: 'CO_PILOT'}]->(:WorkGroup {id: $g}) WHERE p.since = date('2024-02-01') RETURN count(p) AS n", { a: newcomerId, g: workGroupId })).toBe(1);
    await shot("participant-added");
  }), STEP_TIMEOUT);

  it("changes the participant's role and last day in the form, opened with what is stored", () => step("change", async () => {
    const newcomer = people().filter({ hasText: NEWCOMER });
    await newcomer.getByRole("button", { name: /^Modifier la participation de / }).click();
    const form = page.locator('[data-testid="participant-form"]');
    const role = form.getByLabel("Rôle dans le groupe");
    await role.waitFor();
    expect(await role.inputValue()).toBe("CO_PILOT");
    expect(await form.getByLabel("Depuis le").inputValue()).toBe("2024-02-01");
    expect(await form.getByLabel("Rechercher une personne (nom ou prénom)").count()).toBe(0);
    await role.selectOption("MEMBER");
    await form.getByLabel("Jusqu'au").fill("2026-06-30");
    await shot("participant-form");
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await form.waitFor({ state: "detached" });
    await page.waitForFunction((name) => [...document.querySelectorAll('[data-testid="details-people"] li')].some((li) => li.textContent?.includes(name) && li.textContent.includes("Membre")), NEWCOMER, { timeout: 60_000 });
    expect(await count("MATCH (:Actor {id: $a})-[p:PARTICIPATES_IN {role: 'MEMBER'}]->(:WorkGroup {id: $g}) WHERE p.until = date('2026-06-30') RETURN count(p) AS n", { a: newcomerId, g: workGroupId })).toBe(1);
  }), STEP_TIMEOUT);

  it("removes the participant after confirmation: back to 1 member, each change in the audit trail", () => step("remove", async () => {
    const newcomer = people().filter({ hasText: NEWCOMER });
    await newcomer.getByRole("button", { name: /^Retirer .* du groupe$/ }).click();
    const confirm = page.locator('[data-testid="confirm-delete"]');
    expect(await confirm.textContent()).toContain(`du groupe « ${GROUP} » ?`);
    await shot("participant-confirm");
    await confirm.getByRole("button", { name: "Supprimer" }).click();
    await confirm.waitFor({ state: "detached" });
    await newcomer.waitFor({ state: "detached", timeout: 60_000 });
    expect(await people().count()).toBe(1);
    expect(await page.locator("#details-title").textContent()).toBe(GROUP);
    expect(await count("MATCH (:Actor {id: $a})-[p:PARTICIPATES_IN]->(:WorkGroup {id: $g}) RETURN count(p) AS n", { a: newcomerId, g: workGroupId })).toBe(0);
    const { records } = await driver.executeQuery("MATCH (e:AuditEntry {entityId: $id}) RETURN e.operation AS operation ORDER BY e.at", { id: `${newcomerId}>${workGroupId}` });
    expect(records.map((record) => record.get("operation"))).toEqual(["CREATE", "UPDATE", "DELETE"]);
    await shot("participant-removed");
  }), STEP_TIMEOUT);
});

describe("editing a person's participations from their panel", () => {
  it("changes the pilot's role from the work groups listed in their panel", () => step("person", async () => {
    await page.goto(`${appUrl}/?territory=${GORGES}&view=participation&bench=1`);
    await page.waitForSelector(`${canvas}[data-state="ready"]`, { timeout: 60_000 });
    await page.fill("#search-input", PILOT);
    await page.press("#search-input", "Enter");
    await page.waitForFunction((name) => document.querySelector("#details-title")?.textContent?.includes(name) === true, PILOT, { timeout: 60_000 });
    const line = page.locator('[data-testid="details-work-groups"] li', { hasText: GROUP });
    await line.waitFor({ timeout: 60_000 });
    expect(await line.textContent()).toContain("Pilote");
    expect(await page.locator('[data-testid="add-to-work-group"]').textContent()).toBe("Ajouter à un groupe");
    await line.getByRole("button", { name: `Modifier la participation au groupe « ${GROUP} »` }).click();
    const form = page.locator('[data-testid="participant-form"]');
    const role = form.getByLabel("Rôle dans le groupe");
    await role.waitFor();
    expect(await role.inputValue()).toBe("PILOT");
    expect(await form.locator(".edit-known").textContent()).toContain(PILOT);
    await role.selectOption("CO_PILOT");
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await form.waitFor({ state: "detached" });
    await page.waitForFunction((group) => [...document.querySelectorAll('[data-testid="details-work-groups"] li')].some((li) => li.textContent?.includes(group) && li.textContent.includes("Co-pilote")), GROUP, { timeout: 60_000 });
    expect(await page.locator('[data-testid="edit-notice"]').textContent()).toBe("Participation modifiée.");
    await shot("person-panel");
  }), STEP_TIMEOUT);
});
