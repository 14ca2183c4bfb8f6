/**
 * What the explorer benchmark runs inside the page, and typed reads of what it reports. The probe is
 * plain JavaScript given to Chromium as text: the bench's TypeScript is compiled for Node (no DOM
 * types), and a function handed to `page.evaluate` would carry tsx's helpers with it.
 *
 * Times are `performance.now()` in the page, i.e. milliseconds since navigation start.
 */
import type { Page } from "playwright-core";

export const CANVAS_SELECTOR = '[data-testid="network-canvas"]';
export const PANEL_SELECTOR = '[data-testid="details-panel"]';

/** Installed with `page.addInitScript` before any script of the page runs. */
export const PROBE_SCRIPT = `(() => {
  const canvasSelector = ${JSON.stringify(CANVAS_SELECTOR)};
  const panelSelector = ${JSON.stringify(PANEL_SELECTOR)};
  const probe = { marks: {}, states: [], errors: [], frames: null };
  window.__benchProbe = probe;
  window.addEventListener("error", (event) => probe.errors.push(String(event.message)));
  const waiters = [];
  const mark = (name) => {
    if (name in probe.marks) return;
    probe.marks[name] = performance.now();
    // The node to click, chosen the moment the canvas is ready: the bench then needs one round
    // trip to the page before it clicks, not several (each waits for the frames being drawn).
    if (name === "ready") { delete probe.marks.panel; probe.readyTarget = probe.nodePoint(); }
    for (const waiter of waiters.filter((item) => item.name === name)) waiter.resolve(probe.marks[name]);
  };
  probe.waitFor = (name) => (name in probe.marks ? Promise.resolve(probe.marks[name]) : new Promise((resolve) => waiters.push({ name, resolve })));
  window.addEventListener("pointerdown", () => mark("pointerdown"), true);
  // GraphQL requests: [start, end, operation name], to tell server time from page time.
  probe.requests = [];
  const originalFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const started = performance.now();
    let name = "";
    try {
      const body = JSON.parse(String((init && init.body) || "{}"));
      const named = /(?:query|mutation)\\s+(\\w+)/.exec(String(body.query || ""));
      name = body.operationName || (named ? named[1] : "");
    } catch (error) { name = ""; }
    const record = (response) => { probe.requests.push([started, performance.now(), name]); return response; };
    return originalFetch(input, init).then(record);
  };
  let lastState = null;
  const check = () => {
    const canvas = document.querySelector(canvasSelector);
    if (canvas) {
      mark("canvas");
      const state = canvas.getAttribute("data-state") + " " + canvas.getAttribute("data-node-count") + " " + canvas.getAttribute("data-edge-count");
      if (state !== lastState) { lastState = state; probe.states.push([performance.now(), state]); }
      if (canvas.getAttribute("data-state") === "ready" && Number(canvas.getAttribute("data-node-count")) > 0) mark("ready");
    }
    const panel = document.querySelector(panelSelector);
    if (panel) {
      const box = panel.getBoundingClientRect();
      if (box.width > 0 && box.height > 0) mark("panel");
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  probe.startFrames = () => {
    const frames = [];
    probe.frames = frames;
    const tick = (time) => { if (probe.frames === frames) { frames.push(time); requestAnimationFrame(tick); } };
    requestAnimationFrame(tick);
  };
  probe.stopFrames = () => { const frames = probe.frames || []; probe.frames = null; return frames; };
  const cy = () => window.__maillageCy || null;
  const frame = () => document.querySelector(canvasSelector).getBoundingClientRect();
  /** A drawn node well inside the canvas, the most connected first, in page coordinates. */
  probe.nodePoint = (exceptId) => {
    const core = cy();
    if (!core) return null;
    const box = frame();
    // Degrees counted in one pass over the ties: node.degree() inside a sort builds a collection per
    // comparison (seconds on 14,000 ties), which the page would be charged for.
    const degree = new Map();
    core.edges().forEach((edge) => {
      for (const end of [edge.data("source"), edge.data("target")]) degree.set(end, (degree.get(end) || 0) + 1);
    });
    // Titles drawn as nodes (".canvas-label") and the map's commune groups are not what a reader clicks.
    const nodes = core.nodes().not(".canvas-label, .map-group").filter((node) => node.visible() && node.id() !== exceptId).toArray().sort((a, b) => (degree.get(b.id()) || 0) - (degree.get(a.id()) || 0));
    for (const node of nodes) {
      const p = node.renderedPosition();
      if (p.x > 20 && p.y > 20 && p.x < box.width - 20 && p.y < box.height - 20) return { id: node.id(), x: box.left + p.x, y: box.top + p.y };
    }
    return null;
  };
  /** A point of the canvas that no node covers, nearest the centre, for dragging the view. */
  probe.emptyPoint = () => {
    const core = cy();
    const box = frame();
    const boxes = core ? core.nodes().filter((node) => node.visible()).map((node) => node.renderedBoundingBox()) : [];
    const covered = (x, y) => boxes.some((b) => x >= b.x1 - 8 && x <= b.x2 + 8 && y >= b.y1 - 8 && y <= b.y2 + 8);
    const points = [];
    for (let i = 1; i < 24; i += 1) for (let j = 1; j < 24; j += 1) points.push({ x: (box.width * i) / 24, y: (box.height * j) / 24 });
    points.sort((a, b) => Math.hypot(a.x - box.width / 2, a.y - box.height / 2) - Math.hypot(b.x - box.width / 2, b.y - box.height / 2));
    const free = points.find((p) => !covered(p.x, p.y));
    return free ? { x: box.left + free.x, y: box.top + free.y, box: { left: box.left, top: box.top, width: box.width, height: box.height } } : null;
  };
  /** Long tasks (PerformanceObserver "longtask") from start to stop: [start, duration] each. */
  probe.startLongTasks = () => {
    const tasks = [];
    const observer = new PerformanceObserver((list) => { for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]); });
    observer.observe({ entryTypes: ["longtask"] });
    probe.longTasks = { observer, tasks };
  };
  probe.stopLongTasks = () => {
    const current = probe.longTasks;
    if (!current) return [];
    for (const entry of current.observer.takeRecords()) current.tasks.push([entry.startTime, entry.duration]);
    current.observer.disconnect();
    probe.longTasks = null;
    return current.tasks;
  };
  /**
   * Wheel → frame: for each wheel event the page receives (its timeStamp, when the input was
   * created), the time to the next Cytoscape "render" event, and whether that frame had another zoom.
   */
  probe.startWheelLatency = () => {
    const samples = [];
    const onWheel = (event) => {
      const core = cy();
      if (!core) return;
      const zoom = core.zoom();
      const created = event.timeStamp;
      core.one("render", () => samples.push([performance.now() - created, core.zoom() !== zoom]));
    };
    window.addEventListener("wheel", onWheel, { capture: true, passive: true });
    probe.wheel = { samples, onWheel };
  };
  probe.stopWheelLatency = () => {
    const current = probe.wheel;
    if (!current) return [];
    window.removeEventListener("wheel", current.onWheel, { capture: true });
    probe.wheel = null;
    return current.samples;
  };
  probe.viewport = () => { const core = cy(); return core ? { zoom: core.zoom(), x: core.pan().x, y: core.pan().y } : null; };
  /** Which renderer Cytoscape really uses: its WebGL flag, the context of its WebGL layer, the GL renderer string. */
  probe.renderer = () => {
    const core = cy();
    const r = core && typeof core.renderer === "function" ? core.renderer() : null;
    const contexts = r && r.data && Array.isArray(r.data.contexts) ? r.data.contexts : [];
    const gl = contexts.find((context) => typeof WebGL2RenderingContext !== "undefined" && context instanceof WebGL2RenderingContext) || null;
    let glRenderer = null;
    if (gl) {
      const info = gl.getExtension("WEBGL_debug_renderer_info");
      glRenderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    }
    const layers = Array.from(document.querySelectorAll(canvasSelector + " canvas")).map((canvas) => canvas.getAttribute("data-id") || "");
    return { exposed: core !== null, webglOption: Boolean(r && r.webgl), webglContext: gl !== null, contextLost: gl ? gl.isContextLost() : false, glRenderer, layers };
  };
})();`;

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface ProbeMarks {
  readonly canvas?: number;
  readonly ready?: number;
  readonly pointerdown?: number;
  readonly panel?: number;
}

