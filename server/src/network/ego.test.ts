import { describe, expect, it } from "vitest";
import { egoIndex, egoNetwork, indexedEgoNetwork, shortestPath } from "./ego.js";
import { NetworkInputError } from "./errors.js";
import { buildGraph } from "./projection.js";
import { disconnectedPairs, path4, twoTriangles } from "./testGraphs.js";

describe("egoNetwork", () => {
  it("keeps the neighbours at depth 1 and the ties among them", () => {
    const ego = egoNetwork(twoTriangles(), "a", 1);
    expect(ego.nodes).toEqual([
      { id: "a", distance: 0 },
      { id: "b", distance: 1 },
      { id: "c", distance: 1 },
    ]);
    expect(ego.ties.map((t) => `${t.source}-${t.target}`)).toEqual(["a-b", "a-c", "b-c"]);
  });

  it("reaches across the bridge at depth 2 and the far triangle at depth 3", () => {
    const two = egoNetwork(twoTriangles(), "a", 2);
    expect(two.nodes.map((n) => n.id)).toEqual(["a", "b", "c", "d"]);
    expect(two.ties.map((t) => `${t.source}-${t.target}`)).toEqual(["a-b", "a-c", "b-c", "c-d"]);
    const three = egoNetwork(twoTriangles(), "a", 3);
    expect(three.nodes.at(-1)).toEqual({ id: "f", distance: 3 });
    expect(three.ties).toHaveLength(7);
  });

  it.each([0, 4, 1.5, Number.NaN])("rejects depth %s", (depth) => {
    expect(() => egoNetwork(path4(), "a", depth)).toThrow(expect.objectContaining({ code: "INVALID_DEPTH" }));
  });

  it("rejects an unknown centre", () => {
    expect(() => egoNetwork(path4(), "zz", 1)).toThrow(NetworkInputError);
    expect(() => egoNetwork(path4(), "zz", 1)).toThrow(expect.objectContaining({ code: "UNKNOWN_NODE" }));
  });
});

describe("indexedEgoNetwork", () => {
  /** A reproducible random graph: `n` nodes, each pair tied with probability `p`, weights 1 to 5. */
  function randomGraph(seed: number, n: number, p: number) {
    let state = seed;
    const next = (): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${(i * 7) % n}` }));
    const ties = [];
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) if (next() < p) ties.push({ source: `n${j}`, target: `n${i}`, weight: 1 + Math.floor(next() * 5) });
    }
    return buildGraph(nodes, ties);
  }

  it("gives the same nodes, distances and ties as egoNetwork", () => {
    for (const [seed, n, p] of [[1, 30, 0.08], [2, 60, 0.03], [3, 12, 0.5], [4, 40, 0.0]] as const) {
      const graph = randomGraph(seed, n, p);
      const index = egoIndex(graph);
      for (const center of graph.nodes().slice(0, 10)) {
        for (const depth of [1, 2, 3]) expect(indexedEgoNetwork(index, center, depth)).toEqual(egoNetwork(graph, center, depth));
      }
    }
  });

  it("rejects what egoNetwork rejects", () => {
    const index = egoIndex(path4());
    expect(() => indexedEgoNetwork(index, "zz", 1)).toThrow(expect.objectContaining({ code: "UNKNOWN_NODE" }));
    expect(() => indexedEgoNetwork(index, "a", 4)).toThrow(expect.objectContaining({ code: "INVALID_DEPTH" }));
  });
});

describe("shortestPath", () => {
  it("follows a path end to end", () => {
    expect(shortestPath(path4(), "a", "d")).toEqual(["a", "b", "c", "d"]);
    expect(shortestPath(path4(), "d", "a")).toEqual(["d", "c", "b", "a"]);
    expect(shortestPath(path4(), "b", "b")).toEqual(["b"]);
  });

  it("crosses the bridge between two triangles", () => {
    expect(shortestPath(twoTriangles(), "b", "e")).toEqual(["b", "c", "d", "e"]);
  });

  it("returns the lexicographically smallest of equally short paths", () => {
    // s → t by s-a-d-t or s-b-c-t (both 3 hops): "a" < "b" decides, although "c" < "d" later on.
    const graph = buildGraph(
      ["s", "a", "b", "c", "d", "t"].map((id) => ({ id })),
      [
        ["s", "b"],
        ["s", "a"],
        ["b", "c"],
        ["a", "d"],
        ["c", "t"],
        ["d", "t"],
      ].map(([source, target]) => ({ source: source ?? "", target: target ?? "", weight: 1 })),
    );
    expect(shortestPath(graph, "s", "t")).toEqual(["s", "a", "d", "t"]);
    expect(shortestPath(graph, "t", "s")).toEqual(["t", "c", "b", "s"]);
  });

  it("returns null between two components", () => {
    expect(shortestPath(disconnectedPairs(), "a", "c")).toBeNull();
    expect(shortestPath(disconnectedPairs(), "e", "a")).toBeNull();
  });

  it("rejects an unknown endpoint", () => {
    expect(() => shortestPath(path4(), "a", "zz")).toThrow(expect.objectContaining({ code: "UNKNOWN_NODE" }));
  });
});
