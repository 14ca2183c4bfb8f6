/** Pure helpers of the explorer benchmark: frame statistics, which view was drawn, the results section. */

export interface FrameStats {
  /** Frame intervals counted (requestAnimationFrame callbacks after the first). */
  readonly frames: number;
  readonly seconds: number;
  /** Frames per second over the window. */
  readonly fps: number;
  /** Longest interval between two frames. */
  readonly worstFrameMs: number;
  /** 95th percentile (nearest rank) of the intervals. */
  readonly p95FrameMs: number;
}

/** Statistics of requestAnimationFrame timestamps (ms, increasing) taken during an interaction. */
export function frameStats(timestamps: readonly number[]): FrameStats {
  if (timestamps.length < 2) return { frames: 0, seconds: 0, fps: 0, worstFrameMs: Number.NaN, p95FrameMs: Number.NaN };
  const intervals: number[] = [];
  for (let i = 1; i < timestamps.length; i += 1) {
    const [previous, current] = [timestamps[i - 1] as number, timestamps[i] as number];
    if (current < previous) throw new RangeError("frame timestamps must not decrease");
    intervals.push(current - previous);
  }
  const elapsed = (timestamps[timestamps.length - 1] as number) - (timestamps[0] as number);
  const sorted = [...intervals].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(0.95 * sorted.length) - 1));
  return {
    frames: intervals.length,
    seconds: elapsed / 1000,
    fps: elapsed > 0 ? (intervals.length * 1000) / elapsed : 0,
    worstFrameMs: sorted[sorted.length - 1] as number,
    p95FrameMs: sorted[rank] as number,
  };
}

export interface DrawnCounts {
  readonly nodes: number;
  readonly edges: number;
}

export interface ViewCandidate extends DrawnCounts {
  /** What these counts are, e.g. `structures (structureNetwork, weight ≥ 2)`. */
  readonly label: string;
}

/**
 * The label of the API network whose node and edge counts are those drawn, or null. Nodes must
 * match exactly; edges too, since the page filters ties (by weight) but never invents any.
 */
export function identifyView(drawn: DrawnCounts, candidates: readonly ViewCandidate[]): string | null {
  const match = candidates.find((candidate) => candidate.nodes === drawn.nodes && candidate.edges === drawn.edges);
  return match?.label ?? null;
}

/** Replaces the text between the two markers, or appends the markers and the section when absent. */
export function spliceSection(document: string, section: string, begin: string, end: string): string {
  const block = `${begin}\n${section.trim()}\n${end}`;
  const start = document.indexOf(begin);
  const stop = document.indexOf(end, start + begin.length);
  if (start >= 0 && stop >= 0) return document.slice(0, start) + block + document.slice(stop + end.length);
  const base = document.trimEnd();
  return `${base}${base === "" ? "" : "\n\n"}${block}\n`;
}

/** "1234 ms", "—" for a measure that could not be taken. */
export function formatMs(value: number | null): string {
  return value === null || !Number.isFinite(value) ? "—" : `${Math.round(value)} ms`;
}

/** Value ÷ target with two decimals; under 1 means met. */
export function ratioToTarget(value: number | null, target: number): string {
  if (value === null || !Number.isFinite(value)) return "—";
  return `${(value / target).toFixed(2)} ${value <= target ? "met" : "MISSED"}`;
}

/** Median and extremes of repeated timings (nulls, i.e. failed runs, are left out but counted). */
export interface Repeated {
  readonly median: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly runs: number;
  readonly failed: number;
}

export function repeated(values: readonly (number | null)[]): Repeated {
  const ok = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  const failed = values.length - ok.length;
  if (ok.length === 0) return { median: null, min: null, max: null, runs: values.length, failed };
  const middle = Math.floor(ok.length / 2);
  const median = ok.length % 2 === 1 ? (ok[middle] ?? null) : ((ok[middle - 1] ?? 0) + (ok[middle] ?? 0)) / 2;
  return { median, min: ok[0] ?? null, max: ok[ok.length - 1] ?? null, runs: values.length, failed };
}

/** Wheel notch → next Cytoscape frame: median and worst of the notches whose frame showed a new zoom. */
export interface WheelLatency {
  readonly notches: number;
  /** Notches whose next frame showed the new zoom (the others are left out of the times). */
  readonly zoomed: number;
  readonly medianMs: number | null;
  readonly worstMs: number | null;
}

export function wheelLatency(samples: readonly { readonly ms: number; readonly zoomed: boolean }[], notches: number): WheelLatency {
  const times = repeated(samples.filter((sample) => sample.zoomed).map((sample) => sample.ms));
  return { notches, zoomed: samples.filter((sample) => sample.zoomed).length, medianMs: times.median, worstMs: times.max };
}
