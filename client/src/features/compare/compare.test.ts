import { describe, expect, it } from "vitest";
import type { NetworkNode } from "../../api/network";
import { compareNetworks } from "./compare";

function organisation(id: string, active: number): NetworkNode {
  return { id, name: id, kind: "STRUCTURE", sector: "CARE", type: null, category: null, communeCode: null, communeName: null, epciCode: null, memberCount: 3, activeMemberCount: active, axisIds: [], metrics: null };
}

describe("compareNetworks", () => {
  it("tells joined, left and stayed organisations, gained, lost and kept ties", () => {
    const before = {
      nodes: [organisation("a", 1), organisation("b", 2), organisation("c", 1), organisation("d", 0)],
      ties: [{ source: "a", target: "b", weight: 2 }, { source: "b", target: "c", weight: 1 }],
    };
    const after = {
      nodes: [organisation("a", 1), organisation("b", 1), organisation("c", 0), organisation("d", 2)],
      ties: [{ source: "b", target: "a", weight: 5 }, { source: "a", target: "d", weight: 1 }],
    };
    const result = compareNetworks(before, after);
    expect(Object.fromEntries(result.nodeChanges)).toEqual({ a: "stayed", b: "stayed", c: "left", d: "joined" });
    expect(result.counts).toEqual({ joined: 1, left: 1, gained: 1, lost: 1, kept: 1 });
    // The kept tie carries its latest weight, ends in id order.
    expect(result.network.ties).toContainEqual({ source: "a", target: "b", weight: 5 });
    expect(result.network.nodes.map((n) => n.id)).toEqual(["a", "b", "c", "d"]);
  });

  it("keeps every node of both periods, even one active in neither", () => {
    const result = compareNetworks({ nodes: [organisation("a", 1), organisation("z", 0)], ties: [] }, { nodes: [organisation("a", 1), organisation("y", 0)], ties: [] });
    expect(result.network.nodes.map((n) => n.id)).toEqual(["a", "y", "z"]);
    expect(Object.fromEntries(result.nodeChanges)).toEqual({ a: "stayed", y: "stayed", z: "stayed" });
  });
});
