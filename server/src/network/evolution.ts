import { density } from "./metrics.js";
import { compareIds } from "./order.js";
import { graphTies } from "./projection.js";
import { connectedComponents } from "./traversal.js";
import type { NetworkGraph, Tie } from "./types.js";

export interface Compared<T> {
  a: T;
  b: T;
}

export interface NetworkEvolution {
  /** Ties present in B and not in A (with their weight in B), sorted. */
  tiesGained: Tie[];
  /** Ties present in A and not in B (with their weight in A), sorted. */
  tiesLost: Tie[];
  /** Number of pairs tied in both windows. */
  tiesKept: number;
  /** Nodes in B and not in A, sorted. */
  nodesJoined: string[];
  /** Nodes in A and not in B, sorted. */
  nodesLeft: string[];
  nodeCount: Compared<number>;
  tieCount: Compared<number>;
  density: Compared<number>;
  largestComponentSize: Compared<number>;
}

/**
 * What changed between two windows of the same territory (A = before, B = after). A pair's identity
 * is its two ids, so a tie whose weight changed counts as kept. Nodes are whatever each graph holds:
 * callers decide whether people without ties in a window belong to it.
 */
export function compareNetworks(a: NetworkGraph, b: NetworkGraph): NetworkEvolution {
  const absentFrom = (graph: NetworkGraph) => (tie: Tie) =>
    !(graph.hasNode(tie.source) && graph.hasNode(tie.target) && graph.hasEdge(tie.source, tie.target));
  const tiesA = graphTies(a);
  const tiesLost = tiesA.filter(absentFrom(b));
  return {
    tiesGained: graphTies(b).filter(absentFrom(a)),
    tiesLost,
    tiesKept: tiesA.length - tiesLost.length,
    nodesJoined: b.filterNodes((node) => !a.hasNode(node)).sort(compareIds),
    nodesLeft: a.filterNodes((node) => !b.hasNode(node)).sort(compareIds),
    nodeCount: { a: a.order, b: b.order },
    tieCount: { a: a.size, b: b.size },
    density: { a: density(a), b: density(b) },
    largestComponentSize: {
      a: connectedComponents(a)[0]?.length ?? 0,
      b: connectedComponents(b)[0]?.length ?? 0,
    },
  };
}
