import { describe, expect, it } from "vitest";
import { buildGraph } from "./projection.js";
import { degreeDistribution, topConcentration } from "./shape.js";

// A star a–{b,c,d,e}, a tie d–e and an isolated node f.
const star = () =>
  buildGraph(
    ["a", "b", "c", "d", "e", "f"].map((id) => ({ id })),
    [
      { source: "a", target: "b", weight: 1 },
      { source: "a", target: "c", weight: 2 },
      { source: "a", target: "d", weight: 1 },
      { source: "a", target: "e", weight: 1 },
      { source: "d", target: "e", weight: 5 },
    ],
  );

describe("degreeDistribution", () => {
  it("counts nodes per degree, isolated ones at 0", () => {
    expect(degreeDistribution(star())).toEqual([
      { degree: 0, count: 1 },
      { degree: 1, count: 2 },
      { degree: 2, count: 2 },
      { degree: 4, count: 1 },
    ]);
  });
});

describe("topConcentration", () => {
  it("gives the share of ties touching the best-connected nodes", () => {
    const one = topConcentration(star(), 1);
    expect(one.top).toEqual([{ id: "a", degree: 4 }]);
    expect(one.tiesTouchingTop).toBe(4);
    expect(one.share).toBeCloseTo(0.8, 12);
    // Ties by id among equal degrees; isolated nodes never listed.
    expect(topConcentration(star(), 10).top.map((n) => n.id)).toEqual(["a", "d", "e", "b", "c"]);
    expect(topConcentration(star(), 10).share).toBe(1);
  });

  it("is 0 on a graph without ties and refuses a bad limit", () => {
    expect(topConcentration(buildGraph([{ id: "a" }], []), 10)).toEqual({ top: [], tiesTouchingTop: 0, share: 0 });
    expect(() => topConcentration(star(), -1)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });
});
