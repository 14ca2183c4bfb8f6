import erfc from "@stdlib/math-base-special-erfc";
import type { Tie } from "./types.js";

/**
 * The stochastic degree sequence model (SDSM) backbone of a one-mode projection of two-mode data
 * (Z. P. Neal, "The backbone of bipartite projections", Social Networks 39, 2014; Neal, Domagalski
 * and Sagan, "Comparing alternatives to the fixed degree sequence model for extracting the backbone
 * of bipartite projections", Scientific Reports 11, 2021 — the R package `backbone`).
 *
 * Null model: node i takes part in activity a with probability p_ia of the bipartite configuration
 * model (Saracco, Di Clemente, Gabrielli, Squartini, Scientific Reports 5, 2015), the maximum-entropy
 * probabilities that keep, on average, every node's number of activities and every activity's
 * number of participants. Two nodes then share X_ij = Σ_a Bernoulli(p_ia · p_ja) activities, a
 * Poisson-binomial variable; a tie's p-value is P(X_ij ≥ observed), by the refined normal
 * approximation (Y. Hong, "On computing the distribution function for the Poisson binomial
 * distribution", Computational Statistics & Data Analysis 59, 2013), as `backbone` does. Sharing many
 * activities is expected of two nodes that take part in many, or of anyone at a 100-person
 * conference: a tie is significant when it is more than that.
 *
 * The p-values are Bonferroni-adjusted over every pair of nodes that take part in something
 * (min(1, p × n(n − 1)/2)): testing 40,000 pairs at 5 % would otherwise keep 2,000 ties by chance.
 * Keeping the adjusted p-value below alpha bounds the chance of keeping any tie by chance at alpha,
 * and a client can still move alpha on the adjusted values.
 */

/** The two-mode degrees: how many activities each node takes part in, and how many nodes each activity has. */
export interface TwoModeDegrees {
  readonly nodeActivities: ReadonlyMap<string, number>;
  readonly activitySizes: readonly number[];
}

/** Distinct values of a list with their multiplicities, ascending. */
function tally(values: Iterable<number>): { value: number; count: number }[] {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => a.value - b.value);
}

const MAX_ITERATIONS = 5_000;
const TOLERANCE = 1e-10;

/**
 * The bipartite configuration model's fitness of each distinct node degree (x) and activity size
 * (y), such that p = xy / (1 + xy); nodes (and activities) of equal degree share one value, so the
 * fit costs (distinct degrees × distinct sizes) per iteration whatever the network's size.
 * A node in every activity gets x = Infinity (p = 1).
 */
export function fitBipartiteConfiguration(
  nodeDegrees: readonly { value: number; count: number }[],
  activityDegrees: readonly { value: number; count: number }[],
): { x: Map<number, number>; y: Map<number, number> } {
  const activities = activityDegrees.reduce((sum, { count }) => sum + count, 0);
  const total = nodeDegrees.reduce((sum, { value, count }) => sum + value * count, 0);
  const scale = total > 0 ? Math.sqrt(total) : 1;
  const rows = nodeDegrees.map(({ value, count }) => ({ degree: value, count, x: value >= activities ? Infinity : value / scale }));
  const columns = activityDegrees.map(({ value, count }) => ({ degree: value, count, y: value / scale }));
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let change = 0;
    for (const row of rows) {
      if (row.degree === 0 || row.x === Infinity) continue;
      let sum = 0;
      for (const column of columns) sum += (column.count * column.y) / (1 + row.x * column.y);
      const next = row.degree / sum;
      change = Math.max(change, Math.abs(next - row.x) / next);
      row.x = next;
    }
    for (const column of columns) {
      if (column.degree === 0) continue;
      // Nodes in every activity take one place in each: the others share the rest.
      let sum = 0;
      let certain = 0;
      for (const row of rows) {
        if (row.x === Infinity) certain += row.count;
        else sum += (row.count * row.x) / (1 + row.x * column.y);
      }
      const next = sum > 0 ? Math.max(0, column.degree - certain) / sum : 0;
      change = Math.max(change, Math.abs(next - column.y) / Math.max(next, Number.MIN_VALUE));
      column.y = next;
    }
    if (change < TOLERANCE) break;
  }
  return { x: new Map(rows.map((row) => [row.degree, row.x])), y: new Map(columns.map((column) => [column.degree, column.y])) };
}

