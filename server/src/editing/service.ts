/**
 * Editing records from the page (issue 6): structures, actors, work groups, events, memberships
 * and participations.
 * Each operation is one write transaction that checks the references against the territory, takes
 * the record's write lock (editLock.cypher), reads the record as it was, writes it, and records what
 * changed in the audit trail (audit/trail.ts): the change and its audit entry commit together or not
 * at all, and two changes of one record follow each other, so each entry's `before` is what the
 * previous one wrote. Every record carries a version raised by each write; a caller that sends the
 * version it showed (`expectedVersion`) gets CONFLICT (reason STALE_VERSION, with the current values
 * and version) when someone changed the record meanwhile (issue 22). Coordinators of the territory and
 * administrators write; analysts never (FORBIDDEN before anything is read). A record that does not
 * exist, or is not on the territory named by the request, is NOT_FOUND.
 */
import { randomUUID } from "node:crypto";
import { isPlain, type Plain } from "../analytics/values.js";
import { diffRecords, isEmpty, type AuditRecord, type Changes, type FieldValue } from "../audit/changes.js";
import { recordChange, type AuditOperation, type EntityKind } from "../audit/trail.js";
import { assertCanWriteTerritory, type Viewer } from "../auth/viewer.js";
import { AppError } from "../errors.js";
import type { QueryName, QueryRunner, QueryTransaction } from "../neo4j/queries.js";
import { toPlain } from "../neo4j/values.js";
import { invalid, type ActorInput, type EventInput, type MembershipInput, type ParticipationInput, type StructureInput, type WorkGroupInput } from "./input.js";

/** What one editing operation did; `auditEntryId` is null when nothing changed (nothing written). */
export interface EditResult {
  readonly entityKind: EntityKind;
  readonly entityId: string;
  readonly operation: AuditOperation;
  readonly changes: Changes;
  readonly auditEntryId: string | null;
  readonly at: string;
  /** The record's version after the change; null after a deletion. */
  readonly version: number | null;
}

type Tx = Pick<QueryTransaction, "run">;

interface Stored {
  readonly record: AuditRecord;
  /** Read under the record's lock. */
  readonly version: number;
  readonly territoryIds: readonly string[];
  readonly organisedEvents: number;
}

interface References {
  communeCodes?: readonly string[];
  axisIds?: readonly string[];
  organisationIds?: readonly string[];
  organiserIds?: readonly string[];
  workGroupIds?: readonly string[];
  actorIds?: readonly string[];
}

/** Which argument to blame for each kind of reference that is not on the territory. */
type ReferenceArguments = Partial<Record<keyof References, string>>;

function fieldValue(value: unknown, field: string): FieldValue {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value) && value.every((item): item is string => typeof item === "string")) return value;
  throw new Error(`Unexpected value for audited field "${field}"`);
}

function auditRecord(value: unknown, what: string): AuditRecord {
  if (!isPlain(value)) throw new Error(`${what}: expected a record`);
  return Object.fromEntries(Object.entries(value).map(([field, inner]) => [field, fieldValue(inner, field)]));
}

const pick = (record: AuditRecord, fields: readonly string[]): AuditRecord =>
  Object.fromEntries(fields.map((field) => [field, record[field] ?? null]));

const notFound = (kind: string, id: string, argument: string): AppError =>
  new AppError("NOT_FOUND", `No ${kind} with id "${id}" on this territory`, { argument });

/** The lock kinds of editLock.cypher. */
type LockKind = "STRUCTURE" | "ACTOR" | "WORK_GROUP" | "EVENT";

/** CONFLICT when the page showed another version than the stored one; `current` is what is stored now. */
function checkVersion(expected: number | null, version: number, current: AuditRecord | null, argument: string): void {
  if (expected === null || expected === version) return;
  throw new AppError("CONFLICT", `The record was changed by someone else: version ${expected} was shown, version ${version} is stored`, {
    argument,
    reason: "STALE_VERSION",
    currentVersion: version,
    current,
  });
}

