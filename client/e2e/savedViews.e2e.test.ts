import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { launchChromium, signedInContext } from "./browser";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { devLogin, type Role } from "../src/api/auth";
import { fetchTerritories, type Territory } from "../src/api/network";
import { listSavedViews, deleteSavedView } from "../src/api/savedViews";
import { normalise } from "../src/features/search/match";

/**
 * Saved views in headless Chromium on the smaller demo territory: a coordinator filters, lays out,
 * moves a node and saves; the link reopens the same filters, places and viewport; rename, delete;
 * an analyst sees the list without the save form.
 */
const appUrl = inject("appUrl");
const screenshots = fileURLToPath(new URL("../../test-artifacts/screenshots/", import.meta.url));
const canvas = '[data-testid="network-canvas"]';
const NAME = `Vue e2e ${Date.now().toString(36)}`;

let browser: Browser;
let endpoint: string;
let territory: Territory;
let coordinatorToken: string;

async function signedIn(role: Role): Promise<{ context: BrowserContext; page: Page; token: string }> {
  const login = await devLogin(role, undefined, { baseUrl: appUrl });
  const context = await signedInContext(browser, login);
  return { context, page: await context.newPage(), token: login.token };
}

async function waitForSettled(page: Page): Promise<void> {
  await page.waitForSelector(`${canvas}[data-state="ready"][data-settled="true"]`, { timeout: 60_000 });
}

/** Node places and viewport as Cytoscape holds them (`?bench=1` exposes the instance). */
function readCanvas(page: Page) {
  return page.evaluate(() => {
    const cy = window.__maillageCy;
    if (!cy) throw new Error("no cy");
    const positions: Record<string, { x: number; y: number }> = {};
    cy.nodes().not(".canvas-label, .map-group").forEach((node) => {
      positions[node.id()] = { ...node.position() };
    });
    return { positions, zoom: cy.zoom(), pan: { ...cy.pan() } };
  });
}

