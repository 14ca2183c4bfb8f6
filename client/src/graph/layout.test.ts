import { describe, expect, it } from "vitest";
import { toElements } from "./elements";
import type { ElementDefinition } from "cytoscape";
import collapsing from "./fixtures/collapsingLayout.json";
import { computeLayout, distinctShare, MIN_DISTINCT_SHARE, SEPARATED_SIZE, separateLargeNodes, seededRandom, spreadStacked, tileUntied, withSeededRandom, type PlacedNode } from "./layout";
import { createNetworkModel } from "./model";
import { sampleNetwork } from "./testNetwork";

describe("computeLayout", () => {
  const elements = toElements(createNetworkModel(sampleNetwork()));

  it("places every node, the same way on every run", () => {
    const first = computeLayout(elements);
    const second = computeLayout(elements);
    expect(Object.keys(first).sort()).toEqual(sampleNetwork().nodes.map((n) => n.id).sort());
    expect(second).toEqual(first);
  });

  it("keeps strong partners closer than the spread of the whole network", () => {
    const positions = computeLayout(elements);
    const distance = (a: string, b: string) => {
      const p = positions[a];
      const q = positions[b];
      if (!p || !q) throw new Error("position manquante");
      return Math.hypot(p.x - q.x, p.y - q.y);
    };
    expect(distance("s-ch-ales", "s-msp-st-ambroix")).toBeLessThan(distance("s-college", "s-mairie-st-christol"));
  });

  it("keeps nodes apart where fcose's polish collapses them (the demo's CLS 2 + CLS 3 structures: 277 nodes on 11 points)", () => {
    const fixture = collapsing as { sizes: number[]; ties: [number, number, number][] };
    const fixtureElements: ElementDefinition[] = [
      ...fixture.sizes.map((size, i): ElementDefinition => ({ group: "nodes", data: { id: `n${i}`, size } })),
      ...fixture.ties.map(([s, t, weight]): ElementDefinition => ({ group: "edges", data: { id: `n${s}|n${t}`, source: `n${s}`, target: `n${t}`, weight } })),
    ];
    const positions = Object.values(computeLayout(fixtureElements));
    expect(positions).toHaveLength(277);
    expect(distinctShare(positions)).toBeGreaterThanOrEqual(MIN_DISTINCT_SHARE);
    // A force layout of 277 nodes: seconds on two busy cores.
  }, 60_000);
});

describe("distinctShare", () => {
  it("counts the positions no other one shares, to the pixel", () => {
    expect(distinctShare([{ x: 0, y: 0 }, { x: 0.2, y: 0.1 }, { x: 5, y: 5 }, { x: 9, y: 9 }])).toBe(0.75);
    expect(distinctShare([])).toBe(1);
  });
});

/** Pairs of nodes of at least `minSize` whose shapes overlap. */
function overlapping(nodes: readonly PlacedNode[], minSize = SEPARATED_SIZE): string[] {
  const large = nodes.filter((n) => n.size >= minSize);
  const pairs: string[] = [];
  large.forEach((a, i) => {
    for (const b of large.slice(i + 1)) if (Math.hypot(a.x - b.x, a.y - b.y) < (a.size + b.size) / 2) pairs.push(`${a.id}/${b.id}`);
  });
  return pairs;
}

