import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { distinctPositionShare, overlappingLabels } from "./glance";
import { browserSession, STEP_TIMEOUT } from "./session";

/**
 * The explorer read at a glance (issue 18), on the larger demo territory (Pays Cévennes, 291
 * structures) at 1440×900: the comparison of two contracts keeps every node on a place of its
 * own, no drawn name covers another in any view or mode, refusals are said in words.
 */
const appUrl = inject("appUrl");
const session = browserSession(appUrl, "glance");
const canvas = '[data-testid="network-canvas"]';
const TERRITORY = "pays-cevennes";

/** Waits for a new layout (another key than `before`) drawn and settled. */
async function waitForNewLayout(page: Page, before: string | null): Promise<void> {
  await page.waitForFunction(
    ({ selector, before }) => {
      const element = document.querySelector<HTMLElement>(selector);
      return element?.dataset.layoutKey !== before && element?.dataset.state === "ready" && element.dataset.settled === "true";
    },
    { selector: canvas, before },
    { timeout: 120_000 },
  );
}

async function open(page: Page, query: string): Promise<void> {
  await page.goto(`${appUrl}/?territory=${TERRITORY}&bench=1&${query}`);
  // The first networks of a fresh server are computed under the other tests' load: minutes, not seconds.
  await page.waitForSelector(`${canvas}[data-state="ready"][data-settled="true"]`, { timeout: 180_000 });
}

beforeAll(async () => {
  await session.open();
}, STEP_TIMEOUT);

afterAll(async () => {
  await session.close();
});

describe("comparison of two contracts", () => {
  it(
    "lays the union of CLS 2 and CLS 3 out once: every node of both periods, on a place of its own, still when a kind of tie is hidden",
    async () => {
      const page = await session.signedIn("COORDINATOR");
      await page.setViewportSize({ width: 1440, height: 900 });
      await session.step("compare", async () => {
        await open(page, "view=structures");
        const single = Number(await page.getAttribute(canvas, "data-node-count"));
        const before = await page.getAttribute(canvas, "data-layout-key");
        await page.check('[data-testid="compare-toggle"]');
        await page.locator('[data-testid="compare-summary"]').waitFor({ state: "visible", timeout: 60_000 });
        await waitForNewLayout(page, before);
        // Every node of both periods: at least those of the period shown.
        expect(Number(await page.getAttribute(canvas, "data-node-count"))).toBeGreaterThanOrEqual(single);
        expect(await distinctPositionShare(page)).toBeGreaterThanOrEqual(0.95);
        expect((await overlappingLabels(page)).pairs).toEqual([]);
        expect(await page.locator('[data-testid="compare-rule"]').textContent()).toMatch(/Liens significatifs \(α = 0,05\), la même règle pour CLS 2 et CLS 3/);
        const key = await page.getAttribute(canvas, "data-layout-key");
        const places = () => page.evaluate(() => window.__maillageCy?.nodes().map((n) => `${n.id()}@${Math.round(n.position("x"))},${Math.round(n.position("y"))}`).sort() ?? []);
        const placed = await places();
        const edges = Number(await page.getAttribute(canvas, "data-edge-count"));
        const gained = Number(/\((\d+)\)/.exec((await page.locator(".compare-tie--gained").textContent()) ?? "")?.[1]);
        await page.uncheck('[data-testid="compare-ties-gained"]');
        await expect.poll(() => page.getAttribute(canvas, "data-edge-count")).toBe(String(edges - gained));
        expect(await page.getAttribute(canvas, "data-layout-key")).toBe(key);
        expect(await places()).toEqual(placed);
        await page.check('[data-testid="compare-ties-gained"]');
        await expect.poll(() => page.getAttribute(canvas, "data-edge-count")).toBe(String(edges));
        await session.shot(page, "comparison");
      });
    },
    STEP_TIMEOUT,
  );
});

