/**
 * Writes a backup into a database that does not hold its territory, in ONE write transaction: the
 * nodes, then the relationships, sent in batches inside it. A failure anywhere (the territory or a
 * node identifier already there, a dropped connection) rolls everything back.
 */
import { AppError } from "../errors.js";
import type { QueryRunner } from "../neo4j/queries.js";
import type { TerritoryBackup } from "./format.js";
import { decodeProperties } from "./values.js";

export interface RestoreReport {
  readonly territoryId: string;
  readonly territoryName: string | null;
  readonly nodes: number;
  readonly relationships: number;
  readonly ms: number;
}

export interface RestoreOptions {
  /** Rows per statement inside the transaction (default 5,000). */
  readonly batchSize?: number;
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let offset = 0; offset < items.length; offset += size) out.push(items.slice(offset, offset + size));
  return out;
}

const isConstraintViolation = (error: unknown): boolean =>
  typeof error === "object" && error !== null && (error as { code?: unknown }).code === "Neo.ClientError.Schema.ConstraintValidationFailed";

/** CONFLICT when the territory, or any node with the same unique identifier, is already in the database. */
export async function restoreTerritory(queries: QueryRunner, backup: TerritoryBackup, options: RestoreOptions = {}): Promise<RestoreReport> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 5_000;
  const territoryId = backup.header.territory.id;
  // Decoded before the transaction opens: a bad value never leaves half a territory behind.
  const nodeRows = backup.nodes.map((node) => ({ ref: node.node, labels: node.labels, properties: decodeProperties(node.properties) }));
  const relationshipRows = backup.relationships.map((relationship) => ({
    from: relationship.from,
    to: relationship.to,
    type: relationship.relationship,
    properties: decodeProperties(relationship.properties),
  }));
  try {
    await queries.writeTransaction(async (tx) => {
      tx.changed(territoryId);
      const existing = await tx.run("territoryExists", { territoryId });
      if (existing.length > 0) {
        throw new AppError("CONFLICT", `Territory "${territoryId}" already exists in this database: nothing was restored.`, { territoryId });
      }
      const elementIds = new Map<number, string>();
      for (const batch of batches(nodeRows, batchSize)) {
        const created = await tx.run<{ ref: unknown; elementId: unknown }>("backupCreateNodes", { rows: batch });
        for (const row of created) {
          if (typeof row.elementId !== "string") throw new Error("backupCreateNodes: unexpected row");
          elementIds.set(Number(row.ref), row.elementId);
        }
      }
      if (elementIds.size !== nodeRows.length) throw new Error(`Restored ${elementIds.size} of ${nodeRows.length} nodes`);
      const element = (ref: number): string => {
        const id = elementIds.get(ref);
        if (id === undefined) throw new Error(`No restored node ${ref}`);
        return id;
      };
      let createdRelationships = 0;
      for (const batch of batches(relationshipRows, batchSize)) {
        const rows = batch.map((row) => ({ ...row, from: element(row.from), to: element(row.to) }));
        const [result] = await tx.run<{ created: unknown }>("backupCreateRelationships", { rows });
        createdRelationships += Number(result?.created ?? 0);
      }
      if (createdRelationships !== relationshipRows.length) throw new Error(`Restored ${createdRelationships} of ${relationshipRows.length} relationships`);
    });
  } catch (error) {
    if (isConstraintViolation(error)) {
      throw new AppError("CONFLICT", "A node of the backup (same identifier or code) already exists in this database: nothing was restored.", { territoryId });
    }
    throw error;
  }
  return {
    territoryId,
    territoryName: backup.header.territory.name,
    nodes: nodeRows.length,
    relationships: relationshipRows.length,
    ms: Math.round(performance.now() - started),
  };
}
