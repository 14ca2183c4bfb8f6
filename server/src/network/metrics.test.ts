import { describe, expect, it } from "vitest";
import { betweenness, closeness, computeGraphMetrics, computeNodeMetrics, sectorBrokerage } from "./metrics.js";
import { disconnectedPairs, path4, pathAndPair, star, trianglePendant, twoTriangles, weightedSquare } from "./testGraphs.js";
import { mulberry32 } from "./prng.js";
import { buildGraph } from "./projection.js";
import type { NetworkGraph } from "./types.js";

const byId = <T extends { id: string }>(rows: T[]): Record<string, T> => Object.fromEntries(rows.map((r) => [r.id, r]));
const pick = <T>(map: Map<string, T>, read: (value: T) => number): Record<string, number> =>
  Object.fromEntries([...map].map(([id, v]) => [id, read(v)]));
const raw = (graph: NetworkGraph, weighted = false) => pick(betweenness(graph, { weighted }), (b) => b.raw);
const normalised = (graph: NetworkGraph) => pick(betweenness(graph), (b) => b.normalised);

describe("degree and strength", () => {
  it("counts ties and sums their weights", () => {
    // triangle + pendant, weights a–b 1, a–c 2, b–c 3, c–d 4
    // strength a = 1+2 = 3, b = 1+3 = 4, c = 2+3+4 = 9, d = 4
    const m = byId(computeNodeMetrics(trianglePendant()));
    expect([m.a?.degree, m.b?.degree, m.c?.degree, m.d?.degree]).toEqual([2, 2, 3, 1]);
    expect([m.a?.strength, m.b?.strength, m.c?.strength, m.d?.strength]).toEqual([3, 4, 9, 4]);
  });

  it("returns one record per node sorted by id", () => {
    expect(computeNodeMetrics(star()).map((m) => m.id)).toEqual(["h", "l1", "l2", "l3", "l4"]);
  });
});

describe("betweenness", () => {
  it("counts each pair of other nodes once on a path P4", () => {
    // b lies on a–c and a–d: 2; c lies on b–d and a–d: 2. n = 4 → (n−1)(n−2)/2 = 3 pairs → 2/3.
    expect(raw(path4())).toEqual({ a: 0, b: 2, c: 2, d: 0 });
    const n = normalised(path4());
    expect(n.b).toBeCloseTo(2 / 3, 12);
    expect(n.a).toBe(0);
  });

  it("gives the centre of a star every pair of leaves", () => {
    // 4 leaves → C(4,2) = 6 pairs, all through h; normalised 6 / ((4·3)/2) = 1
    expect(raw(star())).toEqual({ h: 6, l1: 0, l2: 0, l3: 0, l4: 0 });
    expect(normalised(star()).h).toBeCloseTo(1, 12);
  });

  it("credits the node holding the pendant", () => {
    // c lies on a–d and b–d: 2; normalised 2/3
    expect(raw(trianglePendant())).toEqual({ a: 0, b: 0, c: 2, d: 0 });
  });

  it("credits both ends of the bridge between two triangles", () => {
    // c lies on every path from {a, b} to {d, e, f}: 2 × 3 = 6; same for d. n = 6 → 10 pairs → 0.6
    expect(raw(twoTriangles())).toEqual({ a: 0, b: 0, c: 6, d: 6, e: 0, f: 0 });
    expect(normalised(twoTriangles()).c).toBeCloseTo(0.6, 12);
  });

  it("splits credit between equally short paths and, when weighted, follows strong ties", () => {
    // Hops: a–c has two shortest paths (via b, via d) → b and d get ½ each; b–d likewise → a, c ½ each.
    expect(raw(weightedSquare())).toEqual({ a: 0.5, b: 0.5, c: 0.5, d: 0.5 });
    // Distance 1/w: a–c via d = ¼ + ¼ = ½ < via b = 1 + 1 → d gets 1, b gets 0;
    // b–d via a = 1 + ¼ = via c = 1 + ¼ → a and c get ½ each.
    expect(raw(weightedSquare(), true)).toEqual({ a: 0.5, b: 0, c: 0.5, d: 1 });
  });

  it("is zero everywhere in a network of pairs", () => {
    expect(Object.values(normalised(disconnectedPairs()))).toEqual([0, 0, 0, 0, 0]);
  });
});

