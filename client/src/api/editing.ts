import { ApiError, requestGraphQL, type RequestOptions } from "./graphql";
import { PARTICIPATION_ROLES, type ParticipationRole } from "./network";
import { array, boolean, integer, number, oneOf, optionalString, record, string, type Json } from "./parse";

/** Editing records and reading the audit trail (server: editing.graphql, audit.graphql). */

export const SECTORS = ["CARE", "PREVENTION", "SOCIAL", "MEDICO_SOCIAL", "EDUCATION", "JUSTICE", "LOCAL_AUTHORITY"] as const;
export type Sector = (typeof SECTORS)[number];
export const ACTOR_CATEGORIES = ["PROFESSIONAL", "ELECTED", "VOLUNTEER", "INSTITUTIONAL"] as const;
export type EditActorCategory = (typeof ACTOR_CATEGORIES)[number];
export const WORK_GROUP_KINDS = ["NETWORK", "WORK_GROUP", "COMMITTEE"] as const;
export type WorkGroupKind = (typeof WORK_GROUP_KINDS)[number];
export const EVENT_KINDS = ["MEETING", "TRAINING", "PUBLIC_ACTION", "CONFERENCE"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
/** Every AuditEntityKind of the server (audit.graphql): an entry of an unknown kind would fail the whole page. */
export const ENTITY_KINDS = ["STRUCTURE", "ACTOR", "WORK_GROUP", "EVENT", "MEMBERSHIP", "PARTICIPATION", "ATTENDANCE", "TERRITORY", "CONTRACT", "AXIS", "IMPORT"] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];
export const OPERATIONS = ["CREATE", "UPDATE", "DELETE"] as const;
export type Operation = (typeof OPERATIONS)[number];

/** Limits the server enforces (server/src/editing/input.ts); the form sets them as `maxLength`. */
export const EDIT_LIMITS = { nameLength: 200, personNameLength: 100, kindLength: 100, professionLength: 100, roleLength: 100, emailLength: 254, maxDurationHours: 24 } as const;

export interface FieldChange {
  field: string;
  /** Parsed from the JSON text the API sends; null when there was none. */
  before: unknown;
  after: unknown;
}

export interface EditResult {
  entityKind: EntityKind;
  entityId: string;
  operation: Operation;
  changes: FieldChange[];
  auditEntryId: string | null;
}

export interface StructureValues {
  id: string | null;
  /** The version loaded (sent back as `expectedVersion`); null for a new record. */
  version: number | null;
  name: string;
  sector: Sector | "";
  kind: string;
  communeCode: string;
}

export interface ActorValues {
  id: string | null;
  /** The version loaded (sent back as `expectedVersion`); null for a new record. */
  version: number | null;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  category: EditActorCategory | "";
  profession: string;
  /** For a new actor: the structure they join. */
  organisationId: string;
  role: string;
}

export interface WorkGroupValues {
  id: string | null;
  /** The version loaded (sent back as `expectedVersion`); null for a new record. */
  version: number | null;
  name: string;
  kind: WorkGroupKind | "";
  startedOn: string;
  endedOn: string;
  axisIds: string[];
}

export interface EventValues {
  id: string | null;
  /** The version loaded (sent back as `expectedVersion`); null for a new record. */
  version: number | null;
  title: string;
  kind: EventKind | "";
  date: string;
  durationHours: string;
  communeCode: string;
  organiserId: string;
  axisIds: string[];
}

export interface MembershipValues {
  /** The version the form expects (sent as `expectedVersion`): 0 for a membership it adds; null skips the check. */
  version: number | null;
  actorId: string;
  organisationId: string;
  role: string;
  since: string;
  until: string;
}

export interface ParticipationValues {
  /** The version loaded (sent as `expectedVersion`): 0 for a participation the form adds; null skips the check. */
  version: number | null;
  actorId: string;
  workGroupId: string;
  role: ParticipationRole | "";
  since: string;
  until: string;
}

const RESULT = "entityKind entityId operation auditEntryId changes { field before after }";

const parseJson = (value: unknown, path: string): unknown => {
  const text = optionalString(value, path);
  return text === null ? null : (JSON.parse(text) as unknown);
};

