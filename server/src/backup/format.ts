/**
 * The territory backup file (NDJSON, UTF-8): line 1 is the header; then one line per node, then one
 * per relationship, each ending with "\n". The header carries the counts and the SHA-256 of every
 * line after it, so a truncated or altered file is refused before anything is written.
 */
import { createHash } from "node:crypto";
import { AppError } from "../errors.js";
import { decodeProperties, ValueFormatError, type EncodedProperties } from "./values.js";

export const BACKUP_FORMAT = "maillage-territory-backup";
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupNode {
  /** Index of the node in the file; relationships point at it. */
  readonly node: number;
  readonly labels: readonly string[];
  readonly properties: EncodedProperties;
}

export interface BackupRelationship {
  readonly relationship: string;
  readonly from: number;
  readonly to: number;
  readonly properties: EncodedProperties;
}

export interface BackupCounts {
  readonly nodes: number;
  readonly relationships: number;
  /** Nodes per label (a node with two labels counts in both). */
  readonly labels: Readonly<Record<string, number>>;
  /** Relationships per type. */
  readonly types: Readonly<Record<string, number>>;
}

export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly formatVersion: number;
  readonly maillageVersion: string;
  readonly territory: { readonly id: string; readonly name: string | null };
  readonly exportedAt: string;
  readonly counts: BackupCounts;
  /**
   * Relationships between a node of the territory and a node outside it (e.g. a person who also
   * works on another territory): not in the file, counted here so that nobody is surprised.
   */
  readonly relationshipsToOtherTerritories: number;
  /** Hex SHA-256 of everything after the header line. */
  readonly sha256: string;
}

export interface TerritoryBackup {
  readonly header: BackupHeader;
  readonly nodes: readonly BackupNode[];
  readonly relationships: readonly BackupRelationship[];
}

/** Why a file is refused; `details.reason` of the INVALID_BACKUP error. */
export type InvalidBackupReason = "NOT_A_BACKUP" | "UNSUPPORTED_VERSION" | "TRUNCATED" | "CORRUPTED" | "MALFORMED";

export function invalidBackup(reason: InvalidBackupReason, message: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError("INVALID_BACKUP", message, { reason, ...extra });
}

const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

