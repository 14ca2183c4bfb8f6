import betweennessModule from "graphology-metrics/centrality/betweenness.js";
import closenessModule from "graphology-metrics/centrality/closeness.js";
import { UndirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { hopCentralities, indexGraph } from "./indexed.js";
import { cjsDefault } from "./interop.js";
import { mulberry32 } from "./prng.js";
import { buildGraph } from "./projection.js";
import { disconnectedPairs, path4, star } from "./testGraphs.js";
import type { NetworkGraph, NodeAttributes, Tie, TieAttributes } from "./types.js";

const reference = { betweenness: cjsDefault(betweennessModule), closeness: cjsDefault(closenessModule) };

/** A random graph in two parts (so some pairs are unreachable), with random weights. */
function randomGraph(seed: number, n: number, p: number): NetworkGraph {
  const random = mulberry32(seed);
  const ids = Array.from({ length: n }, (_, i) => `n${String(i).padStart(3, "0")}`);
  const ties: Tie[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const sameHalf = i < n / 2 === j < n / 2;
      if (sameHalf && random() < p) ties.push({ source: ids[i] as string, target: ids[j] as string, weight: 1 + Math.floor(random() * 5) });
    }
  }
  return buildGraph(ids.map((id) => ({ id })), ties);
}

/** The same kind of graph with ties inserted in random order: neighbours are not in index order. */
function shuffledGraph(seed: number, n: number, p: number): NetworkGraph {
  const random = mulberry32(seed);
  const ordered = randomGraph(seed, n, p);
  const graph: NetworkGraph = new UndirectedGraph<NodeAttributes, TieAttributes>();
  ordered.forEachNode((id) => graph.addNode(id));
  const ties = ordered.mapEdges((_edge, attributes, source, target) => ({ source, target, weight: attributes.weight }));
  for (let i = ties.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ties[i], ties[j]] = [ties[j] as Tie, ties[i] as Tie];
  }
  for (const tie of ties) graph.addEdge(tie.target, tie.source, { weight: tie.weight });
  return graph;
}

function expectGraphologyNumbers(graph: NetworkGraph): void {
  const indexed = indexGraph(graph);
  const { betweenness, closeness } = hopCentralities(indexed);
  const expectedBetweenness = reference.betweenness(graph, { normalized: false, getEdgeWeight: null });
  const expectedCloseness = reference.closeness(graph, { wassermanFaust: true });
  indexed.ids.forEach((id, index) => {
    expect(betweenness[index]).toBe(expectedBetweenness[id]);
    expect(closeness[index]).toBe(expectedCloseness[id]);
  });
}

describe("indexGraph", () => {
  it("lists each node's neighbours and tie weights in graphology's order", () => {
    const graph = star();
    graph.setEdgeAttribute("h", "l3", "weight", 4);
    const indexed = indexGraph(graph);
    expect(indexed.ids).toEqual(["h", "l1", "l2", "l3", "l4"]);
    const h = [...indexed.neighbours.subarray(indexed.offsets[0], indexed.offsets[1])].map((i) => indexed.ids[i]);
    expect(h).toEqual(graph.neighbors("h"));
    expect([...indexed.weights.subarray(indexed.offsets[0], indexed.offsets[1])]).toEqual([1, 1, 4, 1]);
    expect([...indexed.offsets]).toEqual([0, 4, 5, 6, 7, 8]);
  });
});

describe("hopCentralities", () => {
  it("counts paths on a line and gives closeness (n − 1) / Σd", () => {
    const { betweenness, closeness } = hopCentralities(indexGraph(path4()));
    expect([...betweenness]).toEqual([0, 2, 2, 0]);
    expect(closeness[0]).toBeCloseTo(3 / 6, 12);
    expect(closeness[1]).toBeCloseTo(3 / 4, 12);
  });

  it("scales closeness by the reachable share and gives isolated nodes 0", () => {
    const graph = disconnectedPairs();
    const { closeness } = hopCentralities(indexGraph(graph));
    const n = graph.order;
    graph.forEachNode((id) => {
      const index = graph.nodes().indexOf(id);
      expect(closeness[index]).toBeCloseTo(graph.degree(id) === 0 ? 0 : (1 / 1) * (1 / (n - 1)), 12);
    });
  });

  it("gives exactly graphology-metrics' numbers on dense and sparse random graphs (bitset searches)", () => {
    for (const [seed, n, p] of [[1, 60, 0.5], [2, 80, 0.08], [3, 40, 0.9], [4, 100, 0.3]] as const) {
      const graph = randomGraph(seed, n, p);
      expect(indexGraph(graph).sortedNeighbours).toBe(true);
      expectGraphologyNumbers(graph);
    }
  });

  it("gives exactly graphology-metrics' numbers when neighbours are in insertion order (list searches)", () => {
    for (const [seed, n, p] of [[5, 60, 0.5], [6, 80, 0.08]] as const) {
      const graph = shuffledGraph(seed, n, p);
      expect(indexGraph(graph).sortedNeighbours).toBe(false);
      expectGraphologyNumbers(graph);
    }
  });
});
