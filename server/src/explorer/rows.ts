/**
 * The explorer's rows, converted once from the named queries' output (after `toPlain`). A shape
 * mismatch is a bug between a query and this code: it throws a plain Error (logged, never shown).
 */
import type { CoverageAxis } from "../analytics/coverage.js";
import { isPlain, num, optionalText, records, text, texts, type Plain } from "../analytics/values.js";

export interface GeoCoordinates {
  readonly latitude: number;
  readonly longitude: number;
}

export interface CatalogEpci {
  readonly code: string;
  readonly name: string;
  readonly population: number;
}

export interface CatalogCommune {
  readonly code: string;
  readonly name: string;
  readonly population: number;
  readonly epciCode: string;
  readonly centroid: GeoCoordinates | null;
  readonly contour: string | null;
}

export interface CatalogWorkGroup {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly axisIds: readonly string[];
  readonly startedOn: string;
  readonly endedOn: string | null;
}

/** An organisation in a list: structure or institution. */
export interface OrganisationSummary {
  readonly id: string;
  readonly name: string;
  readonly kind: "STRUCTURE" | "INSTITUTION";
  readonly sector: string | null;
  readonly type: string;
}

export interface CommuneSummary {
  readonly code: string;
  readonly name: string;
  readonly population: number;
  readonly epciCode: string | null;
  readonly epciName: string | null;
}

/**
 * A person as a query returns them. Names and contact details are null unless the query was asked
 * for personal data (the service asks only for viewers allowed to see it).
 */
export interface PersonRow {
  readonly id: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly category: string;
  readonly profession: string | null;
}

export interface ContactRow {
  readonly email: string | null;
  readonly phone: string | null;
}

export interface Dated {
  readonly since: string | null;
  readonly until: string | null;
}

/** A nested map that must be there. */
export function record(row: Plain, key: string): Plain {
  const value = row[key];
  if (!isPlain(value)) throw new Error(`Expected a map in "${key}"`);
  return value;
}

/** A nested map or null. */
export function optionalRecord(row: Plain, key: string): Plain | null {
  const value = row[key];
  if (value === null || value === undefined) return null;
  if (!isPlain(value)) throw new Error(`Expected a map or null in "${key}"`);
  return value;
}

export const axisRow = (row: Plain): CoverageAxis => ({ id: text(row, "id"), name: text(row, "name"), kind: text(row, "kind") });

export const epciRow = (row: Plain): CatalogEpci => ({ code: text(row, "code"), name: text(row, "name"), population: num(row, "population") });

/** A WGS-84 point after `toPlain` is `{ x: longitude, y: latitude, srid: 4326 }`. */
export function coordinates(value: unknown): GeoCoordinates | null {
  if (value === null || value === undefined) return null;
  if (!isPlain(value) || typeof value.x !== "number" || typeof value.y !== "number") throw new Error("Expected a point");
  return { latitude: value.y, longitude: value.x };
}

export const communeRow = (row: Plain): CatalogCommune => ({
  code: text(row, "code"),
  name: text(row, "name"),
  population: num(row, "population"),
  epciCode: text(row, "epciCode"),
  centroid: coordinates(row.centroid),
  contour: optionalText(row, "contour"),
});

export const workGroupRow = (row: Plain): CatalogWorkGroup => ({
  id: text(row, "id"),
  name: text(row, "name"),
  kind: text(row, "kind"),
  axisIds: texts(row, "axisIds"),
  startedOn: text(row, "startedOn"),
  endedOn: optionalText(row, "endedOn"),
});

export const organisationRow = (row: Plain): OrganisationSummary => ({
  id: text(row, "id"),
  name: text(row, "name"),
  kind: text(row, "kind") === "INSTITUTION" ? "INSTITUTION" : "STRUCTURE",
  sector: optionalText(row, "sector"),
  type: text(row, "type"),
});

export const communeSummaryRow = (row: Plain): CommuneSummary => ({
  code: text(row, "code"),
  name: text(row, "name"),
  population: num(row, "population"),
  epciCode: optionalText(row, "epciCode"),
  epciName: optionalText(row, "epciName"),
});

export const personRow = (row: Plain): PersonRow => ({
  id: text(row, "id"),
  firstName: optionalText(row, "firstName"),
  lastName: optionalText(row, "lastName"),
  category: text(row, "category"),
  profession: optionalText(row, "profession"),
});

export const contactRow = (row: Plain): ContactRow => ({ email: optionalText(row, "email"), phone: optionalText(row, "phone") });

export const datedRow = (row: Plain): Dated => ({ since: optionalText(row, "since"), until: optionalText(row, "until") });

/** A list of maps under `key`, converted one by one. */
export const list = <T>(row: Plain, key: string, convert: (item: Plain) => T): T[] => records(row[key], key).map(convert);
