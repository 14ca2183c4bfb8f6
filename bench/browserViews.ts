/**
 * The eight views a coordinator opens on a territory, as the browser benches open them
 * (bench/explorer.ts measures them, bench/screenshots.ts photographs them): four by the page's
 * address, four by a control on top of one of those. What runs in the page is given as text
 * (the bench's TypeScript is compiled for Node, without DOM types; see browserProbe.ts).
 */
import type { Page } from "playwright-core";
import type { Renderer } from "./browserLaunch.js";
import { CANVAS_SELECTOR, PANEL_SELECTOR } from "./browserProbe.js";

export const GLANCE_VIEWS = ["structures", "actors", "two-mode", "map", "coverage", "focus", "path", "comparison"] as const;
export type GlanceView = (typeof GLANCE_VIEWS)[number];

/** The `view=` of the page's address each view starts from (client/src/features/views/views.ts). */
export const ADDRESS_VIEW: Readonly<Record<GlanceView, string>> = {
  structures: "structures",
  actors: "actors",
  "two-mode": "participation",
  map: "map",
  coverage: "map",
  focus: "structures",
  path: "structures",
  comparison: "structures",
};

/** The organisation the focus and path views start from (an institution of every demo territory). */
export const FOCUS_CENTRE = "CPAM du Gard";
const FOCUS_DEPTH = "2";

/** What a view opened by a control is: the step a coordinator takes, in words for the results. */
export const DERIVED_STEP: Readonly<Partial<Record<GlanceView, string>>> = {
  coverage: "map, then « Couverture » ticked (all axes)",
  focus: `structures, then ${FOCUS_CENTRE} searched and « Centrer » at depth ${FOCUS_DEPTH}`,
  path: `structures, then ${FOCUS_CENTRE} searched and a path asked to the drawn organisation farthest from it`,
  comparison: "structures, then « Comparer » ticked (previous contract)",
};

export function isDerived(view: GlanceView): boolean {
  return DERIVED_STEP[view] !== undefined;
}

export function viewUrl(baseUrl: string, territoryId: string, view: GlanceView, renderer: Renderer): string {
  const query = new URLSearchParams({ territory: territoryId, view: ADDRESS_VIEW[view], ...(renderer === "webgl" ? { renderer: "webgl" } : {}), bench: "1" });
  return `${baseUrl}/?${query.toString()}`;
}

const js = (value: unknown): string => JSON.stringify(value);

/**
 * Resolves with the page's time at the first animation frame where `condition` (a JS expression)
 * holds. Polled by a script handed to `page.evaluate` (the page's CSP forbids the `eval` that
 * `page.waitForFunction` uses for a condition given as text).
 */
async function pageTimeWhen(page: Page, condition: string, timeoutMs: number): Promise<number> {
  const value: unknown = await page.evaluate(`new Promise((resolve) => {
    const until = performance.now() + ${Math.round(timeoutMs)};
    const tick = () => {
      let met = false;
      try { met = Boolean(${condition}); } catch (error) { met = false; }
      if (met) resolve(performance.now());
      else if (performance.now() > until) resolve(null);
      else requestAnimationFrame(tick);
    };
    tick();
  })`);
  if (typeof value !== "number") throw new Error(`not within ${timeoutMs} ms: ${condition.slice(0, 160)}`);
  return value;
}

export const pageNow = async (page: Page): Promise<number> => Number(await page.evaluate("performance.now()"));

const canvasAttribute = (name: string): string => `document.querySelector(${js(CANVAS_SELECTOR)})?.getAttribute(${js(name)})`;

/** The canvas drawn with nodes (navigation → here is "drawn" for a view opened by address). */
export function waitCanvasReady(page: Page, timeoutMs: number): Promise<number> {
  return pageTimeWhen(page, `${canvasAttribute("data-state")} === "ready" && Number(${canvasAttribute("data-node-count")}) > 0`, timeoutMs);
}

function waitNewLayout(page: Page, before: string | null, timeoutMs: number): Promise<number> {
  return pageTimeWhen(page, `${canvasAttribute("data-layout-key")} !== ${js(before)} && ${canvasAttribute("data-state")} === "ready"`, timeoutMs);
}

/** Selects a node through the page's search box and waits for its details. */
async function searchAndSelect(page: Page, name: string): Promise<void> {
  await page.fill("#search-input", name);
  await page.keyboard.press("Enter");
  await page.locator(`${PANEL_SELECTOR} h2`, { hasText: name }).first().waitFor({ timeout: 60_000 });
}

/** The label of the drawn node farthest (in ties) from `fromId`, none when it has no tie. */
async function farthestLabel(page: Page, fromId: string): Promise<string | null> {
  const raw: unknown = await page.evaluate(`(() => {
    const cy = window.__maillageCy;
    if (!cy) return null;
    const nodes = cy.nodes().not(".canvas-label, .map-group");
    const root = cy.getElementById(${js(fromId)});
    if (root.empty()) return null;
    let farthest = null;
    let depth = -1;
    cy.elements().bfs({ roots: root, directed: false, visit: (node, _edge, _previous, _index, level) => {
      if (level > depth && nodes.contains(node)) { depth = level; farthest = node; }
    } });
    return farthest && depth > 0 ? String(farthest.data("label") || "") : null;
  })()`);
  return typeof raw === "string" && raw !== "" ? raw : null;
}

export interface DerivedStep {
  /** Page time when the control was used. */
  readonly startedAt: number;
  /** Page time when its result was drawn. */
  readonly drawnAt: number;
  readonly notes: string[];
}

