// Small graphs shared by the unit tests; each is drawn in its comment.
import { buildGraph } from "./projection.js";
import type { NetworkGraph, NodeInfo, Tie } from "./types.js";

function graphOf(nodes: readonly (string | NodeInfo)[], ties: readonly [string, string, number?][]): NetworkGraph {
  const infos = nodes.map((n) => (typeof n === "string" ? { id: n } : n));
  const list: Tie[] = ties.map(([source, target, weight]) => ({ source, target, weight: weight ?? 1 }));
  return buildGraph(infos, list);
}

/** a — b — c — d */
export const path4 = (): NetworkGraph => graphOf(["a", "b", "c", "d"], [["a", "b"], ["b", "c"], ["c", "d"]]);

/** h at the centre, leaves l1 (care), l2 (care), l3 (social), l4 (education). */
export const star = (): NetworkGraph =>
  graphOf(
    [
      { id: "h", sector: "coordination" },
      { id: "l1", sector: "care" },
      { id: "l2", sector: "care" },
      { id: "l3", sector: "social" },
      { id: "l4", sector: "education" },
    ],
    [["h", "l1"], ["h", "l2"], ["h", "l3"], ["h", "l4"]],
  );

/**
 *   a(care) — b(social)
 *      \     /
 *      c(care) — d(social)
 * weights: a–b 1, a–c 2, b–c 3, c–d 4
 */
export const trianglePendant = (): NetworkGraph =>
  graphOf(
    [
      { id: "a", sector: "care" },
      { id: "b", sector: "social" },
      { id: "c", sector: "care" },
      { id: "d", sector: "social" },
    ],
    [["a", "b", 1], ["a", "c", 2], ["b", "c", 3], ["c", "d", 4]],
  );

/** Triangles a-b-c and d-e-f, joined by the bridge c — d. */
export const twoTriangles = (): NetworkGraph =>
  graphOf(
    ["a", "b", "c", "d", "e", "f"],
    [["a", "b"], ["a", "c"], ["b", "c"], ["c", "d"], ["d", "e"], ["d", "f"], ["e", "f"]],
  );

/** a — b   c — d   e (isolated) */
export const disconnectedPairs = (): NetworkGraph => graphOf(["a", "b", "c", "d", "e"], [["a", "b"], ["c", "d"]]);

/** x — y — z   p — q : components of different sizes. */
export const pathAndPair = (): NetworkGraph => graphOf(["x", "y", "z", "p", "q"], [["x", "y"], ["y", "z"], ["p", "q"]]);

/**
 * A square where weights disagree with hops:
 *   a —1— b
 *   |     |
 *   4     1
 *   |     |
 *   d —4— c
 */
export const weightedSquare = (): NetworkGraph =>
  graphOf(["a", "b", "c", "d"], [["a", "b", 1], ["b", "c", 1], ["c", "d", 4], ["a", "d", 4]]);
