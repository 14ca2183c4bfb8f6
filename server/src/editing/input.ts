/**
 * Validation of what the page sends to create, change or delete records (issue 6, editing).
 * Values enter as `unknown` (GraphQL has checked the types, not the rules) and leave typed and
 * trimmed, or as a BAD_USER_INPUT naming the field in `argument` and why in `reason`, which the
 * page turns into a French message next to that field. Nothing is written before a whole input
 * passes; references to other records (commune, axes, organisations) are checked in the write
 * transaction (service.ts), against the territory.
 */
import { AppError } from "../errors.js";

export const SECTORS = ["CARE", "PREVENTION", "SOCIAL", "MEDICO_SOCIAL", "EDUCATION", "JUSTICE", "LOCAL_AUTHORITY"] as const;
export const ACTOR_CATEGORIES = ["PROFESSIONAL", "ELECTED", "VOLUNTEER", "INSTITUTIONAL"] as const;
export const WORK_GROUP_KINDS = ["NETWORK", "WORK_GROUP", "COMMITTEE"] as const;
export const EVENT_KINDS = ["MEETING", "TRAINING", "PUBLIC_ACTION", "CONFERENCE"] as const;
export const PARTICIPATION_ROLES = ["PILOT", "CO_PILOT", "MEMBER"] as const;

/** Kept in step with editing.graphql and the page (client/src/features/editing/fields.ts). */
export const EDIT_LIMITS = {
  nameLength: 200,
  personNameLength: 100,
  kindLength: 100,
  professionLength: 100,
  roleLength: 100,
  emailLength: 254,
  idLength: 200,
  axes: 20,
  maxDurationHours: 24,
} as const;

/** Why a field was refused: the page says it in French (client/src/i18n/fr.ts, `editing.errors`). */
export type InvalidReason =
  | "REQUIRED"
  | "TOO_LONG"
  | "INVALID_FORMAT"
  | "UNKNOWN_VALUE"
  | "DATE_ORDER"
  | "OUT_OF_RANGE"
  | "NOT_IN_TERRITORY";

export const invalid = (argument: string, reason: InvalidReason, message: string): AppError =>
  new AppError("BAD_USER_INPUT", message, { argument, reason });

const CONTROL = /[\u0000-\u001f\u007f]/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is not ours to check.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function inputRecord(value: unknown): Record<string, unknown> {
  if (!isRecord(value)) throw invalid("input", "REQUIRED", "input is required");
  return value;
}

/** Text once trimmed: required, at most `max` characters, no control characters. */
export function requiredText(value: unknown, argument: string, max: number): string {
  const text = typeof value === "string" ? value.trim() : "";
  if (text.length === 0) throw invalid(argument, "REQUIRED", `${argument} is required`);
  if (text.length > max) throw invalid(argument, "TOO_LONG", `${argument} must be at most ${max} characters`);
  if (CONTROL.test(text)) throw invalid(argument, "INVALID_FORMAT", `${argument} must not contain control characters`);
  return text;
}

/** Like requiredText, but absent or blank is null. */
export function optionalText(value: unknown, argument: string, max: number): string | null {
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) return null;
  return requiredText(value, argument, max);
}

export function id(value: unknown, argument: string): string {
  if (typeof value !== "string" || value.trim().length === 0) throw invalid(argument, "REQUIRED", `${argument} is required`);
  if (value.length > EDIT_LIMITS.idLength || CONTROL.test(value)) throw invalid(argument, "INVALID_FORMAT", `${argument} is not an id`);
  return value;
}

const optionalId = (value: unknown, argument: string): string | null => (value === null || value === undefined ? null : id(value, argument));

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], argument: string): T {
  if (value === null || value === undefined || value === "") throw invalid(argument, "REQUIRED", `${argument} is required`);
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw invalid(argument, "UNKNOWN_VALUE", `${argument} must be one of ${allowed.join(", ")}`);
  }
  return value as T;
}

/** An e-mail address, trimmed; null when absent or blank. */
export function email(value: unknown, argument: string): string | null {
  const text = optionalText(value, argument, EDIT_LIMITS.emailLength);
  if (text !== null && !EMAIL.test(text)) throw invalid(argument, "INVALID_FORMAT", `${argument} is not an e-mail address`);
  return text;
}

/**
 * A French phone number (10 digits from 0, or +33 and 9 digits; spaces, dots and dashes allowed),
 * stored as `01 23 45 67 89` like the seeded ones; null when absent or blank.
 */
export function phone(value: unknown, argument: string): string | null {
  const text = optionalText(value, argument, 30);
  if (text === null) return null;
  const compact = text.replace(/[\s.\-()]/g, "");
  const national = /^\+33[1-9]\d{8}$/.test(compact) ? `0${compact.slice(3)}` : compact;
  if (!/^0[1-9]\d{8}$/.test(national)) throw invalid(argument, "INVALID_FORMAT", `${argument} is not a French phone number`);
  return national.replace(/(\d{2})(?=\d)/g, "$1 ");
}

