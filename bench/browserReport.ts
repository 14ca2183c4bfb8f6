/** The explorer benchmark's results as Markdown (bench/RESULTS-explorer.md). Pure. */
import type { TimeWindow } from "./browserApi.js";
import type { Renderer } from "./browserLaunch.js";
import type { RendererInfo } from "./browserProbe.js";
import { formatMs, ratioToTarget, type FrameStats, type Repeated, type ViewCandidate, type WheelLatency } from "./browserStats.js";
import { HOST_SPEED_LOOP } from "./stats.js";
import type { TerritoryScale } from "../seed/src/spec.js";

/** Issue 3: the full actors network of the demo is drawn and interactive in under 3 s. */
export const DRAWN_TARGET_MS = 3_000;

export interface Measurement {
  readonly territory: string;
  readonly territoryId: string;
  readonly view: string;
  /** How the view was opened: "address" (`?view=…`), else the step taken from an address view. */
  readonly opened: string;
  readonly renderer: Renderer;
  nodes: number | null;
  edges: number | null;
  /** Navigation start (or the step's control) → the view drawn. */
  drawnMs: number | null;
  /** Navigation start (or the step's control) → a node clicked as soon as the view was drawn is selected, its details shown. */
  interactiveMs: number | null;
  /** Pointer down → details panel visible (views opened by address). */
  clickToPanelMs: number | null;
  pan: FrameStats | null;
  zoom: FrameStats | null;
  /** The longest "longtask" entry while panning, zooming and wheeling, and how many there were. */
  longestTaskMs: number | null;
  longTasks: number | null;
  wheel: WheelLatency | null;
  /** Pairs of drawn labels overlapping once the layout settled (client/e2e/glance.ts), and labels drawn. */
  overlappingLabels: number | null;
  labelsDrawn: number | null;
  /** Share of drawn nodes on a place of their own once the layout settled (client/e2e/glance.ts). */
  distinctShare: number | null;
  /** Every page load's drawn and interactive times when the page was opened several times (the values above are their medians). */
  repeats: { drawn: Repeated; interactive: Repeated; clickToPanel: Repeated } | null;
  rendererInfo: RendererInfo | null;
  readonly notes: string[];
  readonly screenshot: string;
}

export interface ExplorerRun {
  readonly date: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly chromium: Partial<Record<Renderer, string>>;
  readonly flags: Readonly<Record<Renderer, readonly string[]>>;
  readonly loadBefore: readonly number[];
  readonly loadAfter: readonly number[];
  /** `hostSpeedMs` before and after the run. */
  readonly hostSpeed: { readonly beforeMs: number; readonly afterMs: number };
  readonly totalMs: number;
  /** The start-up's warm-up then preload of the page's first networks (as `npm start` runs them), before any page is opened. */
  readonly preload: { readonly ms: number; readonly networks: number } | null;
  readonly territories: readonly {
    readonly label: string;
    readonly id: string;
    readonly name: string;
    readonly scale: TerritoryScale;
    readonly seedMs: number | null;
    readonly window: TimeWindow | null;
    readonly candidates: readonly ViewCandidate[];
    readonly apiFailures: readonly string[];
  }[];
  readonly measurements: readonly Measurement[];
  /** What this run left out, in words (e.g. the 5× territory). */
  readonly omitted: readonly string[];
}

const fps = (stats: FrameStats | null): string =>
  stats === null || stats.frames === 0 ? "—" : `${stats.fps.toFixed(1)} (worst ${Math.round(stats.worstFrameMs)} ms)`;

const load = (values: readonly number[]): string => values.map((value) => value.toFixed(2)).join(" / ");

function rendererCell(measurement: Measurement): string {
  const info = measurement.rendererInfo;
  if (info === null) return measurement.renderer === "webgl" ? "webgl asked: ?" : "canvas";
  if (info.webglContext) return `WebGL active (${info.glRenderer ?? "?"})`;
  return measurement.renderer === "webgl" ? `WebGL asked, canvas 2D drawn${info.webglOption ? " (no context)" : ""}` : "canvas 2D";
}

/** One value, or the median of several page loads with their range. */
function timing(value: number | null, runs: Repeated | undefined): string {
  if (runs === undefined || runs.runs < 2) return formatMs(value);
  const failed = runs.failed > 0 ? `, ${runs.failed} failed` : "";
  return `${formatMs(runs.median)} (median of ${runs.runs}: ${formatMs(runs.min)}–${formatMs(runs.max)}${failed})`;
}

function wheelCell(wheel: WheelLatency | null): string {
  if (wheel === null) return "—";
  const missed = wheel.notches - wheel.zoomed;
  return `${formatMs(wheel.medianMs)} / ${formatMs(wheel.worstMs)}${missed > 0 ? ` (${missed} of ${wheel.notches} notches without a new frame)` : ""}`;
}

function longTaskCell(m: Measurement): string {
  if (m.longTasks === null) return "—";
  return m.longTasks === 0 ? "none" : `${formatMs(m.longestTaskMs)} (${m.longTasks} long tasks)`;
}

