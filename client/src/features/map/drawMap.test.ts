import { describe, expect, it } from "vitest";
import { ATTENDING_ONLY_FILL, COVERAGE_RAMP, ZONE_BLANCHE_FILL, ZONE_BLANCHE_HATCH } from "./coverage";
import {
  CONTOUR_COLOUR,
  drawMap,
  LABEL_MIN_ZOOM,
  NEUTRAL_FILL,
  SELECTED_COLOUR,
  SELECTED_WIDTH,
  type MapContext,
  type MapStyleOptions,
  type MapView,
} from "./drawMap";
import { createProjection, projectCommunes } from "./projection";
import { ALES, CENDRAS, SAINT_PRIVAT, TEST_COMMUNES } from "./testCommunes";
import type { ModelPoint } from "./types";

type Call =
  | { op: "path"; points: ModelPoint[]; rings: number }
  | { op: "fill"; style: string; rule: CanvasFillRule | undefined }
  | { op: "stroke"; style: string; width: number }
  | { op: "clip" }
  | { op: "text"; text: string; x: number; y: number; style: string }
  | { op: "clear" };

/** Records what drawMap does, as a 2D context would draw it. Text is 6 px per character. */
class RecordingContext implements MapContext {
  fillStyle: string | CanvasGradient | CanvasPattern = "#000000";
  strokeStyle: string | CanvasGradient | CanvasPattern = "#000000";
  lineWidth = 1;
  lineJoin: CanvasLineJoin = "miter";
  font = "10px sans-serif";
  textAlign: CanvasTextAlign = "start";
  textBaseline: CanvasTextBaseline = "alphabetic";
  readonly calls: Call[] = [];
  private path: { points: ModelPoint[]; rings: number } | null = null;
  private depth = 0;

  save(): void {
    this.depth += 1;
  }
  restore(): void {
    this.depth -= 1;
  }
  get balanced(): boolean {
    return this.depth === 0;
  }
  beginPath(): void {
    this.path = { points: [], rings: 0 };
    this.calls.push({ op: "path", ...this.path });
    const last = this.calls[this.calls.length - 1];
    if (last?.op === "path") this.path = last;
  }
  moveTo(x: number, y: number): void {
    if (!this.path) throw new Error("moveTo without beginPath");
    this.path.rings += 1;
    this.path.points.push({ x, y });
  }
  lineTo(x: number, y: number): void {
    if (!this.path) throw new Error("lineTo without beginPath");
    this.path.points.push({ x, y });
  }
  closePath(): void {}
  fill(rule?: CanvasFillRule): void {
    this.calls.push({ op: "fill", style: String(this.fillStyle), rule });
  }
  stroke(): void {
    this.calls.push({ op: "stroke", style: String(this.strokeStyle), width: this.lineWidth });
  }
  clip(): void {
    this.calls.push({ op: "clip" });
  }
  clearRect(): void {
    this.calls.push({ op: "clear" });
  }
  fillText(text: string, x: number, y: number): void {
    this.calls.push({ op: "text", text, x, y, style: String(this.fillStyle) });
  }
  strokeText(): void {}
  measureText(text: string): { width: number } {
    return { width: text.length * 6 };
  }
  ofKind<K extends Call["op"]>(op: K): Extract<Call, { op: K }>[] {
    return this.calls.filter((c): c is Extract<Call, { op: K }> => c.op === op);
  }
}

const projection = createProjection(TEST_COMMUNES);
const communes = projectCommunes(TEST_COMMUNES, projection);
const NO_STYLE: MapStyleOptions = { fills: {}, selectedCode: null, showLabels: true };

/** The whole territory (2,000 × 2,460 units) on a 1,000 × 800 canvas, centred, partly off screen. */
function fitted(zoom = 0.5): MapView {
  return { zoom, pan: { x: 500, y: 400 }, width: 1000, height: 800 };
}

