/**
 * Duplicates (issue 6) through the database: candidate pairs of a territory's people or structures,
 * with both records to compare, and the merge of one into the other in one write transaction.
 * Administrators, and coordinators of the territory only: names are personal data, so analysts
 * get FORBIDDEN before anything is read.
 */
import { isPlain, optionalText, records, text, texts, type Plain } from "../analytics/values.js";
import { diffRecords, erasePersonalChanges, isEmpty, type AuditRecord, type FieldValue } from "../audit/changes.js";
import { recordChange } from "../audit/trail.js";
import type { Viewer } from "../auth/viewer.js";
import { AppError } from "../errors.js";
import type { QueryRunner, QueryTransaction } from "../neo4j/queries.js";
import { toPlain } from "../neo4j/values.js";
import { findActorDuplicates, findStructureDuplicates, type DuplicatePair } from "./detect.js";
import { formerEmailsAfterMerge } from "./formerEmails.js";
import { planMerge, type MergeCounts, type Properties, type StoredRelationship } from "./mergePlan.js";

export type DuplicateKind = "ACTOR" | "STRUCTURE";

export interface DuplicateLink {
  readonly relation: string;
  readonly targetId: string | null;
  readonly targetName: string | null;
  readonly role: string | null;
  readonly since: string | null;
  readonly until: string | null;
}

export interface DuplicateRecord {
  readonly id: string;
  readonly kind: DuplicateKind;
  readonly name: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly category: string | null;
  readonly profession: string | null;
  readonly structureKind: string | null;
  readonly sector: string | null;
  readonly communeName: string | null;
  readonly links: readonly DuplicateLink[];
  readonly eventCount: number;
}

export interface DuplicateCandidate {
  readonly score: number;
  readonly reasons: readonly string[];
  readonly first: DuplicateRecord;
  readonly second: DuplicateRecord;
}

export interface MergeResult extends MergeCounts {
  readonly kind: DuplicateKind;
  readonly keptId: string;
  readonly mergedId: string;
  /** Properties of the kept node that were empty and now hold the merged node's values. */
  readonly filledProperties: readonly string[];
}

/** Pairs one request may ask for; the cost limit (GRAPHQL_MAX_COST) allows about 50 with both records' links. */
export const MAX_CANDIDATES = 100;

const LABELS: Readonly<Record<DuplicateKind, string>> = { ACTOR: "Actor", STRUCTURE: "Structure" };

/** UNAUTHENTICATED without a viewer; FORBIDDEN unless an administrator or a coordinator of the territory. */
export function assertMayDeduplicate(viewer: Viewer | null, territoryId: string): Viewer {
  if (viewer === null) throw new AppError("UNAUTHENTICATED", "A valid bearer token is required.");
  const covers = viewer.territories === "ALL" || viewer.territories.includes(territoryId);
  if (viewer.role === "ADMIN" || (viewer.role === "COORDINATOR" && covers)) return viewer;
  throw new AppError("FORBIDDEN", `Only administrators and coordinators of territory "${territoryId}" may look for and merge duplicates.`, { territoryId });
}

async function assertTerritoryExists(tx: Pick<QueryTransaction, "run">, territoryId: string): Promise<void> {
  if ((await tx.run("territoryExists", { territoryId })).length === 0) {
    throw new AppError("NOT_FOUND", `No territory with id "${territoryId}"`, { argument: "territoryId" });
  }
}

const rowsOf = (rows: readonly unknown[], what: string): Plain[] => records(rows.map(toPlain), what);

function linkOf(value: unknown): DuplicateLink {
  if (!isPlain(value)) throw new Error("duplicate records: expected link maps");
  return {
    relation: text(value, "relation"),
    targetId: optionalText(value, "targetId"),
    targetName: optionalText(value, "targetName"),
    role: optionalText(value, "role"),
    since: optionalText(value, "since"),
    until: optionalText(value, "until"),
  };
}

function recordOf(kind: DuplicateKind, row: Plain): DuplicateRecord {
  const firstName = optionalText(row, "firstName");
  const lastName = optionalText(row, "lastName");
  const links = Array.isArray(row.links) ? row.links.map(linkOf) : [];
  return {
    id: text(row, "id"),
    kind,
    name: kind === "ACTOR" ? [firstName, lastName].filter((part) => part !== null && part !== "").join(" ") : text(row, "name"),
    firstName,
    lastName,
    email: optionalText(row, "email"),
    phone: optionalText(row, "phone"),
    category: optionalText(row, "category"),
    profession: optionalText(row, "profession"),
    structureKind: kind === "STRUCTURE" ? optionalText(row, "kind") : null,
    sector: optionalText(row, "sector"),
    communeName: optionalText(row, "communeName"),
    links,
    eventCount: typeof row.eventCount === "number" ? row.eventCount : 0,
  };
}