/**
 * A calendar date `YYYY-MM-DD` (the @neo4j/graphql Date scalar hands driver dates over, whose
 * `toString()` is that form); null when absent and not required.
 */
export function date(value: unknown, argument: string, isRequired: boolean): string | null {
  if (value === null || value === undefined || value === "") {
    if (isRequired) throw invalid(argument, "REQUIRED", `${argument} is required`);
    return null;
  }
  const candidate = typeof value === "object" && value !== null ? String(value) : value;
  const match = typeof candidate === "string" ? ISO_DATE.exec(candidate) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const check = new Date(Date.UTC(year, month - 1, day));
    if (year >= 1900 && year <= 2200 && check.getUTCMonth() === month - 1 && check.getUTCDate() === day) return candidate as string;
  }
  throw invalid(argument, "INVALID_FORMAT", `${argument} must be a date (YYYY-MM-DD)`);
}

/** Throws DATE_ORDER on the end field when it comes before the start. */
function ordered(start: string | null, end: string | null, argument: string): void {
  if (start !== null && end !== null && end < start) throw invalid(argument, "DATE_ORDER", `${argument} must not come before the start date`);
}

/**
 * The version of the record the page showed (optimistic concurrency): a whole number from 0, or
 * null when the caller does not ask for the check (the write still happens under the record's lock).
 */
export function expectedVersion(value: unknown, argument: string): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw invalid(argument, "OUT_OF_RANGE", `${argument} must be a whole number from 0`);
  return value;
}

function idList(value: unknown, argument: string, max: number): string[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw invalid(argument, "INVALID_FORMAT", `${argument} must be a list`);
  if (value.length > max) throw invalid(argument, "OUT_OF_RANGE", `${argument} must have at most ${max} items`);
  return [...new Set(value.map((item: unknown, index) => id(item, `${argument}[${index}]`)))].sort();
}

export type Sector = (typeof SECTORS)[number];
export type ActorCategory = (typeof ACTOR_CATEGORIES)[number];
export type WorkGroupKind = (typeof WORK_GROUP_KINDS)[number];
export type EventKind = (typeof EVENT_KINDS)[number];
export type ParticipationRole = (typeof PARTICIPATION_ROLES)[number];

export interface StructureInput {
  /** The version the page showed; null skips the check. */
  readonly expectedVersion: number | null;
  /** Null creates a structure. */
  readonly id: string | null;
  readonly territoryId: string;
  readonly name: string;
  readonly sector: Sector;
  readonly kind: string;
  readonly communeCode: string;
}

export interface ActorInput {
  /** The version the page showed; null skips the check. */
  readonly expectedVersion: number | null;
  readonly id: string | null;
  readonly territoryId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly category: ActorCategory;
  readonly profession: string | null;
  /** A new actor joins this structure or institution of the territory (required on creation). */
  readonly membership: MembershipFields | null;
}

export interface MembershipFields {
  readonly organisationId: string;
  readonly role: string | null;
  readonly since: string | null;
  readonly until: string | null;
}

export interface MembershipInput extends MembershipFields {
  /** The version the page showed; null skips the check. */
  readonly expectedVersion: number | null;
  readonly territoryId: string;
  readonly actorId: string;
}

/** An actor's participation in a work group of the territory (one per pair); dated from its first day. */
export interface ParticipationInput {
  /** The version the page showed; null skips the check. */
  readonly expectedVersion: number | null;
  readonly territoryId: string;
  readonly actorId: string;
  readonly workGroupId: string;
  readonly role: ParticipationRole;
  readonly since: string;
  readonly until: string | null;
}

export interface WorkGroupInput {
  /** The version the page showed; null skips the check. */
  readonly expectedVersion: number | null;
  readonly id: string | null;
  readonly territoryId: string;
  readonly name: string;
  readonly kind: WorkGroupKind;
  readonly startedOn: string;
  readonly endedOn: string | null;
  readonly axisIds: readonly string[];
}

export interface EventInput {
  /** The version the page showed; null skips the check. */
  readonly expectedVersion: number | null;
  readonly id: string | null;
  readonly territoryId: string;
  readonly title: string;
  readonly kind: EventKind;
  readonly date: string;
  readonly durationHours: number;
  readonly communeCode: string;
  /** A work group or a structure of the territory. */
  readonly organiserId: string;
  readonly axisIds: readonly string[];
}

export function parseStructureInput(value: unknown): StructureInput {
  const input = inputRecord(value);
  return {
    expectedVersion: expectedVersion(input.expectedVersion, "input.expectedVersion"),
    id: optionalId(input.id, "input.id"),
    territoryId: id(input.territoryId, "input.territoryId"),
    name: requiredText(input.name, "input.name", EDIT_LIMITS.nameLength),
    sector: oneOf(input.sector, SECTORS, "input.sector"),
    kind: requiredText(input.kind, "input.kind", EDIT_LIMITS.kindLength),
    communeCode: id(input.communeCode, "input.communeCode"),
  };
}