/** Cytoscape's view with `point` in the middle of the canvas. */
function centredOn(point: ModelPoint | null | undefined, zoom: number): MapView {
  if (!point) throw new Error("point expected");
  return { zoom, pan: { x: 500 - point.x * zoom, y: 400 - point.y * zoom }, width: 1000, height: 800 };
}

function draw(view: MapView, options: Partial<MapStyleOptions> = {}) {
  const context = new RecordingContext();
  const result = drawMap(context, view, communes, { ...NO_STYLE, ...options });
  return { context, result };
}

describe("drawMap", () => {
  it("clears the canvas, then fills and outlines every commune with a contour", () => {
    const { context, result } = draw(fitted());
    expect(context.calls[0]).toEqual({ op: "clear" });
    expect(result.drawn).toEqual([ALES.code, SAINT_PRIVAT.code, CENDRAS.code]);
    expect(context.ofKind("fill").map((f) => f.style)).toEqual([NEUTRAL_FILL, NEUTRAL_FILL, NEUTRAL_FILL]);
    expect(context.ofKind("fill").every((f) => f.rule === "evenodd")).toBe(true);
    expect(context.ofKind("stroke").map((s) => s.style)).toEqual([CONTOUR_COLOUR, CONTOUR_COLOUR, CONTOUR_COLOUR]);
    expect(context.balanced).toBe(true);
  });

  it("draws in screen coordinates: model × zoom + pan", () => {
    const view = fitted(0.5);
    const { context } = draw(view);
    const alesRing = communes[0]?.polygons[0]?.[0] ?? [];
    const first = context.ofKind("path")[0]?.points[0];
    expect(first).toEqual({ x: (alesRing[0]?.x ?? NaN) * 0.5 + 500, y: (alesRing[0]?.y ?? NaN) * 0.5 + 400 });
    expect(context.ofKind("path")[0]?.points).toHaveLength(alesRing.length);
  });

  it("uses the given fills and hatches the white zones, outlined in the hatch colour", () => {
    const fills = { [ALES.code]: COVERAGE_RAMP[4], [SAINT_PRIVAT.code]: ZONE_BLANCHE_FILL };
    const { context } = draw(fitted(), { fills });
    expect(context.ofKind("fill").map((f) => f.style)).toEqual([COVERAGE_RAMP[4], ZONE_BLANCHE_FILL, NEUTRAL_FILL]);
    expect(context.ofKind("clip")).toHaveLength(1);
    const strokes = context.ofKind("stroke");
    expect(strokes.filter((s) => s.style === ZONE_BLANCHE_HATCH)).toHaveLength(2);
    const hatchPath = context.ofKind("path").find((p) => p.rings > 10);
    expect(hatchPath, "hatch lines drawn as one path").toBeDefined();
    expect(context.balanced).toBe(true);
  });

  it("hatches a commune where people only attended events too, over its sand tint", () => {
    const fills = { [ALES.code]: ATTENDING_ONLY_FILL, [SAINT_PRIVAT.code]: COVERAGE_RAMP[0] };
    const { context } = draw(fitted(), { fills });
    expect(context.ofKind("fill").map((f) => f.style)).toEqual([ATTENDING_ONLY_FILL, COVERAGE_RAMP[0], NEUTRAL_FILL]);
    expect(context.ofKind("clip")).toHaveLength(1);
    expect(context.ofKind("stroke").filter((s) => s.style === ZONE_BLANCHE_HATCH)).toHaveLength(2);
  });

  it("outlines the selected commune last, dark and thick over a white band", () => {
    const { context } = draw(fitted(), { selectedCode: SAINT_PRIVAT.code, showLabels: false });
    const strokes = context.ofKind("stroke");
    expect(strokes.slice(-2).map((s) => s.style)).toEqual(["#FFFFFF", SELECTED_COLOUR]);
    expect(strokes.at(-1)?.width).toBe(SELECTED_WIDTH);
    expect(strokes.slice(0, -2).every((s) => s.width < SELECTED_WIDTH)).toBe(true);
  });

  it("writes names only of communes big enough on screen for them", () => {
    // Saint-Privat is about 490 units wide: a 100-letter name (608 px here) fits from zoom 1.25 on.
    const longName = projectCommunes([ALES, { ...SAINT_PRIVAT, name: "X".repeat(100) }], projection);
    const at = (zoom: number) => drawMap(new RecordingContext(), centredOn(longName[1]?.anchor, zoom), longName, NO_STYLE).labelled;
    expect(at(1)).toEqual([ALES.code]);
    expect(at(1.5)).toEqual([ALES.code, SAINT_PRIVAT.code]);
  });

  it("writes no name when zoomed out below LABEL_MIN_ZOOM, nor when labels are off", () => {
    const huge: MapView = { zoom: LABEL_MIN_ZOOM * 0.9, pan: { x: 500, y: 400 }, width: 1000, height: 800 };
    const bigNames = projectCommunes([{ ...ALES, name: "A" }], projection);
    expect(drawMap(new RecordingContext(), huge, bigNames, NO_STYLE).labelled).toEqual([]);
    expect(draw(fitted(1), { showLabels: false }).context.ofKind("text")).toEqual([]);
    expect(draw(fitted(1)).context.ofKind("text")).not.toEqual([]);
  });

  it("leaves out a name that would cover one already written: the larger commune's first, the selected one's before all", () => {
    // A commune drawn twice over Alès (same contour, other name): their names fall on each other.
    const twin = { ...ALES, code: "30999", name: "Jumelle" };
    const small = { ...SAINT_PRIVAT, code: "30998", name: "Petite", contour: ALES.contour };
    const overlapping = projectCommunes([ALES, twin, CENDRAS], projection);
    const view = centredOn(overlapping[0]?.anchor, 1);
    expect(drawMap(new RecordingContext(), view, overlapping, NO_STYLE).labelled).toEqual([ALES.code, CENDRAS.code]);
    expect(drawMap(new RecordingContext(), view, overlapping, { ...NO_STYLE, selectedCode: twin.code }).labelled).toEqual([twin.code, CENDRAS.code]);
    const texts = (communesDrawn: typeof overlapping) => {
      const context = new RecordingContext();
      drawMap(context, view, communesDrawn, NO_STYLE);
      return context.ofKind("text").map((t) => t.text);
    };
    expect(texts(overlapping)).toEqual(["Alès", "Cendras"]);
    // Names apart are all written.
    expect(texts(projectCommunes([ALES, CENDRAS, { ...small, contour: SAINT_PRIVAT.contour }], projection))).toHaveLength(3);
  });

  it("always names the selected commune, even when it is small on screen", () => {
    const { result } = draw(fitted(0.1), { selectedCode: CENDRAS.code, showLabels: false });
    expect(result.labelled).toEqual([CENDRAS.code]);
  });

  it("writes names in a colour readable on their fill", () => {
    const fills = { [ALES.code]: COVERAGE_RAMP[4], [CENDRAS.code]: COVERAGE_RAMP[0] };
    const texts = draw(fitted(0.5), { fills }).context.ofKind("text");
    expect(texts.find((t) => t.text === "Alès")?.style).toBe("#FFFFFF");
    expect(texts.find((t) => t.text === "Cendras")?.style).toBe("#1F2937");
  });

  it("skips communes off screen", () => {
    const panned: MapView = { zoom: 4, pan: { x: -100_000, y: 0 }, width: 1000, height: 800 };
    const { context, result } = draw(panned);
    expect(result.drawn).toEqual([]);
    expect(context.ofKind("fill")).toEqual([]);
  });

  it("draws nothing for a degenerate zoom", () => {
    expect(draw({ ...fitted(), zoom: 0 }).result.drawn).toEqual([]);
    expect(draw({ ...fitted(), zoom: Number.NaN }).result.drawn).toEqual([]);
  });
});
