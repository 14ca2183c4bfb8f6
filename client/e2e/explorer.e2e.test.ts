import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { ElementDefinition } from "cytoscape";
import { type Browser, type Page } from "playwright-core";
import { launchChromium, signedInContext } from "./browser";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { devLogin } from "../src/api/auth";
import { fetchCollaborationNetwork, fetchTerritories, type Network, type Territory, type TimeWindow } from "../src/api/network";
import { normalise } from "../src/features/search/match";

/**
 * The explorer's views and tools in headless Chromium, on the smaller demo territory (CC Gorges
 * Causses Cévennes, 17 communes): what the page draws is checked against the API's own answers.
 */
const appUrl = inject("appUrl");
const screenshots = fileURLToPath(new URL("../../test-artifacts/screenshots/", import.meta.url));
const canvas = '[data-testid="network-canvas"]';

/**
 * Defaults of the views, written here rather than read from the app: no weight threshold. The small
 * territory has few significant ties (its 46 organisations all meet at the same activities: the
 * SDSM backbone keeps a handful), so these tests first tick « Tous les liens » and check the views
 * and tools on every tie; the backbone itself is checked on Pays Cévennes (network.e2e.test.ts).
 */
const STRUCTURE_MIN_WEIGHT = 1;
const ACTOR_MIN_WEIGHT = 1;
/** What the page draws of an API network: every tie (« Tous les liens »). */
const drawn = (network: Network): Network => network;
/** Nodes the canvas draws: those with a drawn tie (untied ones wait behind a chip). */
const tiedCount = (network: Network): number => new Set(network.ties.flatMap((t) => [t.source, t.target])).size;

let browser: Browser;
let page: Page;
let token: string;
let endpoint: string;
let territory: Territory;
let period: TimeWindow;

async function gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const structures = async (minWeight: number, extra: Record<string, unknown> = {}, at: TimeWindow = period): Promise<Network> =>
  drawn(await fetchCollaborationNetwork(territory.id, "STRUCTURE", at, { ...(minWeight > 1 ? { minWeight } : {}), ...extra }, { endpoint, token }));

async function waitForDrawn(target: Page, nodes: number | null, edges: number | null): Promise<void> {
  await target.waitForFunction(
    ({ selector, nodes, edges }) => {
      const element = document.querySelector<HTMLElement>(selector);
      if (element?.dataset.state !== "ready" || element.dataset.settled !== "true") return false;
      return (nodes === null || Number(element.dataset.nodeCount) === nodes) && (edges === null || Number(element.dataset.edgeCount) === edges);
    },
    { selector: canvas, nodes, edges },
    { timeout: 60_000 },
  );
}

/** The point of the network at the middle of the canvas (model coordinates), and the canvas's width. */
function middle(): Promise<{ x: number; y: number; width: number }> {
  return page.evaluate(() => {
    const cy = window.__maillageCy;
    if (!cy) throw new Error("no Cytoscape instance");
    return { x: (cy.width() / 2 - cy.pan().x) / cy.zoom(), y: (cy.height() / 2 - cy.pan().y) / cy.zoom(), width: cy.width() };
  });
}

async function drawnCounts(target: Page): Promise<{ nodes: number; edges: number }> {
  return {
    nodes: Number(await target.getAttribute(canvas, "data-node-count")),
    edges: Number(await target.getAttribute(canvas, "data-edge-count")),
  };
}

/** Opens the page on the territory, then (unless told not to) ticks « Tous les liens » (see STRUCTURE_MIN_WEIGHT). */
async function openPage(target: Page, query: string, allTies = true): Promise<void> {
  await target.goto(`${appUrl}/?territory=${territory.id}&bench=1${query}`);
  await target.waitForSelector(`${canvas}[data-state="ready"][data-settled="true"]`, { timeout: 60_000 });
  if (!allTies) return;
  await target.locator('[data-testid="backbone-all-ties"]').check();
  await target.waitForSelector(`${canvas}[data-state="ready"][data-settled="true"]`, { timeout: 60_000 });
}

/** Counts the frames the page's Cytoscape draws from now on. */
async function countFrames(target: Page): Promise<() => Promise<number>> {
  await target.evaluate(() => {
    const counter = window as unknown as { framesOf?: unknown; frames: number };
    const cy = window.__maillageCy;
    if (cy && counter.framesOf !== cy) {
      counter.framesOf = cy;
      cy.on("render", () => {
        counter.frames += 1;
      });
    }
    counter.frames = 0;
  });
  return () => target.evaluate(() => (window as unknown as { frames: number }).frames);
}

const nextFrames = (target: Page): Promise<unknown> => target.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(resolve)))));

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: `${screenshots}explorer-${name}.png` });
}

beforeAll(async () => {
  await mkdir(screenshots, { recursive: true });
  endpoint = new URL("/graphql", appUrl).toString();
  const login = await devLogin("COORDINATOR", undefined, { baseUrl: appUrl });
  token = login.token;
  const territories = await fetchTerritories({ endpoint, token });
  const gorges = territories.find((t) => normalise(t.name).includes("gorges causses"));
  if (!gorges) throw new Error("le territoire de démonstration CC Gorges Causses Cévennes manque");
  territory = gorges;
  const latest = [...territory.contracts].sort((a, b) => b.generation - a.generation)[0];
  period = latest ? { from: latest.signedOn, to: latest.endsOn } : { from: null, to: null };
  browser = await launchChromium();
  const context = await signedInContext(browser, login);
  page = await context.newPage();
  await openPage(page, "&view=structures");
});

afterAll(async () => {
  await browser?.close();
});