describe("closeness (Wasserman–Faust)", () => {
  it("matches (n−1)/Σd on a connected path P4", () => {
    // a: 1+2+3 = 6 → 3/6; b: 1+1+2 = 4 → 3/4
    const c = Object.fromEntries(closeness(path4()));
    expect(c.a).toBeCloseTo(0.5, 12);
    expect(c.b).toBeCloseTo(0.75, 12);
    expect(c.d).toBeCloseTo(0.5, 12);
  });

  it("matches (n−1)/Σd on a star and a triangle with a pendant", () => {
    // star: h 4/4 = 1; leaf 1 + 2·3 = 7 → 4/7
    const s = Object.fromEntries(closeness(star()));
    expect(s.h).toBeCloseTo(1, 12);
    expect(s.l1).toBeCloseTo(4 / 7, 12);
    // triangle + pendant: c 1+1+1 → 1; a 1+1+2 = 4 → 3/4; d 1+2+2 = 5 → 3/5
    const t = Object.fromEntries(closeness(trianglePendant()));
    expect(t.c).toBeCloseTo(1, 12);
    expect(t.a).toBeCloseTo(0.75, 12);
    expect(t.d).toBeCloseTo(0.6, 12);
  });

  it("scales by the share of the network reached when it is disconnected", () => {
    // n = 5. x: reaches 2, Σd = 1+2 = 3 → (2/3)·(2/4) = 1/3; y: reaches 2, Σd = 2 → 1·(2/4) = ½;
    // p: reaches 1, Σd = 1 → 1·(1/4) = ¼. Uncorrected, p and y would both score 1.
    const c = Object.fromEntries(closeness(pathAndPair()));
    expect(c.x).toBeCloseTo(1 / 3, 12);
    expect(c.y).toBeCloseTo(0.5, 12);
    expect(c.p).toBeCloseTo(0.25, 12);
  });

  it("gives 0 to an isolated node", () => {
    expect(closeness(disconnectedPairs()).get("e")).toBe(0);
  });
});

describe("sectorBrokerage", () => {
  it("counts the star centre's pairs of leaves in different sectors", () => {
    // leaves care, care, social, education: 6 pairs, only (l1, l2) is same-sector → 5 open, 5/6
    const h = sectorBrokerage(star()).get("h");
    expect(h).toEqual({ neighbourPairs: 6, openCrossSectorPairs: 5, share: 5 / 6 });
    expect(sectorBrokerage(star()).get("l1")).toEqual({ neighbourPairs: 0, openCrossSectorPairs: 0, share: 0 });
  });

  it("ignores neighbours that are tied to each other or share a sector", () => {
    // c's neighbours a(care), b(social), d(social): (a,b) tied → no; (a,d) care/social open → 1;
    // (b,d) same sector → no. 1 of 3 pairs. a's neighbours b, c differ in sector but are tied → 0.
    const m = sectorBrokerage(trianglePendant());
    expect(m.get("c")).toEqual({ neighbourPairs: 3, openCrossSectorPairs: 1, share: 1 / 3 });
    expect(m.get("a")).toEqual({ neighbourPairs: 1, openCrossSectorPairs: 0, share: 0 });
  });

  it("never counts a neighbour without a sector as cross-sector", () => {
    // P4 has no sectors: b has 1 neighbour pair (a, c), open but not cross-sector
    expect(sectorBrokerage(path4()).get("b")).toEqual({ neighbourPairs: 1, openCrossSectorPairs: 0, share: 0 });
  });
});

describe("computeGraphMetrics", () => {
  it("describes a connected path P4", () => {
    // 3 ties of 4·3/2 = 6 possible → 0.5
    expect(computeGraphMetrics(path4())).toEqual({
      nodeCount: 4,
      tieCount: 3,
      density: 0.5,
      componentCount: 1,
      largestComponentSize: 4,
      isolatedNodes: [],
    });
  });

  it("describes a network of pairs and an isolated node", () => {
    // 2 ties of 5·4/2 = 10 → 0.2; components {a,b}, {c,d}, {e}
    expect(computeGraphMetrics(disconnectedPairs())).toEqual({
      nodeCount: 5,
      tieCount: 2,
      density: 0.2,
      componentCount: 3,
      largestComponentSize: 2,
      isolatedNodes: ["e"],
    });
  });

  it("computes the density of two bridged triangles", () => {
    // 7 ties of 6·5/2 = 15
    expect(computeGraphMetrics(twoTriangles()).density).toBeCloseTo(7 / 15, 12);
  });
});

describe("sectorBrokerage on larger graphs", () => {
  /** The definition, pair by pair: the reference the bitset counting must agree with. */
  function naiveOpenPairs(graph: NetworkGraph, node: string): number {
    const neighbours = graph.neighbors(node);
    let open = 0;
    for (let i = 0; i < neighbours.length; i++) {
      for (let j = i + 1; j < neighbours.length; j++) {
        const a = neighbours[i] as string;
        const b = neighbours[j] as string;
        const sa = graph.getNodeAttribute(a, "sector");
        const sb = graph.getNodeAttribute(b, "sector");
        if (sa != null && sb != null && sa !== sb && !graph.hasEdge(a, b)) open++;
      }
    }
    return open;
  }

  it("agrees with the pair-by-pair definition on random graphs with 70 nodes (more than two 32-bit words)", () => {
    const random = mulberry32(7);
    const sectors = ["CARE", "SOCIAL", "EDUCATION", null];
    for (let round = 0; round < 5; round++) {
      const nodes = Array.from({ length: 70 }, (_, i) => ({ id: `n${String(i).padStart(2, "0")}`, sector: sectors[Math.floor(random() * 4)] ?? null }));
      const ties = [];
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          if (random() < 0.15) ties.push({ source: nodes[i]!.id, target: nodes[j]!.id, weight: 1 });
        }
      }
      const graph = buildGraph(nodes, ties);
      const brokerage = sectorBrokerage(graph);
      for (const { id } of nodes) expect(brokerage.get(id)?.openCrossSectorPairs, id).toBe(naiveOpenPairs(graph, id));
    }
  });
});
