/**
 * Reads a whole territory (every node that belongs to it, every relationship among them) in one
 * read transaction, so the file is one consistent picture, and writes it as a backup file.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../config.js";
import { AppError } from "../errors.js";
import type { QueryRunner } from "../neo4j/queries.js";
import { serializeBackup, type BackupHeader, type BackupNode, type BackupRelationship } from "./format.js";
import { encodeProperties, type EncodedProperties, type EncodedValue } from "./values.js";

/** The `version` of package.json, recorded in every backup. */
export function maillageVersion(): string {
  const parsed: unknown = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8"));
  const version = typeof parsed === "object" && parsed !== null ? (parsed as { version?: unknown }).version : undefined;
  return typeof version === "string" ? version : "unknown";
}

/** Property keys in a fixed order: Neo4j returns them in the order of its internal key ids, which differ between databases. */
function sortedProperties(properties: EncodedProperties): EncodedProperties {
  return Object.fromEntries(Object.entries(properties).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const keyOf = (value: EncodedValue | undefined): string => (typeof value === "string" ? value : JSON.stringify(value ?? null));

interface ReadNode {
  readonly elementId: string;
  readonly labels: string[];
  readonly properties: EncodedProperties;
  readonly sortKey: string;
}

function readNode(row: Record<string, unknown>): ReadNode {
  const { elementId, labels } = row;
  if (typeof elementId !== "string" || !Array.isArray(labels) || !labels.every((label): label is string => typeof label === "string")) {
    throw new Error("backupTerritoryNodes: unexpected row");
  }
  const properties = sortedProperties(encodeProperties(row.properties));
  const sorted = [...labels].sort();
  // Stable order whatever the database: by label, then identifier (or code), then content.
  const sortKey = [sorted.join(":"), keyOf(properties.id ?? properties.code), JSON.stringify(properties)].join("\u0000");
  return { elementId, labels: sorted, properties, sortKey };
}

export interface TerritoryExport {
  readonly header: BackupHeader;
  /** The backup file's content (NDJSON, see format.ts). */
  readonly text: string;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** NOT_FOUND when there is no such territory. */
export async function exportTerritory(queries: QueryRunner, territoryId: string, now: Date = new Date()): Promise<TerritoryExport> {
  const { nodes, relationships, outside } = await queries.readTransaction(async (tx) => {
    const nodeRows = await tx.run<Record<string, unknown>>("backupTerritoryNodes", { territoryId });
    if (nodeRows.length === 0) throw new AppError("NOT_FOUND", `No territory with id "${territoryId}"`, { argument: "territoryId" });
    const read = nodeRows.map(readNode).sort((a, b) => compare(a.sortKey, b.sortKey));
    const refs = new Map(read.map((node, index) => [node.elementId, index]));
    const relationshipRows = await tx.run<Record<string, unknown>>("backupRelationships", { elementIds: read.map((node) => node.elementId) });
    const found: BackupRelationship[] = [];
    let outsideCount = 0;
    for (const row of relationshipRows) {
      const from = typeof row.from === "string" ? refs.get(row.from) : undefined;
      const incoming = row.incomingFromOutside;
      if (from === undefined || !Array.isArray(row.outgoing)) throw new Error("backupRelationships: unexpected row");
      outsideCount += Number(incoming);
      for (const item of row.outgoing as unknown[]) {
        if (!Array.isArray(item) || typeof item[0] !== "string" || typeof item[1] !== "string") throw new Error("backupRelationships: unexpected relationship");
        const to = refs.get(item[0]);
        if (to === undefined) {
          outsideCount += 1;
          continue;
        }
        found.push({ relationship: item[1], from, to, properties: sortedProperties(encodeProperties(item[2])) });
      }
    }
    return { nodes: read, relationships: found, outside: outsideCount };
  });
  const backupNodes: BackupNode[] = nodes.map((node, index) => ({ node: index, labels: node.labels, properties: node.properties }));
  const lineKey = (r: BackupRelationship): string => JSON.stringify(r.properties);
  relationships.sort((a, b) => a.from - b.from || a.to - b.to || compare(a.relationship, b.relationship) || compare(lineKey(a), lineKey(b)));
  const territoryNode = backupNodes.find((node) => node.labels.includes("Territory"));
  const name = territoryNode?.properties.name;
  const fields = {
    maillageVersion: maillageVersion(),
    territory: { id: territoryId, name: typeof name === "string" ? name : null },
    exportedAt: now.toISOString(),
    relationshipsToOtherTerritories: outside,
  };
  const text = serializeBackup(fields, backupNodes, relationships);
  const header = JSON.parse(text.slice(0, text.indexOf("\n"))) as BackupHeader;
  return { header, text };
}
