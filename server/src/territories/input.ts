/**
 * Validation of what an administrator sends to create a territory, or a coordinator to add a
 * contract or an axis. Values enter as `unknown` (GraphQL has checked the types, not the rules)
 * and leave typed and trimmed, or as a BAD_USER_INPUT naming the argument. Nothing is read from
 * the database here: conflicts with what is stored are the service's business.
 */
import { parseDate } from "../analytics/window.js";
import { AppError } from "../errors.js";
import { parseName } from "../savedViews/input.js";
import { slugify } from "../../../seed/src/catalog.js";
import { unknownEpciCodes } from "../../../seed/src/territory.js";

export const AXIS_KINDS = ["POPULATION", "TRANSVERSAL"] as const;
export type AxisKind = (typeof AXIS_KINDS)[number];

/** Kept in step with the SDL (territories.graphql) and the form (client/src/features/territories). */
export const TERRITORY_LIMITS = {
  idLength: 60,
  epcis: 30,
  contracts: 10,
  axes: 40,
  maxGeneration: 20,
} as const;

export interface NewContract {
  readonly generation: number;
  /** ISO `YYYY-MM-DD`. */
  readonly signedOn: string;
  readonly endsOn: string | null;
}

export interface NewAxis {
  readonly name: string;
  readonly kind: AxisKind;
}

export interface NewTerritory {
  readonly id: string;
  readonly name: string;
  /** SIREN codes, each once, in the order given. */
  readonly epciCodes: readonly string[];
  /** By generation. */
  readonly contracts: readonly NewContract[];
  readonly axes: readonly NewAxis[];
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SIREN = /^\d{9}$/;

const bad = (argument: string, message: string, details: Record<string, unknown> = {}): AppError =>
  new AppError("BAD_USER_INPUT", message, { argument, ...details });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function list(value: unknown, argument: string, min: number, max: number): unknown[] {
  if (!Array.isArray(value)) throw bad(argument, `${argument} must be a list`);
  if (value.length < min) throw bad(argument, min === 1 ? `${argument} must not be empty` : `${argument} needs at least ${min} items`);
  if (value.length > max) throw bad(argument, `${argument} must have at most ${max} items`);
  return value;
}

/** Ids of the contract and axes a territory's creation writes (same scheme as the demo seed). */
export const contractId = (territoryId: string, generation: number): string => `${territoryId}-cls${generation}`;
export const contractName = (generation: number): string => `CLS ${generation}`;
export const axisId = (territoryId: string, axisName: string): string => `${territoryId}-${slugify(axisName)}`;

/** The territory id: the one given (a slug), or the slug of the name. */
export function parseTerritoryId(value: unknown, name: string, argument = "input.id"): string {
  if (value === null || value === undefined || value === "") {
    const derived = slugify(name).slice(0, TERRITORY_LIMITS.idLength).replace(/-+$/, "");
    if (derived === "") throw bad("input.name", "The name must contain letters or digits");
    return derived;
  }
  if (typeof value !== "string" || value.length > TERRITORY_LIMITS.idLength || !SLUG.test(value)) {
    throw bad(argument, `The id must be a slug (lower-case letters, digits and single dashes, at most ${TERRITORY_LIMITS.idLength} characters)`);
  }
  return value;
}

/** SIREN codes of EPCI known to `@etalab/decoupage-administratif`; every unknown code is listed. */
export function parseEpciCodes(value: unknown, argument = "input.epciCodes"): string[] {
  const items = list(value, argument, 1, TERRITORY_LIMITS.epcis);
  const codes = items.map((item) => (typeof item === "string" ? item.trim() : String(item)));
  const unique = [...new Set(codes)];
  const unknown = [...unique.filter((code) => !SIREN.test(code)), ...unknownEpciCodes(unique.filter((code) => SIREN.test(code)))];
  if (unknown.length > 0) {
    throw bad(argument, `Unknown EPCI SIREN code${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`, { unknownEpciCodes: unknown });
  }
  return unique;
}

function parseGeneration(value: unknown, argument: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > TERRITORY_LIMITS.maxGeneration) {
    throw bad(argument, `The generation must be an integer from 1 to ${TERRITORY_LIMITS.maxGeneration}`);
  }
  return value;
}

/** CLS exist since 2009 (loi HPST); the bounds only catch typing slips such as 0219 or 20199. */
const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;

function parseContractDate(value: unknown, argument: string): string | null {
  const date = parseDate(value === "" ? null : value, argument);
  if (date === null) return null;
  const year = Number(date.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) throw bad(argument, `The date must fall between ${FIRST_YEAR} and ${LAST_YEAR}`);
  return date;
}

