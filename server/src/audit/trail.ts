/**
 * The audit trail (issue 6): one `(:AuditEntry)` per change made through the editing API, written
 * by `recordChange` inside the transaction of the change, so both commit or neither does. An entry
 * names who made the change by the token's subject and role, never by a name. Administrators read
 * the trail; erasing a person (GDPR) erases the personal content of their entries
 * (`eraseActorFromAudit`, called from the same transaction as the erasure).
 */
import { randomUUID } from "node:crypto";
import { isPlain, optionalText, text, type Plain } from "../analytics/values.js";
import type { Viewer } from "../auth/viewer.js";
import { AppError } from "../errors.js";
import type { QueryRunner, QueryTransaction } from "../neo4j/queries.js";
import { toPlain } from "../neo4j/values.js";
import { erasePersonalChanges, parseChanges, type Changes } from "./changes.js";

export const AUDIT_OPERATIONS = ["CREATE", "UPDATE", "DELETE"] as const;
export type AuditOperation = (typeof AUDIT_OPERATIONS)[number];

export const ENTITY_KINDS = ["STRUCTURE", "ACTOR", "WORK_GROUP", "EVENT", "MEMBERSHIP", "PARTICIPATION", "ATTENDANCE", "TERRITORY", "CONTRACT", "AXIS", "IMPORT"] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

type Runner = Pick<QueryTransaction, "run">;

export interface ChangeToRecord {
  readonly territoryId: string;
  readonly operation: AuditOperation;
  readonly entityKind: EntityKind;
  readonly entityId: string;
  /** The record's name when it is not a person (structure, work group, event title, a membership's organisation, a participation's work group); null for people. */
  readonly entityName: string | null;
  /** Every record involved besides the entity itself (a membership's actor and organisation, a participation's actor and work group). */
  readonly relatedIds: readonly string[];
  readonly changes: Changes;
}

export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly userId: string;
  readonly userRole: string;
  readonly territoryId: string;
  readonly operation: AuditOperation;
  readonly entityKind: EntityKind;
  readonly entityId: string;
  readonly entityName: string | null;
  readonly changes: Changes;
  readonly erasedFields: readonly string[];
}

