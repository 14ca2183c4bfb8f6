import { describe, expect, it } from "vitest";
import { communeAt } from "./hitTest";
import { createProjection, hasContours, parseGeometry, polygonArea, projectCommunes, TERRITORY_WIDTH } from "./projection";
import { ALES, CENDRAS, readGardCommunes, SAINT_AMBROIX, SAINT_PRIVAT, TEST_COMMUNES } from "./testCommunes";
import type { MapCommune } from "./types";

const square = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 0],
];
const hole = [
  [0.25, 0.25],
  [0.75, 0.25],
  [0.75, 0.75],
  [0.25, 0.75],
  [0.25, 0.25],
];

/** Great-circle distance in kilometres. */
function haversine(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

describe("parseGeometry", () => {
  it("reads a Polygon with its hole, outer ring first", () => {
    const polygons = parseGeometry(JSON.stringify({ type: "Polygon", coordinates: [square, hole] }));
    expect(polygons).toHaveLength(1);
    expect(polygons[0]).toHaveLength(2);
    expect(polygons[0]?.[1]?.[0]).toEqual([0.25, 0.25]);
  });

  it("reads every polygon of a MultiPolygon, and a Feature holding a geometry", () => {
    const multi = { type: "MultiPolygon", coordinates: [[square], [hole]] };
    expect(parseGeometry(JSON.stringify(multi))).toHaveLength(2);
    expect(parseGeometry(JSON.stringify({ type: "Feature", properties: {}, geometry: multi }))).toHaveLength(2);
  });

  it("gives no polygon, and never throws, for anything unreadable", () => {
    const bad: (string | null | undefined)[] = [
      null,
      undefined,
      "",
      "{not json",
      "null",
      "42",
      '"Polygon"',
      "[]",
      JSON.stringify({ type: "Point", coordinates: [4, 44] }),
      JSON.stringify({ type: "Polygon" }),
      JSON.stringify({ type: "Polygon", coordinates: "oops" }),
      JSON.stringify({ type: "Polygon", coordinates: [[["4", "44"], [4.1, 44], [4.1, 44.1]]] }),
      JSON.stringify({ type: "Polygon", coordinates: [[[4, 44], [4.1, 44]]] }),
      JSON.stringify({ type: "Polygon", coordinates: [[[400, 44], [4.1, 44], [4.1, 44.1]]] }),
      JSON.stringify({ type: "Polygon", coordinates: [[null, [4.1, 44], [4.1, 44.1]]] }),
      JSON.stringify({ type: "MultiPolygon", coordinates: [null, 3, [[]]] }),
      JSON.stringify({ type: "GeometryCollection", geometries: [] }),
    ];
    for (const contour of bad) expect(parseGeometry(contour), String(contour)).toEqual([]);
  });

  it("keeps a polygon whose hole is unreadable, without the hole", () => {
    const polygons = parseGeometry(JSON.stringify({ type: "Polygon", coordinates: [square, [[0.2, "x"], [0.3, 0.3], [0.2, 0.3]]] }));
    expect(polygons).toHaveLength(1);
    expect(polygons[0]).toHaveLength(1);
  });

  it("keeps the readable polygons of a MultiPolygon and drops the others", () => {
    const contour = JSON.stringify({ type: "MultiPolygon", coordinates: [[square], [[[1, 2]]], "x"] });
    expect(parseGeometry(contour)).toHaveLength(1);
  });
});

describe("createProjection", () => {
  it("makes the territory TERRITORY_WIDTH units wide, centred on the origin", () => {
    const { bounds } = createProjection(TEST_COMMUNES);
    expect(bounds.maxX - bounds.minX).toBeCloseTo(TERRITORY_WIDTH, 6);
    expect(bounds.minX).toBeCloseTo(-bounds.maxX, 6);
    expect(bounds.minY).toBeCloseTo(-bounds.maxY, 6);
  });

  it("puts north up and east right, as Cytoscape's y grows downwards", () => {
    const { project } = createProjection(TEST_COMMUNES);
    const ales = project({ latitude: 44.125, longitude: 4.088 });
    expect(project({ latitude: 44.2, longitude: 4.088 }).y).toBeLessThan(ales.y);
    expect(project({ latitude: 44.125, longitude: 4.15 }).x).toBeGreaterThan(ales.x);
  });

  it("keeps distances true in every direction: a degree of longitude shrinks by cos(latitude)", () => {
    const projection = createProjection(TEST_COMMUNES);
    const lat = projection.origin.latitude;
    const origin = projection.project(projection.origin);
    const east = projection.project({ latitude: lat, longitude: projection.origin.longitude + 0.05 });
    const north = projection.project({ latitude: lat + 0.05, longitude: projection.origin.longitude });
    const eastKm = haversine(projection.origin, { latitude: lat, longitude: projection.origin.longitude + 0.05 });
    const northKm = haversine(projection.origin, { latitude: lat + 0.05, longitude: projection.origin.longitude });
    const unitsPerKmEast = Math.hypot(east.x - origin.x, east.y - origin.y) / eastKm;
    const unitsPerKmNorth = Math.hypot(north.x - origin.x, north.y - origin.y) / northKm;
    expect(unitsPerKmEast / unitsPerKmNorth).toBeCloseTo(1, 2);
  });

  it("matches real distances between communes of the Gard within 1%", () => {
    const gard = readGardCommunes(["30007", "30227", "30350", "30037"]);
    const projection = createProjection(gard);
    const anchors = projectCommunes(gard, projection).map((c) => c.anchor);
    const [ales, ambroix, vigan] = anchors;
    if (!ales || !ambroix || !vigan) throw new Error("anchors expected");
    const unitsPerKm = projection.unitsPerDegree / 111.195;
    const inverse = (p: { x: number; y: number }) => ({
      latitude: projection.origin.latitude - p.y / projection.unitsPerDegree,
      longitude: projection.origin.longitude + p.x / (projection.unitsPerDegree * Math.cos((projection.origin.latitude * Math.PI) / 180)),
    });
    for (const [a, b] of [
      [ales, vigan],
      [ales, ambroix],
      [ambroix, vigan],
    ] as const) {
      const km = haversine(inverse(a), inverse(b));
      expect(Math.abs(Math.hypot(a.x - b.x, a.y - b.y) / unitsPerKm / km - 1)).toBeLessThan(0.01);
    }
  });

  it("still gives finite coordinates for no commune, or a single point", () => {
    for (const communes of [[], [SAINT_AMBROIX]] as MapCommune[][]) {
      const projection = createProjection(communes);
      const point = projection.project({ latitude: 44.2, longitude: 4.1 });
      expect(Number.isFinite(point.x) && Number.isFinite(point.y)).toBe(true);
      expect(Object.values(projection.bounds).every(Number.isFinite)).toBe(true);
    }
  });

  it("projects a commune's rings, and none for a commune without a readable contour", () => {
    const projection = createProjection(TEST_COMMUNES);
    const rings = projection.projectedRings(ALES);
    expect(rings).toHaveLength(1);
    expect(rings[0]?.[0]).toHaveLength(7);
    expect(projection.projectedRings(SAINT_AMBROIX)).toEqual([]);
    expect(projection.projectedRings({ contour: "{broken" })).toEqual([]);
  });
});

describe("projectCommunes", () => {
  it("anchors each commune inside its own contour, from its centroid or else its contour", () => {
    const projection = createProjection(TEST_COMMUNES);
    const projected = projectCommunes(TEST_COMMUNES, projection);
    for (const commune of projected.filter((c) => c.polygons.length > 0)) {
      if (!commune.anchor) throw new Error(`${commune.code} has no anchor`);
      expect(communeAt(commune.anchor, projected)).toBe(commune.code);
    }
    const cendras = projected.find((c) => c.code === CENDRAS.code);
    expect(cendras?.anchor).not.toBeNull();
  });

  it("anchors the real Gard communes inside their contours", () => {
    const gard = readGardCommunes(["30007", "30294", "30077", "30243", "30259", "30270", "30284", "30305"]);
    const projected = projectCommunes(gard, createProjection(gard));
    for (const commune of projected) {
      expect(commune.polygons.length).toBeGreaterThan(0);
      expect(communeAt(commune.anchor ?? { x: NaN, y: NaN }, projected), commune.name).toBe(commune.code);
    }
  });

  it("gives a commune without contour a point-sized extent at its centroid", () => {
    const projection = createProjection(TEST_COMMUNES);
    const [ambroix] = projectCommunes([SAINT_AMBROIX], projection);
    const at = projection.project(SAINT_AMBROIX.centroid ?? { latitude: 0, longitude: 0 });
    expect(ambroix?.bounds).toEqual({ minX: at.x, minY: at.y, maxX: at.x, maxY: at.y });
    expect(ambroix?.polygons).toEqual([]);
  });

  it("measures a polygon's area without its holes", () => {
    const outer = [
      { x: 0, y: 0 },
      { x: 4, y: 0 },
      { x: 4, y: 4 },
      { x: 0, y: 4 },
    ];
    const inner = [
      { x: 1, y: 1 },
      { x: 2, y: 1 },
      { x: 2, y: 2 },
      { x: 1, y: 2 },
    ];
    expect(polygonArea([outer])).toBe(16);
    expect(polygonArea([outer, inner])).toBe(15);
  });
});

describe("hasContours", () => {
  it("is true when one commune has a readable contour, false otherwise", () => {
    expect(hasContours(TEST_COMMUNES)).toBe(true);
    expect(hasContours([SAINT_AMBROIX, { ...SAINT_PRIVAT, contour: "{broken" }])).toBe(false);
    expect(hasContours([])).toBe(false);
  });
});
