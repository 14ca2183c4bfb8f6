import type { IndexedGraph } from "./indexed.js";

/** Two path lengths closer than this (relative) are the same length: sums of 1/w are not exact. */
const EPSILON = 1e-9;

export interface WeightedCentralities {
  /** Brandes' fractional sum on distances 1/weight, each unordered pair of other nodes once. */
  readonly betweenness: Float64Array;
  /** Wasserman–Faust closeness on distances 1/weight (see metrics.ts). */
  readonly closeness: Float64Array;
}

/** A binary min-heap of (distance, node) with lazy deletion. */
class Heap {
  private readonly keys: number[] = [];
  private readonly values: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, value: number): void {
    const { keys, values } = this;
    let i = keys.length;
    keys.push(key);
    values.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((keys[parent] as number) <= key) break;
      keys[i] = keys[parent] as number;
      values[i] = values[parent] as number;
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }

  /** Removes the smallest; returns [key, value]. */
  pop(): [number, number] {
    const { keys, values } = this;
    const top: [number, number] = [keys[0] as number, values[0] as number];
    const lastKey = keys.pop() as number;
    const lastValue = values.pop() as number;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && (keys[child + 1] as number) < (keys[child] as number)) child += 1;
        if ((keys[child] as number) >= lastKey) break;
        keys[i] = keys[child] as number;
        values[i] = values[child] as number;
        i = child;
      }
      keys[i] = lastKey;
      values[i] = lastValue;
    }
    return top;
  }
}

/**
 * Betweenness and closeness where a tie of weight w is a distance 1/w (strong ties are short):
 * one Dijkstra per source, Brandes' accumulation for betweenness (U. Brandes, "A faster algorithm
 * for betweenness centrality", J. Math. Sociol. 25(2), 2001). Paths whose lengths differ by less
 * than a relative 1e-9 count as equally short.
 */
export function weightedCentralities(graph: IndexedGraph): WeightedCentralities {
  const { ids, offsets, neighbours, weights } = graph;
  const n = ids.length;
  const betweenness = new Float64Array(n);
  const closeness = new Float64Array(n);
  const distance = new Float64Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const settled = new Uint8Array(n);
  const order = new Int32Array(n);
  const predecessors: number[][] = Array.from({ length: n }, () => []);
  for (let source = 0; source < n; source++) {
    distance.fill(Infinity);
    sigma.fill(0);
    delta.fill(0);
    settled.fill(0);
    for (const list of predecessors) list.length = 0;
    distance[source] = 0;
    sigma[source] = 1;
    const heap = new Heap();
    heap.push(0, source);
    let count = 0;
    let total = 0;
    while (heap.size > 0) {
      const [d, v] = heap.pop();
      if (settled[v] === 1 || d > (distance[v] as number)) continue;
      settled[v] = 1;
      order[count++] = v;
      total += d;
      for (let j = offsets[v] as number, end = offsets[v + 1] as number; j < end; j++) {
        const w = neighbours[j] as number;
        if (settled[w] === 1) continue;
        const candidate = d + 1 / (weights[j] as number);
        const current = distance[w] as number;
        if (current === Infinity || candidate < current - EPSILON * current) {
          distance[w] = candidate;
          sigma[w] = sigma[v] as number;
          (predecessors[w] as number[]).length = 0;
          (predecessors[w] as number[]).push(v);
          heap.push(candidate, w);
        } else if (Math.abs(candidate - current) <= EPSILON * current) {
          sigma[w] = (sigma[w] as number) + (sigma[v] as number);
          (predecessors[w] as number[]).push(v);
        }
      }
    }
    if (total > 0 && n > 1) closeness[source] = ((count - 1) / total) * ((count - 1) / (n - 1));
    for (let i = count - 1; i > 0; i--) {
      const w = order[i] as number;
      const coefficient = (1 + (delta[w] as number)) / (sigma[w] as number);
      for (const v of predecessors[w] as number[]) delta[v] = (delta[v] as number) + (sigma[v] as number) * coefficient;
      betweenness[w] = (betweenness[w] as number) + (delta[w] as number);
    }
  }
  for (let i = 0; i < n; i++) betweenness[i] = (betweenness[i] as number) / 2;
  return { betweenness, closeness };
}
