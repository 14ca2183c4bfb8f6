import neo4j, { type Date as Neo4jDate } from "neo4j-driver";
import { AppError } from "../errors.js";

/** A time window, bounds included, as ISO dates; a null bound is open-ended. */
export interface Window {
  readonly from: string | null;
  readonly to: string | null;
}

export const OPEN_WINDOW: Window = { from: null, to: null };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date argument as the API hands it over: the @neo4j/graphql Date scalar gives driver dates,
 * plain JSON gives strings. Anything else, or an impossible date, is the caller's mistake.
 */
export function parseDate(value: unknown, argument: string): string | null {
  if (value === null || value === undefined) return null;
  const candidate = neo4j.isDate(value) ? value.toString() : value;
  if (typeof candidate === "string") {
    const match = ISO_DATE.exec(candidate);
    if (match) {
      const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const check = new Date(Date.UTC(year, month - 1, day));
      if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day) return candidate;
    }
  }
  throw new AppError("BAD_USER_INPUT", `${argument} must be a date (YYYY-MM-DD)`, { argument });
}

/** Validates a window argument (`{ from, to }`, possibly absent). */
export function parseWindow(value: unknown, argument = "window"): Window {
  if (value === null || value === undefined) return OPEN_WINDOW;
  if (typeof value !== "object") throw new AppError("BAD_USER_INPUT", `${argument} must be { from, to }`, { argument });
  const { from, to } = value as { from?: unknown; to?: unknown };
  const window = { from: parseDate(from, `${argument}.from`), to: parseDate(to, `${argument}.to`) };
  if (window.from !== null && window.to !== null && window.from > window.to) {
    throw new AppError("BAD_USER_INPUT", `${argument}.from must not be after ${argument}.to`, { argument });
  }
  return window;
}

/** The calendar year as a window; years outside 1900–2100 are refused. */
export function yearWindow(year: unknown, argument = "year"): Window {
  if (typeof year !== "number" || !Number.isInteger(year) || year < 1900 || year > 2100) {
    throw new AppError("BAD_USER_INPUT", `${argument} must be a year between 1900 and 2100`, { argument });
  }
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** Query parameters for a window: driver dates or null. */
export function windowParameters(window: Window): { from: Neo4jDate<number> | null; to: Neo4jDate<number> | null } {
  const toDriver = (iso: string | null): Neo4jDate<number> | null => {
    if (iso === null) return null;
    const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
    return new neo4j.types.Date(year, month, day);
  };
  return { from: toDriver(window.from), to: toDriver(window.to) };
}
