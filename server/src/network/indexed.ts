import type { NetworkGraph } from "./types.js";

/**
 * A graph as compressed adjacency arrays (CSR): node i's neighbours are
 * `neighbours[offsets[i] .. offsets[i + 1])`, with the weights of those ties beside them. The hot
 * loops of the metrics (one BFS per node) run on these integer arrays rather than through
 * graphology's string-keyed API, which costs a hash lookup or a callback per visited tie.
 * Nodes keep the graph's iteration order and each node's neighbours keep `graph.neighbors()`'s
 * order, so traversals visit nodes in the order graphology's own algorithms would.
 */
export interface IndexedGraph {
  readonly ids: readonly string[];
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  readonly weights: Float64Array;
}

export function indexGraph(graph: NetworkGraph): IndexedGraph {
  const ids = graph.nodes();
  const n = ids.length;
  const indexOf = new Map<string, number>();
  ids.forEach((id, index) => indexOf.set(id, index));
  const offsets = new Int32Array(n + 1);
  const neighbours = new Int32Array(2 * graph.size);
  const weights = new Float64Array(2 * graph.size);
  let cursor = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = cursor;
    graph.forEachNeighbor(ids[i] as string, (neighbour) => {
      neighbours[cursor] = indexOf.get(neighbour) as number;
      cursor += 1;
    });
  }
  offsets[n] = cursor;
  // Weights in a second pass: forEachNeighbor gives no edge attributes, and the edge of a pair is
  // reached from either end, so each is looked up once per end.
  for (let i = 0; i < n; i++) {
    const id = ids[i] as string;
    for (let j = offsets[i] as number, end = offsets[i + 1] as number; j < end; j++) {
      weights[j] = graph.getEdgeAttribute(id, ids[neighbours[j] as number] as string, "weight");
    }
  }
  return { ids, offsets, neighbours, weights };
}

export interface HopCentralities {
  /** Shortest paths (in hops) through each node, each unordered pair of other nodes once. */
  readonly betweenness: Float64Array;
  /** Wasserman–Faust closeness on hop distances (see metrics.ts). */
  readonly closeness: Float64Array;
}

/**
 * Brandes' betweenness and BFS closeness in one pass: one breadth-first search per source gives
 * both the shortest-path counts and the distances. Predecessors are not stored as lists (one
 * array per node per source, the main cost of graphology's version on dense networks): the
 * accumulation walks each node's neighbours one hop closer to the source instead. Contributions
 * reach each node in the same order as in graphology-metrics (nodes popped from the stack in
 * reverse BFS order), so the sums are the same floating-point numbers.
 */
export function hopCentralities(graph: IndexedGraph): HopCentralities {
  const { offsets, neighbours } = graph;
  const n = graph.ids.length;
  const betweenness = new Float64Array(n);
  const closeness = new Float64Array(n);
  const distance = new Int32Array(n).fill(-1);
  // Path counts as doubles: exact up to 2^53, where a 32-bit counter would wrap.
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);

  for (let source = 0; source < n; source++) {
    distance[source] = 0;
    sigma[source] = 1;
    order[0] = source;
    let head = 0;
    let tail = 1;
    let total = 0;
    while (head < tail) {
      const v = order[head] as number;
      head += 1;
      const next = (distance[v] as number) + 1;
      const sigmaV = sigma[v] as number;
      total += next - 1;
      for (let j = offsets[v] as number, end = offsets[v + 1] as number; j < end; j++) {
        const w = neighbours[j] as number;
        if (distance[w] === -1) {
          distance[w] = next;
          order[tail] = w;
          tail += 1;
        }
        if (distance[w] === next) sigma[w] = (sigma[w] as number) + sigmaV;
      }
    }

    const count = tail - 1;
    if (total > 0 && n > 1) closeness[source] = (count / total) * (count / (n - 1));

    for (let k = tail - 1; k >= 0; k--) {
      const w = order[k] as number;
      const coefficient = (1 + (delta[w] as number)) / (sigma[w] as number);
      const previous = (distance[w] as number) - 1;
      for (let j = offsets[w] as number, end = offsets[w + 1] as number; j < end; j++) {
        const v = neighbours[j] as number;
        if (distance[v] === previous) delta[v] = (delta[v] as number) + (sigma[v] as number) * coefficient;
      }
      if (w !== source) betweenness[w] = (betweenness[w] as number) + (delta[w] as number);
    }

    for (let k = 0; k < tail; k++) {
      const v = order[k] as number;
      distance[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
  // Each unordered pair was counted from both ends.
  for (let i = 0; i < n; i++) betweenness[i] = (betweenness[i] as number) * 0.5;
  return { betweenness, closeness };
}
