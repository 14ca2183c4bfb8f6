/**
 * Start-up migration of imported ids (issue 19): nodes imported before it got ids made of a
 * SHA-256 of an e-mail, a name or a title, which anyone could recompute and link to a person. They
 * get random ids (newImportId), in one transaction with one audit entry each; the old id stays on
 * the node as `formerIds` (so coordinators' spreadsheets naming it still find the record), and the
 * saved views' states and the audit trail's links are rewritten to the new id, and the territories'
 * data versions are bumped in the same transaction (caches built from the old ids are rebuilt).
 */
import { recordChange, type EntityKind } from "../audit/trail.js";
import type { Viewer } from "../auth/viewer.js";
import type { QueryRunner } from "../neo4j/queries.js";
import { toPlain } from "../neo4j/values.js";
import { newImportId } from "./ids.js";

/** Who the audit names for the migration: the server itself. */
export const MIGRATION_VIEWER: Viewer = { subject: "system:imported-id-migration", role: "ADMIN", territories: "ALL" };

const KINDS: Readonly<Record<string, { kind: EntityKind; prefix: string }>> = {
  Actor: { kind: "ACTOR", prefix: "a" },
  Structure: { kind: "STRUCTURE", prefix: "s" },
  WorkGroup: { kind: "WORK_GROUP", prefix: "g" },
  Event: { kind: "EVENT", prefix: "e" },
};

export interface IdMigrationReport {
  readonly nodes: number;
  readonly savedViews: number;
  readonly auditEntries: number;
}

/** `pays-cevennes-imp-a-0123456789ab` → `pays-cevennes`. */
const territoryOf = (id: string): string => id.slice(0, id.lastIndexOf("-imp-"));

/** Gives every imported node with a recomputable id a random one; nothing to do (and nothing written) when none is left. */
export async function migrateImportedIds(queries: QueryRunner, now: Date = new Date()): Promise<IdMigrationReport> {
  return await queries.writeTransaction(async (tx) => {
    const rows = await tx.run<{ id: unknown; label: unknown }>("importedIdsToMigrate", {});
    const renames = rows.flatMap((row) => {
      const oldId = String(row.id);
      const spec = KINDS[String(row.label)];
      return spec === undefined ? [] : [{ oldId, newId: newImportId(territoryOf(oldId), spec.prefix), kind: spec.kind }];
    });
    if (renames.length === 0) return { nodes: 0, savedViews: 0, auditEntries: 0 };
    // Cached networks and coverage name the old ids: every app process must rebuild them.
    tx.changed([...new Set(renames.map(({ oldId }) => territoryOf(oldId)))]);
    const [result] = await tx.run<Record<string, unknown>>("importedIdsRename", { renames: renames.map(({ oldId, newId }) => ({ oldId, newId })) });
    const counts = toPlain(result ?? {}) as Record<string, unknown>;
    for (const { oldId, newId, kind } of renames) {
      await recordChange(
        tx,
        MIGRATION_VIEWER,
        { territoryId: territoryOf(oldId), operation: "UPDATE", entityKind: kind, entityId: newId, entityName: null, relatedIds: [oldId], changes: { id: { before: oldId, after: newId } } },
        now,
      );
    }
    return { nodes: Number(counts.nodes ?? 0), savedViews: Number(counts.views ?? 0), auditEntries: Number(counts.entries ?? 0) };
  });
}