export interface RendererInfo {
  /** `window.__maillageCy` was there (the page honours `bench=1`). */
  readonly exposed: boolean;
  readonly webglOption: boolean;
  readonly webglContext: boolean;
  readonly contextLost: boolean;
  readonly glRenderer: string | null;
  readonly layers: readonly string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
const finite = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);

function asPoint(value: unknown): Point | null {
  if (!isRecord(value)) return null;
  const [x, y] = [finite(value.x), finite(value.y)];
  return x === undefined || y === undefined ? null : { x, y };
}

export async function readMarks(page: Page): Promise<ProbeMarks> {
  const raw: unknown = await page.evaluate("window.__benchProbe ? window.__benchProbe.marks : null");
  if (!isRecord(raw)) return {};
  const marks: { -readonly [K in keyof ProbeMarks]: number } = {};
  for (const name of ["canvas", "ready", "pointerdown", "panel"] as const) {
    const value = finite(raw[name]);
    if (value !== undefined) marks[name] = value;
  }
  return marks;
}

/** The canvas's state changes as seen by the probe: [ms since navigation, "state nodes edges"]. */
export async function readStates(page: Page): Promise<readonly (readonly [number, string])[]> {
  const raw: unknown = await page.evaluate("window.__benchProbe ? window.__benchProbe.states : []");
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item: unknown) => {
    if (!Array.isArray(item)) return [];
    const [time, state] = item as unknown[];
    const ms = finite(time);
    return ms !== undefined && typeof state === "string" ? [[ms, state] as const] : [];
  });
}

