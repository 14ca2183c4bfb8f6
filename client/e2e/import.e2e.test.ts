import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import neo4j, { type Driver } from "neo4j-driver";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { launchChromium, signedInContext } from "./browser";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { devLogin, type Role } from "../src/api/auth";

/**
 * The spreadsheet import in headless Chromium, on the small demo territory: a coordinator imports a
 * structures directory, maps a column by hand, reads the dry run's counts and row error, fixes the
 * file, applies, and finds the new structure with the search; an administrator reads the import
 * and the structures it created in the Journal des modifications; upload progress and cancel on a
 * throttled connection; analysts have no import. Structures made here end with RUN and are removed.
 */
const appUrl = inject("appUrl");
const screenshots = fileURLToPath(new URL("../../test-artifacts/screenshots/", import.meta.url));
const canvas = '[data-testid="network-canvas"]';
const dialog = '[data-testid="import-dialog"]';
const TERRITORY = "gorges-causses-cevennes";
const RUN = `e2e${Date.now().toString(36)}`;

let browser: Browser;
let driver: Driver;

async function signedIn(role: Role): Promise<{ context: BrowserContext; page: Page }> {
  const login = await devLogin(role, [TERRITORY], { baseUrl: appUrl });
  const context = await signedInContext(browser, login);
  return { context, page: await context.newPage() };
}

async function openExplorer(page: Page): Promise<number> {
  await page.goto(`${appUrl}/?territory=${TERRITORY}&view=structures`);
  await page.waitForSelector(`${canvas}[data-state="ready"][data-settled="true"]`, { timeout: 60_000 });
  return Number(await page.getAttribute(canvas, "data-node-count"));
}

/** The structures without a tie hidden behind the chip (0 when there is no chip). */
async function untiedCount(page: Page): Promise<number> {
  const chip = page.locator('[data-testid="isolated-chip"]');
  if ((await chip.count()) === 0) return 0;
  return Number(/\d+/.exec(((await chip.textContent()) ?? "").replace(/\s/g, ""))?.[0] ?? 0);
}

async function shot(page: Page, name: string, target: string | null = null): Promise<void> {
  const path = `${screenshots}import-${name}.png`;
  if (target) await page.locator(target).screenshot({ path });
  else await page.screenshot({ path });
}

const csvFile = (name: string, text: string) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });

/** The commune column is titled "Implantation", a word Maillage does not guess: it is mapped by hand. */
function structuresCsv(sportSector: string): string {
  return [
    "Nom de la structure;Implantation;Secteur;Type",
    `Maison des aidants ${RUN};Florac-Trois-Rivières;Médico-social;Association`,
    `Club santé ${RUN};48061;${sportSector};Association`,
    `Épicerie solidaire ${RUN};Florac-Trois-Rivières;Social;Épicerie`,
    "",
  ].join("\n");
}

async function countsOf(page: Page, entity: string): Promise<Record<string, string>> {
  const row = page.locator(`${dialog} [data-testid="import-counts"] tr[data-entity="${entity}"]`).last();
  return {
    created: (await row.locator('[data-count="created"]').textContent()) ?? "",
    updated: (await row.locator('[data-count="updated"]').textContent()) ?? "",
    unchanged: (await row.locator('[data-count="unchanged"]').textContent()) ?? "",
  };
}

async function chooseCommuneByHand(page: Page): Promise<void> {
  const commune = page.locator(`${dialog} select[data-field="commune"]`);
  await page.waitForSelector(`${dialog} [data-testid="import-preview"]`);
  expect(await commune.inputValue()).toBe("");
  expect(await page.locator(`${dialog} [data-testid="import-problems"]`).textContent()).toContain("Colonne obligatoire manquante : « Commune (nom ou code INSEE) »");
  expect(await page.isDisabled(`${dialog} [data-testid="import-verify"]`)).toBe(true);
  await commune.selectOption({ label: "B · Implantation" });
  expect(await page.locator(`${dialog} [data-testid="import-problems"]`).count()).toBe(0);
}