describe("views of the network", () => {
  it("opens the territory of the address on its structures network, as the analytics API computes it", async () => {
    const expected = await structures(STRUCTURE_MIN_WEIGHT);
    await waitForDrawn(page, tiedCount(expected), expected.ties.length);
    expect(await page.locator(".territory-choice select").inputValue()).toBe(territory.id);
    await shot("structures");
  });

  it("asks for the first network once, early or not", async () => {
    const other = await page.context().newPage();
    try {
      const asked: string[] = [];
      other.on("request", (request) => {
        const body = request.postData() ?? "";
        if (body.includes("GetCollaborationNetwork")) asked.push(body);
      });
      await openPage(other, "&view=actors", false);
      expect(asked).toHaveLength(1);
      expect(await other.getAttribute(canvas, "data-node-count")).not.toBe("0");
    } finally {
      await other.close();
    }
  });

  it("paints the ties on the canvas, not only the nodes", async () => {
    await waitForDrawn(page, null, null);
    // Midpoints of ties away from every node: the node layer must have paint there.
    const probe = await page.evaluate(() => {
      const cy = window.__maillageCy;
      const layer = document.querySelector<HTMLCanvasElement>('[data-testid="network-canvas"] canvas[data-id="layer2-node"]');
      const context = layer?.getContext("2d");
      if (!cy || !layer || !context) return { checked: 0, painted: 0 };
      const ratio = layer.width / layer.clientWidth;
      const boxes = cy.nodes().map((n) => n.renderedBoundingBox({}));
      let checked = 0;
      let painted = 0;
      for (const edge of cy.edges().toArray()) {
        const s = edge.source().renderedPosition();
        const t = edge.target().renderedPosition();
        // One point per tie, a third, half or two thirds of the way, clear of every node and label.
        const free = [0.5, 0.33, 0.67]
          .map((f) => ({ x: s.x + (t.x - s.x) * f, y: s.y + (t.y - s.y) * f }))
          .find((m) => m.x > 4 && m.y > 4 && m.x < layer.clientWidth - 4 && m.y < layer.clientHeight - 4 && !boxes.some((b) => m.x >= b.x1 - 3 && m.x <= b.x2 + 3 && m.y >= b.y1 - 3 && m.y <= b.y2 + 3));
        if (!free) continue;
        const pixels = context.getImageData(Math.round(free.x * ratio) - 1, Math.round(free.y * ratio) - 1, 3, 3).data;
        let alpha = 0;
        for (let i = 3; i < pixels.length; i += 4) alpha = Math.max(alpha, pixels[i] ?? 0);
        checked += 1;
        if (alpha > 0) painted += 1;
        if (checked >= 60) break;
      }
      return { checked, painted };
    });
    expect(probe.checked).toBeGreaterThan(10);
    expect(probe.painted / probe.checked).toBeGreaterThan(0.8);
  });

  it("names the node under the pointer over the canvas, without redrawing the network", async () => {
    await waitForDrawn(page, null, null);
    const spots = await page.evaluate(() => {
      const cy = window.__maillageCy;
      if (!cy) throw new Error("no Cytoscape instance");
      const nodes = cy.nodes(":not(.canvas-label)").toArray();
      const boxes = nodes.map((n) => n.renderedBoundingBox({}));
      const inside = (x: number, y: number, margin: number) => boxes.filter((b) => x >= b.x1 - margin && x <= b.x2 + margin && y >= b.y1 - margin && y <= b.y2 + margin).length;
      // A node drawn without a name, alone under its centre, and a point of the canvas away from every node.
      const node = nodes.find((n) => {
        const p = n.renderedPosition();
        return n.style("label") === "" && p.x > 60 && p.y > 60 && p.x < cy.width() - 300 && p.y < cy.height() - 60 && inside(p.x, p.y, 2) === 1;
      });
      let empty: { x: number; y: number } | null = null;
      // Away from every node, on the canvas itself (not under the title band or another overlay).
      const container = cy.container();
      const origin = container?.getBoundingClientRect();
      const onCanvas = (x: number, y: number) => {
        const hit = origin ? document.elementFromPoint(origin.left + x, origin.top + y) : null;
        return hit instanceof HTMLCanvasElement && container?.contains(hit) === true;
      };
      for (let x = 20; x < cy.width() && !empty; x += 17) {
        for (let y = 20; y < cy.height() && !empty; y += 17) if (inside(x, y, 12) === 0 && onCanvas(x, y)) empty = { x, y };
      }
      return node && empty ? { node: { ...node.renderedPosition(), label: String(node.data("label")) }, empty } : null;
    });
    const box = await page.locator(canvas).boundingBox();
    if (!spots || !box) throw new Error("no node to point at");
    const frames = await countFrames(page);
    const hover = page.getByTestId("canvas-hover");
    const label = hover.locator(".canvas-hover-label");
    const ring = hover.locator(".canvas-hover-ring");
    await page.mouse.move(box.x + spots.node.x, box.y + spots.node.y);
    await label.waitFor({ state: "visible" });
    const ringBox = await ring.boundingBox();
    if (!ringBox) throw new Error("no ring drawn");
    expect(Math.abs(ringBox.x + ringBox.width / 2 - (box.x + spots.node.x))).toBeLessThan(2);
    expect(Math.abs(ringBox.y + ringBox.height / 2 - (box.y + spots.node.y))).toBeLessThan(2);
    expect(await label.textContent()).toBe(spots.node.label);
    const labelBox = await label.boundingBox();
    if (!labelBox) throw new Error("no label drawn");
    expect(Math.abs(labelBox.x + labelBox.width / 2 - (box.x + spots.node.x))).toBeLessThan(3);
    expect(labelBox.y).toBeGreaterThan(box.y + spots.node.y);
    await shot("hover");
    // Frames later (and past Cytoscape's reaction to the pointer cursor), the canvas has drawn nothing for it.
    await page.waitForTimeout(300);
    await nextFrames(page);
    expect(await frames()).toBe(0);
    await page.mouse.move(box.x + spots.empty.x, box.y + spots.empty.y);
    await ring.waitFor({ state: "hidden" });
  });

  it("redraws the network when the canvas changes size only", async () => {
    await waitForDrawn(page, null, null);
    const frames = await countFrames(page);
    await page.evaluate(() => {
      // What Cytoscape takes for a possible resize: a window resize, an attribute of its container.
      window.dispatchEvent(new Event("resize"));
      document.querySelector('[data-testid="network-canvas"]')?.setAttribute("data-probe", "1");
    });
    // Cytoscape acts on them 0.1 s later.
    await page.waitForTimeout(400);
    await nextFrames(page);
    expect(await frames()).toBe(0);
    const size = page.viewportSize();
    if (!size) throw new Error("no viewport size");
    await page.setViewportSize({ width: size.width - 100, height: size.height });
    try {
      await expect.poll(frames).toBeGreaterThan(0);
      const width = await page.evaluate(() => window.__maillageCy?.width() ?? 0);
      expect(width).toBe(Math.round((await page.locator(canvas).boundingBox())?.width ?? -1));
    } finally {
      await page.setViewportSize(size);
      await page.evaluate(() => document.querySelector('[data-testid="network-canvas"]')?.removeAttribute("data-probe"));
    }
  });

  it("draws a network without queueing work for the next frame, and a moved node still moves its tie", async () => {
    await waitForDrawn(page, null, null);
    // A Cytoscape of its own beside the page's, drawn by the same (patched) canvas renderer.
    const result = await page.evaluate(async () => {
      const app = window.__maillageCy;
      if (!app) throw new Error("no Cytoscape instance");
      const Core = app.constructor as new (options: object) => NonNullable<typeof window.__maillageCy>;
      const container = document.createElement("div");
      container.style.cssText = "position: fixed; left: 0; top: 0; width: 400px; height: 300px; background: white";
      document.body.append(container);
      const elements: ElementDefinition[] = [];
      for (let i = 0; i < 40; i += 1) elements.push({ group: "nodes", data: { id: `n${i}`, size: 8 + (i % 5) * 3 }, position: { x: (i % 8) * 50, y: Math.floor(i / 8) * 50 } });
      for (let i = 0; i < 39; i += 1) elements.push({ group: "edges", data: { id: `e${i}`, source: `n${i}`, target: `n${i + 1}` } });
      const cy = new Core({
        container,
        style: [
          { selector: "node", style: { width: "data(size)", height: "data(size)" } },
          { selector: "edge", style: { width: 2, "line-color": "#444", opacity: 0.6 } },
        ],
      });
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const frames = async (n: number) => {
        for (let i = 0; i < n; i += 1) await frame();
      };
      // Added once the empty canvas is drawn, as the page adds its networks.
      await frames(2);
      cy.add(elements);
      // What the renderer recomputes for each frame (the rendered style of the elements queued
      // since the last one). Before the patch, drawing the first frame queued every element again.
      const renderer = (cy as unknown as { renderer(): { recalculateRenderedStyle(eles: ArrayLike<unknown>, useCache?: boolean): void } }).renderer();
      const recalculate = renderer.recalculateRenderedStyle;
      let drawn = 0;
      const recomputed: number[] = [];
      renderer.recalculateRenderedStyle = function (eles, useCache) {
        if (drawn > 0 && eles.length > 1) recomputed.push(eles.length);
        recalculate.call(this, eles, useCache);
      };
      cy.on("render", () => {
        if (cy.elements().nonempty()) drawn += 1;
      });
      await frames(6);
      const afterFirstFrame = [...recomputed];
      cy.getElementById("n0").position({ x: 300, y: 250 });
      await frames(3);
      const afterMove = recomputed.slice(afterFirstFrame.length);
      const tie = cy.getElementById("e0") as unknown as { _private: { rscratch: { allpts?: number[] } } };
      const points = [...(tie._private.rscratch.allpts ?? [])];
      cy.destroy();
      container.remove();
      return { drawn, afterFirstFrame, afterMove, points };
    });
    expect(result.drawn).toBeGreaterThan(0);
    expect(result.afterFirstFrame).toEqual([]);
    expect(result.afterMove.length).toBeGreaterThan(0);
    // The tie now starts at the moved node (haystack points are the nodes' centres).
    expect(Math.hypot((result.points[0] ?? 0) - 300, (result.points[1] ?? 0) - 250)).toBeLessThan(8);
  });

  it("keeps the middle of the picture in the middle of the canvas when the details panel opens beside it", async () => {
    await waitForDrawn(page, null, null);
    await page.keyboard.press("Escape");
    await page.locator('[data-testid="details-panel"]').waitFor({ state: "detached" });
    // The point of the network at the middle of the canvas (model coordinates), and a node to click.
    const before = await middle();
    const target = await page.evaluate(() => {
      const cy = window.__maillageCy;
      const node = cy?.nodes().toArray().find((n) => n.renderedPosition().x > 40 && n.renderedPosition().x < cy.width() / 2);
      return node ? node.renderedPosition() : null;
    });
    const box = await page.locator(canvas).boundingBox();
    if (!target || !box) throw new Error("no node to click");
    await page.mouse.click(box.x + target.x, box.y + target.y);
    await page.locator('[data-testid="details-panel"]').waitFor({ state: "visible" });
    await page.waitForFunction((width) => (window.__maillageCy?.width() ?? width) < width, before.width);
    const after = await middle();
    expect(Math.abs(after.x - before.x)).toBeLessThan(2);
    expect(Math.abs(after.y - before.y)).toBeLessThan(2);
    await page.keyboard.press("Escape");
  });

  it("keeps the middle too when Cytoscape took the new size before the page saw it", async () => {
    if ((await page.locator('[data-testid="details-panel"]').count()) > 0) await page.keyboard.press("Escape");
    await page.locator('[data-testid="details-panel"]').waitFor({ state: "detached" });
    await page.waitForFunction(() => {
      const cy = window.__maillageCy;
      return cy !== undefined && cy.container()?.clientWidth === cy.width();
    });
    const before = await middle();
    // Cytoscape resizes itself 0.1 s after an attribute of its container changes (a selection):
    // on a slow machine that can come before the page's own resize observer.
    await page.evaluate(() => {
      const cy = window.__maillageCy;
      const container = cy?.container();
      if (!cy || !container) throw new Error("no Cytoscape instance");
      container.style.width = `${container.clientWidth - 240}px`;
      cy.resize();
    });
    await page.waitForFunction((width) => (window.__maillageCy?.width() ?? width) < width, before.width);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const after = await middle();
    await page.evaluate(() => {
      const container = window.__maillageCy?.container();
      if (container) container.style.width = "";
    });
    await page.waitForFunction((width) => window.__maillageCy?.width() === width, before.width);
    expect(Math.abs(after.x - before.x)).toBeLessThan(2);
    expect(Math.abs(after.y - before.y)).toBeLessThan(2);
  });

  it("switches to the actors view: people tied by shared work groups and events", async () => {
    const expected = drawn(await fetchCollaborationNetwork(territory.id, "ACTOR", period, { minWeight: ACTOR_MIN_WEIGHT }, { endpoint, token }));
    await page.click('[data-view="actors"]');
    await waitForDrawn(page, tiedCount(expected), expected.ties.length);
    expect(await page.locator('[data-testid="network-counts"]').textContent()).toContain("acteurs");
    expect(await page.getAttribute('[data-view="actors"]', "aria-pressed")).toBe("true");
    await shot("actors");
  });

  it("switches to the two-mode view: who sits in which work group", async () => {
    const data = await gql<{ participationNetwork: { actors: unknown[]; workGroups: unknown[]; participations: unknown[] } }>(
      `query ($territoryId: ID!, $window: WindowInput) { participationNetwork(territoryId: $territoryId, window: $window) {
        actors { id } workGroups { id } participations { actorId } } }`,
      { territoryId: territory.id, window: period },
    );
    const p = data.participationNetwork;
    await page.click('[data-view="participation"]');
    await waitForDrawn(page, p.actors.length + p.workGroups.length, p.participations.length);
    expect(await page.locator('[data-testid="network-counts"]').textContent()).toContain("participations");
    expect(await page.locator('[data-testid="legend"]').textContent()).toContain("Groupe de travail");
    await shot("participation");
  });

  it("moves between views with the arrow keys", async () => {
    await page.click('[data-view="participation"]');
    await waitForDrawn(page, null, null);
    await page.focus('[data-view="participation"]');
    await page.keyboard.press("ArrowLeft");
    expect(await page.getAttribute('[data-view="actors"]', "aria-pressed")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-view"))).toBe("actors");
    await page.keyboard.press("ArrowLeft");
    expect(await page.getAttribute('[data-view="structures"]', "aria-pressed")).toBe("true");
    await waitForDrawn(page, null, null);
  });
});

describe("territory map", () => {
  it("draws commune contours under the structures, placed in their communes", async () => {
    const catalog = await gql<{ territoryCatalog: { communes: { code: string; contour: string | null }[] } }>(
      `query ($territoryId: ID!) { territoryCatalog(territoryId: $territoryId) { communes { code contour } } }`,
      { territoryId: territory.id },
    );
    const withContour = catalog.territoryCatalog.communes.filter((c) => c.contour !== null).length;
    expect(withContour).toBeGreaterThan(10);
    const expected = await structures(STRUCTURE_MIN_WEIGHT);
    await page.click('[data-view="map"]');
    // The map keeps every structure, tied or not: each sits in its commune.
    await waitForDrawn(page, expected.nodes.length, expected.ties.length);
    const underlay = page.locator('[data-testid="map-underlay"]');
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-testid="map-underlay"]')?.dataset.drawnCount) > 0);
    expect(Number(await underlay.getAttribute("data-drawn-count"))).toBe(withContour);
    // A structure sits where its commune is: inside the contour's box on screen.
    const node = expected.nodes.find((n) => n.communeCode !== null && n.kind === "STRUCTURE");
    if (!node) throw new Error("aucune structure localisée");
    const inside = await page.evaluate((id) => {
      const cy = window.__maillageCy;
      const element = cy?.getElementById(id);
      return element && element.nonempty() ? element.position() : null;
    }, node.id);
    expect(inside).not.toBeNull();
    await shot("map");
  });

  it("colours communes by coverage on an axis and names the white zones in the legend", async () => {
    await page.check('[data-testid="coverage-toggle"]');
    const legend = page.locator('[data-testid="legend-coverage"]');
    await legend.waitFor({ state: "visible" });
    expect(await legend.textContent()).toContain("zone blanche");
    const axis = await page.locator('[data-testid="coverage-axis"] option').nth(1).getAttribute("value");
    if (!axis) throw new Error("aucun axe");
    await page.selectOption('[data-testid="coverage-axis"]', axis);
    await legend.waitFor({ state: "visible" });
    await shot("map-coverage");
    await page.uncheck('[data-testid="coverage-toggle"]');
  });

  it("opens a commune found by the search, with its structures and its coverage by axis", async () => {
    const data = await gql<{ territoryCatalog: { communes: { code: string; name: string }[]; axes: unknown[] } }>(
      `query ($territoryId: ID!) { territoryCatalog(territoryId: $territoryId) { communes { code name } axes { id } } }`,
      { territoryId: territory.id },
    );
    const commune = [...data.territoryCatalog.communes].sort((a, b) => a.name.localeCompare(b.name))[0];
    if (!commune) throw new Error("aucune commune");
    await page.fill("#search-input", normalise(commune.name));
    const option = page.locator('[data-testid="search-results"] [role="option"]', { hasText: "Commune" }).first();
    await option.waitFor({ state: "visible" });
    await option.dispatchEvent("mousedown");
    const panel = page.locator('[data-testid="details-panel"]');
    await panel.locator("h2", { hasText: commune.name }).waitFor({ state: "visible", timeout: 30_000 });
    const rows = panel.locator('[data-testid="commune-coverage"] tr');
    await rows.first().waitFor({ state: "visible" });
    expect(await rows.count()).toBe(data.territoryCatalog.axes.length);
    // Each axis's row says what the API counts there, events included (written here, not with the page's wording).
    type Cell = { axis: { name: string }; workingStructures: number; workingActors: number; attendingStructures: number; events: number; isCovered: boolean };
    const details = await gql<{ communeDetails: { coverage: Cell[] } }>(
      `query ($territoryId: ID!, $code: ID!, $window: WindowInput) {
        communeDetails(territoryId: $territoryId, code: $code, window: $window) {
          coverage { axis { name } workingStructures workingActors attendingStructures events isCovered } } }`,
      { territoryId: territory.id, code: commune.code, window: period },
    );
    const count = (n: number, one: string, many: string) => `${new Intl.NumberFormat("fr-FR").format(n)} ${n > 1 ? many : one}`;
    const expected = details.communeDetails.coverage.map((c) =>
      `${c.axis.name}${[
        c.isCovered
          ? [count(c.workingStructures, "structure", "structures"), count(c.workingActors, "acteur", "acteurs"), ...(c.events > 0 ? [count(c.events, "événement", "événements")] : [])].join(" · ")
          : "zone blanche",
        ...(c.attendingStructures > 0 ? [`${count(c.attendingStructures, "structure venue", "structures venues")} à des événements seulement`] : []),
      ].join(" · ")}`,
    );
    expect(await rows.allTextContents()).toEqual(expected);
    // The map brings the commune into view beside its panel (the first commune by name lies at the edge of the territory).
    await page.waitForFunction(
      () => {
        const map = document.querySelector<HTMLCanvasElement>('[data-testid="map-underlay"]');
        const [x, y] = (map?.dataset.selectedAt ?? "").split(",").map(Number);
        if (!map || x === undefined || y === undefined || Number.isNaN(x) || Number.isNaN(y)) return false;
        return x > map.clientWidth * 0.1 && x < map.clientWidth * 0.9 && y > map.clientHeight * 0.1 && y < map.clientHeight * 0.9;
      },
      undefined,
      { timeout: 10_000 },
    );
    await shot("commune-panel");
    await page.keyboard.press("Escape");
    await page.click('[data-view="structures"]');
    await waitForDrawn(page, null, null);
  });
});

