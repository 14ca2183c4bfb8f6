import { UndirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { detectCommunities } from "./communities.js";
import { mulberry32 } from "./prng.js";
import { buildGraph } from "./projection.js";
import { twoTriangles } from "./testGraphs.js";
import type { NetworkGraph, NodeAttributes, NodeInfo, Tie, TieAttributes } from "./types.js";

/**
 * Four groups of 30 people, tied with probability pIn inside a group and pOut across, sectors by group.
 * Clear groups (0.3 / 0.02) test recovery; blurred ones (0.1 / 0.05) leave Louvain real choices, so
 * they test reproducibility.
 */
function plantedNetwork(seed: number, pIn = 0.3, pOut = 0.02): { nodes: NodeInfo[]; ties: Tie[] } {
  const rng = mulberry32(seed);
  const sectors = ["care", "social", "education", "prevention"];
  const nodes: NodeInfo[] = Array.from({ length: 120 }, (_, i) => ({
    id: `n${String(i).padStart(3, "0")}`,
    sector: sectors[Math.floor(i / 30)] ?? null,
  }));
  const ties: Tie[] = [];
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const p = Math.floor(i / 30) === Math.floor(j / 30) ? pIn : pOut;
      if (rng() < p) ties.push({ source: nodes[i]?.id ?? "", target: nodes[j]?.id ?? "", weight: 1 + Math.floor(rng() * 3) });
    }
  }
  return { nodes, ties };
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const rng = mulberry32(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

const partition = (graph: NetworkGraph) =>
  detectCommunities(graph)
    .communities.map((c) => c.members)
    .sort();

describe("detectCommunities", () => {
  it("separates two triangles joined by a bridge, the one with the smallest id first", () => {
    // Equal sizes (3, 3): tie broken by smallest member, a < d → {a,b,c} is community 0.
    const result = detectCommunities(twoTriangles());
    expect(result.communities.map((c) => c.members)).toEqual([
      ["a", "b", "c"],
      ["d", "e", "f"],
    ]);
    expect(result.assignment.get("a")).toBe(0);
    expect(result.assignment.get("f")).toBe(1);
    // Q = Σ_c [L_c/m − (d_c/2m)²] = 2 × [3/7 − (7/14)²] = 6/7 − 1/2 = 5/14
    expect(result.modularity).toBeCloseTo(5 / 14, 10);
  });

  it("numbers communities largest first", () => {
    const { nodes, ties } = plantedNetwork(1);
    const sizes = detectCommunities(buildGraph(nodes, ties)).communities.map((c) => c.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(sizes.reduce((s, n) => s + n, 0)).toBe(120);
  });

  it("gives the same result twice on the same data", () => {
    const { nodes, ties } = plantedNetwork(2, 0.1, 0.05);
    const first = detectCommunities(buildGraph(nodes, ties), { attributes: ["sector"] });
    const second = detectCommunities(buildGraph(nodes, ties), { attributes: ["sector"] });
    expect(second).toEqual(first);
  });

  it("gives the same communities whatever order nodes and ties arrive in", () => {
    const { nodes, ties } = plantedNetwork(3, 0.1, 0.05);
    const reference = partition(buildGraph(nodes, ties));
    const flipped = shuffled(ties, 9).map((t, i) => (i % 2 ? { source: t.target, target: t.source, weight: t.weight } : t));
    expect(partition(buildGraph(shuffled(nodes, 8), flipped))).toEqual(reference);

    // A graph assembled elsewhere in another insertion order gets the same answer too.
    const handMade: NetworkGraph = new UndirectedGraph<NodeAttributes, TieAttributes>();
    for (const node of shuffled(nodes, 10)) handMade.addNode(node.id, { sector: node.sector ?? null });
    for (const tie of shuffled(ties, 11)) handMade.addEdge(tie.target, tie.source, { weight: tie.weight });
    expect(partition(handMade)).toEqual(reference);
  });

  it("recovers planted groups and names their dominant sector", () => {
    const { nodes, ties } = plantedNetwork(4);
    const { communities } = detectCommunities(buildGraph(nodes, ties), { attributes: ["sector"], top: 1 });
    expect(communities).toHaveLength(4);
    const dominant = communities.map((c) => c.dominant.sector?.[0]?.value).sort();
    expect(dominant).toEqual(["care", "education", "prevention", "social"]);
  });

  it("counts categorical values, arrays as several values, most frequent first then by value", () => {
    // one community {a, b, c}: axes youth ×2, elderly ×1, mental ×1 (b lists "youth" twice: counted once)
    const graph = buildGraph(
      [
        { id: "a", sector: "care", axes: ["youth", "elderly"] },
        { id: "b", sector: "social", axes: ["youth", "youth"] },
        { id: "c", sector: "care", axes: ["mental"] },
      ],
      [
        { source: "a", target: "b", weight: 1 },
        { source: "b", target: "c", weight: 1 },
        { source: "a", target: "c", weight: 1 },
      ],
    );
    const [only] = detectCommunities(graph, { attributes: ["sector", "axes", "missing"] }).communities;
    expect(only?.dominant).toEqual({
      sector: [
        { value: "care", count: 2 },
        { value: "social", count: 1 },
      ],
      axes: [
        { value: "youth", count: 2 },
        { value: "elderly", count: 1 },
        { value: "mental", count: 1 },
      ],
      missing: [],
    });
  });

  it("puts each node alone when there are no ties", () => {
    const result = detectCommunities(buildGraph([{ id: "b" }, { id: "a" }], []));
    expect(result.communities.map((c) => c.members)).toEqual([["a"], ["b"]]);
    expect(result.modularity).toBe(0);
  });
});