const standardNormalDensity = (z: number): number => Math.exp(-(z * z) / 2) / Math.sqrt(2 * Math.PI);

/**
 * P(X ≥ k) for a Poisson-binomial X of the given mean, variance and third central moment, by the
 * refined normal approximation (Hong 2013, eq. 6), clamped to [0, 1].
 */
export function poissonBinomialUpperTail(k: number, mean: number, variance: number, thirdMoment: number): number {
  if (k <= 0) return 1;
  if (variance <= 0) return mean >= k ? 1 : 0;
  const sd = Math.sqrt(variance);
  const skew = thirdMoment / (sd * sd * sd);
  const z = (k - 0.5 - mean) / sd;
  const upper = erfc(z / Math.SQRT2) / 2 - (skew * (1 - z * z) * standardNormalDensity(z)) / 6;
  return Math.min(1, Math.max(0, upper));
}

/**
 * The SDSM significance of each tie: the Bonferroni-adjusted p-value of sharing at least
 * `counts[i]` activities (see the file's comment). `counts` gives each tie's number of shared
 * activities (whatever its weight); `degrees` the two-mode degrees of the same activities.
 */
export function sdsmSignificance(ties: readonly Tie[], counts: readonly number[], degrees: TwoModeDegrees): number[] {
  const taking = [...degrees.nodeActivities.values()].filter((value) => value > 0);
  const n = taking.length;
  const pairs = (n * (n - 1)) / 2;
  const sizes = tally(degrees.activitySizes.filter((size) => size > 0));
  const { x, y } = fitBipartiteConfiguration(tally(taking), sizes);
  // The participation probability of each distinct node degree in an activity of each distinct size.
  const probabilities = new Map<number, Float64Array>();
  const ofDegree = (degree: number): Float64Array => {
    let row = probabilities.get(degree);
    if (row === undefined) {
      const fitness = x.get(degree) ?? 0;
      row = Float64Array.from(sizes, ({ value }) => {
        const weight = y.get(value) ?? 0;
        return fitness === Infinity ? 1 : (fitness * weight) / (1 + fitness * weight);
      });
      probabilities.set(degree, row);
    }
    return row;
  };
  // The moments depend on the two ends' degrees only: computed once per pair of degrees.
  const moments = new Map<number, readonly [number, number, number]>();
  const momentsOf = (a: number, b: number): readonly [number, number, number] => {
    const [low, high] = a < b ? [a, b] : [b, a];
    const key = low * 1_048_576 + high;
    let found = moments.get(key);
    if (found === undefined) {
      const left = ofDegree(low);
      const right = ofDegree(high);
      let mean = 0;
      let variance = 0;
      let third = 0;
      for (let column = 0; column < sizes.length; column++) {
        const count = (sizes[column] as { count: number }).count;
        const q = (left[column] as number) * (right[column] as number);
        mean += count * q;
        variance += count * q * (1 - q);
        third += count * q * (1 - q) * (1 - 2 * q);
      }
      found = [mean, variance, third];
      moments.set(key, found);
    }
    return found;
  };
  return ties.map((tie, index) => {
    const [mean, variance, third] = momentsOf(degrees.nodeActivities.get(tie.source) ?? 0, degrees.nodeActivities.get(tie.target) ?? 0);
    const p = poissonBinomialUpperTail(counts[index] as number, mean, variance, third);
    return Math.min(1, p * Math.max(1, pairs));
  });
}