function parseChanges(value: unknown, path: string): FieldChange[] {
  return array(value, path).map((item, index) => {
    const change = record(item, `${path}[${index}]`);
    return { field: string(change.field, `${path}.field`), before: parseJson(change.before, `${path}.before`), after: parseJson(change.after, `${path}.after`) };
  });
}

function parseResult(data: unknown, field: string): EditResult {
  const result = record(record(data, "data")[field], field);
  return {
    entityKind: oneOf(result.entityKind, ENTITY_KINDS, "entityKind"),
    entityId: string(result.entityId, "entityId"),
    operation: oneOf(result.operation, OPERATIONS, "operation"),
    changes: parseChanges(result.changes, "changes"),
    auditEntryId: optionalString(result.auditEntryId, "auditEntryId"),
  };
}

const blankToNull = (value: string): string | null => (value.trim() === "" ? null : value);

/** A refusal shaped as the server's (server/src/editing/input.ts): BAD_USER_INPUT, the argument, a reason. */
const refused = (argument: string, reason: "REQUIRED" | "OUT_OF_RANGE", message: string): ApiError =>
  new ApiError("graphql", message, "BAD_USER_INPUT", { argument, reason });

/**
 * A required field of a form, checked before sending: an empty enum, date or number would go as
 * null where the API types it non-null, and GraphQL would refuse the whole request without naming
 * the field. So every required field is refused here, in the form's order, as the server refuses
 * it (REQUIRED), and the form says so next to it.
 */
function required(value: string, argument: string): string {
  if (value.trim() === "") throw refused(argument, "REQUIRED", `${argument} is required`);
  return value;
}

/** An event's duration in hours (a decimal comma is accepted); required. */
function hours(value: string, argument: string): number {
  const parsed = Number(required(value, argument).replace(",", "."));
  if (!Number.isFinite(parsed)) throw refused(argument, "OUT_OF_RANGE", `${argument} must be a number of hours`);
  return parsed;
}
const withId = (id: string | null) => (id === null ? {} : { id });
/** The version the form showed, sent so that a change made meanwhile by someone else is refused (CONFLICT). */
const withVersion = (version: number | null) => (version === null ? {} : { expectedVersion: version });
/** A stored `version` (absent before the record's first audited change: 0). */
const versionOf = (value: unknown): number => (value === null || value === undefined ? 0 : integer(value, "version"));

export async function saveStructure(territoryId: string, values: StructureValues, options?: RequestOptions): Promise<EditResult> {
  const input = {
    ...withId(values.id),
    ...withVersion(values.version),
    territoryId,
    name: required(values.name, "input.name"),
    sector: required(values.sector, "input.sector"),
    kind: required(values.kind, "input.kind"),
    communeCode: required(values.communeCode, "input.communeCode"),
  };
  const data = await requestGraphQL(`mutation SaveStructure($input: SaveStructureInput!) { saveStructure(input: $input) { ${RESULT} } }`, { input }, options);
  return parseResult(data, "saveStructure");
}

export async function saveActor(territoryId: string, values: ActorValues, options?: RequestOptions): Promise<EditResult> {
  // In the form's order: names, category, then (a new person) their structure.
  const firstName = required(values.firstName, "input.firstName");
  const lastName = required(values.lastName, "input.lastName");
  const category = required(values.category, "input.category");
  const membership = values.id === null ? { membership: { organisationId: required(values.organisationId, "input.membership.organisationId"), role: blankToNull(values.role) } } : {};
  const input = {
    ...withId(values.id),
    ...withVersion(values.version),
    territoryId,
    firstName,
    lastName,
    email: blankToNull(values.email),
    phone: blankToNull(values.phone),
    category,
    profession: blankToNull(values.profession),
    ...membership,
  };
  const data = await requestGraphQL(`mutation SaveActor($input: SaveActorInput!) { saveActor(input: $input) { ${RESULT} } }`, { input }, options);
  return parseResult(data, "saveActor");
}

