import { describe, expect, it } from "vitest";
import { egoNetwork, shortestPath } from "./ego.js";
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