describe("filters", () => {
  it("filters by priority axis with a removable chip, as the API does", async () => {
    const axis = await page.locator('[data-testid="axis-filter"] option').nth(2).getAttribute("value");
    if (!axis) throw new Error("aucun axe");
    const expected = await structures(STRUCTURE_MIN_WEIGHT, { axisIds: [axis] });
    const all = await structures(STRUCTURE_MIN_WEIGHT);
    expect(expected.ties.length).toBeLessThan(all.ties.length);
    await page.selectOption('[data-testid="axis-filter"]', axis);
    await waitForDrawn(page, tiedCount(expected), expected.ties.length);
    const chip = page.locator('[data-testid="filter-chips"] [data-filter="axis"]');
    expect(await chip.textContent()).toContain("Axe :");
    await shot("filter-axis");
    await chip.getByRole("button").click();
    await waitForDrawn(page, tiedCount(all), all.ties.length);
  });

  it("filters by a minimum weight with a chip, and removing the chip brings every significant tie back", async () => {
    const every = await structures(1);
    const chip = page.locator('[data-testid="filter-chips"] [data-filter="minWeight"]');
    await page.fill("#min-weight", "2");
    await waitForDrawn(page, null, (await structures(2)).ties.length);
    expect(await chip.textContent()).toContain("au moins 2 groupes");
    await chip.getByRole("button").click();
    await chip.waitFor({ state: "detached" });
    await waitForDrawn(page, tiedCount(every), every.ties.length);
  });

  it("keeps the organisations of one commune, with a chip", async () => {
    const all = await structures(STRUCTURE_MIN_WEIGHT);
    const counts = new Map<string, number>();
    for (const n of all.nodes) if (n.communeCode) counts.set(n.communeCode, (counts.get(n.communeCode) ?? 0) + 1);
    const [code] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
    if (!code) throw new Error("aucune commune");
    const kept = new Set(all.nodes.filter((n) => n.communeCode === code).map((n) => n.id));
    const inside = all.ties.filter((t) => kept.has(t.source) && kept.has(t.target));
    await page.selectOption('[data-testid="commune-filter"]', code);
    await waitForDrawn(page, tiedCount({ ...all, ties: inside }), inside.length);
    const chip = page.locator('[data-testid="filter-chips"] [data-filter="commune"]');
    expect(await chip.textContent()).toContain("Commune :");
    await chip.getByRole("button").click();
    await waitForDrawn(page, tiedCount(all), all.ties.length);
  });

  it("draws the network of a period typed by hand", async () => {
    const typed = { from: "2022-01-01", to: "2022-12-31" };
    const expected = await structures(STRUCTURE_MIN_WEIGHT, {}, typed);
    await page.fill('.time-window-dates input[type="date"] >> nth=0', typed.from);
    await page.fill('.time-window-dates input[type="date"] >> nth=1', typed.to);
    await page.click('.time-window-dates button[type="submit"]');
    await waitForDrawn(page, tiedCount(expected), expected.ties.length);
    expect(await page.locator('[data-testid="active-window"]').textContent()).toContain("01/01/2022");
    const current = [...territory.contracts].sort((a, b) => b.generation - a.generation)[0];
    if (current) await page.selectOption('[data-testid="time-window-preset"]', current.id);
    await waitForDrawn(page, null, (await structures(STRUCTURE_MIN_WEIGHT)).ties.length);
  });

  it("keeps only the chosen categories of actors in the actors view", async () => {
    const kept = ["PROFESSIONAL", "VOLUNTEER", "INSTITUTIONAL"] as const;
    const expected = drawn(await fetchCollaborationNetwork(territory.id, "ACTOR", period, { minWeight: ACTOR_MIN_WEIGHT, categories: [...kept] }, { endpoint, token }));
    await page.click('[data-view="actors"]');
    await waitForDrawn(page, null, null);
    await page.uncheck('input[data-actor-category="ELECTED"]');
    await waitForDrawn(page, tiedCount(expected), expected.ties.length);
    expect(expected.nodes.every((n) => n.category !== "ELECTED")).toBe(true);
    const chip = page.locator('[data-testid="filter-chips"] [data-filter="actorCategories"]');
    expect(await chip.textContent()).toContain("Acteurs :");
    await chip.getByRole("button").click();
    await page.click('[data-view="structures"]');
    await waitForDrawn(page, null, (await structures(STRUCTURE_MIN_WEIGHT)).ties.length);
  });

  it("counts only pilots and co-pilots when asked", async () => {
    const expected = await structures(STRUCTURE_MIN_WEIGHT, { roles: ["PILOT", "CO_PILOT"] });
    await page.selectOption('[data-testid="role-filter"]', "PILOTS");
    await waitForDrawn(page, tiedCount(expected), expected.ties.length);
    expect(await page.locator('[data-testid="filter-chips"] [data-filter="role"]').textContent()).toContain("Pilotes et co-pilotes");
    await page.selectOption('[data-testid="role-filter"]', "ALL");
    await waitForDrawn(page, null, (await structures(STRUCTURE_MIN_WEIGHT)).ties.length);
  });
});

