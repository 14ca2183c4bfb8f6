import { randomUUID } from "node:crypto";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { devLogin } from "../src/api/auth";
import { saveActor, saveParticipation, saveStructure, saveWorkGroup } from "../src/api/editing";
import { browserSession, STEP_TIMEOUT, waitForSettled } from "./session";

/**
 * Optimistic concurrency in the page (issue 22): a coordinator opens a structure's form, someone else
 * renames the structure meanwhile (through the API), and the coordinator's save is refused: the form
 * says so in French and shows both names side by side; "Reprendre la fiche actuelle" puts the stored
 * name in the form, "Enregistrer ma saisie quand même" saves over it at the stored version. The same
 * for a participation's form, opened from a work group's panel.
 */
const appUrl = inject("appUrl");
const GORGES = "gorges-causses-cevennes";
const TAG = `conflict-e2e-${randomUUID().slice(0, 8)}`;
const START = `${TAG} Maison de santé`;
const THEIRS = `${TAG} Maison de santé (modifiée ailleurs)`;
const MINE = `${TAG} Maison de santé des Gorges`;

const session = browserSession(appUrl, "edit-conflict");
const { signedIn, shot, step } = session;
let driver: Driver;
let api: { endpoint: string; token: string };
let communeCode = "";
let structureId = "";
const GROUP = `${TAG} Groupe prévention`;
const PERSON = `Conflit${TAG.slice(-8)}`;
let actorId = "";
let workGroupId = "";

beforeAll(async () => {
  await session.open();
  driver = neo4j.driver(inject("neo4jUri"));
  const login = await devLogin("ADMIN", undefined, { baseUrl: appUrl });
  api = { endpoint: new URL("/graphql", appUrl).toString(), token: login.token };
  const { records } = await driver.executeQuery("MATCH (c:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(:Territory {id: $t}) RETURN c.code AS code ORDER BY code LIMIT 1", { t: GORGES });
  communeCode = String(records[0]?.get("code"));
  structureId = (await saveStructure(GORGES, { id: null, version: null, name: START, sector: "CARE", kind: "Maison de santé", communeCode }, api)).entityId;
  actorId = (await saveActor(GORGES, { id: null, version: null, firstName: "Inès", lastName: PERSON, email: "", phone: "", category: "PROFESSIONAL", profession: "Infirmière", organisationId: structureId, role: "" }, api)).entityId;
  workGroupId = (await saveWorkGroup(GORGES, { id: null, version: null, name: GROUP, kind: "WORK_GROUP", startedOn: "2023-01-01", endedOn: "", axisIds: [] }, api)).entityId;
  await saveParticipation(GORGES, { version: 0, actorId, workGroupId, role: "MEMBER", since: "2024-01-01", until: "" }, api);
});

afterAll(async () => {
  const ids = [structureId, actorId, workGroupId];
  await driver.executeQuery("MATCH (e:AuditEntry) WHERE any(id IN e.relatedIds WHERE id IN $ids) DETACH DELETE e", { ids });
  await driver.executeQuery("MATCH (n) WHERE (n:Structure OR n:Actor OR n:WorkGroup) AND n.id IN $ids DETACH DELETE n", { ids });
  await driver.close();
  await session.close();
});

const storedName = async (): Promise<string> => {
  const { records } = await driver.executeQuery("MATCH (s:Structure {id: $id}) RETURN s.name AS name", { id: structureId });
  return String(records[0]?.get("name"));
};

