/**
 * Neo4j property values ↔ a typed JSON form, so that a backup restores every value with its type.
 * Strings, booleans and lists are JSON as is; a JSON number is always a Float; every other type
 * is an object with one `$` key: `{"$int": "42"}`, `{"$date": "2019-05-02"}`, `{"$point": {...}}`.
 */
import neo4j, { type Integer } from "neo4j-driver";

/** Integers and every driver temporal/spatial field, as a decimal string (64-bit safe). */
type IntText = string;

export interface EncodedTime {
  hour: number;
  minute: number;
  second: number;
  nanosecond: number;
}
export interface EncodedLocalDateTime extends EncodedTime {
  year: number;
  month: number;
  day: number;
}
export interface EncodedDateTime extends EncodedLocalDateTime {
  offsetSeconds: number | null;
  zoneId: string | null;
}

export type EncodedValue =
  | string
  | boolean
  | number
  | readonly EncodedValue[]
  | { readonly $int: IntText }
  | { readonly $float: "NaN" | "Infinity" | "-Infinity" | "-0" }
  | { readonly $date: string }
  | { readonly $localTime: EncodedTime }
  | { readonly $time: EncodedTime & { offsetSeconds: number } }
  | { readonly $localDateTime: EncodedLocalDateTime }
  | { readonly $dateTime: EncodedDateTime }
  | { readonly $duration: { months: IntText; days: IntText; seconds: IntText; nanoseconds: IntText } }
  | { readonly $point: { srid: number; x: number; y: number; z?: number } }
  | { readonly $bytes: string };

export type EncodedProperties = Record<string, EncodedValue>;

/** A value that is not a Neo4j property value (or not a valid encoded one): a bug or a damaged file. */
export class ValueFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ValueFormatError";
  }
}

type NumberLike = number | Integer | bigint;
const num = (value: NumberLike): number => neo4j.int(value).toNumber();
const intText = (value: NumberLike): string => neo4j.int(value).toString();

const pad = (value: number, width: number): string => String(Math.abs(value)).padStart(width, "0");

/** ISO year-month-day; years outside 0–9999 keep their sign (as Neo4j writes them). */
export function dateText(year: number, month: number, day: number): string {
  const y = year >= 0 && year <= 9999 ? pad(year, 4) : `${year < 0 ? "-" : "+"}${pad(year, 4)}`;
  return `${y}-${pad(month, 2)}-${pad(day, 2)}`;
}

const DATE_PATTERN = /^([+-]?\d{4,9})-(\d{2})-(\d{2})$/;

const time = (value: { hour: NumberLike; minute: NumberLike; second: NumberLike; nanosecond: NumberLike }): EncodedTime => ({
  hour: num(value.hour),
  minute: num(value.minute),
  second: num(value.second),
  nanosecond: num(value.nanosecond),
});

/** Encodes one property value as read by the driver (lossless integers on). */
export function encodeValue(value: unknown): EncodedValue {
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (Number.isNaN(value)) return { $float: "NaN" };
    if (value === Infinity) return { $float: "Infinity" };
    if (value === -Infinity) return { $float: "-Infinity" };
    if (Object.is(value, -0)) return { $float: "-0" };
    return value;
  }
  if (typeof value === "bigint" || neo4j.isInt(value)) return { $int: intText(value) };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString("base64") };
  if (neo4j.isDate(value)) return { $date: dateText(num(value.year), num(value.month), num(value.day)) };
  if (neo4j.isLocalTime(value)) return { $localTime: time(value) };
  if (neo4j.isTime(value)) return { $time: { ...time(value), offsetSeconds: num(value.timeZoneOffsetSeconds) } };
  if (neo4j.isLocalDateTime(value)) return { $localDateTime: { year: num(value.year), month: num(value.month), day: num(value.day), ...time(value) } };
  if (neo4j.isDateTime(value)) {
    return {
      $dateTime: {
        year: num(value.year),
        month: num(value.month),
        day: num(value.day),
        ...time(value),
        offsetSeconds: value.timeZoneOffsetSeconds === undefined || value.timeZoneOffsetSeconds === null ? null : num(value.timeZoneOffsetSeconds),
        zoneId: value.timeZoneId ?? null,
      },
    };
  }
  if (neo4j.isDuration(value)) {
    return { $duration: { months: intText(value.months), days: intText(value.days), seconds: intText(value.seconds), nanoseconds: intText(value.nanoseconds) } };
  }
  if (neo4j.isPoint(value)) {
    const point = { srid: num(value.srid), x: value.x, y: value.y };
    return { $point: value.z === undefined ? point : { ...point, z: value.z } };
  }
  throw new ValueFormatError(`Not a Neo4j property value: ${Object.prototype.toString.call(value)}`);
}

export function encodeProperties(properties: unknown): EncodedProperties {
  if (typeof properties !== "object" || properties === null || Array.isArray(properties)) throw new ValueFormatError("Expected a property map");
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, encodeValue(value)]));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function field(object: Record<string, unknown>, key: string, what: string): number {
  const value = object[key];
  if (typeof value !== "number" || !Number.isInteger(value)) throw new ValueFormatError(`${what}.${key}: expected an integer`);
  return value;
}

