/**
 * Turns WGS-84 longitudes and latitudes into Cytoscape model coordinates, so that commune contours
 * and the nodes placed in them share one coordinate system and pan and zoom together. A territory
 * spans a few tens of kilometres: an equirectangular projection corrected by the cosine of its
 * middle latitude is accurate enough there, and cheap.
 */
import type { Bounds, GeoPoint, GeoPolygon, LonLat, MapCommune, ModelPoint, ModelPolygon, ProjectedCommune } from "./types";

/** Width of the territory in model units: of the order of the force layout's extent. */
export const TERRITORY_WIDTH = 2000;
/** Used when the communes span no longitude at all (a single point, or nothing). */
const FALLBACK_SPAN_DEGREES = 0.1;

export interface Projection {
  /** Longitude/latitude of the model origin (the middle of the territory). */
  readonly origin: GeoPoint;
  /** Model units per degree of latitude (a degree of longitude is this × cos(origin latitude)). */
  readonly unitsPerDegree: number;
  /** Extent of every contour and centroid, in model coordinates. */
  readonly bounds: Bounds;
  project(point: GeoPoint): ModelPoint;
  /** The commune's contour in model coordinates; empty when it has none or it is unreadable. */
  projectedRings(commune: Pick<MapCommune, "contour">): ModelPolygon[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

function toLonLat(value: unknown): LonLat | null {
  if (!Array.isArray(value) || value.length < 2) return null;
  const [longitude, latitude] = value as unknown[];
  if (typeof longitude !== "number" || typeof latitude !== "number") return null;
  if (!Number.isFinite(longitude) || !Number.isFinite(latitude)) return null;
  if (Math.abs(longitude) > 180 || Math.abs(latitude) > 90) return null;
  return [longitude, latitude];
}

/** A ring with any unreadable position is dropped whole: skipping points would change its shape. */
function toRing(value: unknown): LonLat[] | null {
  if (!Array.isArray(value) || value.length < 3) return null;
  const ring: LonLat[] = [];
  for (const position of value as unknown[]) {
    const point = toLonLat(position);
    if (!point) return null;
    ring.push(point);
  }
  return ring;
}

/** An unreadable outer ring drops the polygon; an unreadable hole drops only the hole. */
function toPolygon(value: unknown): GeoPolygon | null {
  if (!Array.isArray(value)) return null;
  const [outer, ...holes] = value as unknown[];
  const outerRing = toRing(outer);
  if (!outerRing) return null;
  const rings = [outerRing];
  for (const hole of holes) {
    const ring = toRing(hole);
    if (ring) rings.push(ring);
  }
  return rings;
}

function polygonsOf(geometry: unknown): GeoPolygon[] {
  if (!isRecord(geometry)) return [];
  if (geometry.type === "Feature") return polygonsOf(geometry.geometry);
  const { coordinates } = geometry;
  if (!Array.isArray(coordinates)) return [];
  if (geometry.type === "Polygon") {
    const polygon = toPolygon(coordinates);
    return polygon ? [polygon] : [];
  }
  if (geometry.type === "MultiPolygon") {
    return (coordinates as unknown[]).map(toPolygon).filter((p): p is GeoPolygon => p !== null);
  }
  return [];
}

/**
 * Reads a contour as the server sends it (a GeoJSON Polygon or MultiPolygon, or a Feature holding
 * one). Contours come from outside: anything unreadable gives no polygon rather than an error, so
 * one bad commune never breaks the map.
 */
export function parseGeometry(contour: string | null | undefined): GeoPolygon[] {
  if (typeof contour !== "string" || contour.length === 0) return [];
  let geometry: unknown;
  try {
    geometry = JSON.parse(contour);
  } catch {
    return [];
  }
  return polygonsOf(geometry);
}

export function isGeoPoint(value: GeoPoint | null | undefined): value is GeoPoint {
  return value != null && toLonLat([value.longitude, value.latitude]) !== null;
}

interface GeoExtent {
  minLon: number;
  maxLon: number;
  minLat: number;
  maxLat: number;
}

function geoExtent(communes: readonly MapCommune[]): GeoExtent | null {
  let extent: GeoExtent | null = null;
  const include = (longitude: number, latitude: number) => {
    if (!extent) {
      extent = { minLon: longitude, maxLon: longitude, minLat: latitude, maxLat: latitude };
      return;
    }
    extent.minLon = Math.min(extent.minLon, longitude);
    extent.maxLon = Math.max(extent.maxLon, longitude);
    extent.minLat = Math.min(extent.minLat, latitude);
    extent.maxLat = Math.max(extent.maxLat, latitude);
  };
  for (const commune of communes) {
    if (isGeoPoint(commune.centroid)) include(commune.centroid.longitude, commune.centroid.latitude);
    for (const polygon of parseGeometry(commune.contour)) {
      for (const [longitude, latitude] of polygon[0] ?? []) include(longitude, latitude);
    }
  }
  return extent;
}

export function boundsOf(points: Iterable<ModelPoint>): Bounds | null {
  let bounds: Bounds | null = null;
  for (const { x, y } of points) {
    bounds = bounds
      ? { minX: Math.min(bounds.minX, x), minY: Math.min(bounds.minY, y), maxX: Math.max(bounds.maxX, x), maxY: Math.max(bounds.maxY, y) }
      : { minX: x, minY: y, maxX: x, maxY: y };
  }
  return bounds;
}

/**
 * The projection of a territory: its middle at the model origin, y pointing down (north up, as
 * Cytoscape's y grows downwards), scaled so that the territory is `TERRITORY_WIDTH` units wide.
 */
export function createProjection(communes: readonly MapCommune[]): Projection {
  const extent = geoExtent(communes) ?? { minLon: 0, maxLon: 0, minLat: 0, maxLat: 0 };
  const origin: GeoPoint = {
    longitude: (extent.minLon + extent.maxLon) / 2,
    latitude: (extent.minLat + extent.maxLat) / 2,
  };
  const cosLatitude = Math.cos((origin.latitude * Math.PI) / 180);
  const span = extent.maxLon - extent.minLon;
  const unitsPerDegree = TERRITORY_WIDTH / ((span > 0 ? span : FALLBACK_SPAN_DEGREES) * cosLatitude);
  const project = ({ latitude, longitude }: GeoPoint): ModelPoint => ({
    x: (longitude - origin.longitude) * cosLatitude * unitsPerDegree,
    y: (origin.latitude - latitude) * unitsPerDegree,
  });
  const projectPolygon = (polygon: GeoPolygon): ModelPolygon =>
    polygon.map((ring) => ring.map(([longitude, latitude]) => project({ longitude, latitude })));
  const corners = [
    project({ longitude: extent.minLon, latitude: extent.maxLat }),
    project({ longitude: extent.maxLon, latitude: extent.minLat }),
  ];
  return {
    origin,
    unitsPerDegree,
    bounds: boundsOf(corners) ?? { minX: 0, minY: 0, maxX: 0, maxY: 0 },
    project,
    projectedRings: (commune) => parseGeometry(commune.contour).map(projectPolygon),
  };
}

/** Signed area (shoelace) and area centroid of a ring. */
function ringMoments(ring: readonly ModelPoint[]): { area: number; cx: number; cy: number } {
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length; i += 1) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    if (!a || !b) continue;
    const cross = a.x * b.y - b.x * a.y;
    twiceArea += cross;
    cx += (a.x + b.x) * cross;
    cy += (a.y + b.y) * cross;
  }
  if (twiceArea === 0) return { area: 0, cx: ring[0]?.x ?? 0, cy: ring[0]?.y ?? 0 };
  return { area: twiceArea / 2, cx: cx / (3 * twiceArea), cy: cy / (3 * twiceArea) };
}