export interface AuditTrailPage {
  readonly territoryId: string;
  readonly totalCount: number;
  readonly entries: readonly AuditEntry[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

/** The stored fields of an entry that come from the change itself: the entity first among the related ids, the changes as JSON. */
function entryFields(change: Omit<ChangeToRecord, "territoryId">) {
  return {
    entityKind: change.entityKind,
    entityId: change.entityId,
    entityName: change.entityName,
    relatedIds: [change.entityId, ...change.relatedIds.filter((related) => related !== change.entityId)],
    changes: JSON.stringify(change.changes),
  };
}

/** Writes the entry in the caller's transaction; returns its id. */
export async function recordChange(tx: Runner, viewer: Viewer, change: ChangeToRecord, at: Date): Promise<string> {
  const id = randomUUID();
  await tx.run("auditEntryCreate", {
    id,
    at: at.toISOString(),
    userId: viewer.subject,
    userRole: viewer.role,
    territoryId: change.territoryId,
    operation: change.operation,
    ...entryFields(change),
  });
  return id;
}

/** Entries written per statement by recordChanges. */
const BATCH = 2000;

/** Writes many entries in the caller's transaction (an import's records), in batches; returns how many. */
export async function recordChanges(tx: Runner, viewer: Viewer, territoryId: string, changes: readonly Omit<ChangeToRecord, "territoryId">[], at: Date): Promise<number> {
  for (let start = 0; start < changes.length; start += BATCH) {
    const entries = changes.slice(start, start + BATCH).map((change) => ({
      id: randomUUID(),
      operation: change.operation,
      ...entryFields(change),
    }));
    await tx.run("auditEntriesCreate", { at: at.toISOString(), userId: viewer.subject, userRole: viewer.role, territoryId, entries });
  }
  return changes.length;
}

/**
 * Erases the personal content (names, e-mail, phone) of every audit entry about the person, in the
 * caller's transaction (the GDPR erasure's): who changed what and when stays, the values go.
 * Returns how many entries changed.
 */
export async function eraseActorFromAudit(tx: Runner, actorId: string, at: Date = new Date()): Promise<number> {
  const rows = (await tx.run<Plain>("auditEntriesOfActor", { actorId })).map((row) => toPlain(row));
  const entries = rows.flatMap((row) => {
    if (!isPlain(row)) throw new Error("auditEntriesOfActor: unexpected row");
    const before = Array.isArray(row.erasedFields) ? row.erasedFields.filter((field): field is string => typeof field === "string") : [];
    const { changes, erasedFields } = erasePersonalChanges(parseChanges(text(row, "changes")), before);
    return [{ id: text(row, "id"), changes: JSON.stringify(changes), erasedFields }];
  });
  if (entries.length === 0) return 0;
  await tx.run("auditEntryScrub", { entries, erasedAt: at.toISOString() });
  return entries.length;
}

const PAGE_LIMIT = 200;

/** Cursors are opaque to clients: the last entry's time and id. */
export function encodeCursor(at: string, id: string): string {
  return Buffer.from(JSON.stringify([at, id]), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): { at: string; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === "string" && typeof parsed[1] === "string" && !Number.isNaN(Date.parse(parsed[0]))) {
      return { at: parsed[0], id: parsed[1] };
    }
  } catch {
    // Falls through to the same error as a well-formed but wrong cursor.
  }
  throw new AppError("BAD_USER_INPUT", "after is not a cursor of this list", { argument: "after" });
}

function entryRow(value: unknown): AuditEntry {
  const row = toPlain(value);
  if (!isPlain(row)) throw new Error("auditTrail: unexpected row");
  const operation = text(row, "operation");
  const entityKind = text(row, "entityKind");
  if (!(AUDIT_OPERATIONS as readonly string[]).includes(operation) || !(ENTITY_KINDS as readonly string[]).includes(entityKind)) {
    throw new Error(`auditTrail: unknown operation or kind "${operation}" "${entityKind}"`);
  }
  return {
    id: text(row, "id"),
    at: new Date(text(row, "at")).toISOString(),
    userId: text(row, "userId"),
    userRole: text(row, "userRole"),
    territoryId: text(row, "territoryId"),
    operation: operation as AuditOperation,
    entityKind: entityKind as EntityKind,
    entityId: text(row, "entityId"),
    entityName: optionalText(row, "entityName"),
    changes: parseChanges(text(row, "changes")),
    erasedFields: Array.isArray(row.erasedFields) ? row.erasedFields.filter((field): field is string => typeof field === "string") : [],
  };
}

/** Administrators only: coordinators make the changes, the trail is how someone else checks them. */
export function assertCanReadAudit(viewer: Viewer | null): void {
  if (viewer === null) throw new AppError("UNAUTHENTICATED", "A valid bearer token is required.");
  if (viewer.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only administrators may read the audit trail.");
}

export interface TrailRequest {
  readonly territoryId: string;
  readonly first: number;
  readonly after: string | null;
  readonly entityId: string | null;
}

/** A page of the territory's trail, newest first; NOT_FOUND when there is no such territory. */
export async function readAuditTrail(queries: QueryRunner, viewer: Viewer | null, request: TrailRequest): Promise<AuditTrailPage> {
  assertCanReadAudit(viewer);
  if (!Number.isInteger(request.first) || request.first < 1 || request.first > PAGE_LIMIT) {
    throw new AppError("BAD_USER_INPUT", `first must be from 1 to ${PAGE_LIMIT}`, { argument: "first" });
  }
  const cursor = request.after === null ? null : decodeCursor(request.after);
  const { exists, rows, total } = await queries.readTransaction(async (tx) => ({
    exists: (await tx.run("territoryExists", { territoryId: request.territoryId })).length > 0,
    rows: await tx.run<{ entry: unknown }>("auditTrail", {
      territoryId: request.territoryId,
      entityId: request.entityId,
      afterAt: cursor?.at ?? null,
      afterId: cursor?.id ?? null,
      limit: request.first + 1,
    }),
    total: await tx.run<{ total: unknown }>("auditTrailCount", { territoryId: request.territoryId, entityId: request.entityId }),
  }));
  if (!exists) throw new AppError("NOT_FOUND", `No territory with id "${request.territoryId}"`, { argument: "territoryId" });
  const entries = rows.slice(0, request.first).map((row) => entryRow(row.entry));
  const last = entries.at(-1);
  return {
    territoryId: request.territoryId,
    totalCount: Number(toPlain(total[0]?.total ?? 0)),
    entries,
    hasNextPage: rows.length > request.first,
    endCursor: last === undefined ? null : encodeCursor(last.at, last.id),
  };
}