describe("metrics and the coordinator's lists", () => {
  it("colours by community with a legend row per community drawn", async () => {
    const network = await structures(STRUCTURE_MIN_WEIGHT);
    // Communities of the drawn nodes: an untied node (its own community) waits behind the chip.
    const tied = new Set(network.ties.flatMap((t) => [t.source, t.target]));
    const communities = new Set(network.nodes.filter((n) => tied.has(n.id)).map((n) => n.metrics?.community));
    await page.selectOption('[data-testid="colour-by"]', "community");
    const legend = page.locator('[data-testid="legend-communities"] li');
    await legend.first().waitFor({ state: "visible" });
    const named = [...communities].filter((c) => c !== undefined && c < 10).length;
    expect(await legend.count()).toBe(named + (communities.size > named ? 1 : 0));
    await page.selectOption('[data-testid="size-by"]', "betweenness");
    expect(await page.locator('[data-testid="legend"]').textContent()).toContain("intermédiarité");
    await shot("communities");
    await page.selectOption('[data-testid="colour-by"]', "category");
    await page.selectOption('[data-testid="size-by"]', "members");
  });

  it("lists the brokers by betweenness, the isolated structures and those tied through a single person, of the drawn network", async () => {
    const network = await structures(STRUCTURE_MIN_WEIGHT);
    const tied = new Set(network.ties.flatMap((t) => [t.source, t.target]));
    const isolated = network.nodes.filter((n) => !tied.has(n.id));
    expect(Number(await page.locator('[data-testid="list-isolated"] .details-subtitle-count').textContent())).toBe(isolated.length);
    // Tied to the network, with one active member only: the API's counts, read here, not by the page's code.
    const single = network.nodes.filter((n) => tied.has(n.id) && n.activeMemberCount === 1).map((n) => n.name);
    expect(single.length, "the demo has organisations hanging on one person").toBeGreaterThan(0);
    const singleList = page.locator('[data-testid="list-single-person"]');
    expect(Number(await singleList.locator(".details-subtitle-count").textContent())).toBe(single.length);
    const more = singleList.locator(".link-button--more");
    if ((await more.count()) > 0) await more.click();
    expect((await singleList.locator("ol button").allTextContents()).sort()).toEqual([...single].sort());
    const top = [...network.nodes].sort((a, b) => (b.metrics?.betweenness ?? 0) - (a.metrics?.betweenness ?? 0))[0];
    const firstBroker = page.locator('[data-testid="list-brokers"] button').first();
    expect(await firstBroker.textContent()).toBe(top?.name);
    await firstBroker.click();
    await expect(page.locator('[data-testid="details-panel"] h2').textContent()).resolves.toBe(top?.name);
    expect(await page.getAttribute(canvas, "data-selected-id")).toBe(top?.id);
  });
});

