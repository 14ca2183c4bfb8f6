/**
 * Which commune lies under a point of the map, so that a tap on the background (Cytoscape gives its
 * model position) can select the commune, as the details panel and coverage mode need.
 */
import type { Bounds, ModelPoint, ModelPolygon, ProjectedCommune } from "./types";

const inBounds = (point: ModelPoint, b: Bounds) =>
  point.x >= b.minX && point.x <= b.maxX && point.y >= b.minY && point.y <= b.maxY;

/** Ray casting: a horizontal ray from the point crosses the ring's edges an odd number of times. */
function crossesOddly(point: ModelPoint, ring: readonly ModelPoint[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const a = ring[i];
    const b = ring[j];
    if (!a || !b) continue;
    if (a.y > point.y !== b.y > point.y && point.x < ((b.x - a.x) * (point.y - a.y)) / (b.y - a.y) + a.x) {
      inside = !inside;
    }
  }
  return inside;
}

/** Inside the outer ring and in none of its holes. */
export function polygonContains(polygon: ModelPolygon, point: ModelPoint): boolean {
  const [outer, ...holes] = polygon;
  if (!outer || !crossesOddly(point, outer)) return false;
  return !holes.some((hole) => crossesOddly(point, hole));
}

/** The code of the commune under `point` (model coordinates), or null outside every contour. */
export function communeAt(point: ModelPoint, communes: readonly ProjectedCommune[]): string | null {
  for (const commune of communes) {
    if (!commune.bounds || !inBounds(point, commune.bounds)) continue;
    if (commune.polygons.some((polygon) => polygonContains(polygon, point))) return commune.code;
  }
  return null;
}