/**
 * Takes the step from the address view to `view` (nothing for a view opened by address): the
 * canvas must be ready. `drawnAt` is the first frame showing the step's result: a new layout
 * drawn (focus, comparison), the path's classes drawn, the communes coloured (coverage).
 */
export async function takeStep(page: Page, view: GlanceView, timeoutMs: number): Promise<DerivedStep | null> {
  const notes: string[] = [];
  switch (view) {
    case "coverage": {
      const underlay = `document.querySelector('[data-testid="map-underlay"]')?.dataset.fills ?? ""`;
      const before = String(await page.evaluate(underlay));
      const startedAt = await pageNow(page);
      await page.check('[data-testid="coverage-toggle"]');
      const drawnAt = await pageTimeWhen(
        page,
        `(() => { const value = ${underlay}; return value !== "" && value !== ${js(before)} && value.split(" ").every((pair) => /=#[0-9A-Fa-f]{6}$/.test(pair)); })()`,
        timeoutMs,
      );
      return { startedAt, drawnAt, notes };
    }
    case "focus": {
      await searchAndSelect(page, FOCUS_CENTRE);
      await page.selectOption('[data-testid="focus-depth"]', FOCUS_DEPTH);
      const before = await page.getAttribute(CANVAS_SELECTOR, "data-layout-key");
      const startedAt = await pageNow(page);
      await page.click('[data-testid="focus-ego"]');
      return { startedAt, drawnAt: await waitNewLayout(page, before, timeoutMs), notes };
    }
    case "path": {
      await searchAndSelect(page, FOCUS_CENTRE);
      const from = (await page.getAttribute(CANVAS_SELECTOR, "data-selected-id")) ?? "";
      const target = await farthestLabel(page, from);
      if (target === null) throw new Error(`${FOCUS_CENTRE}: no drawn organisation tied to it`);
      notes.push(`path ${FOCUS_CENTRE} → ${target}`);
      await page.fill('[data-testid="path-target"]', target);
      const startedAt = await pageNow(page);
      await page.keyboard.press("Enter");
      const drawnAt = await pageTimeWhen(
        page,
        `window.__maillageCy && window.__maillageCy.$(".on-path").nonempty() && document.querySelector('[data-testid="focus-banner"]') !== null`,
        timeoutMs,
      );
      notes.push(`banner: ${((await page.textContent('[data-testid="focus-banner"]')) ?? "").replace(/\s+/g, " ").trim().slice(0, 120)}`);
      return { startedAt, drawnAt, notes };
    }
    case "comparison": {
      const before = await page.getAttribute(CANVAS_SELECTOR, "data-layout-key");
      const startedAt = await pageNow(page);
      await page.check('[data-testid="compare-toggle"]');
      await page.locator('[data-testid="compare-summary"]').waitFor({ state: "visible", timeout: timeoutMs });
      return { startedAt, drawnAt: await waitNewLayout(page, before, timeoutMs), notes };
    }
    default:
      return null;
  }
}

/**
 * Waits for the force layout's refinement to end (`data-settled`); when the page holds a refined
 * layout back because the reader has already acted, applies it as a reader would. Resolves to
 * what happened, or null when it did not settle in time.
 */
export async function waitSettled(page: Page, timeoutMs: number): Promise<{ settledAt: number; appliedRefined: boolean } | null> {
  const until = Date.now() + timeoutMs;
  let appliedRefined = false;
  while (Date.now() < until) {
    const settled = `${canvasAttribute("data-settled")} === "true" && ${canvasAttribute("data-state")} === "ready"`;
    const waiting = `document.querySelector('[data-testid="layout-refining"] button') !== null`;
    try {
      await pageTimeWhen(page, `(${settled}) || (${waiting})`, Math.max(1, until - Date.now()));
    } catch {
      return null;
    }
    if (await page.evaluate(settled)) return { settledAt: await pageNow(page), appliedRefined };
    try {
      // Under the software WebGL renderer this click did not go through in 60 s (2026-12-07 run).
      await page.click('[data-testid="layout-refining"] button', { timeout: Math.min(20_000, Math.max(1, until - Date.now())) });
    } catch {
      return null;
    }
    appliedRefined = true;
  }
  return null;
}

/** client/e2e/glance.ts's measures of the drawn picture (the browser tests use the same). */
export interface GlanceMeasures {
  distinctPositionShare(page: Page): Promise<number>;
  overlappingLabels(page: Page): Promise<{ count: number; drawn: number; pairs: string[] }>;
}

/**
 * Loaded at run time: glance.ts is typed against the DOM (client/tsconfig.json), which the Node
 * side of the repository (tsconfig.json) leaves out; importing it statically would check it here.
 */
export async function loadGlanceMeasures(): Promise<GlanceMeasures> {
  const location = new URL("../client/e2e/glance.ts", import.meta.url).href;
  const loaded = (await import(location)) as Partial<GlanceMeasures>;
  if (typeof loaded.distinctPositionShare !== "function" || typeof loaded.overlappingLabels !== "function") throw new Error("client/e2e/glance.ts: measures not found");
  return { distinctPositionShare: loaded.distinctPositionShare, overlappingLabels: loaded.overlappingLabels };
}

/** Page time when node `id` is the selection and its details panel is shown. */
export function waitSelected(page: Page, id: string, timeoutMs: number): Promise<number> {
  const panel = `document.querySelector(${js(PANEL_SELECTOR)})`;
  return pageTimeWhen(page, `${canvasAttribute("data-selected-id")} === ${js(id)} && ${panel} !== null && ${panel}.getBoundingClientRect().width > 0`, timeoutMs);
}
