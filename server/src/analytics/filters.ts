import { AppError } from "../errors.js";
import type { Plain } from "./values.js";

export type NetworkLevel = "ACTOR" | "STRUCTURE";
export type TieSource = "WORK_GROUP" | "EVENT";
export type ParticipationRole = "PILOT" | "CO_PILOT" | "MEMBER";
export type Weighting = "COUNT" | "NEWMAN";
export type BackboneMethod = "SDSM" | "DISPARITY";

/** Keep only the ties whose significance (p-value of `method`) is below `alpha`. */
export interface BackboneRule {
  readonly method: BackboneMethod;
  readonly alpha: number;
  /**
   * Ties with significance below this (≥ alpha) are listed too, with their p-value, so that a client
   * can loosen alpha up to it without asking again; measures stay computed on alpha's ties.
   */
  readonly listUpTo: number;
}

const PARTICIPATION_ROLES: readonly string[] = ["PILOT", "CO_PILOT", "MEMBER"] satisfies ParticipationRole[];

/**
 * What to keep in a collaboration network. Group filters (axes, work groups, tie sources) choose
 * which shared work groups and events make ties, and `roles` which work-group participations count
 * (given, no event counts: attendance has no role); node filters (sectors, categories, places) keep an
 * induced subgraph; `minWeight` drops weak ties last. Lists are sorted and de-duplicated so that
 * equal filters give equal cache keys.
 */
export interface NetworkFilter {
  readonly axisIds: readonly string[] | null;
  readonly workGroupIds: readonly string[] | null;
  readonly sectors: readonly string[] | null;
  readonly categories: readonly string[] | null;
  readonly epciCodes: readonly string[] | null;
  readonly communeCodes: readonly string[] | null;
  readonly through: readonly TieSource[];
  /** Only work-group participations in one of these roles; null: every participation and attendance. */
  readonly roles: readonly ParticipationRole[] | null;
  readonly minWeight: number;
  /** COUNT: shared activities; NEWMAN: each activity with n participants adds 1/(n − 1) to each pair. */
  readonly weighting: Weighting;
  /** Null: every tie; else only the significant ones (applied before `minWeight`). */
  readonly backbone: BackboneRule | null;
}

export const NO_FILTER: NetworkFilter = {
  axisIds: null,
  workGroupIds: null,
  sectors: null,
  categories: null,
  epciCodes: null,
  communeCodes: null,
  through: ["EVENT", "WORK_GROUP"],
  roles: null,
  minWeight: 1,
  weighting: "COUNT",
  backbone: null,
};

function list(input: Plain, key: string): string[] | null {
  const value = input[key];
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === "string")) {
    throw new AppError("BAD_USER_INPUT", `filter.${key} must be a list of strings`, { argument: `filter.${key}` });
  }
  if (value.length === 0) return null;
  return [...new Set(value)].sort();
}

export function parseFilter(value: unknown): NetworkFilter {
  if (value === null || value === undefined) return NO_FILTER;
  if (typeof value !== "object" || Array.isArray(value)) throw new AppError("BAD_USER_INPUT", "filter must be an object", { argument: "filter" });
  const input = value as Plain;
  const through = list(input, "through");
  const minWeight = input.minWeight ?? 1;
  if (typeof minWeight !== "number" || !Number.isFinite(minWeight) || minWeight <= 0) {
    throw new AppError("BAD_USER_INPUT", "filter.minWeight must be a positive number", { argument: "filter.minWeight" });
  }
  if (through !== null && !through.every((item): item is TieSource => item === "WORK_GROUP" || item === "EVENT")) {
    throw new AppError("BAD_USER_INPUT", "filter.through takes WORK_GROUP and EVENT", { argument: "filter.through" });
  }
  const roles = list(input, "roles");
  if (roles !== null && !roles.every((item): item is ParticipationRole => PARTICIPATION_ROLES.includes(item))) {
    throw new AppError("BAD_USER_INPUT", "filter.roles takes PILOT, CO_PILOT and MEMBER", { argument: "filter.roles" });
  }
  return {
    axisIds: list(input, "axisIds"),
    workGroupIds: list(input, "workGroupIds"),
    sectors: list(input, "sectors"),
    categories: list(input, "categories"),
    epciCodes: list(input, "epciCodes"),
    communeCodes: list(input, "communeCodes"),
    through: through ?? NO_FILTER.through,
    roles,
    minWeight,
    weighting: NO_FILTER.weighting,
    backbone: NO_FILTER.backbone,
  };
}

/** The `weighting` argument (default COUNT). */
export function parseWeighting(value: unknown): Weighting {
  if (value === null || value === undefined) return "COUNT";
  if (value === "COUNT" || value === "NEWMAN") return value;
  throw new AppError("BAD_USER_INPUT", "weighting must be COUNT or NEWMAN", { argument: "weighting" });
}

/** The `backbone` argument: `{ method: SDSM | DISPARITY, alpha }` with 0 < alpha ≤ 1 (defaults SDSM, 0.05), or null. */
export function parseBackbone(value: unknown): BackboneRule | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || Array.isArray(value)) throw new AppError("BAD_USER_INPUT", "backbone must be { method, alpha }", { argument: "backbone" });
  const { method, alpha, listUpTo } = value as Plain;
  const chosen = method ?? "SDSM";
  if (chosen !== "SDSM" && chosen !== "DISPARITY") throw new AppError("BAD_USER_INPUT", "backbone.method must be SDSM or DISPARITY", { argument: "backbone.method" });
  const level = alpha ?? 0.05;
  if (typeof level !== "number" || !Number.isFinite(level) || level <= 0 || level > 1) {
    throw new AppError("BAD_USER_INPUT", "backbone.alpha must be a number above 0 and at most 1", { argument: "backbone.alpha" });
  }
  const upTo = listUpTo ?? level;
  if (typeof upTo !== "number" || !Number.isFinite(upTo) || upTo < level || upTo > 1) {
    throw new AppError("BAD_USER_INPUT", "backbone.listUpTo must be a number from alpha to 1", { argument: "backbone.listUpTo" });
  }
  return { method: chosen, alpha: level, listUpTo: upTo };
}

export function parseLevel(value: unknown): NetworkLevel {
  if (value === null || value === undefined) return "STRUCTURE";
  if (value === "ACTOR" || value === "STRUCTURE") return value;
  throw new AppError("BAD_USER_INPUT", "level must be ACTOR or STRUCTURE", { argument: "level" });
}
