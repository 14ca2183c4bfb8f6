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
  /** True when every node's neighbours come in increasing index order (graphs from `buildGraph`). */
  readonly sortedNeighbours: boolean;
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
  let sortedNeighbours = true;
  for (let i = 0; i < n && sortedNeighbours; i++) {
    for (let j = (offsets[i] as number) + 1, end = offsets[i + 1] as number; j < end; j++) {
      if ((neighbours[j] as number) <= (neighbours[j - 1] as number)) {
        sortedNeighbours = false;
        break;
      }
    }
  }
  // Weights in a second pass: forEachNeighbor gives no edge attributes, and the edge of a pair is
  // reached from either end, so each is looked up once per end.
  for (let i = 0; i < n; i++) {
    const id = ids[i] as string;
    for (let j = offsets[i] as number, end = offsets[i + 1] as number; j < end; j++) {
      weights[j] = graph.getEdgeAttribute(id, ids[neighbours[j] as number] as string, "weight");
    }
  }
  return { ids, offsets, neighbours, weights, sortedNeighbours };
}

export interface HopCentralities {
  /** Shortest paths (in hops) through each node, each unordered pair of other nodes once. */
  readonly betweenness: Float64Array;
  /** Wasserman–Faust closeness on hop distances (see metrics.ts). */
  readonly closeness: Float64Array;
}

/** Past this many nodes the bitset variant's n²/32 words of adjacency (8 MiB here) are not worth it. */
const BITSET_LIMIT = 8192;

/**
 * Brandes' betweenness and BFS closeness in one pass: one breadth-first search per source gives
 * both the shortest-path counts and the distances. Contributions reach each node in the same
 * order as in graphology-metrics (nodes popped in reverse BFS order, BFS visiting neighbours in
 * the graph's order), so the sums are the same floating-point numbers.
 */
export function hopCentralities(graph: IndexedGraph): HopCentralities {
  const n = graph.ids.length;
  return graph.sortedNeighbours && n <= BITSET_LIMIT ? bitsetBrandes(graph) : scanningBrandes(graph);
}

/**
 * The textbook form on adjacency lists, without per-source predecessor lists (one array per
 * node per source, the main cost of graphology's version): the accumulation walks each node's
 * neighbours one hop closer to the source instead.
 */
function scanningBrandes(graph: IndexedGraph): HopCentralities {
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
    if (total > 0 && n > 1) closeness[source] = ((tail - 1) / total) * ((tail - 1) / (n - 1));

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
  return halve(betweenness, closeness);
}

/**
 * The same searches on bitsets, for the dense networks of a territory's structures (density ~0.4):
 * a node's unvisited neighbours, its successors in the next layer and its predecessors in the
 * previous one are each an AND of two bit rows, so a search costs about n²/32 word operations plus
 * one step per shortest-path tie, instead of two passes over every tie. It needs neighbours in
 * increasing index order, so that the unvisited neighbours of a node, read off a bitset in index
 * order, enter the queue in the order the textbook search would put them.
 */
function bitsetBrandes(graph: IndexedGraph): HopCentralities {
  const { offsets, neighbours } = graph;
  const n = graph.ids.length;
  const words = Math.ceil(n / 32);
  const adjacency = new Uint32Array(n * words);
  for (let v = 0; v < n; v++) {
    for (let j = offsets[v] as number, end = offsets[v + 1] as number; j < end; j++) {
      const w = neighbours[j] as number;
      adjacency[v * words + (w >>> 5)] = (adjacency[v * words + (w >>> 5)] as number) | (1 << (w & 31));
    }
  }
  const betweenness = new Float64Array(n);
  const closeness = new Float64Array(n);
  const distance = new Int32Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  const visited = new Uint32Array(words);
  // Row d holds the nodes at distance d from the current source.
  const layers = new Uint32Array((n + 1) * words);

  for (let source = 0; source < n; source++) {
    visited.fill(0);
    visited[source >>> 5] = 1 << (source & 31);
    layers[source >>> 5] = 1 << (source & 31);
    distance[source] = 0;
    sigma[source] = 1;
    order[0] = source;
    let head = 0;
    let tail = 1;
    let total = 0;
    let deepest = 0;
    while (head < tail) {
      const v = order[head] as number;
      head += 1;
      const next = (distance[v] as number) + 1;
      const sigmaV = sigma[v] as number;
      total += next - 1;
      const row = v * words;
      const nextLayer = next * words;
      for (let word = 0; word < words; word++) {
        const adjacent = adjacency[row + word] as number;
        if (adjacent === 0) continue;
        let fresh = adjacent & ~(visited[word] as number);
        if (fresh !== 0) {
          visited[word] = (visited[word] as number) | fresh;
          layers[nextLayer + word] = (layers[nextLayer + word] as number) | fresh;
          deepest = next;
          while (fresh !== 0) {
            const low = fresh & -fresh;
            const w = (word << 5) | (31 - Math.clz32(low));
            distance[w] = next;
            order[tail] = w;
            tail += 1;
            fresh ^= low;
          }
        }
        let successors = adjacent & (layers[nextLayer + word] as number);
        while (successors !== 0) {
          const low = successors & -successors;
          const w = (word << 5) | (31 - Math.clz32(low));
          sigma[w] = (sigma[w] as number) + sigmaV;
          successors ^= low;
        }
      }
    }
    if (total > 0 && n > 1) closeness[source] = ((tail - 1) / total) * ((tail - 1) / (n - 1));

    for (let k = tail - 1; k >= 0; k--) {
      const w = order[k] as number;
      const coefficient = (1 + (delta[w] as number)) / (sigma[w] as number);
      const d = distance[w] as number;
      if (d > 0) {
        const row = w * words;
        const previousLayer = (d - 1) * words;
        for (let word = 0; word < words; word++) {
          let predecessors = (adjacency[row + word] as number) & (layers[previousLayer + word] as number);
          while (predecessors !== 0) {
            const low = predecessors & -predecessors;
            const v = (word << 5) | (31 - Math.clz32(low));
            delta[v] = (delta[v] as number) + (sigma[v] as number) * coefficient;
            predecessors ^= low;
          }
        }
        betweenness[w] = (betweenness[w] as number) + (delta[w] as number);
      }
    }

    for (let k = 0; k < tail; k++) {
      const v = order[k] as number;
      sigma[v] = 0;
      delta[v] = 0;
    }
    layers.fill(0, 0, (deepest + 1) * words);
  }
  return halve(betweenness, closeness);
}

/** Each unordered pair was counted from both ends. */
function halve(betweenness: Float64Array, closeness: Float64Array): HopCentralities {
  for (let i = 0; i < betweenness.length; i++) betweenness[i] = (betweenness[i] as number) * 0.5;
  return { betweenness, closeness };
}
