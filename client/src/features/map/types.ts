/**
 * The shapes the territory map works on. `MapCommune` and `MapEpci` mirror what the server's
 * `territoryCatalog` query returns, so that this module depends on no API code: the lead's API
 * types are structurally the same and can be passed as they are.
 */

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export interface MapCommune {
  /** INSEE code, e.g. `30007` for Alès. */
  code: string;
  name: string;
  population: number;
  /** SIREN code of the commune's EPCI. */
  epciCode: string;
  centroid: GeoPoint | null;
  /** A GeoJSON geometry (Polygon or MultiPolygon, WGS-84 longitude/latitude) as a string. */
  contour: string | null;
}

export interface MapEpci {
  /** SIREN code, e.g. `200066918`. */
  code: string;
  name: string;
}

/** A point in Cytoscape model coordinates (y points down). */
export interface ModelPoint {
  x: number;
  y: number;
}

/** A GeoJSON position: longitude first. */
export type LonLat = readonly [longitude: number, latitude: number];

/** A polygon as GeoJSON gives it: the outer ring first, then its holes. */
export type GeoPolygon = readonly (readonly LonLat[])[];

/** A polygon in model coordinates: the outer ring first, then its holes. */
export type ModelPolygon = readonly (readonly ModelPoint[])[];

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** A commune projected once, ready to be drawn and hit-tested on every frame. */
export interface ProjectedCommune {
  code: string;
  name: string;
  /** Every polygon of the commune (several for a MultiPolygon); empty without a usable contour. */
  polygons: readonly ModelPolygon[];
  /** Bounding box of the polygons, or of the centroid alone when there is no contour. */
  bounds: Bounds | null;
  /** Where the commune's nodes and label go: its centroid, else the centre of its largest polygon. */
  anchor: ModelPoint | null;
}