/** One contract: a generation, a signing date, and an end date after it (or none). */
export function parseContract(value: unknown, argument: string): NewContract {
  if (!isRecord(value)) throw bad(argument, `${argument} is required`);
  const generation = parseGeneration(value.generation, `${argument}.generation`);
  const signedOn = parseContractDate(value.signedOn, `${argument}.signedOn`);
  if (signedOn === null) throw bad(`${argument}.signedOn`, "The signing date is required");
  const endsOn = parseContractDate(value.endsOn, `${argument}.endsOn`);
  if (endsOn !== null && endsOn <= signedOn) throw bad(`${argument}.endsOn`, "The contract must end after it is signed");
  return { generation, signedOn, endsOn };
}

/**
 * Contracts of one territory, sorted by generation: generations distinct, each signed after the
 * one before, and not before that one ends. `existing` are those already stored (when adding one).
 */
export function checkContractSequence(contracts: readonly NewContract[], argument: string): NewContract[] {
  const sorted = [...contracts].sort((a, b) => a.generation - b.generation);
  for (let index = 1; index < sorted.length; index += 1) {
    const previous = sorted[index - 1];
    const current = sorted[index];
    if (previous === undefined || current === undefined) continue;
    if (previous.generation === current.generation) {
      throw bad(argument, `Two contracts have generation ${current.generation}`, { generation: current.generation });
    }
    if (current.signedOn <= previous.signedOn) {
      throw bad(argument, `CLS ${current.generation} must be signed after CLS ${previous.generation}`, { generation: current.generation });
    }
    if (previous.endsOn !== null && current.signedOn < previous.endsOn) {
      throw bad(argument, `CLS ${current.generation} must not be signed before CLS ${previous.generation} ends`, { generation: current.generation });
    }
  }
  return sorted;
}

function parseAxisKind(value: unknown, argument: string): AxisKind {
  if (typeof value !== "string" || !(AXIS_KINDS as readonly string[]).includes(value)) throw bad(argument, "The kind must be POPULATION or TRANSVERSAL");
  return value as AxisKind;
}

/** One axis: a name (its id is the territory's id and the name's slug) and a kind. */
export function parseAxis(value: unknown, argument: string): NewAxis {
  if (!isRecord(value)) throw bad(argument, `${argument} is required`);
  const name = parseName(value.name, `${argument}.name`);
  if (slugify(name) === "") throw bad(`${argument}.name`, "The axis name must contain letters or digits");
  return { name, kind: parseAxisKind(value.kind, `${argument}.kind`) };
}

/** Axes whose names give the same id (same letters once accents and case are ignored) are one axis twice. */
export function checkDistinctAxes(axes: readonly NewAxis[], argument: string, existingNames: readonly string[] = []): void {
  const seen = new Set(existingNames.map(slugify));
  for (const axis of axes) {
    const key = slugify(axis.name);
    if (seen.has(key)) throw bad(argument, `The axis "${axis.name}" is listed twice`, { axis: axis.name });
    seen.add(key);
  }
}

/** The `input` argument of `createTerritory`, validated as a whole before anything is read or written. */
export function parseNewTerritory(value: unknown): NewTerritory {
  if (!isRecord(value)) throw bad("input", "input is required");
  const name = parseName(value.name, "input.name");
  const id = parseTerritoryId(value.id, name);
  const epciCodes = parseEpciCodes(value.epciCodes);
  const contracts = checkContractSequence(
    list(value.contracts, "input.contracts", 1, TERRITORY_LIMITS.contracts).map((item, index) => parseContract(item, `input.contracts[${index}]`)),
    "input.contracts",
  );
  const axes = list(value.axes, "input.axes", 1, TERRITORY_LIMITS.axes).map((item, index) => parseAxis(item, `input.axes[${index}]`));
  checkDistinctAxes(axes, "input.axes");
  return { id, name, epciCodes, contracts, axes };
}

/** Optional list of ids (`axisIds` of a new contract, `contractIds` of a new axis); null when absent. */
export function parseOptionalIds(value: unknown, argument: string, max: number): string[] | null {
  if (value === null || value === undefined) return null;
  const items = list(value, argument, 0, max);
  return [...new Set(items.map((item) => {
    if (typeof item !== "string" || item.length === 0 || item.length > 200) throw bad(argument, `${argument} holds an invalid id`);
    return item;
  }))];
}

export function parseTerritoryRef(value: unknown, argument = "territoryId"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 200) throw bad(argument, `${argument} is required`);
  return value;
}