export async function saveWorkGroup(territoryId: string, values: WorkGroupValues, options?: RequestOptions): Promise<EditResult> {
  const input = {
    ...withId(values.id),
    ...withVersion(values.version),
    territoryId,
    name: required(values.name, "input.name"),
    kind: required(values.kind, "input.kind"),
    startedOn: required(values.startedOn, "input.startedOn"),
    endedOn: blankToNull(values.endedOn),
    axisIds: values.axisIds,
  };
  const data = await requestGraphQL(`mutation SaveWorkGroup($input: SaveWorkGroupInput!) { saveWorkGroup(input: $input) { ${RESULT} } }`, { input }, options);
  return parseResult(data, "saveWorkGroup");
}

export async function saveEvent(territoryId: string, values: EventValues, options?: RequestOptions): Promise<EditResult> {
  const input = {
    ...withId(values.id),
    ...withVersion(values.version),
    territoryId,
    title: required(values.title, "input.title"),
    kind: required(values.kind, "input.kind"),
    date: required(values.date, "input.date"),
    durationHours: hours(values.durationHours, "input.durationHours"),
    communeCode: required(values.communeCode, "input.communeCode"),
    organiserId: required(values.organiserId, "input.organiserId"),
    axisIds: values.axisIds,
  };
  const data = await requestGraphQL(`mutation SaveEvent($input: SaveEventInput!) { saveEvent(input: $input) { ${RESULT} } }`, { input }, options);
  return parseResult(data, "saveEvent");
}

export async function saveMembership(territoryId: string, values: MembershipValues, options?: RequestOptions): Promise<EditResult> {
  const input = {
    ...withVersion(values.version),
    territoryId,
    actorId: required(values.actorId, "input.actorId"),
    organisationId: required(values.organisationId, "input.organisationId"),
    role: blankToNull(values.role),
    since: blankToNull(values.since),
    until: blankToNull(values.until),
  };
  const data = await requestGraphQL(`mutation SaveMembership($input: SaveMembershipInput!) { saveMembership(input: $input) { ${RESULT} } }`, { input }, options);
  return parseResult(data, "saveMembership");
}

export async function deleteMembership(territoryId: string, actorId: string, organisationId: string, options?: RequestOptions): Promise<EditResult> {
  const data = await requestGraphQL(
    `mutation DeleteMembership($t: ID!, $a: ID!, $o: ID!) { deleteMembership(territoryId: $t, actorId: $a, organisationId: $o) { ${RESULT} } }`,
    { t: territoryId, a: actorId, o: organisationId },
    options,
  );
  return parseResult(data, "deleteMembership");
}

export async function saveParticipation(territoryId: string, values: ParticipationValues, options?: RequestOptions): Promise<EditResult> {
  const input = {
    ...withVersion(values.version),
    territoryId,
    actorId: required(values.actorId, "input.actorId"),
    workGroupId: required(values.workGroupId, "input.workGroupId"),
    role: required(values.role, "input.role"),
    since: required(values.since, "input.since"),
    until: blankToNull(values.until),
  };
  const data = await requestGraphQL(`mutation SaveParticipation($input: SaveParticipationInput!) { saveParticipation(input: $input) { ${RESULT} } }`, { input }, options);
  return parseResult(data, "saveParticipation");
}

export async function deleteParticipation(territoryId: string, actorId: string, workGroupId: string, options?: RequestOptions): Promise<EditResult> {
  const data = await requestGraphQL(
    `mutation DeleteParticipation($t: ID!, $a: ID!, $g: ID!) { deleteParticipation(territoryId: $t, actorId: $a, workGroupId: $g) { ${RESULT} } }`,
    { t: territoryId, a: actorId, g: workGroupId },
    options,
  );
  return parseResult(data, "deleteParticipation");
}

const DELETE_FIELDS = { STRUCTURE: "deleteStructure", ACTOR: "deleteActor", WORK_GROUP: "deleteWorkGroup", EVENT: "deleteEvent" } as const;
export type DeletableKind = keyof typeof DELETE_FIELDS;

export async function deleteRecord(kind: DeletableKind, territoryId: string, id: string, options?: RequestOptions): Promise<EditResult> {
  const field = DELETE_FIELDS[kind];
  const data = await requestGraphQL(`mutation Delete($t: ID!, $id: ID!) { ${field}(territoryId: $t, id: $id) { ${RESULT} } }`, { t: territoryId, id }, options);
  return parseResult(data, field);
}