const versionOf = (existing: { readonly version: number } | null, expected: number | null, argument: string) => ({ stored: existing?.version ?? 0, expected, argument });

const newId = (territoryId: string, letter: string): string => `${territoryId}-${letter}-${randomUUID().slice(0, 8)}`;

/**
 * A dated relationship from an actor, edited and audited as one record: a membership of a structure
 * or institution, or a participation in a work group. Its id is `<actorId>><targetId>`; its name in
 * the trail is the target's (never the person's).
 */
interface Link {
  readonly entityKind: "MEMBERSHIP" | "PARTICIPATION";
  readonly queries: { readonly read: QueryName; readonly write: QueryName; readonly remove: QueryName };
  readonly actorId: string;
  readonly targetId: string;
  /** The parameters naming both ends in the link's queries. */
  readonly ends: Readonly<Record<string, string>>;
  /** What to call the link in a NOT_FOUND message. */
  readonly what: string;
}

/** The audited fields of a link. */
interface LinkFields {
  /** The link's version the page showed; null skips the check. */
  readonly expectedVersion: number | null;
  readonly role: string | null;
  readonly since: string | null;
  readonly until: string | null;
}

const LINK_FIELDS = ["role", "since", "until"] as const;

const membershipLink = (actorId: string, organisationId: string): Link => ({
  entityKind: "MEMBERSHIP",
  queries: { read: "editMembershipRead", write: "editMembershipWrite", remove: "editMembershipDelete" },
  actorId,
  targetId: organisationId,
  ends: { actorId, organisationId },
  what: `membership of "${actorId}" in "${organisationId}"`,
});

const participationLink = (actorId: string, workGroupId: string): Link => ({
  entityKind: "PARTICIPATION",
  queries: { read: "editParticipationRead", write: "editParticipationWrite", remove: "editParticipationDelete" },
  actorId,
  targetId: workGroupId,
  ends: { actorId, workGroupId },
  what: `participation of "${actorId}" in "${workGroupId}"`,
});