/** GraphQL requests as seen by the page: [start, end (headers received), operation name]. */
export async function readRequests(page: Page): Promise<readonly (readonly [number, number, string])[]> {
  const raw: unknown = await page.evaluate("window.__benchProbe ? window.__benchProbe.requests : []");
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item: unknown) => {
    if (!Array.isArray(item)) return [];
    const [start, end, name] = item as unknown[];
    const [from, to] = [finite(start), finite(end)];
    return from !== undefined && to !== undefined && typeof name === "string" && name !== "" ? [[from, to, name] as const] : [];
  });
}

export async function readErrors(page: Page): Promise<readonly string[]> {
  const raw: unknown = await page.evaluate("window.__benchProbe ? window.__benchProbe.errors : []");
  return Array.isArray(raw) ? raw.filter((item): item is string => typeof item === "string") : [];
}

/** Resolves with the mark's time once the page has set it; rejects after `timeoutMs`. */
export async function waitForMark(page: Page, name: keyof ProbeMarks, timeoutMs: number): Promise<number> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no "${name}" within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const value: unknown = await Promise.race([page.evaluate(`window.__benchProbe.waitFor(${JSON.stringify(name)})`), timeout]);
    const ms = finite(value);
    if (ms === undefined) throw new Error(`mark "${name}" is not a time`);
    return ms;
  } finally {
    clearTimeout(timer);
  }
}

export async function startFrames(page: Page): Promise<void> {
  await page.evaluate("window.__benchProbe.startFrames()");
}

export async function stopFrames(page: Page): Promise<number[]> {
  const raw: unknown = await page.evaluate("window.__benchProbe.stopFrames()");
  return Array.isArray(raw) ? raw.flatMap((item: unknown) => (finite(item) === undefined ? [] : [item as number])) : [];
}

