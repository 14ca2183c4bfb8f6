import { describe, expect, it } from "vitest";
import type { NetworkTie } from "../api/network";
import { layoutBackbone } from "./backbone";

const tie = (source: string, target: string, weight: number): NetworkTie => ({ source, target, weight });

/** A complete graph on n nodes, weight decreasing with the second index. */
function clique(n: number): NetworkTie[] {
  const ties: NetworkTie[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) ties.push(tie(`n${i}`, `n${j}`, n - j + 1));
  return ties;
}

function components(ties: readonly NetworkTie[]): number {
  const parent = new Map<string, string>();
  const find = (x: string): string => (parent.get(x) ?? x) === x ? x : find(parent.get(x) ?? x);
  for (const t of ties) {
    for (const id of [t.source, t.target]) if (!parent.has(id)) parent.set(id, id);
    parent.set(find(t.source), find(t.target));
  }
  return new Set([...parent.keys()].map(find)).size;
}

describe("layoutBackbone", () => {
  it("keeps far fewer ties than a dense network has, bounded by the per-node budget", () => {
    const ties = clique(60);
    const backbone = layoutBackbone(ties, 3);
    expect(ties).toHaveLength(1770);
    expect(backbone.length).toBeLessThanOrEqual(60 * 3 + 59);
    expect(backbone.length).toBeGreaterThanOrEqual(59);
  });

  it("keeps every connected group connected (maximum spanning forest)", () => {
    const ties = [...clique(20), tie("a", "b", 1), tie("b", "c", 1), tie("n0", "a", 1)];
    expect(components(layoutBackbone(ties, 1))).toBe(components(ties));
  });

  it("keeps each node's strongest tie", () => {
    const ties = [tie("a", "b", 1), tie("a", "c", 9), tie("b", "c", 5), tie("c", "d", 2)];
    const backbone = layoutBackbone(ties, 1);
    expect(backbone).toContainEqual(tie("a", "c", 9));
    expect(backbone).toContainEqual(tie("c", "d", 2));
  });

  it("is deterministic whatever the input order", () => {
    const ties = clique(15);
    expect(layoutBackbone([...ties].reverse(), 2)).toEqual(layoutBackbone(ties, 2));
  });

  it("returns all ties of a sparse network", () => {
    const ties = [tie("a", "b", 1), tie("b", "c", 2)];
    expect(layoutBackbone(ties).length).toBe(2);
  });
});