/** Current values for the edit forms, through the generated read API (coordinators and administrators see names). */
const first = (value: unknown, path: string): Json | null => {
  const list = array(value, path);
  return list.length === 0 ? null : record(list[0], `${path}[0]`);
};
const text = (value: unknown, path: string): string => optionalString(value, path) ?? "";

export async function loadStructure(id: string, options?: RequestOptions): Promise<StructureValues | null> {
  const data = await requestGraphQL(`query LoadStructure($id: ID!) { structures(where: { id: { eq: $id } }) { id version name sector kind commune { code } } }`, { id }, options);
  const s = first(record(data, "data").structures, "structures");
  if (s === null) return null;
  const commune = first(s.commune, "commune");
  return { id, version: versionOf(s.version), name: string(s.name, "name"), sector: oneOf(s.sector, SECTORS, "sector"), kind: string(s.kind, "kind"), communeCode: commune ? string(commune.code, "commune.code") : "" };
}

export async function loadActor(id: string, options?: RequestOptions): Promise<ActorValues | null> {
  const data = await requestGraphQL(`query LoadActor($id: ID!) { actors(where: { id: { eq: $id } }) { id version firstName lastName email phone category profession } }`, { id }, options);
  const a = first(record(data, "data").actors, "actors");
  if (a === null) return null;
  return {
    id,
    version: versionOf(a.version),
    firstName: string(a.firstName, "firstName"),
    lastName: string(a.lastName, "lastName"),
    email: text(a.email, "email"),
    phone: text(a.phone, "phone"),
    category: oneOf(a.category, ACTOR_CATEGORIES, "category"),
    profession: text(a.profession, "profession"),
    organisationId: "",
    role: "",
  };
}

export async function loadWorkGroup(id: string, options?: RequestOptions): Promise<WorkGroupValues | null> {
  const data = await requestGraphQL(`query LoadWorkGroup($id: ID!) { workGroups(where: { id: { eq: $id } }) { id version name kind startedOn endedOn axes { id } } }`, { id }, options);
  const w = first(record(data, "data").workGroups, "workGroups");
  if (w === null) return null;
  return {
    id,
    version: versionOf(w.version),
    name: string(w.name, "name"),
    kind: oneOf(w.kind, WORK_GROUP_KINDS, "kind"),
    startedOn: text(w.startedOn, "startedOn"),
    endedOn: text(w.endedOn, "endedOn"),
    axisIds: array(w.axes, "axes").map((axis, index) => string(record(axis, `axes[${index}]`).id, "axis.id")).sort(),
  };
}

export async function loadEvent(id: string, options?: RequestOptions): Promise<EventValues | null> {
  const data = await requestGraphQL(
    `query LoadEvent($id: ID!) { events(where: { id: { eq: $id } }) { id version title kind date durationHours commune { code } organisedBy { ... on WorkGroup { id } ... on Structure { id } } axes { id } } }`,
    { id },
    options,
  );
  const e = first(record(data, "data").events, "events");
  if (e === null) return null;
  const commune = first(e.commune, "commune");
  const organiser = first(e.organisedBy, "organisedBy");
  return {
    id,
    version: versionOf(e.version),
    title: string(e.title, "title"),
    kind: oneOf(e.kind, EVENT_KINDS, "kind"),
    date: string(e.date, "date"),
    durationHours: String(number(e.durationHours, "durationHours")),
    communeCode: commune ? string(commune.code, "commune.code") : "",
    organiserId: organiser ? string(organiser.id, "organisedBy.id") : "",
    axisIds: array(e.axes, "axes").map((axis, index) => string(record(axis, `axes[${index}]`).id, "axis.id")).sort(),
  };
}

/** A person's participation in a work group as stored; null when there is none. */
export async function loadParticipation(actorId: string, workGroupId: string, options?: RequestOptions): Promise<ParticipationValues | null> {
  const data = await requestGraphQL(
    `query LoadParticipation($a: ID!, $g: ID!) { workGroups(where: { id: { eq: $g } }) { participantsConnection(where: { node: { id: { eq: $a } } }) {
      edges { properties { version role since until } } } } }`,
    { a: actorId, g: workGroupId },
    options,
  );
  const group = first(record(data, "data").workGroups, "workGroups");
  if (group === null) return null;
  const edge = first(record(group.participantsConnection, "participantsConnection").edges, "edges");
  if (edge === null) return null;
  const properties = record(edge.properties, "properties");
  return {
    version: versionOf(properties.version),
    actorId,
    workGroupId,
    role: oneOf(properties.role, PARTICIPATION_ROLES, "role"),
    since: text(properties.since, "since"),
    until: text(properties.until, "until"),
  };
}