describe("two people editing one structure", () => {
  it("shows the conflict, both values, and lets the coordinator take the current one or keep theirs", () => step("conflict", async () => {
    const page = await signedIn("COORDINATOR");
    await page.goto(`${appUrl}/?territory=${GORGES}&view=structures&bench=1`);
    await waitForSettled(page);
    await page.fill("#search-input", START);
    await page.press("#search-input", "Enter");
    await page.waitForFunction((name) => document.querySelector("#details-title")?.textContent === name, START);
    await page.click('[data-testid="edit-record"]');
    const form = page.locator('[data-testid="structure-form"]');
    const nameInput = form.getByLabel("Nom");
    await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('[data-testid="structure-form"] [data-field="name"] input')?.value ?? "") !== "");

    // Someone else renames it while the form is open.
    await saveStructure(GORGES, { id: structureId, version: null, name: THEIRS, sector: "CARE", kind: "Maison de santé", communeCode }, api);

    await nameInput.fill(MINE);
    await nameInput.press("Enter");
    const conflict = form.locator('[data-testid="edit-conflict"]');
    await conflict.waitFor({ timeout: 60_000 });
    expect(await form.locator('[data-testid="edit-failure"]').textContent()).toContain("Quelqu'un d'autre a modifié cette fiche");
    expect(await conflict.locator('[data-field="name"] th').textContent()).toBe("Nom");
    expect(await conflict.locator('[data-field="name"] [data-testid="conflict-mine"]').textContent()).toBe(MINE);
    expect(await conflict.locator('[data-field="name"] [data-testid="conflict-current"]').textContent()).toBe(THEIRS);
    expect(await conflict.locator("tbody tr").count()).toBe(1);
    await shot(page, "conflict");
    expect(await storedName()).toBe(THEIRS);

    // Take theirs: the form holds the stored name, the conflict is gone.
    await form.locator('[data-testid="conflict-take-current"]').click();
    expect(await nameInput.inputValue()).toBe(THEIRS);
    expect(await conflict.count()).toBe(0);

    // Type mine again, and meanwhile they change it once more: this time keep mine.
    await nameInput.fill(MINE);
    await saveStructure(GORGES, { id: structureId, version: null, name: `${THEIRS} bis`, sector: "CARE", kind: "Maison de santé", communeCode }, api);
    await nameInput.press("Enter");
    await conflict.waitFor({ timeout: 60_000 });
    expect(await conflict.locator('[data-field="name"] [data-testid="conflict-current"]').textContent()).toBe(`${THEIRS} bis`);
    await form.locator('[data-testid="conflict-keep-mine"]').click();
    await form.waitFor({ state: "detached", timeout: 60_000 });
    expect(await storedName()).toBe(MINE);
  }), STEP_TIMEOUT);
});

describe("two people editing one participation", () => {
  const storedParticipation = async (): Promise<string> => {
    const { records } = await driver.executeQuery(
      "MATCH (:Actor {id: $a})-[p:PARTICIPATES_IN]->(:WorkGroup {id: $g}) RETURN p.role + ' ' + toString(p.since) + ' ' + coalesce(toString(p.until), '-') AS stored",
      { a: actorId, g: workGroupId },
    );
    return String(records[0]?.get("stored"));
  };

  it("shows the conflict in the participation's form, opened from the group's panel, and keeps the coordinator's change", () => step("participation-conflict", async () => {
    const page = await signedIn("COORDINATOR");
    await page.goto(`${appUrl}/?territory=${GORGES}&view=structures&bench=1`);
    await waitForSettled(page);
    await page.fill("#search-input", GROUP);
    await page.press("#search-input", "Enter");
    await page.waitForFunction((name) => document.querySelector("#details-title")?.textContent === name, GROUP, { timeout: 60_000 });
    const line = page.locator('[data-testid="details-people"] li', { hasText: PERSON });
    await line.waitFor({ timeout: 60_000 });
    await line.getByRole("button", { name: /^Modifier la participation de / }).click();
    const form = page.locator('[data-testid="participant-form"]');
    const until = form.getByLabel("Jusqu'au");
    await until.waitFor();
    expect(await form.getByLabel("Rôle dans le groupe").inputValue()).toBe("MEMBER");

    // Someone else makes the person the group's pilot while the form is open.
    await saveParticipation(GORGES, { version: null, actorId, workGroupId, role: "PILOT", since: "2024-01-01", until: "" }, api);

    await until.fill("2026-06-30");
    await form.getByRole("button", { name: "Enregistrer" }).click();
    const conflict = form.locator('[data-testid="edit-conflict"]');
    await conflict.waitFor({ timeout: 60_000 });
    expect(await form.locator('[data-testid="edit-failure"]').textContent()).toContain("Quelqu'un d'autre a modifié cette fiche");
    expect(await conflict.locator('[data-field="role"] [data-testid="conflict-mine"]').textContent()).toBe("Membre");
    expect(await conflict.locator('[data-field="role"] [data-testid="conflict-current"]').textContent()).toBe("Pilote");
    expect(await conflict.locator('[data-field="until"] [data-testid="conflict-mine"]').textContent()).toBe("2026-06-30");
    await shot(page, "participation-conflict");
    expect(await storedParticipation()).toBe("PILOT 2024-01-01 -");

    await form.locator('[data-testid="conflict-keep-mine"]').click();
    await form.waitFor({ state: "detached", timeout: 60_000 });
    expect(await storedParticipation()).toBe("MEMBER 2024-01-01 2026-06-30");
  }), STEP_TIMEOUT);
});
