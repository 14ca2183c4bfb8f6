/**
 * Draws the commune contours for one view of the network. Pure, given a 2D context: MapUnderlay
 * calls it on every Cytoscape viewport change, and tests call it with a context that records what
 * was drawn. Widths and text sizes are in screen pixels, so the map reads the same at any zoom.
 */
import { isHatchedFill, textColourOn, ZONE_BLANCHE_HATCH } from "./coverage";
import type { Bounds, ModelPoint, ProjectedCommune } from "./types";

/** The part of CanvasRenderingContext2D the map uses; a real 2D context satisfies it. */
export interface MapContext {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  lineJoin: CanvasLineJoin;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  save(): void;
  restore(): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  fill(fillRule?: CanvasFillRule): void;
  stroke(): void;
  clip(fillRule?: CanvasFillRule): void;
  clearRect(x: number, y: number, width: number, height: number): void;
  fillText(text: string, x: number, y: number): void;
  strokeText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
}

/** Cytoscape's view: screen = model × zoom + pan, in CSS pixels of a width × height canvas. */
export interface MapView {
  zoom: number;
  pan: ModelPoint;
  width: number;
  height: number;
}

export interface MapStyleOptions {
  /** Fill of each commune by INSEE code; others get the neutral fill. White-zone fills (`isHatchedFill`) are hatched. */
  fills: Readonly<Record<string, string>>;
  selectedCode: string | null;
  showLabels: boolean;
}

export interface DrawnMap {
  /** Codes of the communes drawn (at least partly on screen), in drawing order. */
  drawn: string[];
  /** Codes of the communes whose name was written. */
  labelled: string[];
}

export const NEUTRAL_FILL = "#EEF1F4";
export const CONTOUR_COLOUR = "#8A96A3";
export const CONTOUR_WIDTH = 0.75;
export const SELECTED_COLOUR = "#1A1A1A";
export const SELECTED_WIDTH = 2.5;
/** A white band under the selected outline keeps it visible on the darkest fill. */
export const SELECTED_HALO_WIDTH = 6;
export const HATCH_SPACING = 6;
export const LABEL_FONT_SIZE = 12;
export const LABEL_FONT = `500 ${LABEL_FONT_SIZE}px Inter, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif`;
/** Below this zoom the whole territory is small on screen: names would only clutter it. */
export const LABEL_MIN_ZOOM = 0.3;
/** A name is written only when the commune's box on screen is this much wider than the text. */
const LABEL_PADDING = 8;

const toScreen = (view: MapView, point: ModelPoint): ModelPoint => ({
  x: point.x * view.zoom + view.pan.x,
  y: point.y * view.zoom + view.pan.y,
});

function screenBounds(view: MapView, bounds: Bounds): Bounds {
  const a = toScreen(view, { x: bounds.minX, y: bounds.minY });
  const b = toScreen(view, { x: bounds.maxX, y: bounds.maxY });
  return { minX: Math.min(a.x, b.x), minY: Math.min(a.y, b.y), maxX: Math.max(a.x, b.x), maxY: Math.max(a.y, b.y) };
}

const isOnScreen = (view: MapView, b: Bounds) => b.maxX >= 0 && b.maxY >= 0 && b.minX <= view.width && b.minY <= view.height;

function tracePath(context: MapContext, view: MapView, commune: ProjectedCommune): void {
  context.beginPath();
  for (const polygon of commune.polygons) {
    for (const ring of polygon) {
      ring.forEach((point, index) => {
        const { x, y } = toScreen(view, point);
        if (index === 0) context.moveTo(x, y);
        else context.lineTo(x, y);
      });
      context.closePath();
    }
  }
}

/**
 * 45° lines (top left to bottom right, as the legend's CSS swatch) across the part of the commune
 * on screen, clipped to its contour.
 */
function hatch(context: MapContext, view: MapView, commune: ProjectedCommune, box: Bounds): void {
  const minX = Math.max(0, box.minX);
  const minY = Math.max(0, box.minY);
  const maxX = Math.min(view.width, box.maxX);
  const maxY = Math.min(view.height, box.maxY);
  const height = maxY - minY;
  context.save();
  tracePath(context, view, commune);
  context.clip("evenodd");
  context.beginPath();
  for (let x = minX - height; x <= maxX; x += HATCH_SPACING) {
    context.moveTo(x, minY);
    context.lineTo(x + height, maxY);
  }
  context.strokeStyle = ZONE_BLANCHE_HATCH;
  context.lineWidth = 1;
  context.stroke();
  context.restore();
}

const isHexColour = (value: string) => /^#[0-9a-f]{6}$/i.test(value);

/**
 * Where a commune's name goes: above its middle, half way to its top edge, since the commune's
 * nodes gather around the middle and would hide it.
 */
function labelPoint(commune: ProjectedCommune): ModelPoint | null {
  if (!commune.anchor || !commune.bounds) return null;
  return { x: commune.anchor.x, y: commune.anchor.y - (commune.anchor.y - commune.bounds.minY) / 2 };
}

