/** Percentile by nearest rank over a sample of durations in milliseconds. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error("percentile of an empty sample");
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export async function timeIt<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

export async function sample(times: number, run: () => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < times; i += 1) durations.push((await timeIt(run)).ms);
  return durations;
}

/** The loop `hostSpeedMs` times: 3·10⁸ additions, about 1.1 s on a quiet machine of this kind. */
export const HOST_SPEED_LOOP = 3e8;

/**
 * How fast the host runs plain JavaScript right now: the time of a fixed loop, in ms. These shared
 * machines were up to four times slower on some days (steal time); page timings of two runs are
 * only comparable alongside this.
 */
export function hostSpeedMs(): number {
  const started = performance.now();
  let sum = 0;
  for (let i = 0; i < HOST_SPEED_LOOP; i += 1) sum += i;
  if (!(sum > 0)) throw new Error("the host speed loop did not run");
  return performance.now() - started;
}
