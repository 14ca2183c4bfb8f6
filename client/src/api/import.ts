import { ApiError } from "./graphql";
import { array, boolean, integer, oneOf, optionalString, record, string } from "./parse";
import { isSuccess, readJson, refusalOf, transfer, type TransferOptions, type TransferProgress } from "./transfer";

/**
 * The spreadsheet import endpoints (server/src/http/importRoutes.ts): the file travels as the raw
 * request body, with upload progress (./transfer.ts).
 */
export const IMPORT_KINDS = ["STRUCTURES", "ACTORS", "MEMBERSHIPS", "ATTENDANCE"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_ENTITIES = ["structures", "actors", "memberships", "workGroups", "participations", "events", "attendances"] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

/** The server's limit (MAX_IMPORT_BYTES): larger files are refused here, before a useless upload. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Field id → index of the column it is read from; a field without a column is left out. */
export type ColumnMapping = Readonly<Record<string, number>>;

export interface ImportField {
  id: string;
  label: string;
  required: boolean;
}

export interface ImportPreview {
  kind: ImportKind;
  format: "CSV" | "XLSX";
  encoding: string | null;
  delimiter: string | null;
  header: string[];
  rowCount: number;
  sample: string[][];
  mapping: ColumnMapping;
  fields: ImportField[];
  problems: string[];
}

export interface EntityCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface RowError {
  line: number;
  column: string | null;
  reason: string;
}

export interface ImportReport {
  kind: ImportKind;
  territoryId: string;
  rowCount: number;
  counts: Record<ImportEntity, EntityCounts>;
  ignored: { line: number; reason: string }[];
  errorCount: number;
  errors: RowError[];
  /** Rows written but that look wrong (a probable duplicate person); they do not stop an apply. */
  warnings: RowError[];
  applied: boolean;
}

/** What the server said besides its code: the French explanation, the mapping's problems, the refused report. */
export interface ImportErrorDetails {
  status: number | null;
  explanation: string | null;
  problems: string[];
  report: ImportReport | null;
  maxBytes: number | null;
}

/** An import request that failed; `code` is the server's stable code (or the HTTP status). */
export class ImportRequestError extends ApiError {
  readonly details: ImportErrorDetails;

  constructor(kind: ApiError["kind"], message: string, code: string | undefined, details: Partial<ImportErrorDetails> = {}) {
    super(kind, message, code);
    this.name = "ImportRequestError";
    this.details = { status: null, explanation: null, problems: [], report: null, maxBytes: null, ...details };
  }
}

const strings = (value: unknown, path: string): string[] => array(value, path).map((item, i) => string(item, `${path}[${i}]`));

function parseMapping(value: unknown): ColumnMapping {
  const mapping: Record<string, number> = {};
  for (const [field, column] of Object.entries(record(value, "mapping"))) {
    if (column !== null && column !== undefined) mapping[field] = integer(column, `mapping.${field}`);
  }
  return mapping;
}

export function parseImportPreview(body: unknown): ImportPreview {
  const preview = record(body, "preview");
  return {
    kind: oneOf(preview.kind, IMPORT_KINDS, "preview.kind"),
    format: oneOf(preview.format, ["CSV", "XLSX"] as const, "preview.format"),
    encoding: optionalString(preview.encoding, "preview.encoding"),
    delimiter: optionalString(preview.delimiter, "preview.delimiter"),
    header: strings(preview.header, "preview.header"),
    rowCount: integer(preview.rowCount, "preview.rowCount"),
    sample: array(preview.sample, "preview.sample").map((row, i) => strings(row, `preview.sample[${i}]`)),
    mapping: parseMapping(preview.mapping),
    fields: array(preview.fields, "preview.fields").map((item, i) => {
      const field = record(item, `preview.fields[${i}]`);
      return {
        id: string(field.id, `preview.fields[${i}].id`),
        label: string(field.label, `preview.fields[${i}].label`),
        required: boolean(field.required, `preview.fields[${i}].required`),
      };
    }),
    problems: strings(preview.problems, "preview.problems"),
  };
}

function parseCounts(value: unknown, path: string): EntityCounts {
  const counts = record(value, path);
  return {
    created: integer(counts.created, `${path}.created`),
    updated: integer(counts.updated, `${path}.updated`),
    unchanged: integer(counts.unchanged, `${path}.unchanged`),
  };
}

export function parseImportReport(body: unknown): ImportReport {
  const report = record(body, "report");
  const counts = record(report.counts, "report.counts");
  return {
    kind: oneOf(report.kind, IMPORT_KINDS, "report.kind"),
    territoryId: string(report.territoryId, "report.territoryId"),
    rowCount: integer(report.rowCount, "report.rowCount"),
    counts: Object.fromEntries(IMPORT_ENTITIES.map((entity) => [entity, parseCounts(counts[entity], `report.counts.${entity}`)])) as Record<ImportEntity, EntityCounts>,
    ignored: array(report.ignored, "report.ignored").map((item, i) => {
      const row = record(item, `report.ignored[${i}]`);
      return { line: integer(row.line, `report.ignored[${i}].line`), reason: string(row.reason, `report.ignored[${i}].reason`) };
    }),
    errorCount: integer(report.errorCount, "report.errorCount"),
    errors: array(report.errors, "report.errors").map((item, i) => {
      const row = record(item, `report.errors[${i}]`);
      return {
        line: integer(row.line, `report.errors[${i}].line`),
        column: optionalString(row.column, `report.errors[${i}].column`),
        reason: string(row.reason, `report.errors[${i}].reason`),
      };
    }),
    warnings: (report.warnings === undefined ? [] : array(report.warnings, "report.warnings")).map((item, i) => {
      const row = record(item, `report.warnings[${i}]`);
      return {
        line: integer(row.line, `report.warnings[${i}].line`),
        column: optionalString(row.column, `report.warnings[${i}].column`),
        reason: string(row.reason, `report.warnings[${i}].reason`),
      };
    }),
    applied: boolean(report.applied, "report.applied"),
  };
}

/** Turns an answer that is not a 2xx into a typed error, keeping what the server explained. */
export function errorFromResponse(status: number, body: unknown): ImportRequestError {
  const { code, message, fields } = refusalOf(status, body);
  let report: ImportReport | null = null;
  try {
    report = fields.report === undefined ? null : parseImportReport(fields.report);
  } catch {
    report = null;
  }
  return new ImportRequestError("http", message, code, {
    status,
    explanation: typeof fields.explanation === "string" ? fields.explanation : null,
    problems: Array.isArray(fields.problems) ? fields.problems.filter((p): p is string => typeof p === "string") : [],
    report,
    maxBytes: typeof fields.maxBytes === "number" ? fields.maxBytes : null,
  });
}

/** Where a request is: sending the file (bytes known), then waiting for the server's analysis. */
export type ImportProgress = { phase: "uploading"; loaded: number; total: number } | { phase: "processing" };

export interface ImportRequestOptions extends Omit<TransferOptions, "onProgress"> {
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportTarget {
  territoryId: string;
  kind: ImportKind;
  file: File;
}

/** The upload's progress in the import's words; the small JSON answer coming back is not progress. */
function importProgress(onProgress: (progress: ImportProgress) => void): (progress: TransferProgress) => void {
  return (progress) => {
    if (progress.phase === "sending") onProgress({ phase: "uploading", loaded: progress.loaded, total: progress.total });
    else if (progress.phase === "waiting") onProgress({ phase: "processing" });
  };
}

/** Posts the file as the body; resolves with the parsed JSON of a 2xx answer. */
async function postFile(path: string, params: URLSearchParams, file: Blob, options: ImportRequestOptions): Promise<unknown> {
  const xhr = await transfer({
    method: "POST",
    path: `${path}?${params.toString()}`,
    body: file,
    responseType: "text",
    headers: { "content-type": "application/octet-stream", accept: "application/json" },
    abortMessage: "Import annulé",
    unreachable: () => new ImportRequestError("unreachable", "Le serveur ne répond pas", undefined),
  }, { ...options, onProgress: options.onProgress && importProgress(options.onProgress) });
  const body = await readJson(xhr.response);
  if (!isSuccess(xhr)) throw errorFromResponse(xhr.status, body);
  if (body === null) throw new ImportRequestError("invalid-response", "Réponse non JSON", undefined, { status: xhr.status });
  return body;
}

function checkSize(file: Blob): void {
  if (file.size > MAX_IMPORT_BYTES) {
    throw new ImportRequestError("http", "Fichier trop volumineux", "FILE_TOO_LARGE", { status: 413, maxBytes: MAX_IMPORT_BYTES });
  }
}

/** Reads the file on the server: format, encoding, separator, first rows, guessed columns. */
export async function previewImport(target: ImportTarget, options: ImportRequestOptions = {}): Promise<ImportPreview> {
  checkSize(target.file);
  const params = new URLSearchParams({ territoryId: target.territoryId, kind: target.kind, fileName: target.file.name });
  return parseImportPreview(await postFile("/api/import/preview", params, target.file, options));
}

/** The query string of a run: a dry run reports, an apply writes in one transaction (only without row errors). */
export function runParams(target: Omit<ImportTarget, "file"> & { fileName: string }, mapping: ColumnMapping, mode: "dry-run" | "apply"): URLSearchParams {
  return new URLSearchParams({
    territoryId: target.territoryId,
    kind: target.kind,
    fileName: target.fileName,
    mode,
    mapping: JSON.stringify(mapping),
  });
}

export async function runImport(target: ImportTarget, mapping: ColumnMapping, mode: "dry-run" | "apply", options: ImportRequestOptions = {}): Promise<ImportReport> {
  checkSize(target.file);
  const params = runParams({ territoryId: target.territoryId, kind: target.kind, fileName: target.file.name }, mapping, mode);
  return parseImportReport(await postFile("/api/import/run", params, target.file, options));
}