function overlapCell(m: Measurement): string {
  if (m.overlappingLabels === null) return "—";
  return `${m.overlappingLabels === 0 ? "0" : `**${m.overlappingLabels}**`} of ${m.labelsDrawn ?? "?"} labels`;
}

export function renderExplorerResults(run: ExplorerRun): string {
  const rows = run.measurements.map((m) =>
    [
      m.territory,
      m.view,
      m.opened,
      rendererCell(m),
      m.nodes ?? "—",
      m.edges ?? "—",
      timing(m.drawnMs, m.repeats?.drawn),
      ratioToTarget(m.drawnMs, DRAWN_TARGET_MS),
      timing(m.interactiveMs, m.repeats?.interactive),
      longTaskCell(m),
      wheelCell(m.wheel),
      fps(m.pan),
      fps(m.zoom),
      overlapCell(m),
      m.distinctShare === null ? "—" : m.distinctShare.toFixed(3),
    ].join(" | "),
  );
  const sizes = run.territories.flatMap((t) => [
    `- **${t.label}**: ${t.name} (\`${t.id}\`): ${t.scale.structures} structures, ${t.scale.actors} actors, ${t.scale.workGroups} work groups, ` +
      `${t.scale.eventsPerYear} events a year; seeded in ${formatMs(t.seedMs)}; page window ${t.window?.from ?? "…"} → ${t.window?.to ?? "…"} (current contract).`,
    ...t.candidates.map((c) => `  - ${c.label}: ${c.nodes} nodes, ${c.edges} ties`),
    ...t.apiFailures.map((failure) => `  - not measured: ${failure}`),
  ]);
  const notes = run.measurements.flatMap((m) =>
    m.notes.length === 0 ? [] : [`- ${m.territory} · ${m.view} · ${m.renderer}: ${m.notes.join("; ")}`],
  );
  return [
    "# Explorer in headless Chromium",
    "",
    `Measured in one run of \`bench/explorer.ts\` on ${run.date}: ${run.cores} cores shared with other work, ${run.memoryGiB} GiB, ` +
      `Node ${run.node}, Chromium ${run.chromium.canvas ?? run.chromium.webgl ?? "?"}, viewport 1440×900, in ${Math.round(run.totalMs / 1000)} s.`,
    `Load average (1 / 5 / 15 min) before: ${load(run.loadBefore)}; after: ${load(run.loadAfter)}.`,
    `Host speed: a fixed loop of ${HOST_SPEED_LOOP.toLocaleString("en-US")} additions in Node took ${Math.round(run.hostSpeed.beforeMs)} ms before the run and ` +
      `${Math.round(run.hostSpeed.afterMs)} ms after (about 1100 ms when the machine is quiet); page timings move with it.`,
    "",
    `"drawn" is navigation start → canvas \`data-state="ready"\` for a view opened by its address; for a view opened by a control`,
    "on top of one (coverage, focus, path, comparison: see \"opened\") it is the control used → the first frame showing its result",
    "(communes coloured, new layout drawn, path classes drawn). \"interactive\" is the same start → a node, clicked as soon as the",
    "view was drawn, selected with its details shown. With the canvas renderer each view opened by its address is opened several",
    "times in fresh browser contexts and the median is given with the range; the ratio is drawn ÷ the",
    `${DRAWN_TARGET_MS} ms target of issue 3. Then, once the force layout has settled (a refined layout the page holds back is applied`,
    "as a reader would), \"overlaps\" counts pairs of drawn labels whose boxes overlap and \"distinct\" is the share of nodes on a",
    "place of their own (both `client/e2e/glance.ts`, as the browser tests). Then ~3 s of mouse drag (pan fps) and of mouse wheel",
    "(zoom fps: requestAnimationFrame callbacks per second; the page hides ties while the view moves), then 10 wheel notches 300 ms",
    "apart: \"wheel → frame\" is each notch's input time stamp → the next Cytoscape `render` event (median / worst). \"longest task\"",
    "is the longest PerformanceObserver `longtask` entry from the start of the pan to the last notch.",
    ...(run.preload === null
      ? []
      : [
          `As \`npm start\` does, the server warmed its queries and the page's first operations up, then preloaded the ${run.preload.networks} networks the page opens on ` +
            `(structures and actors views of every territory's latest contract) in ${formatMs(run.preload.ms)}, before the first page was opened.`,
        ]),
    "",
    "| territory | view | opened | renderer | nodes | edges | drawn | ratio | interactive | longest task | wheel → frame | pan fps | zoom fps | overlaps | distinct |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows.map((row) => `| ${row} |`),
    "",
    "Territories:",
    "",
    ...sizes,
    "",
    ...(run.omitted.length === 0 ? [] : ["Left out of this run:", "", ...run.omitted.map((o) => `- ${o}`), ""]),
    "Chromium flags: canvas runs `" + run.flags.canvas.join(" ") + "`; WebGL runs `" + run.flags.webgl.join(" ") + "`.",
    ...(notes.length === 0 ? [] : ["", "Notes:", "", ...notes]),
    "",
    `Screenshots: ${[...new Set(run.measurements.map((m) => m.screenshot))].map((s) => `\`${s}\``).join(", ")} (not committed).`,
    "",
  ].join("\n");
}
