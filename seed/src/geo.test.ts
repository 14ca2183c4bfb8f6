import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCAL_GEO_COPY } from "../../server/src/config.js";
import { createLogger, type Logger } from "../../server/src/logger.js";
import { centroidOf, loadCommuneGeometries, parseFeatures, readCommuneGeometries, simplifiedContour } from "./geo.js";
import { PAYS_CEVENNES } from "./spec.js";
import { readTerritoryGeography } from "./territory.js";

const geoFolder = LOCAL_GEO_COPY;
const communeCodes = readTerritoryGeography(PAYS_CEVENNES).communes.map((commune) => commune.code);
const request = { epciCodes: PAYS_CEVENNES.epciCodes, communeCodes };

function capturingLogger(): { log: Logger; lines: { level: string; msg: string; codes?: string[] }[] } {
  const lines: { level: string; msg: string; codes?: string[] }[] = [];
  const log = createLogger("debug", {}, (line) => lines.push(JSON.parse(line) as { level: string; msg: string; codes?: string[] }));
  return { log, lines };
}

describe("centroidOf", () => {
  it("finds the centre of a square, and ignores a centred hole", () => {
    const square = [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] as const;
    const hole = [[0.5, 0.5], [1.5, 0.5], [1.5, 1.5], [0.5, 1.5], [0.5, 0.5]] as const;
    const [geometry] = [...parseFeatures({ type: "Feature", properties: { code: "x" }, geometry: { type: "Polygon", coordinates: [...square, hole] } }).values()];
    expect(geometry).toBeDefined();
    if (geometry === undefined) return;
    expect(centroidOf(geometry)).toEqual({ latitude: 1, longitude: 1 });
  });

  it("weights the parts of a MultiPolygon by their area", () => {
    const features = parseFeatures({
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { code: "m" },
          geometry: {
            type: "MultiPolygon",
            coordinates: [
              [[[0, 0], [3, 0], [3, 3], [0, 3], [0, 0]]],
              [[[10, 0], [11, 0], [11, 1], [10, 1], [10, 0]]],
            ],
          },
        },
      ],
    });
    const geometry = features.get("m");
    if (geometry === undefined) throw new Error("feature not parsed");
    // (9 * 1.5 + 1 * 10.5) / 10 = 2.4
    expect(centroidOf(geometry).longitude).toBeCloseTo(2.4, 6);
    expect(JSON.parse(simplifiedContour(geometry)).type).toBe("MultiPolygon");
  });
});

