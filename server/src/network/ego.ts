import { NetworkInputError } from "./errors.js";
import { indexGraph, type IndexedGraph } from "./indexed.js";
import { compareIds, compareTies } from "./order.js";
import { bfsDistances } from "./traversal.js";
import type { NetworkGraph, Tie } from "./types.js";

export const MAX_EGO_DEPTH = 3;

export interface EgoNode {
  id: string;
  /** Hops from the centre (0 for the centre itself). */
  distance: number;
}

export interface EgoNetwork {
  center: string;
  depth: number;
  /** Sorted by distance, then id. */
  nodes: EgoNode[];
  /** Every tie between two nodes of the ego network (alters' ties to each other included), sorted. */
  ties: Tie[];
}

function assertNode(graph: NetworkGraph, id: string): void {
  if (!graph.hasNode(id)) throw new NetworkInputError("UNKNOWN_NODE", `Unknown node "${id}".`, { id });
}

/**
 * The neighbourhood of `center` up to `depth` hops (1 to 3: beyond that a dense network returns
 * most of itself, which is a different question), with the ties among those nodes.
 */
export function egoNetwork(graph: NetworkGraph, center: string, depth: number): EgoNetwork {
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_EGO_DEPTH) {
    throw new NetworkInputError("INVALID_DEPTH", `Depth must be an integer from 1 to ${MAX_EGO_DEPTH}.`, { depth });
  }
  assertNode(graph, center);
  const distances = bfsDistances(graph, center, depth);
  const nodes = [...distances]
    .map(([id, distance]) => ({ id, distance }))
    .sort((a, b) => a.distance - b.distance || compareIds(a.id, b.id));
  const ties: Tie[] = [];
  for (const { id } of nodes) {
    graph.forEachEdge(id, (_edge, attributes, a, b) => {
      const other = a === id ? b : a;
      if (id < other && distances.has(other)) ties.push({ source: id, target: other, weight: attributes.weight });
    });
  }
  return { center, depth, nodes, ties: ties.sort(compareTies) };
}

/** What `indexedEgoNetwork` reads: the graph as integer arrays and its ties, built once per graph. */
export interface EgoIndex {
  readonly indexed: IndexedGraph;
  readonly indexOf: ReadonlyMap<string, number>;
  /** Every tie of the graph, sorted by (source, target) with source < target. */
  readonly ties: readonly Tie[];
}

export function egoIndex(graph: NetworkGraph): EgoIndex {
  const indexed = indexGraph(graph);
  const indexOf = new Map(indexed.ids.map((id, index) => [id, index]));
  const ties: Tie[] = [];
  graph.forEachEdge((_edge, attributes, a, b) => {
    ties.push(a < b ? { source: a, target: b, weight: attributes.weight } : { source: b, target: a, weight: attributes.weight });
  });
  return { indexed, indexOf, ties: ties.sort(compareTies) };
}

/**
 * The same answer as `egoNetwork`, from an index built once: the API asks for many ego networks
 * of one cached graph, and a dense one (a structure's neighbourhood holds thousands of ties) costs
 * a graphology callback per visited tie otherwise.
 */
export function indexedEgoNetwork(index: EgoIndex, center: string, depth: number): EgoNetwork {
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_EGO_DEPTH) {
    throw new NetworkInputError("INVALID_DEPTH", `Depth must be an integer from 1 to ${MAX_EGO_DEPTH}.`, { depth });
  }
  const start = index.indexOf.get(center);
  if (start === undefined) throw new NetworkInputError("UNKNOWN_NODE", `Unknown node "${center}".`, { id: center });
  const { ids, offsets, neighbours } = index.indexed;
  const distance = new Int8Array(ids.length).fill(-1);
  distance[start] = 0;
  let frontier = [start];
  for (let hop = 1; hop <= depth && frontier.length > 0; hop++) {
    const next: number[] = [];
    for (const node of frontier) {
      for (let j = offsets[node] as number, end = offsets[node + 1] as number; j < end; j++) {
        const neighbour = neighbours[j] as number;
        if (distance[neighbour] !== -1) continue;
        distance[neighbour] = hop;
        next.push(neighbour);
      }
    }
    frontier = next;
  }
  const nodes: EgoNode[] = [];
  distance.forEach((hops, i) => {
    if (hops !== -1) nodes.push({ id: ids[i] as string, distance: hops });
  });
  nodes.sort((a, b) => a.distance - b.distance || compareIds(a.id, b.id));
  const inEgo = (id: string): boolean => distance[index.indexOf.get(id) as number] !== -1;
  const ties = index.ties.filter((tie) => inEgo(tie.source) && inEgo(tie.target));
  return { center, depth, nodes, ties };
}

/**
 * A shortest collaboration path (in hops) from `from` to `to`, endpoints included, or null when they
 * are not connected. Among several shortest paths it returns the lexicographically smallest sequence
 * of ids: BFS visits neighbours in id order and keeps the first parent found.
 */
export function shortestPath(graph: NetworkGraph, from: string, to: string): string[] | null {
  assertNode(graph, from);
  assertNode(graph, to);
  const parents = new Map<string, string | null>([[from, null]]);
  let frontier = [from];
  while (frontier.length > 0 && !parents.has(to)) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const neighbor of graph.neighbors(node).sort(compareIds)) {
        if (parents.has(neighbor)) continue;
        parents.set(neighbor, node);
        next.push(neighbor);
      }
    }
    frontier = next;
  }
  if (!parents.has(to)) return null;
  const path: string[] = [];
  for (let node: string | null = to; node !== null; node = parents.get(node) ?? null) path.push(node);
  return path.reverse();
}
