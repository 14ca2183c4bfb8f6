/**
 * Commune contours: read from GEO_SOURCE (URL template with `{epci}`, one GeoJSON URL, a local
 * GeoJSON file or folder, or `none`), keyed by INSEE code; turned into a centroid and a small
 * simplified contour. A source that cannot be read is a warning, never a failure. A list of
 * sources is tried in order and the first one read is used (the default: the official geo API,
 * then the local copy beside the repository).
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "../../server/src/logger.js";

export interface LatLon {
  readonly latitude: number;
  readonly longitude: number;
}

export interface CommuneGeometry {
  readonly centroid: LatLon;
  /** GeoJSON geometry (Polygon or MultiPolygon), simplified, as a string. */
  readonly contour: string;
}

type Position = readonly [number, number];
type Ring = readonly Position[];
type PolygonCoordinates = readonly Ring[];

interface Geometry {
  readonly type: "Polygon" | "MultiPolygon";
  readonly polygons: readonly PolygonCoordinates[];
}

const FETCH_TIMEOUT_MS = 5_000;
/** Douglas–Peucker tolerance in degrees (about 40 m): keeps contours at a few KB per commune. */
const SIMPLIFY_TOLERANCE = 0.0004;
const DECIMALS = 5;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

function asPosition(value: unknown): Position | undefined {
  if (!Array.isArray(value) || value.length < 2) return undefined;
  const [x, y] = value as unknown[];
  return typeof x === "number" && typeof y === "number" && Number.isFinite(x) && Number.isFinite(y) ? [x, y] : undefined;
}

function asPolygon(value: unknown): PolygonCoordinates | undefined {
  if (!Array.isArray(value)) return undefined;
  const rings: Ring[] = [];
  for (const rawRing of value as unknown[]) {
    if (!Array.isArray(rawRing)) return undefined;
    const ring: Position[] = [];
    for (const rawPosition of rawRing as unknown[]) {
      const position = asPosition(rawPosition);
      if (position === undefined) return undefined;
      ring.push(position);
    }
    if (ring.length >= 4) rings.push(ring);
  }
  return rings.length > 0 ? rings : undefined;
}

function asGeometry(value: unknown): Geometry | undefined {
  if (!isRecord(value) || !Array.isArray(value.coordinates)) return undefined;
  if (value.type === "Polygon") {
    const polygon = asPolygon(value.coordinates);
    return polygon === undefined ? undefined : { type: "Polygon", polygons: [polygon] };
  }
  if (value.type === "MultiPolygon") {
    const polygons = (value.coordinates as unknown[]).map(asPolygon).filter((item): item is PolygonCoordinates => item !== undefined);
    return polygons.length > 0 ? { type: "MultiPolygon", polygons } : undefined;
  }
  return undefined;
}

/** Features of a GeoJSON FeatureCollection (or a single Feature) with an INSEE `properties.code`. */
export function parseFeatures(json: unknown): Map<string, Geometry> {
  const features = isRecord(json) && Array.isArray(json.features) ? (json.features as unknown[]) : [json];
  const byCode = new Map<string, Geometry>();
  for (const feature of features) {
    if (!isRecord(feature) || !isRecord(feature.properties)) continue;
    const code = feature.properties.code;
    const geometry = asGeometry(feature.geometry);
    if (typeof code === "string" && geometry !== undefined) byCode.set(code, geometry);
  }
  return byCode;
}