const chips = (page: Page) => page.locator('[data-testid="filter-chips"] [data-filter]').allTextContents();

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${screenshots}saved-views-${name}.png` });
}

beforeAll(async () => {
  await mkdir(screenshots, { recursive: true });
  endpoint = new URL("/graphql", appUrl).toString();
  browser = await launchChromium();
  const login = await devLogin("COORDINATOR", undefined, { baseUrl: appUrl });
  coordinatorToken = login.token;
  const gorges = (await fetchTerritories({ endpoint, token: coordinatorToken })).find((t) => normalise(t.name).includes("gorges causses"));
  if (!gorges) throw new Error("le territoire de démonstration CC Gorges Causses Cévennes manque");
  territory = gorges;
});

afterAll(async () => {
  // Views this run left behind (a failed step) are removed.
  const views = territory ? await listSavedViews(territory.id, { endpoint, token: coordinatorToken }) : [];
  for (const view of views.filter((v) => v.name.startsWith(NAME))) await deleteSavedView(view.id, { endpoint, token: coordinatorToken });
  await browser?.close();
});

describe("saved views", () => {
  let viewId = "";
  let saved: Awaited<ReturnType<typeof readCanvas>>;
  let savedChips: string[] = [];
  let coordinator: Page;

  it("saves a filtered, laid-out view with a moved node, and lists it with its picture", async () => {
    ({ page: coordinator } = await signedIn("COORDINATOR"));
    const page = coordinator;
    await page.goto(`${appUrl}/?territory=${territory.id}&view=structures&bench=1`);
    await waitForSettled(page);
    // The small territory keeps a handful of significant ties: the view saved draws every tie.
    await page.locator('[data-testid="backbone-all-ties"]').check();
    await page.waitForFunction((s) => document.querySelector<HTMLElement>(s)?.dataset.edgeCount !== undefined && Number(document.querySelector<HTMLElement>(s)?.dataset.edgeCount) > 20, canvas, { timeout: 60_000 });
    await waitForSettled(page);
    const axis = await page.locator('[data-testid="axis-filter"] option').nth(2).getAttribute("value");
    if (!axis) throw new Error("aucun axe");
    await page.selectOption('[data-testid="axis-filter"]', axis);
    await page.selectOption('[data-testid="layout"]', "concentric");
    await page.waitForFunction((s) => document.querySelector<HTMLElement>(s)?.dataset.layoutKey?.includes("concentric") === true, canvas);
    await waitForSettled(page);
    savedChips = await chips(page);
    expect(savedChips.some((chip) => chip.includes("Axe"))).toBe(true);

    // Drag the first node 120 px to the right with the mouse.
    const box = await page.locator(canvas).boundingBox();
    const start = await page.evaluate(() => {
      const cy = window.__maillageCy;
      // A drawn node inside the canvas (not a title, a group, or a node without a place yet).
      const node = cy
        ?.nodes()
        .not(".canvas-label, .map-group")
        .nodes()
        .filter((n: import("cytoscape").NodeSingular) => {
          const p = n.renderedPosition();
          return Number.isFinite(p.x) && Number.isFinite(p.y) && p.x > 40 && p.y > 120 && p.x < cy.width() - 160 && p.y < cy.height() - 40;
        })
        .nodes()
        .first();
      return node && node.nonempty() ? { id: node.id(), ...node.renderedPosition() } : null;
    });
    if (!box || !start) throw new Error("pas de nœud à déplacer");
    const before = (await readCanvas(page)).positions[start.id];
    await page.mouse.move(box.x + start.x, box.y + start.y);
    await page.mouse.down();
    await page.mouse.move(box.x + start.x + 60, box.y + start.y, { steps: 5 });
    await page.mouse.move(box.x + start.x + 120, box.y + start.y + 30, { steps: 5 });
    await page.mouse.up();
    saved = await readCanvas(page);
    expect(saved.positions[start.id]?.x).toBeGreaterThan((before?.x ?? 0) + 20);

    await page.fill("#saved-view-name", NAME);
    await page.click('[data-testid="saved-views"] button[type="submit"]');
    await page.waitForSelector(`[data-testid="saved-view"][data-view-name="${NAME}"]`, { timeout: 30_000 });
    expect(await page.locator('[data-testid="saved-views-message"]').textContent()).toContain(`Vue « ${NAME} » enregistrée.`);
    const item = page.locator(`[data-testid="saved-view"][data-view-name="${NAME}"]`);
    viewId = (await item.getAttribute("data-view-id")) ?? "";
    expect(viewId).not.toBe("");
    const picture = await item.locator("img").evaluate((img: HTMLImageElement) => ({ src: img.src.slice(0, 22), width: img.naturalWidth, height: img.naturalHeight }));
    expect(picture.src).toBe("data:image/png;base64,");
    expect(picture.width).toBeGreaterThan(400);
    const stored = (await listSavedViews(territory.id, { endpoint, token: coordinatorToken })).find((v) => v.id === viewId);
    expect(stored?.subtitle).toContain("Axe");
    expect(stored?.legend.length).toBeGreaterThan(0);
    await item.scrollIntoViewIfNeeded();
    await shot(page, "saved");
  });

  it("reopens from its link with the same filter chips, node places and viewport", async () => {
    const { page, context } = await signedIn("COORDINATOR");
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`${appUrl}/?savedView=${viewId}&bench=1`);
    await page.waitForFunction((s) => document.querySelector<HTMLElement>(s)?.dataset.layoutKey?.includes("|restore:") === true, canvas, { timeout: 60_000 });
    await waitForSettled(page);
    expect(await chips(page)).toEqual(savedChips);
    expect(await page.inputValue('[data-testid="layout"]')).toBe("concentric");
    const reopened = await readCanvas(page);
    await shot(page, "reopened");
    expect(Object.keys(reopened.positions).sort()).toEqual(Object.keys(saved.positions).sort());
    for (const [id, p] of Object.entries(saved.positions)) {
      expect(Math.abs((reopened.positions[id]?.x ?? NaN) - p.x)).toBeLessThan(0.11);
      expect(Math.abs((reopened.positions[id]?.y ?? NaN) - p.y)).toBeLessThan(0.11);
    }
    expect(reopened.zoom).toBeCloseTo(saved.zoom, 6);
    expect(reopened.pan.x).toBeCloseTo(saved.pan.x, 3);
    expect(reopened.pan.y).toBeCloseTo(saved.pan.y, 3);
    expect(await page.locator('[data-testid="restore-notice"]').count()).toBe(0);
    await shot(page, "reopened");
    await context.close();
  });

  it("shows the link to copy, renames, and deletes after confirmation", async () => {
    const page = coordinator;
    const item = page.locator(`[data-testid="saved-view"][data-view-id="${viewId}"]`);
    await item.locator('[data-action="copy-link"]').click();
    const link = item.locator(".saved-view-link input");
    const message = page.locator('[data-testid="saved-views-message"]');
    // Headless Chromium may refuse the clipboard: the link is then shown to copy by hand.
    await page.waitForFunction(
      (id) => document.querySelector(`[data-view-id="${id}"] .saved-view-link input`) !== null ||
        document.querySelector('[data-testid="saved-views-message"]')?.textContent?.includes("Lien copié") === true,
      viewId,
    );
    if ((await link.count()) > 0) expect(await link.inputValue()).toBe(`${appUrl}/?savedView=${viewId}`);
    else expect(await message.textContent()).toContain("Lien copié");

    await item.getByRole("button", { name: "Renommer" }).click();
    await item.locator("form input").fill(`${NAME} renommée`);
    await item.getByRole("button", { name: "Valider" }).click();
    await page.waitForSelector(`[data-testid="saved-view"][data-view-name="${NAME} renommée"]`);
    expect(await message.textContent()).toContain(`Vue renommée en « ${NAME} renommée ».`);

    const renamed = page.locator(`[data-testid="saved-view"][data-view-id="${viewId}"]`);
    await renamed.getByRole("button", { name: "Supprimer" }).click();
    expect(await renamed.locator('[role="alertdialog"]').textContent()).toContain("Supprimer définitivement");
    await shot(page, "confirm-delete");
    await renamed.getByRole("button", { name: "Oui, supprimer" }).click();
    await page.waitForSelector(`[data-testid="saved-view"][data-view-id="${viewId}"]`, { state: "detached" });
    expect(await message.textContent()).toContain("supprimée");
    expect((await listSavedViews(territory.id, { endpoint, token: coordinatorToken })).some((v) => v.id === viewId)).toBe(false);
  });

  it("lets an analyst see and open the list, without the save form", async () => {
    const coordinatorPage = coordinator;
    await coordinatorPage.fill("#saved-view-name", `${NAME} pour l'analyste`);
    await coordinatorPage.click('[data-testid="saved-views"] button[type="submit"]');
    await coordinatorPage.waitForSelector(`[data-testid="saved-view"][data-view-name="${NAME} pour l'analyste"]`, { timeout: 30_000 });

    const { page, context } = await signedIn("ANALYST");
    await page.goto(`${appUrl}/?territory=${territory.id}&view=structures&bench=1`);
    await waitForSettled(page);
    const item = page.locator(`[data-testid="saved-view"][data-view-name="${NAME} pour l'analyste"]`);
    await item.waitFor({ timeout: 30_000 });
    expect(await page.locator("#saved-view-name").count()).toBe(0);
    expect(await page.locator('[data-testid="saved-views"]').textContent()).toContain("Votre rôle permet d'ouvrir les vues enregistrées");
    expect(await item.getByRole("button", { name: "Renommer" }).count()).toBe(0);
    expect(await item.getByRole("button", { name: "Supprimer" }).count()).toBe(0);
    await item.getByRole("button", { name: "Ouvrir" }).click();
    await page.waitForFunction((s) => document.querySelector<HTMLElement>(s)?.dataset.layoutKey?.includes("|restore:") === true, canvas, { timeout: 60_000 });
    await waitForSettled(page);
    await item.scrollIntoViewIfNeeded();
    await shot(page, "analyst");
    await context.close();
  });
});