describe("focus", () => {
  it("shows the ego network at depth 2 of the API, expands and collapses a node, and leaves the focus", async () => {
    // A centre with a neighbour whose own partners are not all around the centre: expanding shows more.
    const network = await structures(STRUCTURE_MIN_WEIGHT);
    const adjacency = new Map<string, Set<string>>();
    for (const t of network.ties) {
      adjacency.set(t.source, (adjacency.get(t.source) ?? new Set()).add(t.target));
      adjacency.set(t.target, (adjacency.get(t.target) ?? new Set()).add(t.source));
    }
    const candidate = [...network.nodes]
      .sort((a, b) => (adjacency.get(a.id)?.size ?? 0) - (adjacency.get(b.id)?.size ?? 0))
      .find((n) => {
        const around = new Set([n.id, ...(adjacency.get(n.id) ?? [])]);
        return [...(adjacency.get(n.id) ?? [])].some((m) => [...(adjacency.get(m) ?? [])].some((x) => !around.has(x)));
      });
    if (!candidate) throw new Error("aucun centre dont un voisin a d'autres partenaires");
    await page.fill("#search-input", candidate.name);
    await page.keyboard.press("Enter");
    await page.locator('[data-testid="details-panel"] h2', { hasText: candidate.name }).waitFor();
    const centre = await page.getAttribute(canvas, "data-selected-id");
    if (!centre) throw new Error("aucun nœud sélectionné");
    const egoQuery = `query ($territoryId: ID!, $nodeId: ID!, $depth: Int!, $window: WindowInput, $filter: NetworkFilterInput, $backbone: BackboneInput) {
      egoNetwork(territoryId: $territoryId, nodeId: $nodeId, depth: $depth, window: $window, filter: $filter, backbone: $backbone) {
        members { distance node { id label } } ties { weight } } }`;
    type Ego = { egoNetwork: { members: { distance: number; node: { id: string; label: string } }[]; ties: unknown[] } };
    const ego = async (nodeId: string, depth: number) =>
      (await gql<Ego>(egoQuery, { territoryId: territory.id, nodeId, depth, window: period, filter: { minWeight: STRUCTURE_MIN_WEIGHT }, backbone: null })).egoNetwork;
    const around = await ego(centre, 1);
    await page.selectOption('[data-testid="focus-depth"]', "1");
    await page.click('[data-testid="focus-ego"]');
    await waitForDrawn(page, around.members.length, around.ties.length);
    expect(await page.locator('[data-testid="focus-banner"]').textContent()).toContain("1 niveau");

    // Expanding a neighbour brings in its own neighbours; collapsing it takes them out again.
    const centreIds = new Set(around.members.map((m) => m.node.id));
    let neighbour: { id: string; label: string } | null = null;
    let grown = 0;
    for (const member of around.members.filter((m) => m.distance === 1)) {
      const theirs = await ego(member.node.id, 1);
      const union = new Set([...centreIds, ...theirs.members.map((m) => m.node.id)]);
      if (union.size > centreIds.size) {
        neighbour = member.node;
        grown = union.size;
        break;
      }
    }
    expect(neighbour, "a neighbour of the broker has partners of its own").not.toBeNull();
    if (neighbour) {
      await page.fill("#search-input", neighbour.label);
      await page.keyboard.press("Enter");
      await page.locator('[data-testid="details-panel"] h2', { hasText: neighbour.label }).waitFor();
      await page.click('[data-testid="focus-expand"]');
      await waitForDrawn(page, grown, null);
      await page.click('[data-testid="focus-collapse"]');
      await waitForDrawn(page, around.members.length, null);
    }

    const wide = await ego(centre, 2);
    await page.fill("#search-input", around.members.find((m) => m.distance === 0)?.node.label ?? "");
    await page.keyboard.press("Enter");
    await page.selectOption('[data-testid="focus-depth"]', "2");
    await page.click('[data-testid="focus-ego"]');
    await waitForDrawn(page, wide.members.length, wide.ties.length);
    expect(await page.locator('[data-testid="focus-banner"]').textContent()).toContain("2 niveaux");
    await shot("ego");
    await page.click('[data-testid="focus-clear"]');
    await waitForDrawn(page, tiedCount(await structures(STRUCTURE_MIN_WEIGHT)), null);
  });

  it("draws the shortest collaboration path to another node, as long as the API's", async () => {
    const network = await structures(STRUCTURE_MIN_WEIGHT);
    const from = await page.getAttribute(canvas, "data-selected-id");
    const tied = new Set(network.ties.flatMap((t) => [t.source, t.target]));
    const target = [...network.nodes].reverse().find((n) => n.id !== from && tied.has(n.id));
    if (!from || !target) throw new Error("pas de paire de nœuds");
    const path = await gql<{ collaborationPath: { length: number | null } }>(
      `query ($territoryId: ID!, $fromId: ID!, $toId: ID!, $window: WindowInput, $filter: NetworkFilterInput, $backbone: BackboneInput) {
        collaborationPath(territoryId: $territoryId, fromId: $fromId, toId: $toId, window: $window, filter: $filter, backbone: $backbone) { length } }`,
      { territoryId: territory.id, fromId: from, toId: target.id, window: period, filter: { minWeight: STRUCTURE_MIN_WEIGHT }, backbone: null },
    );
    await page.fill('[data-testid="path-target"]', target.name);
    await page.keyboard.press("Enter");
    const banner = page.locator('[data-testid="focus-banner"]');
    await banner.waitFor({ state: "visible" });
    const length = path.collaborationPath.length;
    expect(await banner.textContent()).toContain(length === null ? "Aucun chemin" : `(${length} lien`);
    expect(await page.locator('[data-testid="legend"]').textContent()).toContain("Chemin le plus court");
    await shot("path");
    await page.click('[data-testid="focus-clear"]');
  });
});