function ringArea(ring: Ring): { area: number; x: number; y: number } {
  let area = 0;
  let x = 0;
  let y = 0;
  for (let index = 0; index < ring.length - 1; index += 1) {
    const [x0, y0] = ring[index] ?? [0, 0];
    const [x1, y1] = ring[index + 1] ?? [0, 0];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  area /= 2;
  return area === 0 ? { area: 0, x: 0, y: 0 } : { area, x: x / (6 * area), y: y / (6 * area) };
}

/** Area-weighted centroid of all polygons (holes subtracted), in WGS-84. */
export function centroidOf(geometry: Geometry): LatLon {
  let total = 0;
  let sumX = 0;
  let sumY = 0;
  for (const polygon of geometry.polygons) {
    polygon.forEach((ring, index) => {
      const { area, x, y } = ringArea(ring);
      const weight = index === 0 ? Math.abs(area) : -Math.abs(area);
      total += weight;
      sumX += weight * x;
      sumY += weight * y;
    });
  }
  if (total === 0) {
    const positions = geometry.polygons.flatMap((polygon) => polygon[0] ?? []);
    const mean = (axis: 0 | 1): number => positions.reduce((sum, position) => sum + position[axis], 0) / Math.max(1, positions.length);
    return { latitude: round(mean(1), 6), longitude: round(mean(0), 6) };
  }
  return { latitude: round(sumY / total, 6), longitude: round(sumX / total, 6) };
}

const round = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

function perpendicularDistance(point: Position, start: Position, end: Position): number {
  const dx = end[0] - start[0];
  const dy = end[1] - start[1];
  const length = Math.hypot(dx, dy);
  if (length === 0) return Math.hypot(point[0] - start[0], point[1] - start[1]);
  return Math.abs(dy * point[0] - dx * point[1] + end[0] * start[1] - end[1] * start[0]) / length;
}

function douglasPeucker(points: readonly Position[], tolerance: number): Position[] {
  if (points.length < 3) return [...points];
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = true;
  keep[points.length - 1] = true;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() ?? [0, 0];
    let farthest = -1;
    let distance = 0;
    for (let index = first + 1; index < last; index += 1) {
      const candidate = perpendicularDistance(points[index] ?? [0, 0], points[first] ?? [0, 0], points[last] ?? [0, 0]);
      if (candidate > distance) {
        distance = candidate;
        farthest = index;
      }
    }
    if (farthest >= 0 && distance > tolerance) {
      keep[farthest] = true;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_point, index) => keep[index]);
}

/** Simplifies a closed ring, keeping it closed and at least a triangle. */
function simplifyRing(ring: Ring, tolerance: number): Ring {
  const simplified = douglasPeucker(ring, tolerance).map(([x, y]): Position => [round(x, DECIMALS), round(y, DECIMALS)]);
  if (simplified.length >= 4) return simplified;
  const step = Math.max(1, Math.floor((ring.length - 1) / 3));
  const fallback = [ring[0], ring[step], ring[2 * step], ring[0]].filter((item): item is Position => item !== undefined);
  return fallback.map(([x, y]): Position => [round(x, DECIMALS), round(y, DECIMALS)]);
}

export function simplifiedContour(geometry: Geometry, tolerance = SIMPLIFY_TOLERANCE): string {
  const polygons = geometry.polygons.map((polygon) => polygon.map((ring) => simplifyRing(ring, tolerance)));
  return JSON.stringify(
    geometry.type === "Polygon" ? { type: "Polygon", coordinates: polygons[0] } : { type: "MultiPolygon", coordinates: polygons },
  );
}

async function readJsonSource(location: string): Promise<unknown> {
  if (/^https?:\/\//i.test(location)) {
    const response = await fetch(location, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: "application/geo+json, application/json" } });
    if (!response.ok) throw new Error(`HTTP ${response.status} from ${location}`);
    return (await response.json()) as unknown;
  }
  return JSON.parse(await readFile(location, "utf8")) as unknown;
}

/** Every feature the source offers, keyed by INSEE code. Throws when the source cannot be read. */
async function readSource(source: string, epciCodes: readonly string[]): Promise<Map<string, Geometry>> {
  const merged = new Map<string, Geometry>();
  const addAll = (features: Map<string, Geometry>): void => {
    for (const [code, geometry] of features) merged.set(code, geometry);
  };
  if (source.includes("{epci}")) {
    for (const epci of epciCodes) addAll(parseFeatures(await readJsonSource(source.replaceAll("{epci}", encodeURIComponent(epci)))));
    return merged;
  }
  if (/^https?:\/\//i.test(source)) {
    addAll(parseFeatures(await readJsonSource(source)));
    return merged;
  }
  const info = await stat(source);
  if (info.isDirectory()) {
    const files = (await readdir(source)).filter((name) => name.toLowerCase().endsWith(".geojson")).sort();
    if (files.length === 0) throw new Error(`no .geojson file in ${source}`);
    for (const file of files) addAll(parseFeatures(await readJsonSource(path.join(source, file))));
    return merged;
  }
  addAll(parseFeatures(await readJsonSource(source)));
  return merged;
}

/** One source, or sources tried in order until one can be read. */
export type GeoSource = string | readonly string[];