beforeAll(async () => {
  await mkdir(screenshots, { recursive: true });
  browser = await launchChromium();
  driver = neo4j.driver(inject("neo4jUri"));
});

afterAll(async () => {
  await driver?.executeQuery("MATCH (s:Structure) WHERE s.name ENDS WITH $run DETACH DELETE s", { run: RUN });
  await driver?.close();
  await browser?.close();
});

describe("spreadsheet import in the page", () => {
  it("imports a structures directory: hand-mapped column, dry run with a row error, fixed file, apply, search", async () => {
    const { page, context } = await signedIn("COORDINATOR");
    const before = await openExplorer(page);
    const untiedBefore = await untiedCount(page);

    await page.click('[data-testid="import-open"]');
    await page.waitForSelector(`${dialog}[open]`);
    await page.check(`${dialog} input[data-kind="STRUCTURES"]`);
    expect(await page.locator(`${dialog} [data-testid="import-kinds"]`).textContent()).toContain("Colonnes attendues : nom de la structure et commune");
    await page.setInputFiles(`${dialog} [data-testid="import-file"]`, csvFile("structures.csv", structuresCsv("Sport")));

    // The server's reading of the file, the first rows, and the guessed columns.
    await chooseCommuneByHand(page);
    const facts = page.locator(`${dialog} [data-testid="import-facts"]`);
    expect(await facts.locator('[data-fact="format"]').textContent()).toBe("CSV");
    expect(await facts.locator('[data-fact="encoding"]').textContent()).toBe("UTF-8");
    expect(await facts.locator('[data-fact="delimiter"]').textContent()).toBe("point-virgule (;)");
    expect(await facts.locator('[data-fact="rows"]').textContent()).toBe("3");
    const sample = page.locator(`${dialog} [data-testid="import-sample"]`);
    expect(await sample.locator("tbody tr").count()).toBe(3);
    expect(await sample.locator("tbody tr").first().textContent()).toContain(`Maison des aidants ${RUN}`);
    expect(await page.inputValue(`${dialog} select[data-field="name"]`)).toBe("0");
    expect(await page.inputValue(`${dialog} select[data-field="sector"]`)).toBe("2");
    await shot(page, "mapping");

    // Dry run: two structures to create, the row with an unknown sector refused, nothing applied.
    await page.click(`${dialog} [data-testid="import-verify"]`);
    await page.waitForSelector(`${dialog} [data-testid="import-report"]`);
    expect(await countsOf(page, "structures")).toEqual({ created: "2", updated: "0", unchanged: "0" });
    const error = page.locator(`${dialog} [data-testid="import-errors"] tbody tr`);
    expect(await error.count()).toBe(1);
    expect(await error.locator("td").allTextContents()).toEqual(["3", "Secteur", expect.stringContaining("Sport")]);
    expect(await page.locator(`${dialog} [data-testid="import-errors-title"]`).textContent()).toContain("1 ligne en erreur");
    expect(await page.isDisabled(`${dialog} [data-testid="import-apply"]`)).toBe(true);
    await page.locator(`${dialog} [data-testid="import-report"]`).scrollIntoViewIfNeeded();
    await shot(page, "dry-run-error");
    const { records } = await driver.executeQuery("MATCH (s:Structure) WHERE s.name ENDS WITH $run RETURN count(s) AS n", { run: RUN });
    expect(Number(records[0]?.get("n"))).toBe(0);

    // The fixed file, mapped again, verifies without errors; then it is applied.
    await page.setInputFiles(`${dialog} [data-testid="import-file"]`, csvFile("structures.csv", structuresCsv("Prévention")));
    await page.waitForSelector(`${dialog} [data-testid="import-report"]`, { state: "detached" });
    await chooseCommuneByHand(page);
    await page.click(`${dialog} [data-testid="import-verify"]`);
    await page.waitForSelector(`${dialog} [data-testid="import-report"][data-error-count="0"]`);
    expect(await countsOf(page, "structures")).toEqual({ created: "3", updated: "0", unchanged: "0" });
    expect(await page.locator(`${dialog} [data-testid="import-no-errors"]`).textContent()).toContain("Aucune erreur");
    await page.click(`${dialog} [data-testid="import-apply"]`);
    await page.waitForSelector(`${dialog} [data-testid="import-result"]`);
    expect(await countsOf(page, "structures")).toEqual({ created: "3", updated: "0", unchanged: "0" });
    expect(await page.locator(`${dialog} [data-testid="import-result"]`).textContent()).toContain("3 lignes importées");
    // The result's heading takes the keyboard focus.
    expect(await page.evaluate(() => document.activeElement?.textContent ?? "")).toContain("Import terminé");
    await shot(page, "applied");
    const stored = await driver.executeQuery(
      "MATCH (s:Structure)-[:LOCATED_IN]->(c:Commune) WHERE s.name ENDS WITH $run RETURN s.name AS name, s.sector AS sector, c.code AS code ORDER BY name",
      { run: RUN },
    );
    expect(stored.records.map((r) => [r.get("name"), r.get("sector"), r.get("code")])).toEqual([
      [`Club santé ${RUN}`, "PREVENTION", "48061"],
      [`Maison des aidants ${RUN}`, "MEDICO_SOCIAL", "48061"],
      [`Épicerie solidaire ${RUN}`, "SOCIAL", "48061"],
    ]);

    // Closed, the page has reloaded its network: the three structures (no tie yet) join the untied ones
    // behind the chip, and the search finds them.
    await page.click(`${dialog} [data-testid="import-done"]`);
    expect(await page.locator(dialog).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("import-open");
    await expect.poll(() => untiedCount(page), { timeout: 60_000 }).toBe(untiedBefore + 3);
    await page.waitForSelector(`${canvas}[data-state="ready"][data-settled="true"]`, { timeout: 60_000 });
    expect(Number(await page.getAttribute(canvas, "data-node-count"))).toBe(before);
    await page.fill("#search-input", `aidants ${RUN}`);
    const option = page.locator('[data-testid="search-results"] [role="option"]').first();
    await option.waitFor();
    expect(await option.textContent()).toContain(`Maison des aidants ${RUN}`);
    await shot(page, "search-after");
    await context.close();
  }, 240_000);

  it("shows the applied import in the administrators' journal: the file, its counts, and each structure it created", async () => {
    const { page, context } = await signedIn("ADMIN");
    await openExplorer(page);
    await page.click('[data-testid="open-audit"]');
    const audit = page.locator('[data-testid="audit-dialog"]');
    await audit.locator('[data-testid="audit-entry"]').first().waitFor({ timeout: 60_000 });
    const rows = await audit.locator('[data-testid="audit-entry"]').allTextContents();
    const imported = rows.filter((row) => row.includes("Import de fichier « structures.csv »"));
    expect(imported.length).toBeGreaterThanOrEqual(1);
    expect(imported[0]).toContain("Création · Import de fichier « structures.csv »");
    expect(imported[0]).toContain("lignes : 3");
    expect(imported[0]).toContain("fiches créées : 3");
    expect(imported[0]).toContain("(coordination)");
    const created = rows.filter((row) => row.includes(RUN) && row.includes("Création · Structure"));
    expect(created).toHaveLength(3);
    await shot(page, "audit-import", '[data-testid="audit-dialog"]');
    await page.keyboard.press("Escape");
    await audit.waitFor({ state: "detached" });
    await context.close();
  }, 240_000);

  it("shows the upload's progress and the server's analysis on a slow connection, cancels; refuses a dropped unreadable file in French", async () => {
    const { page, context } = await signedIn("COORDINATOR");
    await openExplorer(page);
    await page.click('[data-testid="import-open"]');
    await page.check(`${dialog} input[data-kind="STRUCTURES"]`);
    const rows = Array.from({ length: 16_000 }, (_, i) => `Structure lente ${i} ${RUN};Florac-Trois-Rivières;Social`);
    const large = csvFile("grand.csv", ["Nom de la structure;Commune;Secteur", ...rows].join("\n"));
    const progress = `${dialog} [data-testid="import-progress"]`;

    // About 1 Mo at 256 Ko/s: the bar follows the bytes sent; cancelling stops the upload.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
    await page.setInputFiles(`${dialog} [data-testid="import-file"]`, large);
    await page.waitForFunction((s) => {
      const bar = document.querySelector<HTMLProgressElement>(`${s}[data-phase="uploading"] progress`);
      return bar !== null && bar.value > 0 && bar.value < 100;
    }, progress, { timeout: 30_000 });
    expect(await page.locator(progress).textContent()).toMatch(/Envoi du fichier : \d+ %/);
    expect(await page.isDisabled(`${dialog} [data-testid="import-file"]`)).toBe(true);
    await shot(page, "progress", dialog);
    await page.click(`${dialog} [data-testid="import-cancel"]`);
    await page.waitForSelector(`${dialog} [data-testid="import-cancelled"]`);
    expect(await page.locator(progress).count()).toBe(0);
    expect(await page.locator(`${dialog} [data-testid="import-preview"]`).count()).toBe(0);

    // A slow answer: once the file is sent, an indeterminate bar while the server reads it.
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 3000, downloadThroughput: -1, uploadThroughput: -1 });
    await page.setInputFiles(`${dialog} [data-testid="import-file"]`, large);
    await page.waitForSelector(`${progress}[data-phase="processing"]`, { timeout: 30_000 });
    expect(await page.locator(`${progress} progress`).getAttribute("value")).toBeNull();
    expect(await page.locator(progress).textContent()).toContain("Analyse en cours…");
    await shot(page, "processing", dialog);
    await page.waitForSelector(`${dialog} [data-testid="import-preview"]`, { timeout: 30_000 });
    expect((await page.locator(`${dialog} [data-fact="rows"]`).textContent())?.replace(/\s/g, "")).toBe("16000");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    // An empty file dropped on the zone.
    await page.evaluate((s) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([], "vide.csv", { type: "text/csv" }));
      const zone = document.querySelector(`${s} [data-testid="import-drop"]`);
      zone?.dispatchEvent(new DragEvent("dragover", { bubbles: true, cancelable: true, dataTransfer: transfer }));
      zone?.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }, dialog);
    await page.locator(`${dialog} [data-testid="import-file-chosen"]`, { hasText: "vide.csv" }).waitFor({ timeout: 5_000 });
    const alert = page.locator(`${dialog} [data-testid="import-error"]`);
    await alert.waitFor();
    expect(await alert.getAttribute("data-code")).toBe("UNREADABLE_FILE");
    expect(await alert.textContent()).toMatch(/La lecture du fichier a échoué\. Le fichier ne peut pas être lu\..*vide.*CSV UTF-8/);
    expect(await page.locator(`${dialog} [data-testid="import-preview"]`).count()).toBe(0);
    await shot(page, "unreadable", dialog);

    // Escape leaves the dialog.
    await page.keyboard.press("Escape");
    expect(await page.locator(dialog).count()).toBe(0);
    await context.close();
  }, 180_000);

  it("offers no import to analysts", async () => {
    const { page, context } = await signedIn("ANALYST");
    await openExplorer(page);
    expect(await page.locator('[data-testid="role-badge"]').getAttribute("data-role")).toBe("ANALYST");
    expect(await page.locator('[data-testid="import-open"]').count()).toBe(0);
    await shot(page, "analyst-header", ".app-header");
    await context.close();
  });
});
