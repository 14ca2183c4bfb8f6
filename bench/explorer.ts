/**
 * The explorer benchmark (issue 3, "Quality / Performance"): the built page in headless Chromium,
 * for the demo territory and a 5× copy, structures and actors views, canvas and WebGL renderers.
 * Measures navigation → drawn, → interactive (a real click on a node opens the details panel),
 * frame rate while dragging and wheeling the view. Writes bench/RESULTS-explorer.md and its own
 * section of bench/RESULTS.md. Runs alone: `npx tsx bench/explorer.ts`; stops by itself.
 * `BENCH_EXPLORER_TERRITORIES=demo` skips the 5× territory, `BENCH_EXPLORER_VIEWS=actors` and
 * `BENCH_EXPLORER_RENDERERS=canvas` the others (quicker runs while working on the page).
 */
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { PAYS_CEVENNES, seedTerritory, type TerritorySpec } from "../seed/src/index.js";
import { AnalyticsService } from "../server/src/analytics/service.js";
import { createAppAuth } from "../server/src/auth/index.js";
import { derivePseudonymSecret } from "../server/src/auth/secrets.js";
import { LOCAL_GEO_COPY, repoRoot } from "../server/src/config.js";
import { buildSchema } from "../server/src/graphql/schema.js";
import { createApp } from "../server/src/http/app.js";
import { warmUpServer } from "../server/src/http/warmUp.js";
import { createLogger } from "../server/src/logger.js";
import { connectDriver } from "../server/src/neo4j/driver.js";
import { findFreePort, startLocalNeo4j } from "../server/src/neo4j/localNeo4j.js";
import { createQueryRunner, loadQueries } from "../server/src/neo4j/queries.js";
import { currentContractWindow, devLogin, sessionScript, viewCandidates, type DevSession, type TimeWindow } from "./browserApi.js";
import { LAUNCH_FLAGS, launchChromium, type Renderer } from "./browserLaunch.js";
import {
  CANVAS_SELECTOR,
  emptyPoint,
  nodePoint,
  PROBE_SCRIPT,
  readErrors,
  readMarks,
  readRequests,
  readStates,
  readyTarget,
  rendererInfo,
  startFrames,
  stopFrames,
  viewport,
  waitForMark,
  type RendererInfo,
} from "./browserProbe.js";
import { frameStats, identifyView, repeated, spliceSection, type FrameStats, type ViewCandidate } from "./browserStats.js";
import { renderExplorerResults, type ExplorerRun, type Measurement } from "./browserReport.js";
import { PAYS_CEVENNES_X5 } from "./browserTerritory.js";
import { hostSpeedMs } from "./stats.js";

const VIEWS = ["structures", "actors"] as const;
type View = (typeof VIEWS)[number];
const RENDERERS: readonly Renderer[] = ["canvas", "webgl"];
const VIEWPORT = { width: 1280, height: 800 };
const INTERACTION_MS = 3_000;
/** Page loads per view with the canvas renderer (`BENCH_EXPLORER_REPEATS`; at most 3 for the 5× territory). */
const REPEATS = Math.max(1, Number(process.env.BENCH_EXPLORER_REPEATS ?? 5) || 1);
const PANEL_TIMEOUT_MS = 30_000;
/** The whole bench stops itself after this, cleaning up what it started. */
const DEADLINE_MS = 50 * 60_000;

const geoSource = LOCAL_GEO_COPY;
const screenshots = path.join(repoRoot, "test-artifacts", "bench");
const log = createLogger("warn", { component: "bench-explorer" });

interface TerritoryUnderTest {
  readonly label: string;
  /** Name in BENCH_EXPLORER_TERRITORIES. */
  readonly key: string;
  readonly spec: TerritorySpec;
  readonly readyTimeoutMs: number;
  session?: DevSession;
  window?: TimeWindow;
  candidates?: ViewCandidate[];
  readonly apiFailures: string[];
  seedMs?: number;
}