/** What a geo source gave for the requested communes. */
export interface GeometryReading {
  /** The source that was read (the first of a list that could be); null when none could be, or `none`. */
  readonly source: string | null;
  /** Why the sources tried before `source` could not be read, in order. */
  readonly skipped: readonly { readonly source: string; readonly reason: string }[];
  /** Centroid and simplified contour of each requested commune the source covers. */
  readonly geometries: Map<string, CommuneGeometry>;
  /** Requested communes the source does not cover (merged or created since its edition), in request order. */
  readonly unmatched: readonly string[];
  /** Why the source could not be read at all (every commune is then unmatched); null when it was read or is `none`. */
  readonly unavailable: string | null;
  /** True when the source is `none` (or empty): contours were not asked for. */
  readonly isDisabled: boolean;
}

/**
 * Reads the requested communes' geometries from a source without failing and without logging:
 * the caller decides how to report unmatched communes or an unreadable source.
 */
export async function readCommuneGeometries(
  source: GeoSource,
  request: { readonly epciCodes: readonly string[]; readonly communeCodes: readonly string[] },
): Promise<GeometryReading> {
  const geometries = new Map<string, CommuneGeometry>();
  const sources = (typeof source === "string" ? [source] : source).map((item) => item.trim());
  const enabled = sources.filter((item) => item !== "" && item.toLowerCase() !== "none");
  if (enabled.length === 0) return { source: null, skipped: [], geometries, unmatched: [], unavailable: null, isDisabled: true };
  const skipped: { source: string; reason: string }[] = [];
  for (const candidate of enabled) {
    let features: Map<string, Geometry>;
    try {
      features = await readSource(candidate, request.epciCodes);
    } catch (error) {
      skipped.push({ source: candidate, reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    const unmatched: string[] = [];
    for (const code of request.communeCodes) {
      const geometry = features.get(code);
      if (geometry === undefined) unmatched.push(code);
      else geometries.set(code, { centroid: centroidOf(geometry), contour: simplifiedContour(geometry) });
    }
    return { source: candidate, skipped, geometries, unmatched, unavailable: null, isDisabled: false };
  }
  const unavailable = skipped.map((item) => (skipped.length > 1 ? `${item.source}: ${item.reason}` : item.reason)).join("; ");
  return { source: null, skipped, geometries, unmatched: [...request.communeCodes], unavailable, isDisabled: false };
}

/** Sources already reported unreadable in this process: seeding several territories warns once. */
const reportedUnreadable = new Set<string>();

/**
 * Centroid and simplified contour of each requested commune that the source covers. Logs one
 * warning when the source cannot be read (and returns an empty map), and one listing the
 * communes it does not cover.
 */
export async function loadCommuneGeometries(
  source: GeoSource,
  request: { readonly epciCodes: readonly string[]; readonly communeCodes: readonly string[] },
  log: Logger,
): Promise<Map<string, CommuneGeometry>> {
  const reading = await readCommuneGeometries(source, request);
  if (reading.isDisabled) {
    log.info("GEO_SOURCE is none: communes are loaded without centroid or contour");
    return reading.geometries;
  }
  const key = typeof source === "string" ? source.trim() : source.join(" | ");
  if (reading.unavailable !== null) {
    if (reportedUnreadable.has(key)) {
      log.debug("Commune contours still unavailable", { geoSource: key });
      return reading.geometries;
    }
    reportedUnreadable.add(key);
    log.warn(
      "Commune contours unavailable: communes are loaded without centroid or contour. " +
        "Set GEO_SOURCE to a GeoJSON URL (may contain {epci}), a local .geojson file or a folder of .geojson files " +
        "(for instance seed/data/geo), or to none to silence this warning.",
      { geoSource: key, reason: reading.unavailable },
    );
    return reading.geometries;
  }
  if (reading.skipped.length > 0 && !reportedUnreadable.has(key)) {
    reportedUnreadable.add(key);
    log.info("Commune contours read from a fallback source", { geoSource: reading.source, skipped: reading.skipped });
  }
  if (reading.unmatched.length > 0) {
    log.warn("Some communes have no contour in GEO_SOURCE (merged or created since the source's edition?)", {
      geoSource: reading.source,
      count: reading.unmatched.length,
      codes: reading.unmatched,
    });
  }
  return reading.geometries;
}