function membershipFields(input: Record<string, unknown>, prefix: string): MembershipFields {
  const since = date(input.since, `${prefix}.since`, false);
  const until = date(input.until, `${prefix}.until`, false);
  ordered(since, until, `${prefix}.until`);
  return {
    organisationId: id(input.organisationId, `${prefix}.organisationId`),
    role: optionalText(input.role, `${prefix}.role`, EDIT_LIMITS.roleLength),
    since,
    until,
  };
}

export function parseActorInput(value: unknown): ActorInput {
  const input = inputRecord(value);
  const actorId = optionalId(input.id, "input.id");
  const membership = input.membership;
  if (actorId === null && !isRecord(membership)) throw invalid("input.membership.organisationId", "REQUIRED", "A new actor needs a structure or an institution");
  return {
    expectedVersion: expectedVersion(input.expectedVersion, "input.expectedVersion"),
    id: actorId,
    territoryId: id(input.territoryId, "input.territoryId"),
    firstName: requiredText(input.firstName, "input.firstName", EDIT_LIMITS.personNameLength),
    lastName: requiredText(input.lastName, "input.lastName", EDIT_LIMITS.personNameLength),
    email: email(input.email, "input.email"),
    phone: phone(input.phone, "input.phone"),
    category: oneOf(input.category, ACTOR_CATEGORIES, "input.category"),
    profession: optionalText(input.profession, "input.profession", EDIT_LIMITS.professionLength),
    // Only a new actor's first membership comes with it; later ones go through saveMembership.
    membership: actorId === null && isRecord(membership) ? membershipFields(membership, "input.membership") : null,
  };
}

export function parseMembershipInput(value: unknown): MembershipInput {
  const input = inputRecord(value);
  return {
    expectedVersion: expectedVersion(input.expectedVersion, "input.expectedVersion"),
    territoryId: id(input.territoryId, "input.territoryId"),
    actorId: id(input.actorId, "input.actorId"),
    ...membershipFields(input, "input"),
  };
}

export function parseParticipationInput(value: unknown): ParticipationInput {
  const input = inputRecord(value);
  const since = date(input.since, "input.since", true) as string;
  const until = date(input.until, "input.until", false);
  ordered(since, until, "input.until");
  return {
    expectedVersion: expectedVersion(input.expectedVersion, "input.expectedVersion"),
    territoryId: id(input.territoryId, "input.territoryId"),
    actorId: id(input.actorId, "input.actorId"),
    workGroupId: id(input.workGroupId, "input.workGroupId"),
    role: oneOf(input.role, PARTICIPATION_ROLES, "input.role"),
    since,
    until,
  };
}

export function parseWorkGroupInput(value: unknown): WorkGroupInput {
  const input = inputRecord(value);
  const startedOn = date(input.startedOn, "input.startedOn", true) as string;
  const endedOn = date(input.endedOn, "input.endedOn", false);
  ordered(startedOn, endedOn, "input.endedOn");
  return {
    expectedVersion: expectedVersion(input.expectedVersion, "input.expectedVersion"),
    id: optionalId(input.id, "input.id"),
    territoryId: id(input.territoryId, "input.territoryId"),
    name: requiredText(input.name, "input.name", EDIT_LIMITS.nameLength),
    kind: oneOf(input.kind, WORK_GROUP_KINDS, "input.kind"),
    startedOn,
    endedOn,
    axisIds: idList(input.axisIds, "input.axisIds", EDIT_LIMITS.axes),
  };
}

function durationHours(value: unknown, argument: string): number {
  if (value === null || value === undefined) throw invalid(argument, "REQUIRED", `${argument} is required`);
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0 || value > EDIT_LIMITS.maxDurationHours) {
    throw invalid(argument, "OUT_OF_RANGE", `${argument} must be more than 0 and at most ${EDIT_LIMITS.maxDurationHours} hours`);
  }
  return value;
}

export function parseEventInput(value: unknown): EventInput {
  const input = inputRecord(value);
  return {
    expectedVersion: expectedVersion(input.expectedVersion, "input.expectedVersion"),
    id: optionalId(input.id, "input.id"),
    territoryId: id(input.territoryId, "input.territoryId"),
    title: requiredText(input.title, "input.title", EDIT_LIMITS.nameLength),
    kind: oneOf(input.kind, EVENT_KINDS, "input.kind"),
    date: date(input.date, "input.date", true) as string,
    durationHours: durationHours(input.durationHours, "input.durationHours"),
    communeCode: id(input.communeCode, "input.communeCode"),
    organiserId: id(input.organiserId, "input.organiserId"),
    axisIds: idList(input.axisIds, "input.axisIds", EDIT_LIMITS.axes),
  };
}
