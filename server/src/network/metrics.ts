import { hopCentralities, indexGraph, type IndexedGraph } from "./indexed.js";
import { compareIds } from "./order.js";
import { connectedComponents } from "./traversal.js";
import { weightedCentralities } from "./weighted.js";
import type { NetworkGraph } from "./types.js";


export interface BetweennessOptions {
  /**
   * false (default): shortest paths count hops, so a tie is a tie whatever its weight — a
   * coordinator who met someone once still bridges. true: distance = 1 / weight, so paths prefer
   * strong ties (float sums of 1/w may split near-equal paths differently than exact arithmetic would).
   */
  weighted?: boolean;
}

export interface Betweenness {
  /**
   * Brandes' fractional sum: for each unordered pair of other nodes, the share of their shortest
   * paths that pass through the node, summed (not a count of paths).
   */
  raw: number;
  /** raw / ((n − 1)(n − 2) / 2): the share of pairs of other nodes; 0 when n ≤ 2. */
  normalised: number;
}

export interface SectorBrokerage {
  /** k(k − 1) / 2 for a node of degree k. */
  neighbourPairs: number;
  /** Pairs of neighbours with two different known sectors and no tie between them. */
  openCrossSectorPairs: number;
  /** openCrossSectorPairs / neighbourPairs; 0 when the node has fewer than two neighbours. */
  share: number;
}

export interface NodeMetrics {
  id: string;
  degree: number;
  /** Weighted degree: sum of the weights of the node's ties. */
  strength: number;
  /** Hop betweenness, normalised (see Betweenness). */
  betweenness: number;
  /** Hop betweenness, Brandes' fractional sum. */
  betweennessRaw: number;
  /** Hop closeness (Wasserman–Faust). */
  closeness: number;
  /** Betweenness on distances 1/weight, normalised like the hop one. */
  weightedBetweenness: number;
  /** Closeness (Wasserman–Faust) on distances 1/weight. */
  weightedCloseness: number;
  brokerage: SectorBrokerage;
}

export interface GraphMetrics {
  nodeCount: number;
  tieCount: number;
  /** 2m / (n(n − 1)), ignoring weights; 0 when n < 2. */
  density: number;
  componentCount: number;
  largestComponentSize: number;
  /** Ids of nodes without any tie, sorted. */
  isolatedNodes: string[];
}

function betweennessRecords(ids: readonly string[], raw: ArrayLike<number>): Map<string, Betweenness> {
  const n = ids.length;
  const pairsOfOthers = ((n - 1) * (n - 2)) / 2;
  const result = new Map<string, Betweenness>();
  ids.forEach((node, index) => {
    const value = raw[index] ?? 0;
    result.set(node, { raw: value, normalised: pairsOfOthers > 0 ? value / pairsOfOthers : 0 });
  });
  return result;
}

export function betweenness(graph: NetworkGraph, options: BetweennessOptions = {}): Map<string, Betweenness> {
  if (!options.weighted) {
    const indexed = indexGraph(graph);
    return betweennessRecords(indexed.ids, hopCentralities(indexed).betweenness);
  }
  const indexed = indexGraph(graph);
  return betweennessRecords(indexed.ids, weightedCentralities(indexed).betweenness);
}

/** Closeness (Wasserman–Faust, as `closeness`) on distances 1/weight. */
export function weightedCloseness(graph: NetworkGraph): Map<string, number> {
  const indexed = indexGraph(graph);
  const values = weightedCentralities(indexed).closeness;
  return new Map(indexed.ids.map((node, index) => [node, values[index] ?? 0]));
}

/**
 * Closeness on hop distances with the Wasserman–Faust correction, so it stays meaningful in a
 * disconnected network: C(v) = ((r − 1) / (n − 1)) × ((r − 1) / Σ d(v, u)), where r is the size of
 * v's component and the sum runs over the nodes v reaches. A node reaching everyone gets the
 * classic (n − 1) / Σd; a node in a small component is scaled down by the share it reaches;
 * an isolated node gets 0.
 */
export function closeness(graph: NetworkGraph): Map<string, number> {
  const indexed = indexGraph(graph);
  const values = hopCentralities(indexed).closeness;
  return new Map(indexed.ids.map((node, index) => [node, values[index] ?? 0]));
}

/**
 * Cross-sector brokerage, a deliberately simple reading of Burt's structural holes: for each node,
 * the pairs of its neighbours that sit in different sectors and are not tied to each other — pairs
 * only this node (among their common contacts) visibly connects. A node's group is its
 * `brokerageGroup` attribute when set (institutions are their own group, "institution"), else its
 * `sector`. Neighbours with no group are never counted as cross-sector but stay in the
 * denominator. The node's own group plays no part.
 */