/** Where a commune's name would be written on screen, or null when it is not to be written. */
function labelBox(context: MapContext, view: MapView, commune: ProjectedCommune, box: Bounds, force: boolean): Bounds | null {
  const point = labelPoint(commune);
  if (!point) return null;
  const width = context.measureText(commune.name).width;
  const fits = box.maxX - box.minX >= width + LABEL_PADDING && box.maxY - box.minY >= LABEL_FONT_SIZE * 3;
  if (!force && !(fits && view.zoom >= LABEL_MIN_ZOOM)) return null;
  const { x, y } = toScreen(view, point);
  // The halo (3 px) and a little air on each side.
  const halfWidth = width / 2 + 3;
  const halfHeight = (LABEL_FONT_SIZE * 1.2) / 2 + 1;
  return { minX: x - halfWidth, maxX: x + halfWidth, minY: y - halfHeight, maxY: y + halfHeight };
}

const boxesOverlap = (a: Bounds, b: Bounds): boolean => a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;

/** Writes a commune's name centred on `at` (screen coordinates, the middle of its label box). */
function drawLabel(context: MapContext, name: string, at: ModelPoint, fill: string): void {
  context.fillStyle = isHexColour(fill) ? textColourOn(fill) : "#1F2937";
  // A halo in the commune's own fill keeps the name legible where a contour crosses it.
  context.strokeStyle = fill;
  context.lineWidth = 3;
  context.lineJoin = "round";
  context.strokeText(name, at.x, at.y);
  context.fillText(name, at.x, at.y);
}

/**
 * Clears the canvas and draws, in order: every commune on screen (fill, white-zone hatching,
 * contour), the selected commune's outline on top of its neighbours', then the names that fit
 * in their commune without covering one another.
 */
export function drawMap(
  context: MapContext,
  view: MapView,
  communes: readonly ProjectedCommune[],
  options: MapStyleOptions,
): DrawnMap {
  context.clearRect(0, 0, view.width, view.height);
  const result: DrawnMap = { drawn: [], labelled: [] };
  if (!(view.zoom > 0) || !Number.isFinite(view.zoom)) return result;
  const visible: { commune: ProjectedCommune; box: Bounds; fill: string }[] = [];
  for (const commune of communes) {
    if (!commune.bounds || commune.polygons.length === 0) continue;
    const box = screenBounds(view, commune.bounds);
    if (!isOnScreen(view, box)) continue;
    visible.push({ commune, box, fill: options.fills[commune.code] ?? NEUTRAL_FILL });
  }

  for (const { commune, box, fill } of visible) {
    tracePath(context, view, commune);
    context.fillStyle = fill;
    context.fill("evenodd");
    const isZoneBlanche = isHatchedFill(fill);
    if (isZoneBlanche) hatch(context, view, commune, box);
    tracePath(context, view, commune);
    context.strokeStyle = isZoneBlanche ? ZONE_BLANCHE_HATCH : CONTOUR_COLOUR;
    context.lineWidth = isZoneBlanche ? 1 : CONTOUR_WIDTH;
    context.lineJoin = "round";
    context.stroke();
    result.drawn.push(commune.code);
  }

  const selected = visible.find((v) => v.commune.code === options.selectedCode);
  if (selected) {
    tracePath(context, view, selected.commune);
    context.lineJoin = "round";
    context.strokeStyle = "#FFFFFF";
    context.lineWidth = SELECTED_HALO_WIDTH;
    context.stroke();
    context.strokeStyle = SELECTED_COLOUR;
    context.lineWidth = SELECTED_WIDTH;
    context.stroke();
  }

  if (options.showLabels || selected) {
    context.font = LABEL_FONT;
    context.textAlign = "center";
    context.textBaseline = "middle";
    // Names of neighbouring communes can run into each other: the selected commune's name is
    // written first, then the largest communes' (on screen); a name that would cover one already
    // written is left out.
    const area = (box: Bounds): number => (box.maxX - box.minX) * (box.maxY - box.minY);
    const candidates = visible
      .filter(({ commune }) => options.showLabels || commune === selected?.commune)
      .sort((a, b) => Number(b.commune === selected?.commune) - Number(a.commune === selected?.commune) || area(b.box) - area(a.box));
    const written: { code: string; label: Bounds }[] = [];
    for (const { commune, box, fill } of candidates) {
      const label = labelBox(context, view, commune, box, commune === selected?.commune);
      if (!label || written.some((other) => boxesOverlap(label, other.label))) continue;
      drawLabel(context, commune.name, { x: (label.minX + label.maxX) / 2, y: (label.minY + label.maxY) / 2 }, fill);
      written.push({ code: commune.code, label });
    }
    // In the order the communes are listed, as the canvas's data-labelled attribute has always been.
    const order = new Map(visible.map(({ commune }, index) => [commune.code, index]));
    result.labelled = written.map((w) => w.code).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  }
  return result;
}
