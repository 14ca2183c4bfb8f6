/**
 * Test data for the map: four communes of the Alès area with contours simplified by hand (a few
 * points each, edges shared where the real communes touch), and a reader of the real 2018 contours
 * shipped in seed/data/geo.
 */
import { readFileSync } from "node:fs";
import type { MapCommune, MapEpci } from "./types";

export const ALES_AGGLO: MapEpci = { code: "200066918", name: "CA Alès Agglomération" };
export const CEZE_CEVENNES: MapEpci = { code: "200035129", name: "CC de Cèze Cévennes" };

const polygon = (ring: readonly (readonly [number, number])[]) => JSON.stringify({ type: "Polygon", coordinates: [ring] });

export const ALES: MapCommune = {
  code: "30007",
  name: "Alès",
  population: 42_000,
  epciCode: ALES_AGGLO.code,
  centroid: { latitude: 44.125, longitude: 4.088 },
  contour: polygon([
    [4.06, 44.1],
    [4.11, 44.094],
    [4.127, 44.12],
    [4.115, 44.156],
    [4.07, 44.15],
    [4.053, 44.125],
    [4.06, 44.1],
  ]),
};

export const SAINT_PRIVAT: MapCommune = {
  code: "30294",
  name: "Saint-Privat-des-Vieux",
  population: 5_000,
  epciCode: ALES_AGGLO.code,
  centroid: { latitude: 44.142, longitude: 4.138 },
  contour: polygon([
    [4.127, 44.12],
    [4.161, 44.125],
    [4.155, 44.168],
    [4.115, 44.156],
    [4.127, 44.12],
  ]),
};

/** No centroid: its anchor comes from its contour. */
export const CENDRAS: MapCommune = {
  code: "30077",
  name: "Cendras",
  population: 1_900,
  epciCode: ALES_AGGLO.code,
  centroid: null,
  contour: polygon([
    [4.053, 44.125],
    [4.07, 44.15],
    [4.064, 44.173],
    [4.008, 44.16],
    [4.02, 44.133],
    [4.053, 44.125],
  ]),
};

/** No contour: placed at its centroid, never drawn. */
export const SAINT_AMBROIX: MapCommune = {
  code: "30227",
  name: "Saint-Ambroix",
  population: 3_400,
  epciCode: CEZE_CEVENNES.code,
  centroid: { latitude: 44.259, longitude: 4.195 },
  contour: null,
};

export const TEST_COMMUNES: readonly MapCommune[] = [ALES, SAINT_PRIVAT, CENDRAS, SAINT_AMBROIX];
export const TEST_EPCIS: readonly MapEpci[] = [ALES_AGGLO, CEZE_CEVENNES];

export const GARD_GEOJSON = new URL("../../../../seed/data/geo/communes-30-gard.geojson", import.meta.url);

/** Real contours of the Gard, as the server would pass them on (centroids left to the contour). */
export function readGardCommunes(codes: readonly string[]): MapCommune[] {
  const collection: unknown = JSON.parse(readFileSync(GARD_GEOJSON, "utf8"));
  const features = (collection as { features: { properties: { code: string; nom: string }; geometry: unknown }[] }).features;
  return codes.map((code) => {
    const feature = features.find((f) => f.properties.code === code);
    if (!feature) throw new Error(`Commune ${code} absente de ${GARD_GEOJSON.pathname}`);
    return {
      code,
      name: feature.properties.nom,
      population: 0,
      epciCode: ALES_AGGLO.code,
      centroid: null,
      contour: JSON.stringify(feature.geometry),
    };
  });
}
