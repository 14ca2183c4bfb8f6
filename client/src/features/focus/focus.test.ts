import { describe, expect, it } from "vitest";
import type { NetworkNode } from "../../api/network";
import { createNetworkModel } from "../../graph/model";
import { collapseNode, egoDistances, egoMembers, expandNode, shortestPath, type Focus } from "./focus";

function node(id: string): NetworkNode {
  return { id, name: id, kind: "STRUCTURE", sector: "CARE", type: null, category: null, communeCode: null, communeName: null, epciCode: null, memberCount: 1, activeMemberCount: 1, axisIds: [], metrics: null };
}

// a – b – c – d – e, and b – f (a leaf), g alone.
const model = createNetworkModel({
  nodes: ["a", "b", "c", "d", "e", "f", "g"].map(node),
  ties: [["a", "b"], ["b", "c"], ["c", "d"], ["d", "e"], ["b", "f"]].map(([source = "", target = ""]) => ({ source, target, weight: 1 })),
});

describe("egoDistances", () => {
  it("gives hop distances up to the depth, the centre at 0", () => {
    expect(Object.fromEntries(egoDistances(model, "b", 1))).toEqual({ b: 0, a: 1, c: 1, f: 1 });
    expect(Object.fromEntries(egoDistances(model, "b", 2))).toEqual({ b: 0, a: 1, c: 1, f: 1, d: 2 });
    expect(egoDistances(model, "ghost", 2).size).toBe(0);
  });
});

describe("egoMembers", () => {
  const ego: Extract<Focus, { kind: "ego" }> = { kind: "ego", centerId: "a", depth: 1, expandedIds: [], collapsedIds: [] };

  it("adds the neighbours of an expanded node, and removes them again when it is collapsed", () => {
    expect([...egoMembers(model, ego)].sort()).toEqual(["a", "b"]);
    const expanded = expandNode(ego, "b");
    expect([...egoMembers(model, expanded as typeof ego)].sort()).toEqual(["a", "b", "c", "f"]);
    const collapsed = collapseNode(expanded, "b");
    expect([...egoMembers(model, collapsed as typeof ego)].sort()).toEqual(["a", "b"]);
  });

  it("keeps the centre and nodes still tied to something else when collapsing", () => {
    const wide: typeof ego = { ...ego, centerId: "b", depth: 2 };
    // Collapsing c removes d (it hangs on c alone) but keeps b, the centre.
    expect([...egoMembers(model, collapseNode(wide, "c") as typeof ego)].sort()).toEqual(["a", "b", "c", "f"]);
  });
});

describe("shortestPath", () => {
  it("finds the chain of ties between two nodes, or null when none links them", () => {
    expect(shortestPath(model, "a", "e")).toEqual(["a", "b", "c", "d", "e"]);
    expect(shortestPath(model, "f", "c")).toEqual(["f", "b", "c"]);
    expect(shortestPath(model, "a", "g")).toBeNull();
    expect(shortestPath(model, "a", "a")).toEqual(["a"]);
  });
});
