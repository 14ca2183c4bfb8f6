import { ApiError } from "./graphql";
import { integer, optionalString, record, string } from "./parse";
import { isSuccess, readJson, refusalOf, transfer, type TransferOptions, type TransferProgress } from "./transfer";

/**
 * The territory backup endpoints (server/src/http/backupRoutes.ts), administrators only, with
 * progress (./transfer.ts).
 *
 *   GET  /api/backups/<territoryId>   the backup file (NDJSON; line 1 is the header)
 *   POST /api/backups                 restores the file sent as the body, in one transaction
 */

/** The `format` of a backup's first line (server/src/backup/format.ts). */
export const BACKUP_FORMAT = "maillage-territory-backup";

/** The server's limit (MAX_BACKUP_BYTES): larger files are refused here, before a useless upload. */
export const MAX_BACKUP_BYTES = 512 * 1024 * 1024;

export interface RestoreReport {
  territoryId: string;
  territoryName: string | null;
  nodes: number;
  relationships: number;
  ms: number;
}

/** What the server said besides its code. */
export interface BackupErrorDetails {
  status: number | null;
  /** Why an INVALID_BACKUP file was refused: NOT_A_BACKUP, UNSUPPORTED_VERSION, TRUNCATED, CORRUPTED, MALFORMED. */
  reason: string | null;
  /** The line of the file a MALFORMED refusal names. */
  line: number | null;
  /** The territory of a CONFLICT. */
  territoryId: string | null;
  formatVersion: number | null;
  maxBytes: number | null;
}

/** A backup request that failed; `code` is the server's stable code (or the HTTP status). */
export class BackupRequestError extends ApiError {
  readonly details: BackupErrorDetails;

  constructor(kind: ApiError["kind"], message: string, code: string | undefined, details: Partial<BackupErrorDetails> = {}) {
    super(kind, message, code);
    this.name = "BackupRequestError";
    this.details = { status: null, reason: null, line: null, territoryId: null, formatVersion: null, maxBytes: null, ...details };
  }
}

const numberOrNull = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);
const stringOrNull = (value: unknown): string | null => (typeof value === "string" ? value : null);

/** Turns an answer that is not a 2xx into a typed error, keeping what the server explained. */
export function backupErrorFromResponse(status: number, body: unknown): BackupRequestError {
  const { code, message, fields } = refusalOf(status, body);
  return new BackupRequestError("http", message, code, {
    status,
    reason: stringOrNull(fields.reason),
    line: numberOrNull(fields.line),
    territoryId: stringOrNull(fields.territoryId),
    formatVersion: numberOrNull(fields.formatVersion),
    maxBytes: numberOrNull(fields.maxBytes),
  });
}

export function parseRestoreReport(body: unknown): RestoreReport {
  const r = record(body, "restore");
  return {
    territoryId: string(r.territoryId, "restore.territoryId"),
    territoryName: optionalString(r.territoryName, "restore.territoryName"),
    nodes: integer(r.nodes, "restore.nodes"),
    relationships: integer(r.relationships, "restore.relationships"),
    ms: integer(r.ms, "restore.ms"),
  };
}

/** `attachment; filename="maillage-x-2026-01-31.ndjson"` → the name; null when there is none. */
export function fileNameOfDisposition(header: string | null): string | null {
  if (!header) return null;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // Falls back to the plain name below.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header);
  const name = (plain?.[1] ?? plain?.[2] ?? "").trim();
  return name === "" ? null : name;
}

/** Where a request is: bytes moving (upload or download), or the server at work. */
export type BackupProgress = TransferProgress;

export type BackupRequestOptions = TransferOptions;

/** One request with progress; resolves with the XHR once a 2xx answer is complete. */
async function send(method: "GET" | "POST", path: string, body: Blob | null, responseType: "blob" | "text", options: BackupRequestOptions): Promise<XMLHttpRequest> {
  const xhr = await transfer({
    method,
    path,
    body,
    responseType,
    headers: body ? { "content-type": "application/x-ndjson" } : {},
    abortMessage: "Sauvegarde annulée",
    unreachable: () => new BackupRequestError("unreachable", "Le serveur ne répond pas", undefined),
  }, options);
  if (!isSuccess(xhr)) throw backupErrorFromResponse(xhr.status, await readJson(xhr.response));
  return xhr;
}

export interface DownloadedBackup {
  blob: Blob;
  fileName: string;
}

/** The backup file of a territory, under the name the server gives it. */
export async function downloadBackup(territoryId: string, options: BackupRequestOptions = {}): Promise<DownloadedBackup> {
  const xhr = await send("GET", `/api/backups/${encodeURIComponent(territoryId)}`, null, "blob", options);
  const response: unknown = xhr.response;
  if (!(response instanceof Blob)) throw new BackupRequestError("invalid-response", "Réponse vide", undefined, { status: xhr.status });
  const fileName = fileNameOfDisposition(xhr.getResponseHeader("content-disposition")) ?? `maillage-${territoryId.replace(/[^A-Za-z0-9_-]/g, "_")}.ndjson`;
  return { blob: response, fileName };
}

/** Restores a backup file into this database (the territory must not be there yet). */
export async function restoreBackup(file: Blob, options: BackupRequestOptions = {}): Promise<RestoreReport> {
  if (file.size > MAX_BACKUP_BYTES) {
    throw new BackupRequestError("http", "Fichier trop volumineux", "FILE_TOO_LARGE", { status: 413, maxBytes: MAX_BACKUP_BYTES });
  }
  const xhr = await send("POST", "/api/backups", file, "text", options);
  const body = await readJson(xhr.response);
  if (body === null) throw new BackupRequestError("invalid-response", "Réponse non JSON", undefined, { status: xhr.status });
  return parseRestoreReport(body);
}