describe("time", () => {
  it("compares the current contract with the previous one: ties gained and lost", async () => {
    const contracts = [...territory.contracts].sort((a, b) => b.generation - a.generation);
    const previous = contracts[1];
    if (!previous) throw new Error("un seul contrat");
    const before = await structures(STRUCTURE_MIN_WEIGHT, {}, { from: previous.signedOn, to: previous.endsOn });
    const after = await structures(STRUCTURE_MIN_WEIGHT);
    const key = (t: { source: string; target: string }) => `${t.source}|${t.target}`;
    const beforeKeys = new Set(before.ties.map(key));
    const afterKeys = new Set(after.ties.map(key));
    const gained = after.ties.filter((t) => !beforeKeys.has(key(t))).length;
    const lost = before.ties.filter((t) => !afterKeys.has(key(t))).length;
    const layoutBefore = await page.getAttribute(canvas, "data-layout-key");
    await page.check('[data-testid="compare-toggle"]');
    const summary = page.locator('[data-testid="compare-summary"]');
    await summary.waitFor({ state: "visible", timeout: 60_000 });
    // The picture kept is of the two periods drawn, not of the layout on its way.
    await page.waitForFunction(
      ({ selector, before }) => {
        const element = document.querySelector<HTMLElement>(selector);
        return element?.dataset.layoutKey !== before && element?.dataset.state === "ready" && element.dataset.settled === "true";
      },
      { selector: canvas, before: layoutBefore },
      { timeout: 60_000 },
    );
    const text = (await summary.textContent()) ?? "";
    expect(text).toContain(`${new Intl.NumberFormat("fr-FR").format(gained)} lien`);
    expect(text).toContain(`${new Intl.NumberFormat("fr-FR").format(lost)} lien`);
    expect(await page.locator('[data-testid="legend-comparison"]').textContent()).toContain("Lien perdu");
    await shot("compare");
    await page.uncheck('[data-testid="compare-toggle"]');
    await waitForDrawn(page, null, after.ties.length);
  });
});

