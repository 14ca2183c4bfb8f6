import { describe, expect, it } from "vitest";
import { compareNetworks } from "./evolution.js";
import { buildGraph } from "./projection.js";

describe("compareNetworks", () => {
  it("lists ties gained and lost, nodes joined and left, and compares density and the largest component", () => {
    // A: a–b, b–c, d alone.           density 2 / 6 = 1/3, largest component {a, b, c} = 3
    // B: b–c (weight 3), c–d, d–e.    density 3 / 6 = 1/2, largest component {b, c, d, e} = 4
    const a = buildGraph(
      ["a", "b", "c", "d"].map((id) => ({ id })),
      [
        { source: "a", target: "b", weight: 1 },
        { source: "b", target: "c", weight: 1 },
      ],
    );
    const b = buildGraph(
      ["b", "c", "d", "e"].map((id) => ({ id })),
      [
        { source: "c", target: "b", weight: 3 },
        { source: "c", target: "d", weight: 1 },
        { source: "d", target: "e", weight: 2 },
      ],
    );
    const evolution = compareNetworks(a, b);
    expect(evolution).toMatchObject({
      tiesGained: [
        { source: "c", target: "d", weight: 1 },
        { source: "d", target: "e", weight: 2 },
      ],
      tiesLost: [{ source: "a", target: "b", weight: 1 }],
      tiesKept: 1,
      nodesJoined: ["e"],
      nodesLeft: ["a"],
      nodeCount: { a: 4, b: 4 },
      tieCount: { a: 2, b: 3 },
      largestComponentSize: { a: 3, b: 4 },
    });
    expect(evolution.density.a).toBeCloseTo(1 / 3, 12);
    expect(evolution.density.b).toBeCloseTo(0.5, 12);
  });

  it("finds nothing changed between a network and itself", () => {
    const g = buildGraph([{ id: "a" }, { id: "b" }], [{ source: "a", target: "b", weight: 1 }]);
    expect(compareNetworks(g, g)).toMatchObject({ tiesGained: [], tiesLost: [], tiesKept: 1, nodesJoined: [], nodesLeft: [] });
  });

  it("handles empty windows", () => {
    const empty = buildGraph([], []);
    const g = buildGraph([{ id: "a" }], []);
    expect(compareNetworks(empty, g)).toMatchObject({
      nodesJoined: ["a"],
      density: { a: 0, b: 0 },
      largestComponentSize: { a: 0, b: 1 },
    });
  });
});