describe("loadCommuneGeometries", () => {
  it("gives every Pays Cévennes commune a centroid in the Gard/Ardèche box and a small contour, from a local folder", async () => {
    const { log, lines } = capturingLogger();
    const geometries = await loadCommuneGeometries(geoFolder, request, log);
    expect(geometries.size).toBeGreaterThanOrEqual(92);
    for (const geometry of geometries.values()) {
      expect(geometry.centroid.latitude).toBeGreaterThan(43.4);
      expect(geometry.centroid.latitude).toBeLessThan(45.4);
      expect(geometry.centroid.longitude).toBeGreaterThan(3.2);
      expect(geometry.centroid.longitude).toBeLessThan(4.9);
      expect(geometry.contour.length).toBeLessThan(8_000);
      expect(["Polygon", "MultiPolygon"]).toContain(JSON.parse(geometry.contour).type);
    }
    const ales = geometries.get("30007");
    expect(ales?.centroid.latitude).toBeCloseTo(44.12, 1);
    expect(ales?.centroid.longitude).toBeCloseTo(4.08, 1);
    expect(lines.filter((line) => line.level === "warn")).toHaveLength(0);
  });

  it("warns once and returns nothing when the folder does not exist", async () => {
    const { log, lines } = capturingLogger();
    const geometries = await loadCommuneGeometries(path.join(geoFolder, "missing"), request, log);
    expect(geometries.size).toBe(0);
    expect(lines.filter((line) => line.level === "warn")).toHaveLength(1);
    expect(lines[0]?.msg).toMatch(/GEO_SOURCE/);
  });

  it("warns once and returns nothing when the URL cannot be fetched", async () => {
    const { log, lines } = capturingLogger();
    const geometries = await loadCommuneGeometries("http://127.0.0.1:9/communes?codeEpci={epci}", request, log);
    expect(geometries.size).toBe(0);
    expect(lines.filter((line) => line.level === "warn")).toHaveLength(1);
  });

  it("warns only the first time an unreadable source is asked for, as when seeding several territories", async () => {
    const { log, lines } = capturingLogger();
    const source = path.join(geoFolder, "missing-twice");
    await loadCommuneGeometries(source, request, log);
    await loadCommuneGeometries(source, request, log);
    expect(lines.filter((line) => line.level === "warn")).toHaveLength(1);
  });

  it("lists the communes a source does not cover, without failing", async () => {
    const { log, lines } = capturingLogger();
    const geometries = await loadCommuneGeometries(path.join(geoFolder, "communes-07-ardeche.geojson"), request, log);
    expect([...geometries.keys()]).toEqual(["07294"]);
    const warnings = lines.filter((line) => line.level === "warn");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.codes).toHaveLength(93);
  });

  it("falls back to the next source when one cannot be read (the default: geo API, then the local copy), saying so once", async () => {
    const { log, lines } = capturingLogger();
    const sources = ["http://127.0.0.1:9/communes?codeEpci={epci}", geoFolder];
    const geometries = await loadCommuneGeometries(sources, request, log);
    expect(geometries.size).toBeGreaterThanOrEqual(92);
    expect(lines.filter((line) => line.level === "warn")).toHaveLength(0);
    const notices = lines.filter((line) => line.msg.includes("fallback"));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ level: "info", geoSource: geoFolder });
    await loadCommuneGeometries(sources, request, log);
    expect(lines.filter((line) => line.msg.includes("fallback"))).toHaveLength(1);
  });

  it("stays silent and empty with GEO_SOURCE=none", async () => {
    const { log, lines } = capturingLogger();
    expect((await loadCommuneGeometries("none", request, log)).size).toBe(0);
    expect(lines.filter((line) => line.level === "warn")).toHaveLength(0);
  });
});

describe("readCommuneGeometries", () => {
  it("returns the unmatched communes in request order, for the caller to report", async () => {
    const reading = await readCommuneGeometries(path.join(geoFolder, "communes-07-ardeche.geojson"), request);
    expect([...reading.geometries.keys()]).toEqual(["07294"]);
    expect(reading.unmatched).toEqual(communeCodes.filter((code) => code !== "07294"));
    expect(reading).toMatchObject({ unavailable: null, isDisabled: false });
  });

  it("says why a source could not be read, every commune then unmatched", async () => {
    const reading = await readCommuneGeometries(path.join(geoFolder, "missing"), request);
    expect(reading.unavailable).toMatch(/ENOENT/);
    expect(reading.unmatched).toEqual(communeCodes);
    expect(reading.geometries.size).toBe(0);
  });

  it("uses the first source of a list that can be read, and tells which one and why the others were skipped", async () => {
    const missing = path.join(geoFolder, "missing");
    const reading = await readCommuneGeometries([missing, geoFolder, path.join(geoFolder, "communes-07-ardeche.geojson")], request);
    expect(reading.source).toBe(geoFolder);
    expect(reading.skipped).toEqual([{ source: missing, reason: expect.stringMatching(/ENOENT/) }]);
    expect(reading.geometries.size).toBeGreaterThanOrEqual(92);
  });

  it("gives every source's reason when none of a list can be read", async () => {
    const reading = await readCommuneGeometries([path.join(geoFolder, "missing-a"), path.join(geoFolder, "missing-b")], request);
    expect(reading.source).toBeNull();
    expect(reading.unavailable).toMatch(/missing-a: .*ENOENT.*; .*missing-b: .*ENOENT/);
    expect(reading.unmatched).toEqual(communeCodes);
  });

  it("reads nothing with none", async () => {
    expect(await readCommuneGeometries(" None ", request)).toMatchObject({ isDisabled: true, unavailable: null, unmatched: [] });
  });
});
