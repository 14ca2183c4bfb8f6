import { describe, expect, it } from "vitest";
import { mulberry32 } from "./prng.js";
import { fitBipartiteConfiguration, poissonBinomialUpperTail, sdsmSignificance } from "./sdsm.js";
import type { Tie } from "./types.js";

/** Exact P(X ≥ k) of a Poisson-binomial by dynamic programming over the Bernoullis. */
function exactUpperTail(k: number, probabilities: readonly number[]): number {
  let distribution = [1];
  for (const p of probabilities) {
    const next = new Array<number>(distribution.length + 1).fill(0);
    distribution.forEach((mass, count) => {
      next[count] = (next[count] as number) + mass * (1 - p);
      next[count + 1] = (next[count + 1] as number) + mass * p;
    });
    distribution = next;
  }
  return distribution.slice(k).reduce((sum, mass) => sum + mass, 0);
}

const tally = (values: readonly number[]): { value: number; count: number }[] => {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count }));
};

/** A random two-mode network: `activities` lists of node numbers. */
function randomTwoMode(seed: number, nodes: number, activities: number): number[][] {
  const random = mulberry32(seed);
  const appetite = Array.from({ length: nodes }, () => 0.01 + 0.15 * random() ** 2);
  return Array.from({ length: activities }, () => {
    const size = 2 + Math.floor(20 * random() ** 3);
    const members = new Set<number>();
    for (let tries = 0; members.size < size && tries < 10 * size; tries++) {
      const node = Math.floor(random() * nodes);
      if (random() < appetite[node]! * 3) members.add(node);
    }
    return [...members];
  });
}

/** Ties, shared counts and two-mode degrees of a projection, computed directly. */
function project(groups: readonly number[][]): { ties: Tie[]; counts: number[]; nodeActivities: Map<string, number>; activitySizes: number[] } {
  const shared = new Map<string, number>();
  const nodeActivities = new Map<string, number>();
  for (const group of groups) {
    const sorted = [...group].sort((a, b) => a - b);
    for (const node of sorted) nodeActivities.set(`n${node}`, (nodeActivities.get(`n${node}`) ?? 0) + 1);
    for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) {
      const key = `${sorted[i]}-${sorted[j]}`;
      shared.set(key, (shared.get(key) ?? 0) + 1);
    }
  }
  const ties: Tie[] = [];
  const counts: number[] = [];
  for (const [key, count] of shared) {
    const [a, b] = key.split("-");
    ties.push({ source: `n${a}`, target: `n${b}`, weight: count });
    counts.push(count);
  }
  return { ties, counts, nodeActivities, activitySizes: groups.map((group) => group.length) };
}

describe("fitBipartiteConfiguration", () => {
  it("gives probabilities whose sums are every node's and every activity's observed degree", () => {
    const groups = randomTwoMode(7, 300, 400);
    const { nodeActivities, activitySizes } = project(groups);
    const degrees = [...nodeActivities.values()];
    const sizes = activitySizes.filter((size) => size > 0);
    const { x, y } = fitBipartiteConfiguration(tally(degrees), tally(sizes));
    const p = (k: number, size: number): number => {
      const xy = (x.get(k) as number) * (y.get(size) as number);
      return xy / (1 + xy);
    };
    // Checked on every node and activity, not per distinct value: the grouping must not change the model.
    for (const k of degrees) {
      const expected = sizes.reduce((sum, size) => sum + p(k, size), 0);
      expect(Math.abs(expected - k)).toBeLessThan(1e-6 * Math.max(1, k));
    }
    for (const size of sizes) {
      const expected = degrees.reduce((sum, k) => sum + p(k, size), 0);
      expect(Math.abs(expected - size)).toBeLessThan(1e-6 * size);
    }
  });

  it("gives one half everywhere when every node is in half the activities and every activity has half the nodes", () => {
    const { x, y } = fitBipartiteConfiguration([{ value: 2, count: 4 }], [{ value: 2, count: 4 }]);
    const xy = (x.get(2) as number) * (y.get(2) as number);
    expect(xy / (1 + xy)).toBeCloseTo(0.5, 9);
  });
});

describe("poissonBinomialUpperTail", () => {
  it("is within 0.005 of the exact distribution on random probabilities", () => {
    const random = mulberry32(11);
    for (let trial = 0; trial < 40; trial++) {
      const probabilities = Array.from({ length: 50 + Math.floor(random() * 300) }, () => random() ** 3 * 0.3);
      const mean = probabilities.reduce((sum, p) => sum + p, 0);
      const variance = probabilities.reduce((sum, p) => sum + p * (1 - p), 0);
      const third = probabilities.reduce((sum, p) => sum + p * (1 - p) * (1 - 2 * p), 0);
      for (const k of [1, Math.round(mean), Math.round(mean + 2 * Math.sqrt(variance)), Math.round(mean + 4 * Math.sqrt(variance))]) {
        expect(Math.abs(poissonBinomialUpperTail(k, mean, variance, third) - exactUpperTail(k, probabilities))).toBeLessThan(0.005);
      }
    }
  });

  it("is 1 for at least nothing", () => {
    expect(poissonBinomialUpperTail(0, 3, 2, 1)).toBe(1);
  });
});

describe("sdsmSignificance", () => {
  it("matches a hand computation: four nodes in two of four activities of two, two shared", () => {
    // p = 1/2 for every node and activity, so two nodes share Binomial(4, 1/4) activities:
    // P(X ≥ 2) = 1 − (3/4)^4 − 4 (1/4)(3/4)^3 = 67/256; six pairs, Bonferroni-adjusted × 6.
    const [significance] = sdsmSignificance([{ source: "a", target: "b", weight: 2 }], [2], {
      nodeActivities: new Map([["a", 2], ["b", 2], ["c", 2], ["d", 2]]),
      activitySizes: [2, 2, 2, 2],
    });
    const raw = poissonBinomialUpperTail(2, 1, 0.75, 0.75 * 0.5);
    expect(Math.abs(raw - 67 / 256)).toBeLessThan(0.02);
    expect(significance).toBeCloseTo(Math.min(1, raw * 6), 12);
  });

  it("keeps a planted group's ties and drops ties that degrees and event sizes explain", () => {
    const groups = randomTwoMode(3, 190, 300);
    // Ten more nodes meet alone twelve times: far more than their degrees explain.
    const planted = Array.from({ length: 10 }, (_, index) => 190 + index);
    for (let meeting = 0; meeting < 12; meeting++) groups.push(planted);
    // A 150-person conference, held five times: everyone shares it, which explains itself.
    const conference = Array.from({ length: 150 }, (_, index) => index);
    for (let edition = 0; edition < 5; edition++) groups.push(conference);
    const { ties, counts, nodeActivities, activitySizes } = project(groups);
    const significance = sdsmSignificance(ties, counts, { nodeActivities, activitySizes });
    const kept = new Set(ties.filter((_, index) => (significance[index] as number) < 0.05).map((tie) => `${tie.source}-${tie.target}`));
    for (let i = 0; i < planted.length; i++) for (let j = i + 1; j < planted.length; j++) {
      const [a, b] = [planted[i], planted[j]].sort((x, y) => x! - y!);
      expect(kept.has(`n${a}-n${b}`)).toBe(true);
    }
    // Of the other ties (nearly all through the conference), only a small share survive.
    const others = ties.filter((tie) => !(planted.includes(Number(tie.source.slice(1))) && planted.includes(Number(tie.target.slice(1)))));
    const keptOthers = others.filter((tie) => kept.has(`${tie.source}-${tie.target}`)).length;
    expect(keptOthers / others.length).toBeLessThan(0.05);
  });
});