/** Structures of the territory, by name, for the pickers (organisation of a member, organiser of an event). */
export async function loadStructureChoices(territoryId: string, options?: RequestOptions): Promise<{ id: string; name: string }[]> {
  const data = await requestGraphQL(
    `query StructureChoices($t: ID!) { structures(where: { commune: { some: { epci: { some: { territory: { some: { id: { eq: $t } } } } } } } }, sort: [{ name: ASC }], limit: 1000) { id name } }`,
    { t: territoryId },
    options,
  );
  return array(record(data, "data").structures, "structures").map((item, index) => {
    const s = record(item, `structures[${index}]`);
    return { id: string(s.id, "id"), name: string(s.name, "name") };
  });
}

/** People of the territory (through their structures) whose name contains `query`, for "add a member". */
export async function searchActors(territoryId: string, query: string, options?: RequestOptions): Promise<{ id: string; name: string }[]> {
  const data = await requestGraphQL(
    `query ActorChoices($t: ID!, $q: String!) { actors(where: { AND: [
      { structures: { some: { commune: { some: { epci: { some: { territory: { some: { id: { eq: $t } } } } } } } } } },
      { OR: [{ lastName: { contains: $q } }, { firstName: { contains: $q } }] }
    ] }, sort: [{ lastName: ASC }], limit: 20) { id firstName lastName profession } }`,
    { t: territoryId, q: query },
    options,
  );
  return array(record(data, "data").actors, "actors").map((item, index) => {
    const a = record(item, `actors[${index}]`);
    const profession = optionalString(a.profession, "profession");
    return { id: string(a.id, "id"), name: `${string(a.firstName, "firstName")} ${string(a.lastName, "lastName")}${profession ? ` (${profession})` : ""}` };
  });
}

export interface AuditEntry {
  id: string;
  at: string;
  userId: string;
  userRole: string;
  operation: Operation;
  entityKind: EntityKind;
  entityId: string;
  entityName: string | null;
  changes: FieldChange[];
  erasedFields: string[];
}

export interface AuditPage {
  totalCount: number;
  entries: AuditEntry[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export async function fetchAuditTrail(territoryId: string, after: string | null, entityId: string | null, options?: RequestOptions): Promise<AuditPage> {
  const data = await requestGraphQL(
    `query GetAuditTrail($t: ID!, $after: String, $entityId: ID) { auditTrail(territoryId: $t, first: 50, after: $after, entityId: $entityId) {
      totalCount hasNextPage endCursor
      entries { id at userId userRole operation entityKind entityId entityName erasedFields changes { field before after } } } }`,
    { t: territoryId, after, entityId },
    options,
  );
  const page = record(record(data, "data").auditTrail, "auditTrail");
  return {
    totalCount: integer(page.totalCount, "totalCount"),
    hasNextPage: boolean(page.hasNextPage, "hasNextPage"),
    endCursor: optionalString(page.endCursor, "endCursor"),
    entries: array(page.entries, "entries").map((item, index) => {
      const e = record(item, `entries[${index}]`);
      return {
        id: string(e.id, "id"),
        at: string(e.at, "at"),
        userId: string(e.userId, "userId"),
        userRole: string(e.userRole, "userRole"),
        operation: oneOf(e.operation, OPERATIONS, "operation"),
        entityKind: oneOf(e.entityKind, ENTITY_KINDS, "entityKind"),
        entityId: string(e.entityId, "entityId"),
        entityName: optionalString(e.entityName, "entityName"),
        changes: parseChanges(e.changes, "changes"),
        erasedFields: array(e.erasedFields, "erasedFields").map((field, i) => string(field, `erasedFields[${i}]`)),
      };
    }),
  };
}