describe("layouts", () => {
  it("lays the network out in rings by metric, then grouped by priority axis with the axes' names", async () => {
    await page.click('[data-view="structures"]');
    await waitForDrawn(page, null, null);
    // Nothing selected: the pictures show the layouts, not one node's partners over a faded network.
    const panel = page.locator('[data-testid="details-panel"]');
    if ((await panel.count()) > 0) {
      await panel.getByRole("button", { name: "Fermer le panneau (Échap)" }).click();
      await panel.waitFor({ state: "detached" });
    }
    expect(await page.getAttribute(canvas, "data-selected-id")).toBe("");
    const firstKey = await page.getAttribute(canvas, "data-layout-key");
    await page.selectOption('[data-testid="layout"]', "concentric");
    await page.waitForFunction(({ selector, key }) => document.querySelector(selector)?.getAttribute("data-layout-key") !== key, { selector: canvas, key: firstKey });
    await waitForDrawn(page, null, null);
    await shot("layout-concentric");
    await page.selectOption('[data-testid="layout"]', "axis");
    await page.waitForFunction(() => (window.__maillageCy?.nodes(".canvas-label").length ?? 0) > 0);
    const labels = await page.evaluate(() => window.__maillageCy?.nodes(".canvas-label").map((n) => String(n.data("label"))) ?? []);
    const axes = await gql<{ territoryCatalog: { axes: { name: string }[] } }>(
      `query ($territoryId: ID!) { territoryCatalog(territoryId: $territoryId) { axes { name } } }`,
      { territoryId: territory.id },
    );
    const names = new Set(axes.territoryCatalog.axes.map((a) => a.name));
    expect(labels.filter((l) => names.has(l)).length).toBeGreaterThan(0);
    await waitForDrawn(page, null, null);
    await shot("layout-axis");
    await page.selectOption('[data-testid="layout"]', "force");
    await waitForDrawn(page, null, null);
  });

  it("does not move the nodes under a reader who started working before the force layout was done, and moves them on request", async () => {
    const places = () => page.evaluate(() => window.__maillageCy?.nodes().map((n) => `${n.id()}@${Math.round(n.position("x"))},${Math.round(n.position("y"))}`).join(" ") ?? "");
    // The larger territory's actors (over 1,400 with a significant tie): drawn at once, grouped by
    // community, while the force layout runs (the small territory's backbone has too few to need it).
    await page.goto(`${appUrl}/?territory=pays-cevennes&bench=1&view=actors`);
    await page.waitForSelector(`${canvas}[data-state="ready"][data-settled="false"]`, { timeout: 120_000 });
    const grouped = await places();
    const box = await page.locator(canvas).boundingBox();
    if (!box) throw new Error("no canvas");
    // A click on the canvas itself (the title band and the legend lie over its top corner).
    const spot = await page.evaluate(() => {
      const cy = window.__maillageCy;
      const container = cy?.container();
      const origin = container?.getBoundingClientRect();
      if (!cy || !container || !origin) return null;
      for (let y = cy.height() - 20; y > 20; y -= 17) {
        for (let x = 20; x < cy.width(); x += 17) {
          const hit = document.elementFromPoint(origin.left + x, origin.top + y);
          if (hit instanceof HTMLCanvasElement && container.contains(hit)) return { x, y };
        }
      }
      return null;
    });
    if (!spot) throw new Error("no free spot on the canvas");
    await page.mouse.click(box.x + spot.x, box.y + spot.y);
    const waiting = page.locator('[data-testid="layout-refining"]', { hasText: "La disposition par forces est prête." });
    await waiting.waitFor({ timeout: 120_000 });
    expect(await page.getAttribute(canvas, "data-settled")).toBe("false");
    expect(await places()).toBe(grouped);
    await shot("layout-waiting");
    await waiting.getByRole("button", { name: "Appliquer" }).click();
    await page.waitForSelector(`${canvas}[data-state="ready"][data-settled="true"]`, { timeout: 30_000 });
    expect(await places()).not.toBe(grouped);
    expect(await page.locator('[data-testid="layout-refining"]').count()).toBe(0);
    await openPage(page, "&view=structures");
  }, 240_000);
});