describe("separateLargeNodes", () => {
  it("parts large nodes that overlap, even on the same spot, and leaves small ones and distant ones where they are", () => {
    const stacked = (): PlacedNode[] => [
      { id: "g1", x: 0, y: 0, size: 40 },
      { id: "g2", x: 0, y: 0, size: 40 },
      { id: "g3", x: 10, y: 5, size: 30 },
    ];
    const nodes: PlacedNode[] = [...stacked(), { id: "far", x: 500, y: 500, size: 40 }, { id: "small", x: 1, y: 1, size: 10 }];
    separateLargeNodes(nodes);
    expect(overlapping(nodes)).toEqual([]);
    expect(nodes.find((n) => n.id === "far")).toMatchObject({ x: 500, y: 500 });
    expect(nodes.find((n) => n.id === "small")).toMatchObject({ x: 1, y: 1 });
    const again = stacked();
    separateLargeNodes(again);
    expect(again.map(({ x, y }) => [x, y])).toEqual(nodes.slice(0, 3).map(({ x, y }) => [x, y]));
  });

  it("leaves no large shapes on top of one another in the quick layout of a large two-mode network", () => {
    // 40 work groups of 20 to 40 members among 600 people: the spectral draft alone stacks the groups.
    const elements: ElementDefinition[] = [];
    const random = seededRandom(7);
    for (let g = 0; g < 40; g++) elements.push({ group: "nodes", data: { id: `g${g}`, size: 36 + (g % 3) * 4 } });
    for (let p = 0; p < 600; p++) elements.push({ group: "nodes", data: { id: `p${p}`, size: 10 } });
    for (let p = 0; p < 600; p++) {
      for (const g of new Set([Math.floor(random() * 40), Math.floor(random() * 40)])) elements.push({ group: "edges", data: { id: `p${p}-g${g}`, source: `p${p}`, target: `g${g}` } });
    }
    const positions = computeLayout(elements, "draft");
    const placed = elements.filter((e) => e.group === "nodes").map((e) => ({ id: String(e.data.id), size: Number(e.data.size), ...(positions[String(e.data.id)] ?? { x: Number.NaN, y: Number.NaN }) }));
    expect(overlapping(placed)).toEqual([]);
  });
});

describe("nodes without ties", () => {
  it("get a place each, in a grid beside the network, in the quick layout of a large network", () => {
    const elements: ElementDefinition[] = [];
    for (let i = 0; i < 40; i++) elements.push({ group: "nodes", data: { id: `t${i}`, size: 14 } });
    for (let i = 1; i < 40; i++) elements.push({ group: "edges", data: { id: `e${i}`, source: `t${i}`, target: `t${Math.floor(i / 3)}` } });
    for (let i = 0; i < 120; i++) elements.push({ group: "nodes", data: { id: `u${i}`, size: 10 } });
    const positions = computeLayout(elements, "draft");
    const at = (id: string) => positions[id] ?? { x: Number.NaN, y: Number.NaN };
    const loose = Array.from({ length: 120 }, (_, i) => at(`u${i}`));
    expect(new Set(loose.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`)).size).toBe(120);
    const rightmostTied = Math.max(...Array.from({ length: 40 }, (_, i) => at(`t${i}`).x));
    expect(Math.min(...loose.map((p) => p.x))).toBeGreaterThan(rightmostTied);
  });

  it("spreads nodes left on the same spot around it, and leaves a node alone on its spot", () => {
    const nodes: PlacedNode[] = [
      { id: "c", x: 50, y: 50.2, size: 10 },
      { id: "a", x: 50, y: 50, size: 10 },
      { id: "b", x: 49.9, y: 50, size: 10 },
      { id: "alone", x: 0, y: 0, size: 10 },
    ];
    spreadStacked(nodes);
    const spots = nodes.map((n) => `${Math.round(n.x)},${Math.round(n.y)}`);
    expect(new Set(spots).size).toBe(4);
    expect(nodes[3]).toMatchObject({ x: 0, y: 0 });
    for (const node of nodes.slice(0, 3)) expect(Math.hypot(node.x - 50, node.y - 50)).toBeCloseTo(10, 0);
  });

  it("are laid out as tall as the network, largest first, away from it", () => {
    const nodes: PlacedNode[] = [
      { id: "a", x: 0, y: 0, size: 20 },
      { id: "b", x: 100, y: 200, size: 20 },
      { id: "small", x: 0, y: 0, size: 10 },
      { id: "big", x: 0, y: 0, size: 30 },
    ];
    tileUntied(nodes, new Set(["small", "big"]));
    const [big, small] = [nodes[3], nodes[2]];
    expect(big?.x).toBeGreaterThan(110);
    expect(big?.y).toBeLessThan(small?.y ?? 0);
    expect(big?.x).toBe(small?.x);
  });
});

describe("withSeededRandom", () => {
  it("restores Math.random after the run, even when it throws", () => {
    const original = Math.random;
    expect(() => withSeededRandom(1, () => { throw new Error("boom"); })).toThrow("boom");
    expect(Math.random).toBe(original);
    expect(withSeededRandom(42, () => Math.random())).toBe(seededRandom(42)());
  });
});
