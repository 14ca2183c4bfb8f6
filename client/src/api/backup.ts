import { ApiError, currentAuthToken } from "./graphql";
import { integer, optionalString, record, string, type Json } from "./parse";

/**
 * The territory backup endpoints (server/src/http/backupRoutes.ts), administrators only: through
 * XMLHttpRequest, because fetch reports no upload progress.
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
  const error = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Json).error : undefined;
  if (typeof error !== "object" || error === null || Array.isArray(error)) {
    // A proxy's own page, or a server without the backup routes.
    return new BackupRequestError("http", `HTTP ${status}`, status === 413 ? "FILE_TOO_LARGE" : String(status), { status });
  }
  const fields = error as Json;
  const code = typeof fields.code === "string" ? fields.code : String(status);
  return new BackupRequestError("http", stringOrNull(fields.message) ?? `HTTP ${status}`, code, {
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
export type BackupProgress = { phase: "sending" | "receiving"; loaded: number; total: number | null } | { phase: "waiting" };

export interface BackupRequestOptions {
  signal?: AbortSignal;
  onProgress?: (progress: BackupProgress) => void;
  token?: string | null;
  baseUrl?: string;
}

function abortError(): DOMException {
  return new DOMException("Sauvegarde annulée", "AbortError");
}

async function errorOf(xhr: XMLHttpRequest): Promise<BackupRequestError> {
  let body: unknown = null;
  try {
    const response: unknown = xhr.response;
    const text = response instanceof Blob ? await response.text() : typeof response === "string" ? response : "";
    body = JSON.parse(text) as unknown;
  } catch {
    body = null;
  }
  return backupErrorFromResponse(xhr.status, body);
}

/** One request with progress; resolves with the XHR once a 2xx answer is complete. */
function send(method: "GET" | "POST", path: string, body: Blob | null, responseType: "blob" | "text", options: BackupRequestOptions): Promise<XMLHttpRequest> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(abortError());
      return;
    }
    const xhr = new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const done = () => options.signal?.removeEventListener("abort", onAbort);
    xhr.open(method, `${options.baseUrl ?? ""}${path}`);
    xhr.responseType = responseType;
    if (body) xhr.setRequestHeader("content-type", "application/x-ndjson");
    const token = options.token === undefined ? currentAuthToken() : options.token;
    if (token) xhr.setRequestHeader("authorization", `Bearer ${token}`);
    if (body) {
      xhr.upload.onprogress = (event) => {
        options.onProgress?.({ phase: "sending", loaded: event.loaded, total: event.lengthComputable ? event.total : body.size });
      };
      xhr.upload.onload = () => options.onProgress?.({ phase: "waiting" });
    }
    xhr.onprogress = (event) => {
      // An error answer is small and comes at once: only a file being received is progress.
      if (xhr.status >= 200 && xhr.status < 300) options.onProgress?.({ phase: "receiving", loaded: event.loaded, total: event.lengthComputable ? event.total : null });
    };
    xhr.onabort = () => {
      done();
      reject(abortError());
    };
    xhr.onerror = () => {
      done();
      reject(new BackupRequestError("unreachable", "Le serveur ne répond pas", undefined));
    };
    xhr.onload = () => {
      done();
      if (xhr.status >= 200 && xhr.status < 300) resolve(xhr);
      else void errorOf(xhr).then(reject);
    };
    options.onProgress?.(body ? { phase: "sending", loaded: 0, total: body.size } : { phase: "waiting" });
    xhr.send(body);
  });
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
  let body: unknown;
  try {
    body = JSON.parse(xhr.responseText) as unknown;
  } catch {
    throw new BackupRequestError("invalid-response", "Réponse non JSON", undefined, { status: xhr.status });
  }
  return parseRestoreReport(body);
}
