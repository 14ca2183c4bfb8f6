import { describe, expect, it } from "vitest";
import { NODE_SPACING, placeInCommunes, spiralOffset, UNPLACED_SPACING, type PlaceableNode } from "./placement";
import { createProjection, projectCommunes } from "./projection";
import { ALES, CENDRAS, SAINT_AMBROIX, SAINT_PRIVAT, TEST_COMMUNES } from "./testCommunes";

const projection = createProjection(TEST_COMMUNES);
const anchors = new Map(projectCommunes(TEST_COMMUNES, projection).map((c) => [c.code, c.anchor]));

function nodes(): PlaceableNode[] {
  const list: PlaceableNode[] = [];
  for (let i = 0; i < 60; i += 1) list.push({ id: `s-ales-${String(i).padStart(2, "0")}`, communeCode: ALES.code });
  for (let i = 0; i < 12; i += 1) list.push({ id: `s-privat-${i}`, communeCode: SAINT_PRIVAT.code });
  list.push({ id: "s-cendras", communeCode: CENDRAS.code });
  list.push({ id: "s-ambroix", communeCode: SAINT_AMBROIX.code });
  list.push({ id: "i-ars", communeCode: "34172" });
  list.push({ id: "i-cpam", communeCode: null });
  return list;
}

/** A fixed shuffle: the order the API might send. */
const shuffled = <T>(items: readonly T[]) => [...items].map((item, i) => ({ item, key: (i * 7919) % 101 })).sort((a, b) => a.key - b.key).map((x) => x.item);

describe("placeInCommunes", () => {
  it("places every node", () => {
    const positions = placeInCommunes(nodes(), TEST_COMMUNES, projection);
    expect(Object.keys(positions).sort()).toEqual(nodes().map((n) => n.id).sort());
    for (const p of Object.values(positions)) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });

  it("gives the same picture whatever order the nodes come in", () => {
    expect(placeInCommunes(shuffled(nodes()), TEST_COMMUNES, projection)).toEqual(placeInCommunes(nodes(), TEST_COMMUNES, projection));
  });

  it("puts the first node, by id, on its commune's anchor and the others around it", () => {
    const positions = placeInCommunes(shuffled(nodes()), TEST_COMMUNES, projection);
    expect(positions["s-ales-00"]).toEqual(anchors.get(ALES.code));
    expect(positions["s-cendras"]).toEqual(anchors.get(CENDRAS.code));
    expect(positions["s-ambroix"]).toEqual(anchors.get(SAINT_AMBROIX.code));
  });

  it("keeps a commune's nodes within the spiral's radius of its anchor", () => {
    const positions = placeInCommunes(nodes(), TEST_COMMUNES, projection);
    const anchor = anchors.get(ALES.code);
    if (!anchor) throw new Error("Alès has an anchor");
    const radius = NODE_SPACING * Math.sqrt(59);
    for (const node of nodes().filter((n) => n.communeCode === ALES.code)) {
      const p = positions[node.id];
      if (!p) throw new Error(`${node.id} is placed`);
      expect(Math.hypot(p.x - anchor.x, p.y - anchor.y)).toBeLessThanOrEqual(radius + 1e-9);
    }
  });

  it("never puts two nodes in the same place, nor closer than the spacing allows", () => {
    const points = Object.values(placeInCommunes(nodes(), TEST_COMMUNES, projection));
    let closest = Infinity;
    for (let i = 0; i < points.length; i += 1) {
      for (let j = i + 1; j < points.length; j += 1) {
        const a = points[i];
        const b = points[j];
        if (a && b) closest = Math.min(closest, Math.hypot(a.x - b.x, a.y - b.y));
      }
    }
    expect(closest).toBeGreaterThan(0.8 * NODE_SPACING);
  });

  it("lines up nodes of an unknown or missing commune below the map", () => {
    const positions = placeInCommunes(nodes(), TEST_COMMUNES, projection);
    const ars = positions["i-ars"];
    const cpam = positions["i-cpam"];
    expect(ars?.y).toBeGreaterThan(projection.bounds.maxY);
    expect(cpam?.y).toBe(ars?.y);
    expect(Math.abs((cpam?.x ?? 0) - (ars?.x ?? 0))).toBe(UNPLACED_SPACING);
  });

  it("wraps a long row of unplaced nodes within the map's width", () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ id: `x${String(i).padStart(3, "0")}`, communeCode: null }));
    const positions = Object.values(placeInCommunes(many, TEST_COMMUNES, projection));
    expect(Math.max(...positions.map((p) => p.x))).toBeLessThanOrEqual(projection.bounds.maxX);
    expect(new Set(positions.map((p) => `${p.x},${p.y}`)).size).toBe(200);
  });

  it("keeps the spiral's spacing in model units, whatever the territory's size", () => {
    expect(spiralOffset(0)).toEqual({ x: 0, y: 0 });
    expect(Math.hypot(spiralOffset(1).x, spiralOffset(1).y)).toBeCloseTo(NODE_SPACING, 9);
    expect(Math.hypot(spiralOffset(4).x, spiralOffset(4).y)).toBeCloseTo(2 * NODE_SPACING, 9);
  });
});
