import { describe, expect, it } from "vitest";
import { communeAt, polygonContains } from "./hitTest";
import { boundsOf } from "./projection";
import type { ModelPoint, ModelPolygon, ProjectedCommune } from "./types";

const ring = (x: number, y: number, size: number): ModelPoint[] => [
  { x, y },
  { x: x + size, y },
  { x: x + size, y: y + size },
  { x, y: y + size },
];

function commune(code: string, polygons: ModelPolygon[]): ProjectedCommune {
  return { code, name: code, polygons, bounds: boundsOf(polygons.flatMap((p) => p[0] ?? [])), anchor: null };
}

const square = commune("square", [[ring(0, 0, 10)]]);
const donut = commune("donut", [[ring(20, 0, 10), ring(23, 3, 4)]]);
/** Sits in the donut's hole, as an enclave commune sits in its neighbour. */
const enclave = commune("enclave", [[ring(23, 3, 4)]]);
const islands = commune("islands", [[ring(0, 20, 5)], [ring(10, 20, 5)]]);
const communes = [square, donut, enclave, islands];

describe("polygonContains", () => {
  it("finds a point inside a square and not outside it", () => {
    const [polygon] = square.polygons;
    if (!polygon) throw new Error("polygon expected");
    expect(polygonContains(polygon, { x: 5, y: 5 })).toBe(true);
    expect(polygonContains(polygon, { x: 0.01, y: 9.99 })).toBe(true);
    expect(polygonContains(polygon, { x: 10.01, y: 5 })).toBe(false);
    expect(polygonContains(polygon, { x: -5, y: 5 })).toBe(false);
  });

  it("leaves out the hole of a polygon", () => {
    const [polygon] = donut.polygons;
    if (!polygon) throw new Error("polygon expected");
    expect(polygonContains(polygon, { x: 21, y: 5 })).toBe(true);
    expect(polygonContains(polygon, { x: 25, y: 5 })).toBe(false);
  });

  it("contains nothing without an outer ring", () => {
    expect(polygonContains([], { x: 0, y: 0 })).toBe(false);
  });
});

describe("communeAt", () => {
  it("gives the commune under the point", () => {
    expect(communeAt({ x: 5, y: 5 }, communes)).toBe("square");
    expect(communeAt({ x: 21, y: 1 }, communes)).toBe("donut");
  });

  it("gives the enclave, not its neighbour, inside the neighbour's hole", () => {
    expect(communeAt({ x: 25, y: 5 }, communes)).toBe("enclave");
    expect(communeAt({ x: 25, y: 5 }, [square, donut])).toBeNull();
  });

  it("finds each part of a MultiPolygon, and not the sea between them", () => {
    expect(communeAt({ x: 2, y: 22 }, communes)).toBe("islands");
    expect(communeAt({ x: 12, y: 22 }, communes)).toBe("islands");
    expect(communeAt({ x: 7.5, y: 22 }, communes)).toBeNull();
  });

  it("gives null outside every commune and for communes without contour", () => {
    expect(communeAt({ x: 100, y: 100 }, communes)).toBeNull();
    expect(communeAt({ x: 0, y: 0 }, [{ code: "none", name: "none", polygons: [], bounds: null, anchor: null }])).toBeNull();
  });
});
