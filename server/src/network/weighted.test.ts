import { describe, expect, it } from "vitest";
import { indexGraph } from "./indexed.js";
import { computeNodeMetrics } from "./metrics.js";
import { mulberry32 } from "./prng.js";
import { buildGraph } from "./projection.js";
import type { Tie } from "./types.js";
import { weightedCentralities } from "./weighted.js";

describe("weighted betweenness and closeness (distance = 1/weight)", () => {
  it("route a–c through b when the direct tie is weak, by hand", () => {
    // a —1— b —1— c, and a —0.25— c: a–c direct is 4 long, through b 2.
    const graph = buildGraph([{ id: "a" }, { id: "b" }, { id: "c" }], [
      { source: "a", target: "b", weight: 1 },
      { source: "b", target: "c", weight: 1 },
      { source: "a", target: "c", weight: 0.25 },
    ]);
    const metrics = new Map(computeNodeMetrics(graph).map((m) => [m.id, m]));
    expect(metrics.get("b")?.betweenness).toBe(0);
    expect(metrics.get("b")?.weightedBetweenness).toBeCloseTo(1, 12);
    expect(metrics.get("a")?.weightedBetweenness).toBe(0);
    // a: distances 1 and 2, sum 3: (2/3)·(2/2). b: 1 + 1.
    expect(metrics.get("a")?.weightedCloseness).toBeCloseTo(2 / 3, 12);
    expect(metrics.get("b")?.weightedCloseness).toBeCloseTo(1, 12);
  });

  it("equal the hop measures when every weight is 1", () => {
    const graph = buildGraph(
      ["a", "b", "c", "d", "e"].map((id) => ({ id })),
      [["a", "b"], ["b", "c"], ["c", "d"], ["b", "d"], ["d", "e"]].map(([source, target]) => ({ source: source as string, target: target as string, weight: 1 })),
    );
    for (const m of computeNodeMetrics(graph)) {
      expect(m.weightedBetweenness).toBeCloseTo(m.betweenness, 12);
      expect(m.weightedCloseness).toBeCloseTo(m.closeness, 12);
    }
  });

  it("match a brute-force Floyd–Warshall computation on a random graph of 200 nodes", () => {
    const random = mulberry32(5);
    const n = 200;
    const ids = Array.from({ length: n }, (_v, i) => `v${String(i).padStart(3, "0")}`);
    const pairs = new Map<string, Tie>();
    // A few components: nodes 190–199 stay apart from the rest.
    while (pairs.size < 500) {
      const a = Math.floor(random() * 190);
      const b = Math.floor(random() * 190);
      if (a !== b) pairs.set(`${Math.min(a, b)}|${Math.max(a, b)}`, { source: ids[Math.min(a, b)] as string, target: ids[Math.max(a, b)] as string, weight: 1 + Math.floor(random() * 4) });
    }
    pairs.set("190|191", { source: "v190", target: "v191", weight: 2 });
    const ties = [...pairs.values()];
    const graph = buildGraph(ids.map((id) => ({ id })), ties);

    const index = new Map(ids.map((id, i) => [id, i]));
    const length = Array.from({ length: n }, () => new Array<number>(n).fill(Infinity));
    const d = Array.from({ length: n }, (_v, i) => Array.from({ length: n }, (_w, j) => (i === j ? 0 : Infinity)));
    for (const tie of ties) {
      const [i, j] = [index.get(tie.source) as number, index.get(tie.target) as number];
      (length[i] as number[])[j] = (length[j] as number[])[i] = 1 / tie.weight;
      (d[i] as number[])[j] = (d[j] as number[])[i] = 1 / tie.weight;
    }
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      const via = (d[i] as number[])[k]! + (d[k] as number[])[j]!;
      if (via < (d[i] as number[])[j]!) (d[i] as number[])[j] = via;
    }
    const same = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(x, y);
    // σ[s][t]: shortest paths from s to t, counted over the last tie into t, nodes by distance from s.
    const sigma = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let s = 0; s < n; s++) {
      const row = d[s] as number[];
      const order = [...Array(n).keys()].filter((t) => row[t]! < Infinity).sort((x, y) => row[x]! - row[y]!);
      (sigma[s] as number[])[s] = 1;
      for (const t of order) {
        if (t === s) continue;
        let count = 0;
        for (let u = 0; u < n; u++) if ((length[u] as number[])[t]! < Infinity && same(row[u]! + (length[u] as number[])[t]!, row[t]!)) count += (sigma[s] as number[])[u]!;
        (sigma[s] as number[])[t] = count;
      }
    }
    const expectedBetweenness = new Array<number>(n).fill(0);
    const expectedCloseness = new Array<number>(n).fill(0);
    for (let v = 0; v < n; v++) {
      const reach = (d[v] as number[]).filter((x) => x < Infinity);
      const total = reach.reduce((a, b) => a + b, 0);
      if (total > 0) expectedCloseness[v] = ((reach.length - 1) / total) * ((reach.length - 1) / (n - 1));
      for (let s = 0; s < n; s++) for (let t = s + 1; t < n; t++) {
        if (s === v || t === v || (d[s] as number[])[t] === Infinity) continue;
        if (same((d[s] as number[])[v]! + (d[v] as number[])[t]!, (d[s] as number[])[t]!)) {
          expectedBetweenness[v]! += ((sigma[s] as number[])[v]! * (sigma[v] as number[])[t]!) / (sigma[s] as number[])[t]!;
        }
      }
    }
    const indexed = indexGraph(graph);
    const actual = weightedCentralities(indexed);
    indexed.ids.forEach((id, i) => {
      const v = index.get(id) as number;
      expect(actual.betweenness[i]).toBeCloseTo(expectedBetweenness[v] as number, 6);
      expect(actual.closeness[i]).toBeCloseTo(expectedCloseness[v] as number, 9);
    });
    expect(Math.max(...actual.betweenness)).toBeGreaterThan(100);
  });
});