export class EditingService {
  constructor(
    private readonly queries: QueryRunner,
    /** Drops derived data after a change (the analytics cache: AnalyticsService.invalidate). */
    private readonly onChanged: (territoryId: string) => void = () => undefined,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Runs `work` in one write transaction after the role check, then tells `onChanged`. */
  private async edit(viewer: Viewer | null, territoryId: string, work: (tx: Tx, viewer: Viewer, at: Date) => Promise<EditResult>): Promise<EditResult> {
    assertCanWriteTerritory(viewer, territoryId);
    const known = viewer as Viewer;
    const result = await this.queries.writeTransaction((tx) => {
      tx.changed(territoryId);
      return work(tx, known, this.now());
    });
    if (result.auditEntryId !== null) this.onChanged(territoryId);
    return result;
  }

  /** NOT_FOUND without the territory; BAD_USER_INPUT (NOT_IN_TERRITORY) for a reference off it. */
  private async checkReferences(tx: Tx, territoryId: string, references: References, blame: ReferenceArguments): Promise<void> {
    const asked = {
      communeCodes: references.communeCodes ?? [],
      axisIds: references.axisIds ?? [],
      organisationIds: references.organisationIds ?? [],
      organiserIds: references.organiserIds ?? [],
      workGroupIds: references.workGroupIds ?? [],
      actorIds: references.actorIds ?? [],
    };
    const [row] = await tx.run<Plain>("editReferences", { territoryId, ...asked });
    if (row === undefined) throw new AppError("NOT_FOUND", `No territory with id "${territoryId}"`, { argument: "input.territoryId" });
    for (const [key, ids] of Object.entries(asked) as [keyof References, readonly string[]][]) {
      const valid = new Set(toPlain(row[key]) as unknown[]);
      const missing = ids.find((value) => !valid.has(value));
      if (missing !== undefined) {
        throw invalid(blame[key] ?? `input.${key}`, "NOT_IN_TERRITORY", `"${missing}" does not exist on territory "${territoryId}"`);
      }
    }
  }

  /**
   * The record as stored, read under its write lock (taken first, held until the transaction ends),
   * or NOT_FOUND when it does not exist or is not on the territory.
   */
  private async stored(tx: Tx, lock: LockKind, query: QueryName, id: string, territoryId: string, kind: string, argument: string): Promise<Stored> {
    const [locked] = await tx.run<Plain>("editLock", { kind: lock, id });
    if (locked === undefined) throw notFound(kind, id, argument);
    const version = Number(toPlain(locked.version));
    const [row] = await tx.run<Plain>(query, { id });
    const plain = row === undefined ? undefined : toPlain(row);
    if (plain === undefined) throw notFound(kind, id, argument);
    if (!isPlain(plain) || !Array.isArray(plain.territoryIds)) throw new Error(`${query}: unexpected row`);
    if (!plain.territoryIds.includes(territoryId)) throw notFound(kind, id, argument);
    return {
      record: auditRecord(plain.record, query),
      version,
      territoryIds: plain.territoryIds.filter((value): value is string => typeof value === "string"),
      organisedEvents: Number(plain.organisedEvents ?? 0),
    };
  }

  /** Writes the change (unless nothing changed) and its audit entry; the caller's transaction holds both. */
  private async apply(
    tx: Tx,
    viewer: Viewer,
    at: Date,
    entry: { territoryId: string; entityKind: EntityKind; entityId: string; entityName: string | null; relatedIds?: readonly string[] },
    before: AuditRecord | null,
    after: AuditRecord | null,
    version: { readonly stored: number; readonly expected: number | null; readonly argument: string },
    write: () => Promise<void>,
  ): Promise<EditResult> {
    checkVersion(version.expected, version.stored, before, version.argument);
    const operation: AuditOperation = before === null ? "CREATE" : after === null ? "DELETE" : "UPDATE";
    const changes = diffRecords(before, after);
    const base = { entityKind: entry.entityKind, entityId: entry.entityId, operation, changes, at: at.toISOString() };
    if (operation === "UPDATE" && isEmpty(changes)) return { ...base, auditEntryId: null, version: version.stored };
    await write();
    const auditEntryId = await recordChange(tx, viewer, { ...entry, relatedIds: entry.relatedIds ?? [], operation, changes }, at);
    return { ...base, auditEntryId, version: after === null ? null : version.stored + 1 };
  }

  saveStructure(viewer: Viewer | null, input: StructureInput): Promise<EditResult> {
    return this.edit(viewer, input.territoryId, async (tx, known, at) => {
      await this.checkReferences(tx, input.territoryId, { communeCodes: [input.communeCode] }, { communeCodes: "input.communeCode" });
      const existing = input.id === null ? null : await this.stored(tx, "STRUCTURE", "editStructureRead", input.id, input.territoryId, "structure", "input.id");
      const id = input.id ?? newId(input.territoryId, "s");
      const after = { name: input.name, sector: input.sector, kind: input.kind, communeCode: input.communeCode };
      const before = existing === null ? null : pick(existing.record, Object.keys(after));
      return this.apply(tx, known, at, { territoryId: input.territoryId, entityKind: "STRUCTURE", entityId: id, entityName: input.name }, before, after, versionOf(existing, input.expectedVersion, "input.expectedVersion"), async () => {
        await tx.run("editStructureWrite", { id, ...after });
      });
    });
  }

  /** CONFLICT while events name the structure as their organiser: they would lose it. */
  deleteStructure(viewer: Viewer | null, territoryId: string, id: string, expectedVersion: number | null = null): Promise<EditResult> {
    return this.edit(viewer, territoryId, async (tx, known, at) => {
      const existing = await this.stored(tx, "STRUCTURE", "editStructureRead", id, territoryId, "structure", "id");
      if (existing.organisedEvents > 0) {
        throw new AppError("CONFLICT", `The structure organised ${existing.organisedEvents} events: change their organiser or delete them first`, { argument: "id", reason: "HAS_EVENTS", count: existing.organisedEvents });
      }
      const name = typeof existing.record.name === "string" ? existing.record.name : null;
      return this.apply(tx, known, at, { territoryId, entityKind: "STRUCTURE", entityId: id, entityName: name }, existing.record, null, versionOf(existing, expectedVersion, "expectedVersion"), async () => {
        await tx.run("editStructureDelete", { id });
      });
    });
  }

  /** A new actor comes with a first membership of a structure or institution of the territory (two audit entries). */
  saveActor(viewer: Viewer | null, input: ActorInput): Promise<EditResult> {
    return this.edit(viewer, input.territoryId, async (tx, known, at) => {
      const membership = input.membership;
      if (membership !== null) {
        await this.checkReferences(tx, input.territoryId, { organisationIds: [membership.organisationId] }, { organisationIds: "input.membership.organisationId" });
      } else if (input.id === null) {
        throw invalid("input.membership.organisationId", "REQUIRED", "A new actor needs a structure or an institution");
      }
      const existing = input.id === null ? null : await this.stored(tx, "ACTOR", "editActorRead", input.id, input.territoryId, "actor", "input.id");
      const id = input.id ?? newId(input.territoryId, "a");
      const after = { firstName: input.firstName, lastName: input.lastName, email: input.email, phone: input.phone, category: input.category, profession: input.profession };
      const before = existing === null ? null : pick(existing.record, Object.keys(after));
      const result = await this.apply(tx, known, at, { territoryId: input.territoryId, entityKind: "ACTOR", entityId: id, entityName: null }, before, after, versionOf(existing, input.expectedVersion, "input.expectedVersion"), async () => {
        await tx.run("editActorWrite", { id, ...after });
      });
      if (existing === null && membership !== null) await this.writeMembership(tx, known, at, { ...membership, territoryId: input.territoryId, actorId: id, expectedVersion: null });
      return result;
    });
  }

  deleteActor(viewer: Viewer | null, territoryId: string, id: string, expectedVersion: number | null = null): Promise<EditResult> {
    return this.edit(viewer, territoryId, async (tx, known, at) => {
      const existing = await this.stored(tx, "ACTOR", "editActorRead", id, territoryId, "actor", "id");
      return this.apply(tx, known, at, { territoryId, entityKind: "ACTOR", entityId: id, entityName: null }, existing.record, null, versionOf(existing, expectedVersion, "expectedVersion"), async () => {
        await tx.run("editActorDelete", { id });
      });
    });
  }

  /**
   * The link as stored (null when there is none), its version and its audit entry's identity, read
   * under the person's write lock (changes of one person's links follow each other); NOT_FOUND
   * without either end.
   */
  private async readLink(tx: Tx, territoryId: string, link: Link) {
    await tx.run("editLock", { kind: "ACTOR", id: link.actorId });
    const [row] = await tx.run<Plain>(link.queries.read, link.ends);
    const plain = row === undefined ? undefined : toPlain(row);
    if (!isPlain(plain)) throw notFound("actor", link.actorId, "input.actorId");
    const entry = {
      territoryId,
      entityKind: link.entityKind,
      entityId: `${link.actorId}>${link.targetId}`,
      entityName: typeof plain.targetName === "string" ? plain.targetName : null,
      relatedIds: [link.actorId, link.targetId],
    };
    const record = plain.record === null ? null : pick(auditRecord(plain.record, link.queries.read), LINK_FIELDS);
    return { record, entry, version: Number(plain.version ?? 0) };
  }

  /** Creates or changes the link with its audit entry; the ends are already checked against the territory. */
  private async writeLink(tx: Tx, viewer: Viewer, at: Date, territoryId: string, link: Link, fields: LinkFields): Promise<EditResult> {
    const { record, entry, version } = await this.readLink(tx, territoryId, link);
    const after = { role: fields.role, since: fields.since, until: fields.until };
    return this.apply(tx, viewer, at, entry, record, after, versionOf({ version }, fields.expectedVersion, "input.expectedVersion"), async () => {
      await tx.run(link.queries.write, { ...link.ends, ...after });
    });
  }

  /** Deletes the link with its audit entry; NOT_FOUND when there is none. */
  private async removeLink(tx: Tx, viewer: Viewer, at: Date, territoryId: string, link: Link, expectedVersion: number | null): Promise<EditResult> {
    const { record, entry, version } = await this.readLink(tx, territoryId, link);
    if (record === null) throw new AppError("NOT_FOUND", `No ${link.what}`, { argument: "actorId" });
    return this.apply(tx, viewer, at, entry, record, null, versionOf({ version }, expectedVersion, "expectedVersion"), async () => {
      await tx.run(link.queries.remove, link.ends);
    });
  }

  private writeMembership(tx: Tx, viewer: Viewer, at: Date, input: MembershipInput): Promise<EditResult> {
    return this.writeLink(tx, viewer, at, input.territoryId, membershipLink(input.actorId, input.organisationId), input);
  }

  /** Adds or changes a membership; the actor and the organisation must both be on the territory. */
  saveMembership(viewer: Viewer | null, input: MembershipInput): Promise<EditResult> {
    return this.edit(viewer, input.territoryId, async (tx, known, at) => {
      await this.checkReferences(tx, input.territoryId, { organisationIds: [input.organisationId], actorIds: [input.actorId] }, { organisationIds: "input.organisationId", actorIds: "input.actorId" });
      return this.writeMembership(tx, known, at, input);
    });
  }

  deleteMembership(viewer: Viewer | null, territoryId: string, actorId: string, organisationId: string, expectedVersion: number | null = null): Promise<EditResult> {
    return this.edit(viewer, territoryId, async (tx, known, at) => {
      await this.checkReferences(tx, territoryId, { organisationIds: [organisationId] }, { organisationIds: "organisationId" });
      return this.removeLink(tx, known, at, territoryId, membershipLink(actorId, organisationId), expectedVersion);
    });
  }

  /** Adds or changes a participation; the actor and the work group must both be on the territory. */
  saveParticipation(viewer: Viewer | null, input: ParticipationInput): Promise<EditResult> {
    return this.edit(viewer, input.territoryId, async (tx, known, at) => {
      await this.checkReferences(tx, input.territoryId, { workGroupIds: [input.workGroupId], actorIds: [input.actorId] }, { workGroupIds: "input.workGroupId", actorIds: "input.actorId" });
      return this.writeLink(tx, known, at, input.territoryId, participationLink(input.actorId, input.workGroupId), input);
    });
  }

  deleteParticipation(viewer: Viewer | null, territoryId: string, actorId: string, workGroupId: string, expectedVersion: number | null = null): Promise<EditResult> {
    return this.edit(viewer, territoryId, async (tx, known, at) => {
      await this.checkReferences(tx, territoryId, { workGroupIds: [workGroupId] }, { workGroupIds: "workGroupId" });
      return this.removeLink(tx, known, at, territoryId, participationLink(actorId, workGroupId), expectedVersion);
    });
  }

  saveWorkGroup(viewer: Viewer | null, input: WorkGroupInput): Promise<EditResult> {
    return this.edit(viewer, input.territoryId, async (tx, known, at) => {
      await this.checkReferences(tx, input.territoryId, { axisIds: input.axisIds }, { axisIds: "input.axisIds" });
      const existing = input.id === null ? null : await this.stored(tx, "WORK_GROUP", "editWorkGroupRead", input.id, input.territoryId, "work group", "input.id");
      const id = input.id ?? newId(input.territoryId, "g");
      const after = { name: input.name, kind: input.kind, startedOn: input.startedOn, endedOn: input.endedOn, axisIds: input.axisIds };
      const before = existing === null ? null : pick(existing.record, Object.keys(after));
      return this.apply(tx, known, at, { territoryId: input.territoryId, entityKind: "WORK_GROUP", entityId: id, entityName: input.name }, before, after, versionOf(existing, input.expectedVersion, "input.expectedVersion"), async () => {
        await tx.run("editWorkGroupWrite", { id, territoryId: input.territoryId, ...after });
      });
    });
  }

  /** CONFLICT while events name the work group as their organiser. */
  deleteWorkGroup(viewer: Viewer | null, territoryId: string, id: string, expectedVersion: number | null = null): Promise<EditResult> {
    return this.edit(viewer, territoryId, async (tx, known, at) => {
      const existing = await this.stored(tx, "WORK_GROUP", "editWorkGroupRead", id, territoryId, "work group", "id");
      if (existing.organisedEvents > 0) {
        throw new AppError("CONFLICT", `The work group organised ${existing.organisedEvents} events: change their organiser or delete them first`, { argument: "id", reason: "HAS_EVENTS", count: existing.organisedEvents });
      }
      const name = typeof existing.record.name === "string" ? existing.record.name : null;
      return this.apply(tx, known, at, { territoryId, entityKind: "WORK_GROUP", entityId: id, entityName: name }, existing.record, null, versionOf(existing, expectedVersion, "expectedVersion"), async () => {
        await tx.run("editWorkGroupDelete", { id });
      });
    });
  }

  saveEvent(viewer: Viewer | null, input: EventInput): Promise<EditResult> {
    return this.edit(viewer, input.territoryId, async (tx, known, at) => {
      await this.checkReferences(
        tx,
        input.territoryId,
        { communeCodes: [input.communeCode], axisIds: input.axisIds, organiserIds: [input.organiserId] },
        { communeCodes: "input.communeCode", axisIds: "input.axisIds", organiserIds: "input.organiserId" },
      );
      const existing = input.id === null ? null : await this.stored(tx, "EVENT", "editEventRead", input.id, input.territoryId, "event", "input.id");
      const id = input.id ?? newId(input.territoryId, "e");
      const after = {
        title: input.title,
        kind: input.kind,
        date: input.date,
        durationHours: input.durationHours,
        communeCode: input.communeCode,
        organiserId: input.organiserId,
        axisIds: input.axisIds,
      };
      const before = existing === null ? null : pick(existing.record, Object.keys(after));
      const entry = { territoryId: input.territoryId, entityKind: "EVENT" as const, entityId: id, entityName: input.title, relatedIds: [input.organiserId] };
      return this.apply(tx, known, at, entry, before, after, versionOf(existing, input.expectedVersion, "input.expectedVersion"), async () => {
        await tx.run("editEventWrite", { id, ...after });
      });
    });
  }

  deleteEvent(viewer: Viewer | null, territoryId: string, id: string, expectedVersion: number | null = null): Promise<EditResult> {
    return this.edit(viewer, territoryId, async (tx, known, at) => {
      const existing = await this.stored(tx, "EVENT", "editEventRead", id, territoryId, "event", "id");
      const title = typeof existing.record.title === "string" ? existing.record.title : null;
      const organiser = typeof existing.record.organiserId === "string" ? [existing.record.organiserId] : [];
      return this.apply(tx, known, at, { territoryId, entityKind: "EVENT", entityId: id, entityName: title, relatedIds: organiser }, existing.record, null, versionOf(existing, expectedVersion, "expectedVersion"), async () => {
        await tx.run("editEventDelete", { id });
      });
    });
  }
}
