/**
 * What a saved view holds of the explorer (the `state` stored by the server): everything that
 * decides the picture, plus where each node was and the viewport. It comes back as `unknown`
 * (from the server, maybe written by an older page, maybe damaged) and is validated once here.
 */
import { ACTOR_CATEGORIES, type TimeWindow } from "../../api/network";
import { COLOUR_MODES, SIZE_METRICS, type ColourMode, type SizeMetric } from "../../graph/elements";
import type { Positions } from "../../graph/layout";
import { CATEGORIES } from "../../graph/palette";
import type { CanvasViewport } from "../../graph/viewport";
import { fr } from "../../i18n/fr";
import { ROLE_FILTERS, type Filters } from "../filters/filters";
import type { CoverageMode } from "../map/coverageMode";
import { MAX_FOCUS_DEPTH, type Focus } from "../focus/focus";
import { isValidWindow } from "../timeWindow/timeWindow";
import { LAYOUT_KINDS, VIEW_KINDS, type LayoutKind, type ViewKind } from "../views/views";

export const SNAPSHOT_VERSION = 1;

/** The viewport as saved, with the canvas size it was measured on (another screen keeps the same centre). */
export type SavedViewport = CanvasViewport;

export interface ViewSnapshot {
  version: typeof SNAPSHOT_VERSION;
  territoryId: string;
  view: ViewKind;
  layout: LayoutKind;
  window: TimeWindow;
  compareWindow: TimeWindow | null;
  filters: Filters;
  focus: Focus | null;
  draw: { sizeBy: SizeMetric; colourBy: ColourMode };
  coverageMode: CoverageMode | null;
  /** Node id → [x, y] in model coordinates, rounded to a tenth. */
  positions: Record<string, [number, number]>;
  viewport: SavedViewport;
}

/** What the canvas tells at save time. */
export interface CanvasCapture {
  positions: Positions;
  viewport: SavedViewport;
}

const round = (value: number): number => Math.round(value * 10) / 10;

/** The parts of the explorer's state a snapshot keeps. */
export type SnapshotSource = Omit<ViewSnapshot, "version" | "territoryId" | "positions" | "viewport"> & { territoryId: string | null };

/** The snapshot of the current state and canvas. */
export function captureSnapshot(state: SnapshotSource, canvas: CanvasCapture): ViewSnapshot | null {
  if (state.territoryId === null) return null;
  const positions: Record<string, [number, number]> = {};
  for (const [id, { x, y }] of Object.entries(canvas.positions)) {
    if (Number.isFinite(x) && Number.isFinite(y)) positions[id] = [round(x), round(y)];
  }
  return {
    version: SNAPSHOT_VERSION,
    territoryId: state.territoryId,
    view: state.view,
    layout: state.layout,
    window: { ...state.window },
    compareWindow: state.compareWindow ? { ...state.compareWindow } : null,
    filters: { ...state.filters },
    focus: state.focus,
    draw: { ...state.draw },
    coverageMode: state.coverageMode ? { ...state.coverageMode } : null,
    positions,
    viewport: canvas.viewport,
  };
}

/** Thrown by the checks below; the message names the part that failed, for the logs. */
class Invalid extends Error {}

type Json = Record<string, unknown>;

function obj(value: unknown, path: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Invalid(path);
  return value as Json;
}

function str(value: unknown, path: string): string {
  if (typeof value !== "string") throw new Invalid(path);
  return value;
}

function nullableStr(value: unknown, path: string): string | null {
  return value === null || value === undefined ? null : str(value, path);
}

function num(value: unknown, path: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new Invalid(path);
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) throw new Invalid(path);
  return value as T;
}

function list<T>(value: unknown, path: string, item: (v: unknown, p: string) => T): T[] {
  if (!Array.isArray(value)) throw new Invalid(path);
  return value.map((v, i) => item(v, `${path}[${i}]`));
}

function window(value: unknown, path: string): TimeWindow {
  const w = obj(value, path);
  const parsed = { from: nullableStr(w.from, `${path}.from`), to: nullableStr(w.to, `${path}.to`) };
  if (!isValidWindow(parsed)) throw new Invalid(path);
  return parsed;
}

