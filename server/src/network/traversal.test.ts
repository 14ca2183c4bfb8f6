import { describe, expect, it } from "vitest";
import { disconnectedPairs, path4, twoTriangles } from "./testGraphs.js";
import { bfsDistances, connectedComponents } from "./traversal.js";

describe("bfsDistances", () => {
  it("gives hop distances along a path", () => {
    expect(Object.fromEntries(bfsDistances(path4(), "a"))).toEqual({ a: 0, b: 1, c: 2, d: 3 });
  });

  it("stops at the maximum depth", () => {
    expect([...bfsDistances(twoTriangles(), "a", 1).keys()].sort()).toEqual(["a", "b", "c"]);
  });
});

describe("connectedComponents", () => {
  it("lists components largest first, ties by smallest id, members sorted", () => {
    expect(connectedComponents(disconnectedPairs())).toEqual([["a", "b"], ["c", "d"], ["e"]]);
  });
});
