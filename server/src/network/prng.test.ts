import { describe, expect, it } from "vitest";
import { mulberry32 } from "./prng.js";

const draw = (rng: () => number, n: number): number[] => Array.from({ length: n }, () => rng());

describe("mulberry32", () => {
  it("repeats the same sequence for the same seed", () => {
    expect(draw(mulberry32(42), 20)).toEqual(draw(mulberry32(42), 20));
  });

  it("gives different sequences for different seeds", () => {
    expect(draw(mulberry32(1), 5)).not.toEqual(draw(mulberry32(2), 5));
  });

  it("stays in [0, 1) and spreads over it", () => {
    const values = draw(mulberry32(7), 10_000);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});
