/**
 * The explorer benchmark (issues 3 and 18): the built page in headless Chromium on the demo
 * territory Pays Cévennes, the eight views a coordinator opens (structures, actors, two-mode, map,
 * coverage, focus, path, comparison; bench/browserViews.ts), canvas and WebGL renderers. Measures
 * drawn and interactive times, the longest task and the frame rates while panning and zooming,
 * wheel → frame latency, and what a reader sees at a glance (overlapping labels, distinct
 * positions: client/e2e/glance.ts). Writes bench/RESULTS-explorer.md and its own section of
 * bench/RESULTS.md. Runs alone: `npx tsx bench/explorer.ts`; stops by itself.
 * `BENCH_EXPLORER_TERRITORIES=demo,5x` adds the 5× territory (left out by default: too long),
 * `BENCH_EXPLORER_VIEWS=actors,focus` and `BENCH_EXPLORER_RENDERERS=canvas` keep only those (quicker
 * runs while working on the page; they write test-artifacts/bench/RESULTS-explorer-partial.md).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { PAYS_CEVENNES, type TerritorySpec } from "../seed/src/index.js";
import { repoRoot } from "../server/src/config.js";
import { createLogger } from "../server/src/logger.js";
import { currentContractWindow, devLogin, sessionScript, type DevSession, type TimeWindow } from "./browserApi.js";
import { startBenchApp } from "./browserApp.js";
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
  startLongTasks,
  startWheelLatency,
  stopFrames,
  stopLongTasks,
  stopWheelLatency,
  viewport,
  waitForMark,
  type RendererInfo,
} from "./browserProbe.js";
import { frameStats, repeated, spliceSection, wheelLatency, type FrameStats, type ViewCandidate, type WheelLatency } from "./browserStats.js";
import { renderExplorerResults, type ExplorerRun, type Measurement } from "./browserReport.js";
import { PAYS_CEVENNES_X5 } from "./browserTerritory.js";
import { ADDRESS_VIEW, DERIVED_STEP, GLANCE_VIEWS, isDerived, loadGlanceMeasures, takeStep, viewUrl, waitSelected, waitSettled, type GlanceMeasures, type GlanceView } from "./browserViews.js";
import { hostSpeedMs } from "./stats.js";

const RENDERERS: readonly Renderer[] = ["canvas", "webgl"];
const VIEWPORT = { width: 1440, height: 900 };
const INTERACTION_MS = 3_000;
const WHEEL_NOTCHES = 10;
/** Page loads per view opened by address with the canvas renderer (`BENCH_EXPLORER_REPEATS`; at most 2 for the 5× territory). */
const REPEATS = Math.max(1, Number(process.env.BENCH_EXPLORER_REPEATS ?? 3) || 1);
const PANEL_TIMEOUT_MS = 60_000;
const SETTLE_TIMEOUT_MS = 90_000;
/** No measurement starts after this (the views left are named in the results)... */
const BUDGET_MS = 20 * 60_000;
/** ...and the whole bench stops itself after this, cleaning up what it started. */
const DEADLINE_MS = 35 * 60_000;

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

/** Wheel notches 300 ms apart over a point no node covers: each notch's input → the next Cytoscape frame. */
async function measureWheel(page: Page): Promise<WheelLatency | null> {
  const start = await emptyPoint(page);
  if (!start) return null;
  await page.mouse.move(start.x, start.y);
  await startWheelLatency(page);
  for (let i = 0; i < WHEEL_NOTCHES; i += 1) {
    await page.mouse.wheel(0, i % 2 === 0 ? -100 : 100);
    await sleep(300);
  }
  return wheelLatency(await stopWheelLatency(page), WHEEL_NOTCHES);
}