function integerText(object: Record<string, unknown>, key: string, what: string): Integer {
  const value = object[key];
  if (typeof value !== "string" || !/^-?\d{1,19}$/.test(value)) throw new ValueFormatError(`${what}.${key}: expected an integer as text`);
  return neo4j.int(value);
}

function finite(object: Record<string, unknown>, key: string, what: string): number {
  const value = object[key];
  if (typeof value !== "number" || !Number.isFinite(value)) throw new ValueFormatError(`${what}.${key}: expected a number`);
  return value;
}

function timeOf(value: unknown, what: string): Record<string, unknown> & { hour: number; minute: number; second: number; nanosecond: number } {
  if (!isRecord(value)) throw new ValueFormatError(`${what}: expected an object`);
  return { ...value, hour: field(value, "hour", what), minute: field(value, "minute", what), second: field(value, "second", what), nanosecond: field(value, "nanosecond", what) };
}

/** Decodes one encoded value into what the driver sends back to Neo4j with the same type. */
export function decodeValue(value: unknown, what = "value"): unknown {
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new ValueFormatError(`${what}: not a finite number`);
    return value;
  }
  if (Array.isArray(value)) return value.map((item, index) => decodeValue(item, `${what}[${index}]`));
  if (!isRecord(value)) throw new ValueFormatError(`${what}: not an encoded value`);
  const keys = Object.keys(value);
  const [tag] = keys;
  if (keys.length !== 1 || tag === undefined) throw new ValueFormatError(`${what}: expected one type tag`);
  const inner = value[tag];
  const at = `${what}.${tag}`;
  switch (tag) {
    case "$int":
      return integerText(value, "$int", what);
    case "$float": {
      const floats: Record<string, number> = { NaN: Number.NaN, Infinity: Infinity, "-Infinity": -Infinity, "-0": -0 };
      if (typeof inner !== "string" || !(inner in floats)) throw new ValueFormatError(`${at}: unknown special float`);
      return floats[inner];
    }
    case "$date": {
      const match = typeof inner === "string" ? DATE_PATTERN.exec(inner) : null;
      if (match === null) throw new ValueFormatError(`${at}: expected YYYY-MM-DD`);
      return new neo4j.types.Date(Number(match[1]), Number(match[2]), Number(match[3]));
    }
    case "$localTime": {
      const t = timeOf(inner, at);
      return new neo4j.types.LocalTime(t.hour, t.minute, t.second, t.nanosecond);
    }
    case "$time": {
      const t = timeOf(inner, at);
      return new neo4j.types.Time(t.hour, t.minute, t.second, t.nanosecond, field(t, "offsetSeconds", at));
    }
    case "$localDateTime": {
      const t = timeOf(inner, at);
      return new neo4j.types.LocalDateTime(field(t, "year", at), field(t, "month", at), field(t, "day", at), t.hour, t.minute, t.second, t.nanosecond);
    }
    case "$dateTime": {
      const t = timeOf(inner, at);
      const offset = t.offsetSeconds === null || t.offsetSeconds === undefined ? undefined : field(t, "offsetSeconds", at);
      const zone = t.zoneId === null || t.zoneId === undefined ? undefined : t.zoneId;
      if (zone !== undefined && typeof zone !== "string") throw new ValueFormatError(`${at}.zoneId: expected text`);
      if (offset === undefined && zone === undefined) throw new ValueFormatError(`${at}: needs an offset or a zone`);
      return new neo4j.types.DateTime(field(t, "year", at), field(t, "month", at), field(t, "day", at), t.hour, t.minute, t.second, t.nanosecond, offset, zone);
    }
    case "$duration": {
      if (!isRecord(inner)) throw new ValueFormatError(`${at}: expected an object`);
      return new neo4j.types.Duration(integerText(inner, "months", at), integerText(inner, "days", at), integerText(inner, "seconds", at), integerText(inner, "nanoseconds", at));
    }
    case "$point": {
      if (!isRecord(inner)) throw new ValueFormatError(`${at}: expected an object`);
      const srid = field(inner, "srid", at);
      return inner.z === undefined
        ? new neo4j.types.Point(srid, finite(inner, "x", at), finite(inner, "y", at))
        : new neo4j.types.Point(srid, finite(inner, "x", at), finite(inner, "y", at), finite(inner, "z", at));
    }
    case "$bytes":
      if (typeof inner !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(inner)) throw new ValueFormatError(`${at}: expected base64`);
      return new Uint8Array(Buffer.from(inner, "base64"));
    default:
      throw new ValueFormatError(`${what}: unknown type tag "${tag}"`);
  }
}

export function decodeProperties(properties: unknown, what = "properties"): Record<string, unknown> {
  if (!isRecord(properties)) throw new ValueFormatError(`${what}: expected a property map`);
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, decodeValue(value, `${what}.${key}`)]));
}