describe("refusals in words", () => {
  it(
    "raises the threshold itself when a view switch asks for every tie of a network too large, and says a lost connection with what to do",
    async () => {
      const page = await session.signedIn("COORDINATOR");
      await page.setViewportSize({ width: 1440, height: 900 });
      await session.step("errors", async () => {
        await open(page, "view=structures");
        // Every tie, not the backbone (which keeps any network small enough): then the actors are too many.
        await page.check('[data-testid="backbone-all-ties"]');
        await page.fill("#min-weight", "1");
        await expect.poll(() => page.textContent('[data-testid="min-weight-value"]')).toContain("1 ");
        const before = await page.getAttribute(canvas, "data-layout-key");
        // The actors of CLS 3 at threshold 1: 313,331 ties, over the server's limit.
        await page.click('[data-view="actors"]');
        const raised = page.locator('[data-testid="threshold-raised"]');
        await raised.waitFor({ state: "visible", timeout: 180_000 });
        expect(((await raised.textContent()) ?? "").replace(/\s/g, " ")).toMatch(/^Seuil relevé de 1 à \d+ : à 1, ce réseau comptait \d[\d ]* liens, trop pour être affiché\./);
        await waitForNewLayout(page, before);
        expect(await page.locator('[data-testid="view-error"]').count()).toBe(0);
        // The network goes down: the sentence says so and what to do, no code, no earlier picture.
        await page.route("**/graphql", (route) => route.abort("internetdisconnected"));
        await page.fill("#min-weight", "9");
        const error = page.locator('[data-testid="view-error"]');
        await error.waitFor({ state: "visible", timeout: 60_000 });
        const sentence = (await page.textContent('[data-testid="view-error-sentence"]')) ?? "";
        expect(sentence).toMatch(/^Serveur injoignable : .*Vérifiez le réseau puis réessayez\.$/);
        expect(await error.textContent()).not.toMatch(/BAD_USER_INPUT|UNREACHABLE|unreachable/);
        await expect.poll(() => page.getAttribute(canvas, "data-node-count")).toBe("0");
        await page.unroute("**/graphql");
        await page.click('[data-testid="view-error-action"]');
        await page.waitForSelector(`${canvas}[data-state="ready"]:not([data-node-count="0"])`, { timeout: 120_000 });
      });
    },
    STEP_TIMEOUT,
  );
});

describe("labels", () => {
  it(
    "draws no name over another in the structures, actors, map and focus views",
    async () => {
      const page = await session.signedIn("COORDINATOR");
      await page.setViewportSize({ width: 1440, height: 900 });
      await session.step("labels", async () => {
        for (const view of ["structures", "actors", "map"]) {
          await open(page, `view=${view}`);
          expect({ view, pairs: (await overlappingLabels(page)).pairs }).toEqual({ view, pairs: [] });
        }
        await open(page, "view=structures");
        await page.fill("#search-input", "CPAM du Gard");
        await page.keyboard.press("Enter");
        await page.locator('[data-testid="details-panel"] h2', { hasText: "CPAM du Gard" }).waitFor();
        await page.selectOption('[data-testid="focus-depth"]', "2");
        const before = await page.getAttribute(canvas, "data-layout-key");
        await page.click('[data-testid="focus-ego"]');
        await page.waitForFunction(
          ({ selector, before }) => {
            const element = document.querySelector<HTMLElement>(selector);
            return element?.dataset.layoutKey !== before && element?.dataset.state === "ready";
          },
          { selector: canvas, before },
          { timeout: 120_000 },
        );
        const apply = page.locator(".canvas-refining button");
        await page.waitForTimeout(3_000);
        if ((await apply.count()) > 0) await apply.click();
        await page.waitForTimeout(1_000);
        expect((await overlappingLabels(page)).pairs).toEqual([]);
        expect((await overlappingLabels(page)).drawn).toBeGreaterThan(1);
      });
    },
    STEP_TIMEOUT,
  );
});