interface MergeNode {
  readonly elementId: string;
  readonly labels: readonly string[];
  readonly properties: Properties;
  readonly territoryIds: readonly string[];
  readonly relationships: readonly StoredRelationship[];
}

const optionalString = (value: unknown): string | null => (typeof value === "string" ? value : null);

/** A node's properties as the audit trail stores them: plain text, numbers, booleans, lists of text. */
function auditRecordOf(properties: Properties): AuditRecord {
  const record: Record<string, FieldValue> = {};
  for (const [key, raw] of Object.entries(properties)) {
    const value = toPlain(raw);
    record[key] =
      value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean"
        ? value
        : Array.isArray(value) ? value.map(String) : JSON.stringify(value);
  }
  return record;
}

/** Reads a node to merge; its properties stay driver values, written back as they are. */
function mergeNodeOf(row: Record<string, unknown>): MergeNode {
  const { elementId, labels, properties, territoryIds, relationships } = row;
  if (typeof elementId !== "string" || !isPlain(properties) || !Array.isArray(relationships)) throw new Error("duplicateMergeNode: unexpected row");
  return {
    elementId,
    labels: texts({ labels: toPlain(labels) }, "labels"),
    properties,
    territoryIds: texts({ territoryIds: toPlain(territoryIds) }, "territoryIds"),
    relationships: relationships.map((item: unknown) => {
      if (!Array.isArray(item) || item.length !== 7) throw new Error("duplicateMergeNode: expected relationship rows of 7 values");
      const [id, type, isOutgoing, otherElementId, relationshipProperties, since, until] = item as unknown[];
      if (typeof id !== "string" || typeof type !== "string" || typeof isOutgoing !== "boolean" || typeof otherElementId !== "string" || !isPlain(relationshipProperties)) {
        throw new Error("duplicateMergeNode: unexpected relationship row");
      }
      return { elementId: id, type, isOutgoing, otherElementId, properties: relationshipProperties, since: optionalString(since), until: optionalString(until) };
    }),
  };
}

export class DuplicateService {
  constructor(
    private readonly queries: QueryRunner,
    /** Drops derived data after a merge (the analytics cache: AnalyticsService.invalidate). */
    private readonly onMerged: () => void = () => undefined,
  ) {}

  /** The `first` likeliest pairs of the territory's people or structures, each with both records. */
  async candidates(viewer: Viewer | null, territoryId: string, kind: DuplicateKind, first: number): Promise<DuplicateCandidate[]> {
    assertMayDeduplicate(viewer, territoryId);
    return this.queries.readTransaction(async (tx) => {
      await assertTerritoryExists(tx, territoryId);
      let pairs: DuplicatePair[];
      if (kind === "ACTOR") {
        const rows = rowsOf(await tx.run("duplicateActors", { territoryId }), "duplicateActors");
        pairs = findActorDuplicates(rows.map((row) => ({
          id: text(row, "id"),
          firstName: optionalText(row, "firstName") ?? "",
          lastName: optionalText(row, "lastName") ?? "",
          email: optionalText(row, "email"),
          phone: optionalText(row, "phone"),
          organisationIds: texts(row, "organisationIds"),
        })));
      } else {
        const rows = rowsOf(await tx.run("duplicateStructures", { territoryId }), "duplicateStructures");
        pairs = findStructureDuplicates(rows.map((row) => ({ id: text(row, "id"), name: optionalText(row, "name") ?? "", communeCode: optionalText(row, "communeCode") })));
      }
      const chosen = pairs.slice(0, first);
      const ids = [...new Set(chosen.flatMap((pair) => [pair.firstId, pair.secondId]))];
      const recordRows = rowsOf(await tx.run(kind === "ACTOR" ? "duplicateActorRecords" : "duplicateStructureRecords", { ids }), "duplicate records");
      const byId = new Map(recordRows.map((row) => [text(row, "id"), recordOf(kind, row)]));
      return chosen.flatMap((pair) => {
        const a = byId.get(pair.firstId);
        const b = byId.get(pair.secondId);
        return a && b ? [{ score: pair.score, reasons: pair.reasons, first: a, second: b }] : [];
      });
    });
  }