/** `timingOnly`: a repeated page load, for its drawn and interactive times (no screenshot, no pan or zoom). */
async function measure(browser: Browser, baseUrl: string, territory: TerritoryUnderTest, view: GlanceView, renderer: Renderer, glance: GlanceMeasures, timingOnly = false): Promise<Measurement> {
  const { session } = territory;
  if (!session) throw new Error(`${territory.spec.id}: no session`);
  const notes: string[] = [];
  const shot = path.join(screenshots, `${territory.spec.id}-${view}-${renderer}.png`);
  const result: Measurement = {
    territory: territory.label,
    territoryId: territory.spec.id,
    view,
    opened: DERIVED_STEP[view] ?? `address (\`view=${ADDRESS_VIEW[view]}\`)`,
    renderer,
    nodes: null,
    edges: null,
    drawnMs: null,
    interactiveMs: null,
    clickToPanelMs: null,
    pan: null,
    zoom: null,
    longestTaskMs: null,
    longTasks: null,
    wheel: null,
    overlappingLabels: null,
    labelsDrawn: null,
    distinctShare: null,
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
    page.setDefaultTimeout(60_000);
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(message.text());
    });
    await page.goto(viewUrl(baseUrl, territory.spec.id, view, renderer), { waitUntil: "commit", timeout: 30_000 });
    let drawnAt: number;
    try {
      drawnAt = await waitForMark(page, "ready", territory.readyTimeoutMs);
    } catch (error) {
      notes.push(`not drawn: ${error instanceof Error ? error.message : String(error)}`);
      await page.screenshot({ path: shot, timeout: 30_000 }).catch(() => undefined);
      return result;
    }
    if (!isDerived(view)) {
      result.drawnMs = drawnAt;
      // A reader clicks as soon as the picture is there: the click goes first, the counts are read after.
      const target = (await readyTarget(page)) ?? (await nodePoint(page));
      if (target) {
        await page.mouse.click(target.x, target.y);
        try {
          const panel = await waitForMark(page, "panel", PANEL_TIMEOUT_MS);
          const marks = await readMarks(page);
          result.interactiveMs = panel;
          result.clickToPanelMs = marks.pointerdown === undefined ? null : panel - marks.pointerdown;
          const selected = await page.getAttribute(CANVAS_SELECTOR, "data-selected-id");
          if (!selected) notes.push("click: panel shown but no data-selected-id");
        } catch (error) {
          notes.push(`click on ${target.id}: ${error instanceof Error ? error.message : String(error)}`);
        }
      } else {
        notes.push("click: no node exposed through window.__maillageCy (bench=1)");
      }
    } else {
      const step = await takeStep(page, view, territory.readyTimeoutMs);
      if (!step) throw new Error(`${view}: no step`);
      notes.push(...step.notes);
      result.drawnMs = step.drawnAt - step.startedAt;
      // The same reader's click, on a node other than the one the step selected.
      const selected = (await page.getAttribute(CANVAS_SELECTOR, "data-selected-id")) ?? "";
      const target = await nodePoint(page, selected);
      if (target) {
        await page.mouse.click(target.x, target.y);
        try {
          result.interactiveMs = (await waitSelected(page, target.id, PANEL_TIMEOUT_MS)) - step.startedAt;
        } catch (error) {
          notes.push(`click on ${target.id}: ${error instanceof Error ? error.message : String(error)}`);
        }
      } else {
        notes.push("click: no other node to click");
      }
    }
    result.rendererInfo = await rendererInfo(page);
    if (timingOnly) return result;
    const settled = await waitSettled(page, SETTLE_TIMEOUT_MS);
    if (!settled) notes.push(`layout not settled within ${SETTLE_TIMEOUT_MS / 1000} s: overlaps and positions read on the moving layout`);
    else if (settled.appliedRefined) notes.push("the refined layout the page held back (the reader had clicked) was applied before reading the picture");
    result.nodes = await countAttribute(page, "data-node-count");
    result.edges = await countAttribute(page, "data-edge-count");
    if (result.rendererInfo.exposed) {
      const labels = await glance.overlappingLabels(page);
      result.overlappingLabels = labels.count;
      result.labelsDrawn = labels.drawn;
      if (labels.count > 0) notes.push(`overlapping labels: ${labels.pairs.join("; ")}`);
      result.distinctShare = await glance.distinctPositionShare(page);
    }
    await page.screenshot({ path: shot, timeout: 30_000 });
    if (result.rendererInfo.exposed) {
      await startLongTasks(page);
      result.pan = await measurePan(page, notes);
      result.zoom = await measureZoom(page, notes);
      result.wheel = await measureWheel(page);
      const tasks = await stopLongTasks(page);
      result.longTasks = tasks.length;
      result.longestTaskMs = tasks.length === 0 ? 0 : Math.max(...tasks);
    }
    const states = await readStates(page);
    if (states.length > 0) notes.push(`canvas states: ${states.map(([ms, state]) => `${Math.round(ms)} ms ${state}`).join(" → ")}`);
    const requests = await readRequests(page);
    if (requests.length > 0) notes.push(`requests: ${requests.map(([from, to, name]) => `${name} ${Math.round(from)}–${Math.round(to)} ms`).join(", ")}`);
    const errors = [...pageErrors, ...(await readErrors(page))];
    if (errors.length > 0) notes.push(`page errors: ${[...new Set(errors)].slice(0, 3).join(" | ").slice(0, 300)}`);
    return result;
  } catch (error) {
    notes.push(`failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
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
  const wanted = (process.env.BENCH_EXPLORER_TERRITORIES ?? "demo").split(",");
  const territories: TerritoryUnderTest[] = [
    { label: "demo", key: "demo", spec: PAYS_CEVENNES, readyTimeoutMs: 180_000, apiFailures: [] },
    { label: "5×", key: "5x", spec: PAYS_CEVENNES_X5, readyTimeoutMs: 240_000, apiFailures: [] },
  ].filter((territory) => wanted.includes(territory.key));
  const omitted: string[] = [];
  if (!wanted.includes("5x")) {
    omitted.push(
      "the 5× territory (Pays Cévennes ×5): seeding it took 1.5 min and its eight views several more on this shared machine, " +
        "too long for a bench run of a few minutes; `BENCH_EXPLORER_TERRITORIES=demo,5x` runs it (the focus and path views look for the demo's CPAM du Gard).",
    );
  }
  const views = chosen(GLANCE_VIEWS, "BENCH_EXPLORER_VIEWS");
  const renderers = chosen(RENDERERS, "BENCH_EXPLORER_RENDERERS");
  const measurements: Measurement[] = [];
  let preload: ExplorerRun["preload"] = null;
  const browserVersions: Partial<Record<Renderer, string>> = {};
  const glance = await loadGlanceMeasures();
  try {
    await mkdir(screenshots, { recursive: true });
    const app = await startBenchApp(territories.map((t) => t.spec), log, cleanups);
    preload = app.preload;
    for (const territory of territories) territory.seedMs = app.seedMs.get(territory.spec.id);
    const baseUrl = app.baseUrl;

    for (const territory of territories) {
      // A coordinator of this territory only: the page opens it even before it reads `?territory=`.
      territory.session = await devLogin(baseUrl, "COORDINATOR", [territory.spec.id]);
      territory.window = await currentContractWindow(baseUrl, territory.session.token, territory.spec.id);
    }

    for (const renderer of renderers) {
      const browser = await launchChromium(renderer);
      cleanups.push(() => browser.close());
      browserVersions[renderer] = browser.version();
      for (const territory of territories) {
        for (const view of views) {
          if (performance.now() - started > BUDGET_MS) {
            omitted.push(`${territory.label} · ${view} · ${renderer}: not measured, the run had used its ${BUDGET_MS / 60_000} min`);
            continue;
          }
          const measured = await measure(browser, baseUrl, territory, view, renderer, glance);
          // Page loads vary by hundreds of milliseconds on a shared machine: the canvas renderer's
          // times of a view opened by address are the median of several loads (WebGL here is a
          // software renderer, and a view opened by a control needs its address view first: once).
          const again: Measurement[] = [];
          const loads = renderer === "webgl" || isDerived(view) ? 1 : territory.key === "demo" ? REPEATS : Math.min(REPEATS, 2);
          for (let i = 1; i < loads; i += 1) again.push(await measure(browser, baseUrl, territory, view, renderer, glance, true));
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
            `${territory.label} ${view} ${renderer}: ${measured.nodes}/${measured.edges}, drawn ${Math.round(measured.drawnMs ?? -1)} ms, ` +
              `interactive ${Math.round(measured.interactiveMs ?? -1)} ms, longest task ${Math.round(measured.longestTaskMs ?? -1)} ms, ` +
              `wheel ${Math.round(measured.wheel?.medianMs ?? -1)}/${Math.round(measured.wheel?.worstMs ?? -1)} ms, overlaps ${measured.overlappingLabels ?? "?"}, ` +
              `distinct ${measured.distinctShare?.toFixed(3) ?? "?"}, ${describeRenderer(measured.rendererInfo)}${measured.notes.some((n) => n.startsWith("failed")) ? ` (${measured.notes.join("; ").slice(0, 200)})` : ""}\n`,
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
      candidates: [],
      apiFailures: t.apiFailures,
    })),
    measurements,
    omitted,
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
