import { describe, expect, it } from "vitest";
import { bandPositions } from "./untiedBand";

describe("bandPositions", () => {
  it("puts the untied nodes in a few rows under the network, as wide as it, none on another", () => {
    const placed = { a: { x: 0, y: 0 }, b: { x: 1000, y: 600 } };
    const nodes = Array.from({ length: 227 }, (_, i) => ({ id: `n${i}`, size: 14 + (i % 3) }));
    const band = Object.values(bandPositions(nodes, placed));
    expect(band).toHaveLength(227);
    const ys = new Set(band.map((p) => p.y));
    const xs = band.map((p) => p.x);
    expect(Math.min(...band.map((p) => p.y))).toBeGreaterThan(600);
    // A band: its height is a small part of the network's (227 nodes, 45 a row: 6 rows).
    expect(ys.size).toBeLessThanOrEqual(6);
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThanOrEqual(1000);
    expect(new Set(band.map((p) => `${p.x},${p.y}`)).size).toBe(227);
  });

  it("places them around the origin when nothing else is placed", () => {
    expect(Object.keys(bandPositions([{ id: "a", size: 10 }], {}))).toEqual(["a"]);
  });
});