/** The most connected drawn node well inside the canvas, other than `exceptId`. */
export async function nodePoint(page: Page, exceptId = ""): Promise<(Point & { id: string }) | null> {
  const raw: unknown = await page.evaluate(`window.__benchProbe.nodePoint(${JSON.stringify(exceptId)})`);
  const point = asPoint(raw);
  return point && isRecord(raw) && typeof raw.id === "string" ? { ...point, id: raw.id } : null;
}

/** The node to click that the probe chose when the canvas became ready (see PROBE_SCRIPT). */
export async function readyTarget(page: Page): Promise<(Point & { id: string }) | null> {
  const raw: unknown = await page.evaluate("window.__benchProbe.readyTarget || null");
  const point = asPoint(raw);
  return point && isRecord(raw) && typeof raw.id === "string" ? { ...point, id: raw.id } : null;
}

export interface EmptyPoint extends Point {
  readonly box: { readonly left: number; readonly top: number; readonly width: number; readonly height: number };
}

export async function emptyPoint(page: Page): Promise<EmptyPoint | null> {
  const raw: unknown = await page.evaluate("window.__benchProbe.emptyPoint()");
  const point = asPoint(raw);
  if (!point || !isRecord(raw) || !isRecord(raw.box)) return null;
  const [left, top, width, height] = [finite(raw.box.left), finite(raw.box.top), finite(raw.box.width), finite(raw.box.height)];
  if (left === undefined || top === undefined || width === undefined || height === undefined) return null;
  return { ...point, box: { left, top, width, height } };
}

export async function viewport(page: Page): Promise<{ zoom: number; x: number; y: number } | null> {
  const raw: unknown = await page.evaluate("window.__benchProbe.viewport()");
  if (!isRecord(raw)) return null;
  const [zoom, x, y] = [finite(raw.zoom), finite(raw.x), finite(raw.y)];
  return zoom === undefined || x === undefined || y === undefined ? null : { zoom, x, y };
}

export async function rendererInfo(page: Page): Promise<RendererInfo> {
  const raw: unknown = await page.evaluate("window.__benchProbe.renderer()");
  if (!isRecord(raw)) return { exposed: false, webglOption: false, webglContext: false, contextLost: false, glRenderer: null, layers: [] };
  return {
    exposed: raw.exposed === true,
    webglOption: raw.webglOption === true,
    webglContext: raw.webglContext === true,
    contextLost: raw.contextLost === true,
    glRenderer: typeof raw.glRenderer === "string" ? raw.glRenderer : null,
    layers: Array.isArray(raw.layers) ? raw.layers.filter((item): item is string => typeof item === "string") : [],
  };
}

export async function startLongTasks(page: Page): Promise<void> {
  await page.evaluate("window.__benchProbe.startLongTasks()");
}

/** The long tasks seen since `startLongTasks`: durations in ms. */
export async function stopLongTasks(page: Page): Promise<number[]> {
  const raw: unknown = await page.evaluate("window.__benchProbe.stopLongTasks()");
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item: unknown) => {
    const duration = Array.isArray(item) ? finite(item[1]) : undefined;
    return duration === undefined ? [] : [duration];
  });
}

export async function startWheelLatency(page: Page): Promise<void> {
  await page.evaluate("window.__benchProbe.startWheelLatency()");
}

/** Per wheel event: ms from the input to the next Cytoscape "render" event, and whether the zoom had changed by then. */
export async function stopWheelLatency(page: Page): Promise<{ ms: number; zoomed: boolean }[]> {
  const raw: unknown = await page.evaluate("window.__benchProbe.stopWheelLatency()");
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item: unknown) => {
    if (!Array.isArray(item)) return [];
    const ms = finite(item[0]);
    return ms === undefined ? [] : [{ ms, zoomed: item[1] === true }];
  });
}