/** The items a comma-separated environment variable names, or all of them when it is unset. */
function chosen<T extends string>(all: readonly T[], variable: string): T[] {
  const wanted = process.env[variable]?.split(",");
  return all.filter((item) => wanted === undefined || wanted.includes(item));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `step` every `intervalMs` (or as fast as it returns) for `durationMs`; returns the steps run. */
async function paced(durationMs: number, intervalMs: number, step: (index: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  let index = 0;
  while (performance.now() - started < durationMs) {
    const wait = started + index * intervalMs - performance.now();
    if (wait > 0) await sleep(wait);
    await step(index);
    index += 1;
  }
  return index;
}

async function countAttribute(page: Page, name: string): Promise<number | null> {
  const value = await page.getAttribute(CANVAS_SELECTOR, name, { timeout: 5_000 }).catch(() => null);
  return value === null ? null : Number(value);
}

/** Drags the view around a circle from a point no node covers, for INTERACTION_MS. */
async function measurePan(page: Page, notes: string[]): Promise<FrameStats | null> {
  const start = await emptyPoint(page);
  if (!start) {
    notes.push("pan: no empty point to drag from");
    return null;
  }
  const before = await viewport(page);
  const radius = Math.min(start.box.width, start.box.height) / 5;
  const clamp = (value: number, low: number, high: number) => Math.min(high - 5, Math.max(low + 5, value));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await startFrames(page);
  await paced(INTERACTION_MS, 16, async (i) => {
    const angle = (i / 60) * 2 * Math.PI;
    const x = clamp(start.x + radius * Math.sin(angle), start.box.left, start.box.left + start.box.width);
    const y = clamp(start.y + radius * (1 - Math.cos(angle)) * 0.6, start.box.top, start.box.top + start.box.height);
    await page.mouse.move(x, y);
  });
  const frames = await stopFrames(page);
  await page.mouse.up();
  const after = await viewport(page);
  if (before && after && before.x === after.x && before.y === after.y) notes.push("pan: the view did not move");
  return frameStats(frames);
}

/** Wheels in then out over the canvas centre, for INTERACTION_MS. */
async function measureZoom(page: Page, notes: string[]): Promise<FrameStats | null> {
  const start = await emptyPoint(page);
  if (!start) return null;
  const centre = { x: start.box.left + start.box.width / 2, y: start.box.top + start.box.height / 2 };
  const before = await viewport(page);
  await page.mouse.move(centre.x, centre.y);
  await startFrames(page);
  await paced(INTERACTION_MS, 50, async (i) => {
    await page.mouse.wheel(0, Math.floor(i / 8) % 2 === 0 ? -100 : 100);
  });
  const frames = await stopFrames(page);
  const after = await viewport(page);
  if (before && after && before.zoom === after.zoom) notes.push("zoom: the zoom did not change");
  return frameStats(frames);
}

/** `timingOnly`: a repeated page load, for its drawn and interactive times (no screenshot, no pan or zoom). */
async function measure(browser: Browser, baseUrl: string, territory: TerritoryUnderTest, view: View, renderer: Renderer, timingOnly = false): Promise<Measurement> {
  const { session, candidates } = territory;
  if (!session || !candidates) throw new Error(`${territory.spec.id}: no session`);
  const notes: string[] = [];
  const shot = path.join(screenshots, `${territory.spec.id}-${view}-${renderer}.png`);
  const result: Measurement = {
    territory: territory.label,
    territoryId: territory.spec.id,
    view,
    renderer,
    drawnView: null,
    nodes: null,
    edges: null,
    drawnMs: null,
    interactiveMs: null,
    clickToPanelMs: null,
    pan: null,
    zoom: null,
    repeats: null,
    rendererInfo: null,
    notes,
    screenshot: path.relative(repoRoot, shot),
  };
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: "fr-FR" });
  try {
    await context.addInitScript({ content: sessionScript(new URL(baseUrl).origin, session) });
    await context.addInitScript({ content: PROBE_SCRIPT });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(message.text());
    });
    const query = new URLSearchParams({ territory: territory.spec.id, view, ...(renderer === "webgl" ? { renderer: "webgl" } : {}), bench: "1" });
    await page.goto(`${baseUrl}/?${query.toString()}`, { waitUntil: "commit", timeout: 30_000 });
    try {
      result.drawnMs = await waitForMark(page, "ready", territory.readyTimeoutMs);
    } catch (error) {
      notes.push(`not drawn: ${error instanceof Error ? error.message : String(error)}`);
      await page.screenshot({ path: shot, timeout: 30_000 }).catch(() => undefined);
      return result;
    }
    // A reader clicks as soon as the picture is there: the click goes first, the counts are read after.
    const target = (await readyTarget(page)) ?? (await nodePoint(page));
    if (target) {
      await page.mouse.click(target.x, target.y);
      try {
        const panel = await waitForMark(page, "panel", PANEL_TIMEOUT_MS);
        const marks = await readMarks(page);
        result.interactiveMs = panel;
        result.clickToPanelMs = marks.pointerdown === undefined ? null : panel - marks.pointerdown;
        if (marks.pointerdown !== undefined) notes.push(`ready → click dispatched: ${Math.round(marks.pointerdown - result.drawnMs)} ms`);
        const selected = await page.getAttribute(CANVAS_SELECTOR, "data-selected-id");
        if (!selected) notes.push("click: panel shown but no data-selected-id");
      } catch (error) {
        notes.push(`click on ${target.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else {
      notes.push("click: no node exposed through window.__maillageCy (bench=1)");
    }
    const drawn = { nodes: (await countAttribute(page, "data-node-count")) ?? -1, edges: (await countAttribute(page, "data-edge-count")) ?? -1 };
    result.nodes = drawn.nodes;
    result.edges = drawn.edges;
    result.drawnView = identifyView(drawn, candidates);
    result.rendererInfo = await rendererInfo(page);
    if (timingOnly) return result;
    await page.screenshot({ path: shot, timeout: 30_000 });
    if (result.rendererInfo.exposed) {
      result.pan = await measurePan(page, notes);
      result.zoom = await measureZoom(page, notes);
    }
    const states = await readStates(page);
    if (states.length > 0) notes.push(`canvas states: ${states.map(([ms, state]) => `${Math.round(ms)} ms ${state}`).join(" → ")}`);
    const requests = await readRequests(page);
    if (requests.length > 0) notes.push(`requests: ${requests.map(([from, to, name]) => `${name} ${Math.round(from)}–${Math.round(to)} ms`).join(", ")}`);
    const errors = [...pageErrors, ...(await readErrors(page))];
    if (errors.length > 0) notes.push(`page errors: ${[...new Set(errors)].slice(0, 3).join(" | ").slice(0, 300)}`);
    return result;
  } finally {
    await context.close().catch(() => undefined);
  }
}

function describeRenderer(info: RendererInfo | null): string {
  if (!info) return "?";
  if (info.webglContext) return `WebGL (${info.glRenderer ?? "unknown GL"})`;
  return info.webglOption ? "WebGL asked, no context" : "canvas 2D";
}

async function main(): Promise<void> {
  const started = performance.now();
  const cleanups: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error: unknown) => process.stderr.write(`cleanup: ${String(error)}\n`));
  };
  const watchdog = setTimeout(() => {
    process.stderr.write(`bench/explorer: stopped after ${DEADLINE_MS / 60_000} min\n`);
    void cleanUp().finally(() => process.exit(1));
  }, DEADLINE_MS);
  const loadBefore = os.loadavg();
  const hostSpeedBefore = hostSpeedMs();
  const wanted = (process.env.BENCH_EXPLORER_TERRITORIES ?? "demo,5x").split(",");
  const territories: TerritoryUnderTest[] = [
    { label: "demo", key: "demo", spec: PAYS_CEVENNES, readyTimeoutMs: 120_000, apiFailures: [] },
    { label: "5×", key: "5x", spec: PAYS_CEVENNES_X5, readyTimeoutMs: 240_000, apiFailures: [] },
  ].filter((territory) => wanted.includes(territory.key));
  const views = chosen(VIEWS, "BENCH_EXPLORER_VIEWS");
  const renderers = chosen(RENDERERS, "BENCH_EXPLORER_RENDERERS");
  const measurements: Measurement[] = [];
  let preload: ExplorerRun["preload"] = null;
  const browserVersions: Partial<Record<Renderer, string>> = {};
  try {
    await mkdir(screenshots, { recursive: true });
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "maillage-bench-explorer-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const neo4j = await startLocalNeo4j({ dataDir, heapMb: 1536, pageCache: "512m" });
    cleanups.push(() => neo4j.stop());
    const driver = await connectDriver({ uri: neo4j.uri });
    cleanups.push(() => driver.close());
    for (const territory of territories) {
      const seedStarted = performance.now();
      await seedTerritory(driver, territory.spec, { geoSource, log });
      territory.seedMs = performance.now() - seedStarted;
      process.stderr.write(`seeded ${territory.spec.id} in ${Math.round(territory.seedMs)} ms\n`);
    }

    const jwtSecret = randomBytes(48).toString("base64url");
    const queries = createQueryRunner(driver, loadQueries());
    const auth = createAppAuth(
      { jwksUrl: undefined, issuer: undefined, audience: undefined, devLogin: true },
      { jwtSecret, pseudonymSecret: derivePseudonymSecret(jwtSecret) },
      { database: undefined, demoTerritoryIds: territories.map((t) => t.spec.id) },
    );
    const analytics = new AnalyticsService(queries);
    const app = await createApp({ schema: await buildSchema({ driver, queries, analytics }), queries, log, auth, analytics, limits: { networkCostPerMinute: 1_000_000 }, onWrite: () => analytics.invalidate() });
    cleanups.push(() => app.stop());
    // What server/src/index.ts runs once it listens.
    const preloadStarted = performance.now();
    preload = { networks: await warmUpServer(analytics, app.execute, log), ms: performance.now() - preloadStarted };
    process.stderr.write(`warm-up and preload of ${preload.networks} page networks in ${Math.round(preload.ms)} ms\n`);
    const port = await findFreePort();
    const server = await new Promise<Server>((resolve) => {
      const listening = app.express.listen(port, "127.0.0.1", () => resolve(listening));
    });
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const baseUrl = `http://127.0.0.1:${port}`;

    for (const territory of territories) {
      // A coordinator of this territory only: the page opens it even before it reads `?territory=`.
      territory.session = await devLogin(baseUrl, "COORDINATOR", [territory.spec.id]);
      territory.window = await currentContractWindow(baseUrl, territory.session.token, territory.spec.id);
      const asked = performance.now();
      territory.candidates = await viewCandidates(
        baseUrl,
        territory.session.token,
        territory.spec.id,
        { window: territory.window, wholePeriod: territory.key === "demo" },
        territory.apiFailures,
      );
      process.stderr.write(`API network sizes of ${territory.spec.id} in ${Math.round(performance.now() - asked)} ms\n`);
    }

    for (const renderer of renderers) {
      const browser = await launchChromium(renderer);
      cleanups.push(() => browser.close());
      browserVersions[renderer] = browser.version();
      for (const territory of territories) {
        for (const view of views) {
          const measured = await measure(browser, baseUrl, territory, view, renderer);
          // Page loads vary by hundreds of milliseconds on a shared machine: the canvas renderer's
          // times are the median of several loads (WebGL here is a software renderer, given once).
          const again: Measurement[] = [];
          const loads = renderer === "webgl" ? 1 : territory.key === "demo" ? REPEATS : Math.min(REPEATS, 3);
          for (let i = 1; i < loads; i += 1) again.push(await measure(browser, baseUrl, territory, view, renderer, true));
          if (again.length > 0) {
            const all = [measured, ...again];
            // Every load's own times, read before the first load's are replaced by the medians.
            const times = all.map((m) => `${Math.round(m.drawnMs ?? -1)}/${Math.round(m.interactiveMs ?? -1)}`);
            measured.repeats = {
              drawn: repeated(all.map((m) => m.drawnMs)),
              interactive: repeated(all.map((m) => m.interactiveMs)),
              clickToPanel: repeated(all.map((m) => m.clickToPanelMs)),
            };
            measured.drawnMs = measured.repeats.drawn.median;
            measured.interactiveMs = measured.repeats.interactive.median;
            measured.clickToPanelMs = measured.repeats.clickToPanel.median;
            measured.notes.push(`page loads (drawn/interactive ms): ${times.join(", ")}`);
          }
          process.stderr.write(
            `${territory.label} ${view} ${renderer}: drawn ${measured.drawnView ?? "?"} ${measured.nodes}/${measured.edges}, ` +
              `${Math.round(measured.drawnMs ?? -1)} ms, interactive ${Math.round(measured.interactiveMs ?? -1)} ms, ` +
              `pan ${measured.pan?.fps.toFixed(1) ?? "—"} fps, zoom ${measured.zoom?.fps.toFixed(1) ?? "—"} fps, ${describeRenderer(measured.rendererInfo)}\n`,
          );
          measurements.push(measured);
        }
      }
      await browser.close();
    }
  } finally {
    await cleanUp();
    clearTimeout(watchdog);
  }

  const run: ExplorerRun = {
    date: new Date().toISOString().slice(0, 10),
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    chromium: browserVersions,
    flags: LAUNCH_FLAGS,
    loadBefore,
    loadAfter: os.loadavg(),
    hostSpeed: { beforeMs: hostSpeedBefore, afterMs: hostSpeedMs() },
    totalMs: performance.now() - started,
    preload,
    territories: territories.map((t) => ({
      label: t.label,
      id: t.spec.id,
      name: t.spec.name,
      scale: t.spec.scale,
      seedMs: t.seedMs ?? null,
      window: t.window ?? null,
      candidates: t.candidates ?? [],
      apiFailures: t.apiFailures,
    })),
    measurements,
  };
  const section = renderExplorerResults(run);
  const partial = ["BENCH_EXPLORER_TERRITORIES", "BENCH_EXPLORER_VIEWS", "BENCH_EXPLORER_RENDERERS"].some((name) => process.env[name] !== undefined);
  if (partial) {
    // A partial run is for working on the page: the results files keep the last full run.
    await writeFile(path.join(screenshots, "RESULTS-explorer-partial.md"), section);
    process.stdout.write(section);
    return;
  }
  const benchDir = path.join(repoRoot, "bench");
  await writeFile(path.join(benchDir, "RESULTS-explorer.md"), section);
  // The server bench (bench/run.ts) owns the rest of RESULTS.md: only the marked section changes.
  const resultsPath = path.join(benchDir, "RESULTS.md");
  const existing = await readFile(resultsPath, "utf8").catch(() => "");
  const embedded = section.replace(/^# .*\n/, "## Explorer in headless Chromium\n\nAlso in [RESULTS-explorer.md](RESULTS-explorer.md), written by `bench/explorer.ts`.\n");
  await writeFile(resultsPath, spliceSection(existing, embedded, "<!-- explorer-bench:begin -->", "<!-- explorer-bench:end -->"));
  process.stdout.write(section);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench/explorer failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
