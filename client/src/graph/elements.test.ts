import { describe, expect, it } from "vitest";
import type { Network, NetworkNode } from "../api/network";
import { labelledNodeIds, NODE_SIZE, sqrtScale, TIE_WIDTH, toElements, type NodeData, type TieData } from "./elements";
import { createNetworkModel } from "./model";
import { CATEGORY_COLOURS, darken } from "./palette";
import { sampleNetwork } from "./testNetwork";

function structure(id: string, memberCount: number, overrides: Partial<NetworkNode> = {}): NetworkNode {
  return {
    id, name: id, kind: "STRUCTURE", sector: "CARE", type: "Association",
    category: null, communeCode: null, communeName: null, epciCode: null, memberCount, activeMemberCount: memberCount,
    axisIds: [], metrics: null, ...overrides,
  };
}

function mapped(network: Network) {
  const elements = toElements(createNetworkModel(network));
  const nodes = elements.filter((e) => e.group === "nodes");
  const edges = elements.filter((e) => e.group === "edges");
  const node = (id: string) => nodes.find((e) => e.data.id === id)?.data as NodeData;
  return { elements, nodes, edges, node };
}

describe("sqrtScale", () => {
  it("maps 0 to the minimum and the domain maximum to the maximum", () => {
    expect(sqrtScale(0, 100, 10, 50)).toBe(10);
    expect(sqrtScale(100, 100, 10, 50)).toBe(50);
  });

  it("grows with the square root, so a quarter of the maximum gets half the range", () => {
    expect(sqrtScale(25, 100, 10, 50)).toBe(30);
  });

  it("returns the minimum when every value is 0 and clamps values out of the domain", () => {
    expect(sqrtScale(0, 0, 10, 50)).toBe(10);
    expect(sqrtScale(-3, 100, 10, 50)).toBe(10);
    expect(sqrtScale(400, 100, 10, 50)).toBe(50);
  });
});

describe("toElements", () => {
  it("maps every node and every valid tie, nodes first", () => {
    const { elements, nodes, edges } = mapped(sampleNetwork());
    expect(nodes).toHaveLength(9);
    expect(edges).toHaveLength(10);
    expect(elements.findIndex((e) => e.group === "edges")).toBe(nodes.length);
  });

  it("sizes nodes by member count on a square-root scale", () => {
    const { node } = mapped(sampleNetwork());
    expect(node("s-ch-ales").size).toBe(NODE_SIZE.max);
    expect(node("s-ehpad").size).toBe(NODE_SIZE.min);
    // 10 members out of a maximum of 40: half of the range.
    const { node: n2 } = mapped({ nodes: [structure("a", 40), structure("b", 10)], ties: [] });
    expect(n2("b").size).toBe((NODE_SIZE.min + NODE_SIZE.max) / 2);
  });

  it("colours structures by sector and draws institutions as dark diamonds", () => {
    const { node } = mapped(sampleNetwork());
    expect(node("s-prev-jeunes")).toMatchObject({ category: "PREVENTION", colour: "#009E73", shape: "ellipse" });
    expect(node("s-mairie-st-christol")).toMatchObject({ category: "LOCAL_AUTHORITY", colour: "#F0E442" });
    expect(node("i-ars")).toMatchObject({ category: "INSTITUTION", colour: CATEGORY_COLOURS.INSTITUTION, shape: "diamond" });
    expect(node("s-ch-ales").borderColour).toBe(darken("#0072B2", 0.4));
  });

  it("classes nodes by kind and marks the largest ones as always labelled", () => {
    const { nodes } = mapped(sampleNetwork());
    const classesOf = (id: string) => nodes.find((e) => e.data.id === id)?.classes;
    expect(classesOf("s-ch-ales")).toBe("structure labelled");
    expect(classesOf("i-cpam")).toBe("institution");
    expect(classesOf("s-ehpad")).toBe("structure");
  });

  it("widens ties with their weight", () => {
    const { edges } = mapped(sampleNetwork());
    const widths = new Map(edges.map((e) => [(e.data as TieData).weight, (e.data as TieData).width]));
    expect(widths.get(5)).toBe(TIE_WIDTH.max);
    expect(widths.get(1)).toBeLessThan(widths.get(2) ?? 0);
    expect(widths.get(2)).toBeLessThan(widths.get(5) ?? 0);
  });

  it("drops ties to unknown nodes, self ties and duplicates (keeping the larger weight)", () => {
    const { edges } = mapped({
      nodes: [structure("a", 1), structure("b", 1)],
      ties: [
        { source: "a", target: "b", weight: 1 },
        { source: "b", target: "a", weight: 3 },
        { source: "a", target: "a", weight: 2 },
        { source: "a", target: "ghost", weight: 2 },
      ],
    });
    expect(edges).toHaveLength(1);
    expect(edges[0]?.data).toMatchObject({ weight: 3 });
  });
});

describe("labelledNodeIds", () => {
  it("labels at least five nodes, the largest first, never a node without members", () => {
    const nodes = Array.from({ length: 20 }, (_, i) => structure(`n${i}`, i));
    const labelled = labelledNodeIds(createNetworkModel({ nodes, ties: [] }));
    expect([...labelled].sort()).toEqual(["n15", "n16", "n17", "n18", "n19"]);
    const empty = labelledNodeIds(createNetworkModel({ nodes: [structure("z", 0)], ties: [] }));
    expect(empty.size).toBe(0);
  });
});

describe("darken", () => {
  it("scales each channel towards black", () => {
    expect(darken("#FFFFFF", 0.5)).toBe("#808080");
    expect(darken("#F0E442", 0)).toBe("#F0E442");
  });
});