  /**
   * Merges `mergeId` into `keepId` (see mergePlan.ts for what happens to each relationship), in one
   * write transaction: NOT_FOUND when either is not a node of this kind on the territory,
   * MERGE_SAME_NODE for one id twice, MERGE_KIND_MISMATCH for an actor and a structure; nothing
   * changes when refused.
   */
  async merge(viewer: Viewer | null, territoryId: string, kind: DuplicateKind, keepId: string, mergeId: string): Promise<MergeResult> {
    const known = assertMayDeduplicate(viewer, territoryId);
    if (keepId === mergeId) throw new AppError("MERGE_SAME_NODE", "A node cannot be merged with itself.", { argument: "mergeId" });
    const result = await this.queries.writeTransaction(async (tx) => {
      tx.changed(territoryId);
      await assertTerritoryExists(tx, territoryId);
      const read = async (id: string, argument: string): Promise<MergeNode> => {
        const [row] = await tx.run("duplicateMergeNode", { id });
        const node = row === undefined ? undefined : mergeNodeOf(row);
        const what = kind === "ACTOR" ? "actor" : "structure";
        if (node === undefined) throw new AppError("NOT_FOUND", `No ${what} with id "${id}" on territory "${territoryId}"`, { argument });
        if (!node.labels.includes(LABELS[kind])) {
          throw new AppError("MERGE_KIND_MISMATCH", `"${id}" is not a ${what}: only two ${what}s can be merged.`, { argument });
        }
        if (!node.territoryIds.includes(territoryId)) throw new AppError("NOT_FOUND", `No ${what} with id "${id}" on territory "${territoryId}"`, { argument });
        return node;
      };
      const kept = await read(keepId, "keepId");
      const merged = await read(mergeId, "mergeId");
      const plan = planMerge({
        keptElementId: kept.elementId,
        mergedElementId: merged.elementId,
        keptProperties: kept.properties,
        mergedProperties: merged.properties,
        keptRelationships: kept.relationships,
        mergedRelationships: merged.relationships,
      });
      // TODO(issue 6): point saved views that show the merged id (positions, focus, selection) at the kept one.
      // A merged person's e-mail lives on in the kept person's `formerEmails` (never copied as a
      // filled field: the union is computed here, and stays out of the audit trail).
      const { formerEmails: _filledFormerEmails, ...fill } = plan.fill;
      const formerEmails = kind === "ACTOR" ? formerEmailsAfterMerge(kept.properties, merged.properties) : [];
      const [applied] = await tx.run("duplicateMergeApply", {
        keptElementId: kept.elementId,
        mergedElementId: merged.elementId,
        fill: formerEmails.length > 0 ? { ...fill, formerEmails } : fill,
        updates: plan.update,
        deletes: plan.delete,
        creates: plan.create,
      });
      if (applied === undefined) throw new Error("duplicateMergeApply: no row");
      // In the audit trail: the kept record's filled fields and the merged record's deletion, each
      // related to the other. A merged person's names and contacts are not copied into the trail:
      // they live on in the kept person, whose entries a GDPR erasure reaches by id.
      const at = new Date();
      const entityName = (node: MergeNode): string | null => (kind === "STRUCTURE" ? optionalString(node.properties.name) : null);
      const filled = auditRecordOf(fill);
      const filledChanges = diffRecords(Object.fromEntries(Object.keys(filled).map((key) => [key, null])), filled);
      if (!isEmpty(filledChanges)) {
        await recordChange(tx, known, { territoryId, operation: "UPDATE", entityKind: kind, entityId: keepId, entityName: entityName(kept), relatedIds: [mergeId], changes: filledChanges }, at);
      }
      const deleted = diffRecords(auditRecordOf(merged.properties), null);
      await recordChange(tx, known, {
        territoryId, operation: "DELETE", entityKind: kind, entityId: mergeId, entityName: entityName(merged), relatedIds: [keepId],
        changes: kind === "ACTOR" ? erasePersonalChanges(deleted).changes : deleted,
      }, at);
      return { kind, keptId: keepId, mergedId: mergeId, ...plan.counts, filledProperties: Object.keys(fill).sort() };
    });
    this.onMerged();
    return result;
  }
}