export function sectorBrokerage(graph: NetworkGraph, indexed: IndexedGraph = indexGraph(graph)): Map<string, SectorBrokerage> {
  // Counted with bitsets rather than by testing every pair of neighbours (O(n·k²) hash lookups,
  // ~0.5 s on the demo's dense structure network): open cross-sector pairs = all cross-sector pairs
  // of neighbours (from sector counts) minus the tied ones (popcounts of neighbourhood intersections).
  const { ids, offsets } = indexed;
  const n = ids.length;
  const words = Math.ceil(n / 32);
  const sectorCodes = new Map<string, number>();
  const sectorOf = new Int32Array(n).fill(-1);
  ids.forEach((id, index) => {
    const group: unknown = graph.getNodeAttribute(id, "brokerageGroup");
    const sector = typeof group === "string" ? group : graph.getNodeAttribute(id, "sector");
    if (sector == null) return;
    if (!sectorCodes.has(sector)) sectorCodes.set(sector, sectorCodes.size);
    sectorOf[index] = sectorCodes.get(sector) as number;
  });
  const adjacency = new Uint32Array(n * words);
  const neighbourIndexes: Int32Array[] = ids.map((_id, index) => {
    const list = indexed.neighbours.subarray(offsets[index], offsets[index + 1]);
    for (const other of list) adjacency[index * words + (other >>> 5)]! |= 1 << (other & 31);
    return list;
  });
  const sectorBits = Array.from({ length: sectorCodes.size }, () => new Uint32Array(words));
  const known = new Uint32Array(words);
  sectorOf.forEach((code, index) => {
    if (code < 0) return;
    sectorBits[code]![index >>> 5]! |= 1 << (index & 31);
    known[index >>> 5]! |= 1 << (index & 31);
  });

  const result = new Map<string, SectorBrokerage>();
  const counts = new Float64Array(sectorCodes.size);
  ids.forEach((id, x) => {
    const neighbours = neighbourIndexes[x] as Int32Array;
    const k = neighbours.length;
    counts.fill(0);
    for (const a of neighbours) if (sectorOf[a]! >= 0) counts[sectorOf[a]!]! += 1;
    let knownCount = 0;
    let sameSectorPairs = 0;
    for (const c of counts) {
      knownCount += c;
      sameSectorPairs += c * c;
    }
    const crossPairs = (knownCount * knownCount - sameSectorPairs) / 2;
    let tiedCross = 0;
    const xRow = x * words;
    for (const a of neighbours) {
      const sectorA = sectorOf[a]!;
      if (sectorA < 0) continue;
      const aRow = a * words;
      const sameSector = sectorBits[sectorA] as Uint32Array;
      for (let w = 0; w < words; w++) {
        const common = adjacency[xRow + w]! & adjacency[aRow + w]!;
        if (common === 0) continue;
        tiedCross += popcount(common & known[w]!) - popcount(common & sameSector[w]!);
      }
    }
    const open = crossPairs - tiedCross / 2;
    const neighbourPairs = (k * (k - 1)) / 2;
    result.set(id, { neighbourPairs, openCrossSectorPairs: open, share: neighbourPairs > 0 ? open / neighbourPairs : 0 });
  });
  return result;
}

function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Every per-node measure (hop and weighted paths both), one record per node, sorted by id. */
export function computeNodeMetrics(graph: NetworkGraph): NodeMetrics[] {
  // One index for every measure; hop betweenness and closeness share their breadth-first searches.
  const indexed = indexGraph(graph);
  const { ids, offsets, weights } = indexed;
  const hops = hopCentralities(indexed);
  const between = betweennessRecords(ids, hops.betweenness);
  const weighted = weightedCentralities(indexed);
  const weightedBetween = betweennessRecords(ids, weighted.betweenness);
  const brokerage = sectorBrokerage(graph, indexed);
  return ids
    .map((id, index): NodeMetrics => {
      let strength = 0;
      for (let j = offsets[index] as number, end = offsets[index + 1] as number; j < end; j++) strength += weights[j] as number;
      const b = between.get(id);
      return {
        id,
        degree: (offsets[index + 1] as number) - (offsets[index] as number),
        strength,
        betweenness: b?.normalised ?? 0,
        betweennessRaw: b?.raw ?? 0,
        closeness: hops.closeness[index] ?? 0,
        weightedBetweenness: weightedBetween.get(id)?.normalised ?? 0,
        weightedCloseness: weighted.closeness[index] ?? 0,
        brokerage: brokerage.get(id) ?? { neighbourPairs: 0, openCrossSectorPairs: 0, share: 0 },
      };
    })
    .sort((a, b) => compareIds(a.id, b.id));
}

export function density(graph: NetworkGraph): number {
  const n = graph.order;
  return n < 2 ? 0 : (2 * graph.size) / (n * (n - 1));
}

export function isolatedNodes(graph: NetworkGraph): string[] {
  return graph.filterNodes((node) => graph.degree(node) === 0).sort(compareIds);
}

export function computeGraphMetrics(graph: NetworkGraph): GraphMetrics {
  const components = connectedComponents(graph);
  return {
    nodeCount: graph.order,
    tieCount: graph.size,
    density: density(graph),
    componentCount: components.length,
    largestComponentSize: components[0]?.length ?? 0,
    isolatedNodes: isolatedNodes(graph),
  };
}