describe("details", () => {
  it("names an institution's type in French, not by its code", async () => {
    await page.fill("#search-input", "Sous-préfecture");
    await page.keyboard.press("Enter");
    const panel = page.locator('[data-testid="details-panel"]');
    await panel.locator("h2", { hasText: "Sous-préfecture de Florac" }).waitFor();
    const facts = await panel.locator(".details-facts").first().evaluate((dl) => {
      const pairs: Record<string, string> = {};
      dl.querySelectorAll("dt").forEach((dt) => {
        pairs[dt.textContent ?? ""] = dt.nextElementSibling?.textContent ?? "";
      });
      return pairs;
    });
    // The seed stores the institution's kind as SOUS_PREFECTURE.
    expect(facts.Type).toBe("Sous-préfecture");
    const codes = /\b(SOUS_PREFECTURE|PREFECTURE|DEPARTEMENT|EDUCATION_NATIONALE|REGION|PAYS)\b/;
    expect(await panel.textContent()).not.toMatch(codes);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "detached" });
    // Its commune's panel lists it with its type in French too.
    await page.fill("#search-input", "florac trois");
    const option = page.locator('[data-testid="search-results"] [role="option"]', { hasText: "Commune" }).first();
    await option.waitFor({ state: "visible" });
    await option.dispatchEvent("mousedown");
    await panel.locator("h2", { hasText: "Florac Trois Rivières" }).waitFor();
    await panel.locator("li", { hasText: "Sous-préfecture de Florac" }).waitFor();
    expect(await panel.locator("li", { hasText: "Sous-préfecture de Florac" }).first().textContent()).toContain("Sous-préfecture de Florac · Sous-préfecture");
    expect(await panel.textContent()).not.toMatch(codes);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "detached" });
  });
});

describe("work groups", () => {
  it("finds a work group by its name and shows its members and events", async () => {
    const data = await gql<{ territoryCatalog: { workGroups: { id: string; name: string }[] } }>(
      `query ($territoryId: ID!) { territoryCatalog(territoryId: $territoryId) { workGroups { id name } } }`,
      { territoryId: territory.id },
    );
    const group = data.territoryCatalog.workGroups[0];
    if (!group) throw new Error("aucun groupe de travail");
    await page.fill("#search-input", group.name.slice(0, 18));
    const option = page.locator('[data-testid="search-results"] [role="option"]', { hasText: "Groupe de travail" }).first();
    await option.waitFor({ state: "visible" });
    await option.dispatchEvent("mousedown");
    const panel = page.locator('[data-testid="details-panel"]');
    await panel.locator('[data-testid="details-fetched"]').waitFor({ state: "visible", timeout: 30_000 });
    expect(await panel.locator("h2").textContent()).not.toBe("");
    expect(await panel.locator(".details-kind").textContent()).toContain("Groupe de travail");
    await shot("work-group-panel");
    await page.keyboard.press("Escape");
  });
});

describe("errors", () => {
  it("says in French what went wrong and offers to retry when the API fails", async () => {
    await page.route("**/graphql", (route) => route.fulfill({ status: 503, body: "indisponible" }));
    await page.selectOption('[data-testid="time-window-preset"]', "all");
    const alert = page.locator('[role="alert"]', { hasText: "Le réseau n'a pas pu être chargé" });
    await alert.waitFor({ state: "visible", timeout: 30_000 });
    expect(await alert.textContent()).toContain("Réessayez");
    await shot("error");
    await page.unroute("**/graphql");
    await alert.getByRole("button", { name: "Réessayer" }).click();
    await alert.waitFor({ state: "detached", timeout: 60_000 });
    // The canvas was emptied under the error (no earlier picture kept): the retried network fills it.
    await expect.poll(async () => (await drawnCounts(page)).nodes, { timeout: 60_000 }).toBeGreaterThan(0);
    await waitForDrawn(page, null, null);
  });
});