export function countsOf(nodes: readonly BackupNode[], relationships: readonly BackupRelationship[]): BackupCounts {
  const labels: Record<string, number> = {};
  const types: Record<string, number> = {};
  for (const node of nodes) for (const label of node.labels) labels[label] = (labels[label] ?? 0) + 1;
  for (const relationship of relationships) types[relationship.relationship] = (types[relationship.relationship] ?? 0) + 1;
  const sorted = (record: Record<string, number>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { nodes: nodes.length, relationships: relationships.length, labels: sorted(labels), types: sorted(types) };
}

export type HeaderFields = Omit<BackupHeader, "format" | "formatVersion" | "counts" | "sha256">;

/** The whole file as text. */
export function serializeBackup(fields: HeaderFields, nodes: readonly BackupNode[], relationships: readonly BackupRelationship[]): string {
  const body = [...nodes, ...relationships].map((line) => `${JSON.stringify(line)}\n`).join("");
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    ...fields,
    counts: countsOf(nodes, relationships),
    sha256: sha256(body),
  };
  return `${JSON.stringify(header)}\n${body}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value) && value >= 0;
const isCountMap = (value: unknown): value is Record<string, number> => isRecord(value) && Object.values(value).every(isCount);

/** Labels and relationship types go into Cypher as dynamic names: keep them to plain identifiers. */
const NAME = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

function parseHeader(line: string): BackupHeader {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw invalidBackup("NOT_A_BACKUP", "The file does not start with a Maillage backup header.");
  }
  if (!isRecord(value) || value.format !== BACKUP_FORMAT) throw invalidBackup("NOT_A_BACKUP", "The file is not a Maillage territory backup.");
  if (value.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw invalidBackup("UNSUPPORTED_VERSION", `Backup format version ${String(value.formatVersion)} is not supported (this Maillage reads version ${BACKUP_FORMAT_VERSION}).`, {
      formatVersion: value.formatVersion ?? null,
    });
  }
  const { territory, counts } = value;
  const valid =
    typeof value.maillageVersion === "string" &&
    typeof value.exportedAt === "string" &&
    typeof value.sha256 === "string" &&
    /^[0-9a-f]{64}$/.test(value.sha256) &&
    isCount(value.relationshipsToOtherTerritories) &&
    isRecord(territory) &&
    typeof territory.id === "string" &&
    territory.id !== "" &&
    (territory.name === null || typeof territory.name === "string") &&
    isRecord(counts) &&
    isCount(counts.nodes) &&
    isCount(counts.relationships) &&
    isCountMap(counts.labels) &&
    isCountMap(counts.types);
  if (!valid) throw invalidBackup("MALFORMED", "The backup header is incomplete or malformed.");
  return value as unknown as BackupHeader;
}

function parseLine(line: string, index: number, kind: "node" | "relationship", nodeCount: number): BackupNode | BackupRelationship {
  const where = { line: index + 2 };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw invalidBackup("MALFORMED", `Line ${where.line} of the backup is not valid JSON.`, where);
  }
  if (!isRecord(value)) throw invalidBackup("MALFORMED", `Line ${where.line} of the backup is not an object.`, where);
  try {
    decodeProperties(value.properties, `line ${where.line}`);
  } catch (error) {
    if (error instanceof ValueFormatError) throw invalidBackup("MALFORMED", `Line ${where.line}: ${error.message}.`, where);
    throw error;
  }
  if (kind === "node") {
    const labels = value.labels;
    if (value.node !== index || !Array.isArray(labels) || labels.length === 0 || !labels.every((label) => typeof label === "string" && NAME.test(label))) {
      throw invalidBackup("MALFORMED", `Line ${where.line} is not node ${index} with valid labels.`, where);
    }
    return value as unknown as BackupNode;
  }
  const ref = (v: unknown): boolean => typeof v === "number" && Number.isInteger(v) && v >= 0 && v < nodeCount;
  if (typeof value.relationship !== "string" || !NAME.test(value.relationship) || !ref(value.from) || !ref(value.to)) {
    throw invalidBackup("MALFORMED", `Line ${where.line} is not a relationship between two nodes of the backup.`, where);
  }
  return value as unknown as BackupRelationship;
}

function sameCounts(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/**
 * Checks and reads a backup file. Throws INVALID_BACKUP (with `details.reason`) when the file is
 * not a backup, has another format version, is cut short, was altered, or is malformed.
 */
export function parseBackup(text: string): TerritoryBackup {
  const newline = text.indexOf("\n");
  if (newline < 0) throw invalidBackup(text.trimStart().startsWith("{") ? "TRUNCATED" : "NOT_A_BACKUP", "The backup has no complete header line.");
  const header = parseHeader(text.slice(0, newline));
  const body = text.slice(newline + 1);
  const lines = body === "" ? [] : body.split("\n");
  // Every line ends with "\n": the last element is the empty string after it.
  const complete = lines.length > 0 && lines[lines.length - 1] === "";
  if (complete) lines.pop();
  const expected = header.counts.nodes + header.counts.relationships;
  if (lines.length < expected || (lines.length === expected && !complete && expected > 0)) {
    throw invalidBackup("TRUNCATED", `The backup is cut short: ${lines.length} of ${expected} lines.`, { lines: lines.length, expected });
  }
  if (sha256(body) !== header.sha256) {
    throw invalidBackup("CORRUPTED", "The backup's content does not match its checksum: it was altered or damaged.");
  }
  if (lines.length !== expected) throw invalidBackup("MALFORMED", `The backup holds ${lines.length} lines, its header says ${expected}.`);
  const nodeCount = header.counts.nodes;
  const nodes = lines.slice(0, nodeCount).map((line, index) => parseLine(line, index, "node", nodeCount) as BackupNode);
  const relationships = lines.slice(nodeCount).map((line, index) => parseLine(line, nodeCount + index, "relationship", nodeCount) as BackupRelationship);
  const counts = countsOf(nodes, relationships);
  if (!sameCounts(counts.labels, header.counts.labels) || !sameCounts(counts.types, header.counts.types)) {
    throw invalidBackup("MALFORMED", "The backup's counts per label or type do not match its header.");
  }
  const territories = nodes.filter((node) => node.labels.includes("Territory"));
  if (territories.length !== 1 || territories[0]?.properties.id !== header.territory.id) {
    throw invalidBackup("MALFORMED", `The backup must hold exactly one Territory node, with the header's id "${header.territory.id}".`);
  }
  return { header, nodes, relationships };
}
