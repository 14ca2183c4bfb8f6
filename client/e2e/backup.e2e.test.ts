import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import neo4j, { type Driver } from "neo4j-driver";
import { type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { browserSession, STEP_TIMEOUT } from "./session";

/**
 * "Sauvegarde et restauration" in headless Chromium, on a throwaway territory of six nodes (its
 * contract, EPCI, commune, one structure and one person, with fictitious codes): an administrator
 * downloads its backup, whose first line is the format header; a file altered by one character is
 * refused with the French reason, the unchanged file because the territory exists; once the
 * territory is deleted, the same file restores it and the header's list offers and opens it.
 * Coordinators see no "Sauvegarde" entry.
 */
const appUrl = inject("appUrl");
const dialog = '[data-testid="backup-dialog"]';
const SUFFIX = randomUUID().replace(/-/g, "").slice(0, 8);
const ID = `backup-e2e-${SUFFIX}`;
const NAME = `Sauvegarde e2e ${SUFFIX}`;
const EPCI = `E2E${SUFFIX}`;
const COMMUNE = `C${SUFFIX}`;
const STRUCTURE_NAME = `Centre de santé ${SUFFIX}`;

const session = browserSession(appUrl, "backup");
const { signedIn, shot, step } = session;
let driver: Driver;
let workDir: string;
let backupPath = "";

/** The throwaway territory's nodes, found by their own ids and codes. */
const OWN_NODES = `MATCH (n) WHERE n.id STARTS WITH $id OR (n:Epci AND n.code = $epci) OR (n:Commune AND n.code = $commune)`;

async function nodeCount(): Promise<number> {
  const { records } = await driver.executeQuery(`${OWN_NODES} RETURN count(n) AS n`, { id: ID, epci: EPCI, commune: COMMUNE });
  return Number(records[0]?.get("n"));
}

async function removeTerritory(): Promise<void> {
  await driver.executeQuery(`${OWN_NODES} DETACH DELETE n`, { id: ID, epci: EPCI, commune: COMMUNE });
}

async function restoreFile(page: Page, file: string): Promise<void> {
  await page.getByTestId("backup-restore-file").setInputFiles(file);
  expect(await page.getByTestId("backup-restore-chosen").textContent()).toContain(`Fichier choisi : ${path.basename(file)}`);
  await page.getByTestId("backup-restore-start").click();
}

beforeAll(async () => {
  await session.open();
  workDir = await mkdtemp(path.join(os.tmpdir(), "maillage-backup-e2e-"));
  driver = neo4j.driver(inject("neo4jUri"));
  await driver.executeQuery(
    `CREATE (t:Territory {id: $id, name: $name, isDemo: false, createdAt: datetime()})
     CREATE (:Contract {id: $id + "-cls-1", name: "CLS 1", generation: 1, signedOn: date("2022-03-01"), endsOn: date("2027-02-28")})-[:COVERS]->(t)
     CREATE (e:Epci {code: $epci, name: "CC de la sauvegarde", population: 1200})-[:PART_OF]->(t)
     CREATE (c:Commune {code: $commune, name: "Sauvegarde-sur-Gardon", population: 1200, departement: "30"})-[:PART_OF]->(e)
     CREATE (s:Structure {id: $id + "-s-1", name: $structure, sector: "CARE", kind: "Centre de santé"})-[:LOCATED_IN]->(c)
     CREATE (:Actor {id: $id + "-a-1", firstName: "Lucie", lastName: "Gardon", email: "lucie.gardon@exemple.test", category: "PROFESSIONAL", profession: "Médecin"})
       -[:MEMBER_OF {role: "Médecin", since: date("2022-03-01")}]->(s)`,
    { id: ID, name: NAME, epci: EPCI, commune: COMMUNE, structure: STRUCTURE_NAME },
  );
  expect(await nodeCount()).toBe(6);
});

afterAll(async () => {
  await removeTerritory();
  await driver.close();
  await session.close();
  await rm(workDir, { recursive: true, force: true });
});

describe("the backup dialog", () => {
  let page: Page;

  it("downloads the open territory's backup, whose first line is the format header", () => step("download", async () => {
    page = await signedIn("ADMIN");
    await page.goto(`${appUrl}/?territory=${ID}&view=structures&bench=1`);
    await page.waitForSelector('[data-testid="network-canvas"][data-state="ready"]', { timeout: 60_000 });
    await page.getByTestId("tools-menu").click();
    await shot(page, "menu");
    await page.getByTestId("backup-open").click();
    await page.waitForSelector(`${dialog}[open]`);
    expect(await page.getByRole("dialog", { name: "Sauvegarde et restauration" }).isVisible()).toBe(true);
    expect(await page.getByTestId("backup-download").textContent()).toContain(`tout « ${NAME} »`);
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByTestId("backup-download-start").click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^maillage-${ID}-\\d{4}-\\d{2}-\\d{2}\\.ndjson$`));
    backupPath = path.join(workDir, download.suggestedFilename());
    await download.saveAs(backupPath);
    const text = await readFile(backupPath, "utf8");
    const header = JSON.parse(text.slice(0, text.indexOf("\n"))) as { format: string; formatVersion: number; territory: { id: string; name: string }; counts: { nodes: number; relationships: number } };
    expect(header).toMatchObject({ format: "maillage-territory-backup", formatVersion: 1, territory: { id: ID, name: NAME }, counts: { nodes: 6, relationships: 5 } });
    const done = page.getByTestId("backup-downloaded");
    await done.waitFor();
    expect(await done.textContent()).toMatch(new RegExp(`^Sauvegarde téléchargée : ${download.suggestedFilename()} \\(\\d+(,\\d)? Ko\\)\\.$`));
    await shot(page, "downloaded");
  }), STEP_TIMEOUT);

  it("refuses an altered file with the French reason, and the unchanged one while the territory exists", () => step("refused", async () => {
    const original = await readFile(backupPath, "utf8");
    expect(original).toContain(STRUCTURE_NAME);
    const altered = path.join(workDir, "altérée.ndjson");
    await writeFile(altered, original.replace(STRUCTURE_NAME, STRUCTURE_NAME.replace("Centre", "Centro")));
    await restoreFile(page, altered);
    const error = page.getByTestId("backup-restore-error");
    await error.waitFor({ timeout: 60_000 });
    expect(await error.getAttribute("data-code")).toBe("INVALID_BACKUP");
    expect(await error.textContent()).toBe(
      "La restauration a échoué. Le contenu de la sauvegarde ne correspond pas à sa somme de contrôle : le fichier a été modifié ou abîmé depuis la sauvegarde. Rien n'a été restauré.",
    );
    await shot(page, "corrupted");

    await restoreFile(page, backupPath);
    await page.waitForFunction(() => document.querySelector('[data-testid="backup-restore-error"]')?.getAttribute("data-code") === "CONFLICT", undefined, { timeout: 60_000 });
    expect(await error.textContent()).toContain(`Le territoire « ${NAME} » existe déjà dans cette base : rien n'a été restauré.`);
    expect(await nodeCount()).toBe(6);
  }), STEP_TIMEOUT);

  it("restores the file once the territory is gone: the header's list offers it and opens it", () => step("restore", async () => {
    await removeTerritory();
    expect(await nodeCount()).toBe(0);
    await restoreFile(page, backupPath);
    const done = page.getByTestId("backup-restored");
    await done.waitFor({ timeout: 60_000 });
    expect(await done.textContent()).toBe(`Territoire « ${NAME} » restauré : 6 nœuds et 5 relations. Il est ouvert et figure dans la liste des territoires.`);
    expect(await page.getByTestId("backup-restore-error").count()).toBe(0);
    expect(await nodeCount()).toBe(6);
    await shot(page, "restored");
    await page.keyboard.press("Escape");
    await page.waitForSelector(dialog, { state: "detached" });
    // The territory list was asked again and opens on the restored territory.
    await page.waitForFunction((id) => document.querySelector<HTMLSelectElement>(".territory-choice select")?.value === id, ID, { timeout: 60_000 });
    expect(await page.locator(".territory-choice select option", { hasText: NAME }).count()).toBe(1);
    await page.waitForSelector('[data-testid="network-canvas"][data-state="ready"]', { timeout: 60_000 });
    await shot(page, "restored-open");
  }), STEP_TIMEOUT);

  it("is offered to administrators only", () => step("coordinator", async () => {
    const coordinator = await signedIn("COORDINATOR");
    await coordinator.goto(`${appUrl}/?territory=${ID}&view=structures&bench=1`);
    await coordinator.getByTestId("tools-menu").click();
    await coordinator.getByTestId("gdpr-open").waitFor();
    expect(await coordinator.getByTestId("backup-open").count()).toBe(0);
  }), STEP_TIMEOUT);
});