function filters(value: unknown, path: string): Filters {
  const f = obj(value, path);
  const minWeight = num(f.minWeight, `${path}.minWeight`);
  if (!Number.isInteger(minWeight) || minWeight < 1) throw new Invalid(`${path}.minWeight`);
  return {
    minWeight,
    hiddenCategories: list(f.hiddenCategories, `${path}.hiddenCategories`, (v, p) => oneOf(v, CATEGORIES, p)),
    epciCode: nullableStr(f.epciCode, `${path}.epciCode`),
    communeCode: nullableStr(f.communeCode, `${path}.communeCode`),
    axisId: nullableStr(f.axisId, `${path}.axisId`),
    workGroupId: nullableStr(f.workGroupId, `${path}.workGroupId`),
    actorCategories: list(f.actorCategories, `${path}.actorCategories`, (v, p) => oneOf(v, ACTOR_CATEGORIES, p)),
    role: oneOf(f.role, ROLE_FILTERS, `${path}.role`),
    // Views saved before the backbone drew every tie with shared-activity weights.
    weighting: f.weighting === undefined ? "COUNT" : oneOf(f.weighting, ["COUNT", "NEWMAN"] as const, `${path}.weighting`),
    alpha: f.alpha === undefined || f.alpha === null ? null : alphaOf(f.alpha, `${path}.alpha`),
  };
}

function alphaOf(value: unknown, path: string): number {
  const alpha = num(value, path);
  if (!(alpha > 0 && alpha <= 1)) throw new Invalid(path);
  return alpha;
}

function focus(value: unknown, path: string): Focus | null {
  if (value === null || value === undefined) return null;
  const f = obj(value, path);
  const ids = (v: unknown, p: string) => list(v, p, str);
  if (f.kind === "ego") {
    const depth = num(f.depth, `${path}.depth`);
    if (!Number.isInteger(depth) || depth < 1 || depth > MAX_FOCUS_DEPTH) throw new Invalid(`${path}.depth`);
    return { kind: "ego", centerId: str(f.centerId, `${path}.centerId`), depth, expandedIds: ids(f.expandedIds, `${path}.expandedIds`), collapsedIds: ids(f.collapsedIds, `${path}.collapsedIds`) };
  }
  if (f.kind === "path") {
    return { kind: "path", fromId: str(f.fromId, `${path}.fromId`), toId: str(f.toId, `${path}.toId`), pathIds: f.pathIds === null ? null : ids(f.pathIds, `${path}.pathIds`) };
  }
  throw new Invalid(`${path}.kind`);
}

function coverageMode(value: unknown, path: string): CoverageMode | null {
  if (value === null || value === undefined) return null;
  const c = obj(value, path);
  return { axisId: nullableStr(c.axisId, `${path}.axisId`), unit: oneOf(c.unit, ["structures", "actors"] as const, `${path}.unit`) };
}

function positions(value: unknown, path: string): Record<string, [number, number]> {
  const p = obj(value, path);
  const out: Record<string, [number, number]> = {};
  for (const [id, xy] of Object.entries(p)) {
    if (!Array.isArray(xy) || xy.length !== 2) throw new Invalid(`${path}.${id}`);
    out[id] = [num(xy[0], `${path}.${id}[0]`), num(xy[1], `${path}.${id}[1]`)];
  }
  return out;
}

function viewport(value: unknown, path: string): SavedViewport {
  const v = obj(value, path);
  const pan = obj(v.pan, `${path}.pan`);
  const zoom = num(v.zoom, `${path}.zoom`);
  const width = num(v.width, `${path}.width`);
  const height = num(v.height, `${path}.height`);
  if (zoom <= 0 || width <= 0 || height <= 0) throw new Invalid(path);
  return { zoom, pan: { x: num(pan.x, `${path}.pan.x`), y: num(pan.y, `${path}.pan.y`) }, width, height };
}

export type SnapshotResult = { ok: true; snapshot: ViewSnapshot } | { ok: false; message: string; detail: string };

/** Validates a stored state; an older or damaged one gives a French message instead of a crash. */
export function parseSnapshot(value: unknown): SnapshotResult {
  try {
    const s = obj(value, "state");
    if (s.version !== SNAPSHOT_VERSION) {
      return { ok: false, message: fr.savedViews.unsupportedVersion, detail: `version ${String(s.version)}` };
    }
    const draw = obj(s.draw, "draw");
    const snapshot: ViewSnapshot = {
      version: SNAPSHOT_VERSION,
      territoryId: str(s.territoryId, "territoryId"),
      view: oneOf(s.view, VIEW_KINDS, "view"),
      layout: oneOf(s.layout, LAYOUT_KINDS, "layout"),
      window: window(s.window, "window"),
      compareWindow: s.compareWindow === null || s.compareWindow === undefined ? null : window(s.compareWindow, "compareWindow"),
      filters: filters(s.filters, "filters"),
      focus: focus(s.focus, "focus"),
      draw: { sizeBy: oneOf(draw.sizeBy, SIZE_METRICS, "draw.sizeBy"), colourBy: oneOf(draw.colourBy, COLOUR_MODES, "draw.colourBy") },
      coverageMode: coverageMode(s.coverageMode, "coverageMode"),
      positions: positions(s.positions, "positions"),
      viewport: viewport(s.viewport, "viewport"),
    };
    return { ok: true, snapshot };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, message: fr.savedViews.corrupted, detail: error.message };
    throw error;
  }
}
