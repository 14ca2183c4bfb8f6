import { describe, expect, it } from "vitest";
import type { NetworkNode } from "../api/network";
import { createNetworkModel } from "./model";
import { axisGroups, communityClusters, concentricPositions } from "./presetLayouts";

function node(id: string, axisIds: string[], community: number, degree: number): NetworkNode {
  return {
    id, name: id, kind: "STRUCTURE", sector: "CARE", type: null, category: null, communeCode: null, communeName: null, epciCode: null,
    memberCount: 1, activeMemberCount: 1, axisIds, metrics: { degree, weightedDegree: degree, betweenness: 0, closeness: 0, community },
  };
}

const nodes = Array.from({ length: 30 }, (_, i) => node(`n${String(i).padStart(2, "0")}`, i % 3 === 0 ? ["x"] : i % 3 === 1 ? ["y", "x"] : [], i % 4, i));
const model = createNetworkModel({ nodes, ties: [] });
const distance = (p: { x: number; y: number }) => Math.hypot(p.x, p.y);

describe("concentricPositions", () => {
  it("puts the highest value in the middle and lower values further out", () => {
    const positions = concentricPositions(model, (id) => Number(id.slice(1)));
    expect(distance(positions.n29 ?? { x: 9, y: 9 })).toBe(0);
    expect(distance(positions.n00 ?? { x: 0, y: 0 })).toBeGreaterThan(distance(positions.n20 ?? { x: 0, y: 0 }));
    expect(Object.keys(positions)).toHaveLength(30);
  });
});

describe("axisGroups", () => {
  it("groups nodes by their first axis in the territory's order, with a group for nodes without axis", () => {
    const { positions, groups } = axisGroups(model, [{ id: "x", name: "Axe X", kind: "POPULATION" }, { id: "y", name: "Axe Y", kind: "TRANSVERSAL" }], "Sans axe");
    expect(groups.map((g) => [g.label, g.nodeIds.length])).toEqual([["Axe X", 20], ["Sans axe", 10]]);
    expect(Object.keys(positions)).toHaveLength(30);
  });
});

describe("communityClusters", () => {
  it("places every node, each community around its own centre, deterministically", () => {
    const first = communityClusters(model);
    expect(communityClusters(model)).toEqual(first);
    expect(Object.keys(first)).toHaveLength(30);
    const centre = (c: number) => {
      const ids = nodes.filter((n) => n.metrics?.community === c).map((n) => first[n.id] ?? { x: 0, y: 0 });
      return { x: ids.reduce((s, p) => s + p.x, 0) / ids.length, y: ids.reduce((s, p) => s + p.y, 0) / ids.length };
    };
    expect(Math.hypot(centre(0).x - centre(1).x, centre(0).y - centre(1).y)).toBeGreaterThan(20);
  });
});
