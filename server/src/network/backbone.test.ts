import { describe, expect, it } from "vitest";
import { disparityBackbone, disparitySignificance } from "./backbone.js";
import { mulberry32 } from "./prng.js";
import type { Tie } from "./types.js";

/**
 *   a —8— b
 *   |1 \1 |1
 *   d    c
 * a: degree 3, strength 10; b: 2, 9; c: 2, 2; d: 1, 1.
 */
const ties: Tie[] = [
  { source: "a", target: "b", weight: 8 },
  { source: "a", target: "c", weight: 1 },
  { source: "a", target: "d", weight: 1 },
  { source: "b", target: "c", weight: 1 },
];

describe("disparitySignificance", () => {
  it("is the smaller of (1 − w/s)^(k − 1) at the two ends, computed by hand", () => {
    const [ab, ac, ad, bc] = disparitySignificance(ties);
    // a–b: at a (1 − 8/10)² = 0.04, at b (1 − 8/9)¹ = 1/9.
    expect(ab).toBeCloseTo(0.04, 12);
    // a–c: at a 0.9² = 0.81, at c (1 − 1/2)¹ = 0.5.
    expect(ac).toBeCloseTo(0.5, 12);
    // a–d: d has a single tie (p = 1 there), a decides: 0.81.
    expect(ad).toBeCloseTo(0.81, 12);
    // b–c: at b 8/9, at c 0.5.
    expect(bc).toBeCloseTo(0.5, 12);
  });

  it("keeps the ties below alpha, with their p-values", () => {
    expect(disparityBackbone(ties, 0.05)).toEqual([{ tie: ties[0], significance: expect.closeTo(0.04, 12) as number }]);
    expect(disparityBackbone(ties, 0.6).map(({ tie }) => `${tie.source}${tie.target}`)).toEqual(["ab", "ac", "bc"]);
  });

  it("never keeps a pair tied only to each other", () => {
    expect(disparitySignificance([{ source: "x", target: "y", weight: 5 }])).toEqual([1]);
  });

  it("matches the defining integral, 1 − (k − 1)∫₀^{w/s}(1 − x)^(k − 2) dx, on a random graph of 300 nodes", () => {
    const random = mulberry32(17);
    const n = 300;
    const pairs = new Map<string, Tie>();
    while (pairs.size < 1500) {
      const a = Math.floor(random() * n);
      const b = Math.floor(random() * n);
      if (a === b) continue;
      const [source, target] = [`n${String(Math.min(a, b)).padStart(3, "0")}`, `n${String(Math.max(a, b)).padStart(3, "0")}`];
      pairs.set(`${source}|${target}`, { source, target, weight: 1 + Math.floor(random() * 10) * (random() < 0.1 ? 5 : 1) });
    }
    const list = [...pairs.values()];
    const degree = new Map<string, number>();
    const strength = new Map<string, number>();
    for (const tie of list) for (const end of [tie.source, tie.target]) {
      degree.set(end, (degree.get(end) ?? 0) + 1);
      strength.set(end, (strength.get(end) ?? 0) + tie.weight);
    }
    // Simpson's rule on the null model's density of a share, (k − 1)(1 − x)^(k − 2).
    const integral = (k: number, upTo: number): number => {
      if (k <= 1) return 0;
      const steps = 2000;
      const h = upTo / steps;
      let sum = 0;
      for (let i = 0; i <= steps; i++) {
        const f = (k - 1) * (1 - i * h) ** (k - 2);
        sum += (i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2) * f;
      }
      return (sum * h) / 3;
    };
    const pAt = (node: string, w: number): number => 1 - integral(degree.get(node) ?? 0, w / (strength.get(node) ?? 1));
    const expected = list.map((tie) => Math.min(pAt(tie.source, tie.weight), pAt(tie.target, tie.weight)));
    const actual = disparitySignificance(list);
    actual.forEach((p, i) => expect(p).toBeCloseTo(expected[i] as number, 8));
    expect(actual.filter((p) => p < 0.05).length).toBeGreaterThan(10);
  });
});