/** Area of a polygon in square model units: its outer ring less its holes. */
export function polygonArea(polygon: ModelPolygon): number {
  const [outer, ...holes] = polygon;
  if (!outer) return 0;
  return holes.reduce((area, hole) => area - Math.abs(ringMoments(hole).area), Math.abs(ringMoments(outer).area));
}

/** Projects every commune once: contours, their extent, and where the commune's content goes. */
export function projectCommunes(communes: readonly MapCommune[], projection: Projection): ProjectedCommune[] {
  return communes.map((commune) => {
    const polygons = projection.projectedRings(commune);
    const centroid = isGeoPoint(commune.centroid) ? projection.project(commune.centroid) : null;
    let anchor = centroid;
    if (!anchor) {
      const largest = [...polygons].sort((a, b) => polygonArea(b) - polygonArea(a))[0];
      const moments = largest?.[0] ? ringMoments(largest[0]) : null;
      anchor = moments ? { x: moments.cx, y: moments.cy } : null;
    }
    const outline = polygons.flatMap((polygon) => polygon[0] ?? []);
    const bounds = boundsOf(outline.length > 0 ? outline : anchor ? [anchor] : []);
    return { code: commune.code, name: commune.name, polygons, bounds, anchor };
  });
}

/** True when at least one commune has a readable contour: otherwise the map falls back to groups. */
export function hasContours(communes: readonly MapCommune[]): boolean {
  return communes.some((commune) => parseGeometry(commune.contour).length > 0);
}
