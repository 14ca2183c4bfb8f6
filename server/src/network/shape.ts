import { NetworkInputError } from "./errors.js";
import { compareIds } from "./order.js";
import type { NetworkGraph } from "./types.js";

export interface DegreeCount {
  /** Number of ties of a node (hops, whatever their weight). */
  degree: number;
  /** Nodes with that degree. */
  count: number;
}

/** How many nodes have each degree, degree ascending; only degrees some node has (isolated nodes: degree 0). */
export function degreeDistribution(graph: NetworkGraph): DegreeCount[] {
  const counts = new Map<number, number>();
  graph.forEachNode((id) => {
    const degree = graph.degree(id);
    counts.set(degree, (counts.get(degree) ?? 0) + 1);
  });
  return [...counts].map(([degree, count]) => ({ degree, count })).sort((a, b) => a.degree - b.degree);
}

export interface TopConcentration {
  /** The `limit` nodes with the most ties (degree descending, then id), isolated nodes never listed. */
  top: { id: string; degree: number }[];
  /** Ties with at least one end among `top`. */
  tiesTouchingTop: number;
  /** tiesTouchingTop / every tie of the graph; 0 for a graph without ties. */
  share: number;
}

/**
 * How much of the network hangs on its best-connected nodes: the share of ties that touch one of
 * the `limit` nodes of highest degree. Near 1, losing a few pillars would empty the network.
 */
export function topConcentration(graph: NetworkGraph, limit: number): TopConcentration {
  if (!Number.isInteger(limit) || limit < 0) {
    throw new NetworkInputError("INVALID_ARGUMENT", "The number of top nodes must be a non-negative integer.", { limit });
  }
  const top = graph
    .mapNodes((id) => ({ id, degree: graph.degree(id) }))
    .filter((node) => node.degree > 0)
    .sort((a, b) => b.degree - a.degree || compareIds(a.id, b.id))
    .slice(0, limit);
  const ids = new Set(top.map((node) => node.id));
  let tiesTouchingTop = 0;
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (ids.has(source) || ids.has(target)) tiesTouchingTop += 1;
  });
  return { top, tiesTouchingTop, share: graph.size === 0 ? 0 : tiesTouchingTop / graph.size };
}
