import { randomUUID } from "node:crypto";
import { recordChanges as writeAuditEntries, recordChange } from "../audit/trail.js";
import type { Viewer } from "../auth/viewer.js";
import { AppError } from "../errors.js";
import type { QueryRunner, QueryTransaction } from "../neo4j/queries.js";
import { isDatabaseUnavailable } from "../neo4j/status.js";
import { toPlain } from "../neo4j/values.js";
import { readTable, type FileTable } from "./read.js";
import { guessMapping, IMPORT_KINDS, KIND_FIELDS, mappingProblems, type ColumnMapping, type FieldId, type ImportKind } from "./fields.js";
import { ENTITIES, eventKey, planImport, sheetEventKeys, type Entity, type EntityCounts, type ImportPlan, type RowError } from "./plan.js";
import type { TerritorySnapshot } from "./snapshot.js";
import { importSummary, recordChanges } from "./audit.js";

/** Larger files are refused before reading: 20 MB holds ~250,000 attendance rows. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const megabytes = (bytes: number): string => new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));

/** FILE_TOO_LARGE in French, naming the size when it is known. */
export function fileTooLarge(size: number | null): AppError {
  const message = `Le fichier${size === null ? "" : ` fait ${megabytes(size)} Mo ; il`} dépasse la taille permise : un import prend des fichiers de ${megabytes(MAX_IMPORT_BYTES)} Mo au plus.`;
  return new AppError("FILE_TOO_LARGE", message, { maxBytes: MAX_IMPORT_BYTES, explanation: message });
}

/** Row errors listed in a report (all are counted). */
export const MAX_LISTED_ERRORS = 500;
const PREVIEW_ROWS = 10;

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportPreview {
  kind: ImportKind;
  format: FileTable["format"];
  encoding: string | null;
  delimiter: string | null;
  header: string[];
  rowCount: number;
  /** The first rows, as read. */
  sample: string[][];
  /** The guessed column of each field, and the kind's fields to choose from. */
  mapping: ColumnMapping;
  fields: { id: FieldId; label: string; required: boolean }[];
  problems: string[];
}

export interface ImportReport {
  kind: ImportKind;
  territoryId: string;
  rowCount: number;
  counts: Record<Entity, EntityCounts>;
  ignored: { line: number; reason: string }[];
  errorCount: number;
  errors: RowError[];
  /** What is written but looks wrong (a probable duplicate person), line by line; never stops an apply. */
  warnings: RowError[];
  /** True when the plan was written (one transaction); false for a dry run. */
  applied: boolean;
  /** The applied import's audit entry (its id names every record it wrote in the trail); null for a dry run or when nothing changed. */
  importId: string | null;
}

export function parseImportKind(value: unknown): ImportKind {
  if (typeof value === "string" && (IMPORT_KINDS as readonly string[]).includes(value)) return value as ImportKind;
  throw new AppError("BAD_USER_INPUT", `kind must be one of ${IMPORT_KINDS.join(", ")}`, { argument: "kind" });
}

/** A mapping sent by a client, `{ "lastName": 0, ... }`: only the kind's fields, integer columns. */
export function parseMapping(kind: ImportKind, value: unknown): ColumnMapping {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new AppError("BAD_USER_INPUT", "mapping must be an object of field → column index", { argument: "mapping" });
  const allowed = new Set<string>(KIND_FIELDS[kind].map((field) => field.id));
  const mapping: ColumnMapping = {};
  for (const [field, column] of Object.entries(value)) {
    if (!allowed.has(field)) throw new AppError("BAD_USER_INPUT", `mapping: ${field} is not a field of ${kind}`, { argument: "mapping" });
    if (column === null) continue;
    if (typeof column !== "number" || !Number.isInteger(column) || column < 0) throw new AppError("BAD_USER_INPUT", `mapping: column of ${field} must be an index ≥ 0`, { argument: "mapping" });
    mapping[field as FieldId] = column;
  }
  return mapping;
}

/** The rows the reader refused (stray bytes) join the plan's errors, in line order, and its row count. */
function withReadErrors(plan: ImportPlan, table: FileTable): ImportPlan {
  if (table.rowErrors.length === 0) return plan;
  return { ...plan, rowCount: plan.rowCount + table.rowErrors.length, errors: [...table.rowErrors, ...plan.errors].sort((a, b) => a.line - b.line) };
}

type Row = unknown[];
const rowsOf = (value: unknown): Row[] => (Array.isArray(value) ? value.filter((row): row is Row => Array.isArray(row) && row[0] !== null) : []);
const str = (value: unknown): string => (typeof value === "string" ? value : String(value ?? ""));
const optional = (value: unknown): string | null => (value === null || value === undefined ? null : str(value));
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(str) : []);
const num = (value: unknown): number | null => (typeof value === "number" ? value : null);

/** Spreadsheet import: read, compare with the territory, report, and write everything in one transaction. */
export class ImportService {
  constructor(
    private readonly queries: QueryRunner,
    private readonly onWrite: () => void = () => undefined,
  ) {}

  /** Refuses a file over the size limit, or without a data row, with a French message. */
  private static async read(file: ImportFile): Promise<FileTable> {
    if (file.bytes.length > MAX_IMPORT_BYTES) throw fileTooLarge(file.bytes.length);
    const table = await readTable(file);
    if (table.rows.length === 0 && table.rowErrors.length === 0) {
      throw new AppError("UNREADABLE_FILE", "Le fichier n'a aucune ligne de données : seule la ligne d'en-tête est présente, rien n'est à importer.", {
        reason: "NO_DATA_ROWS",
        explanation: "Le fichier n'a aucune ligne de données : seule la ligne d'en-tête est présente, rien n'est à importer.",
        line: 2,
      });
    }
    return table;
  }

  async preview(kind: ImportKind, file: ImportFile): Promise<ImportPreview> {
    const table = await ImportService.read(file);
    const mapping = guessMapping(kind, table.header);
    return {
      kind,
      format: table.format,
      encoding: table.encoding,
      delimiter: table.delimiter,
      header: table.header,
      rowCount: table.rows.length + table.rowErrors.length,
      sample: table.rows.slice(0, PREVIEW_ROWS).map((row) => row.cells),
      mapping,
      fields: KIND_FIELDS[kind].map(({ id, label, required }) => ({ id, label, required })),
      problems: mappingProblems(kind, mapping, table.header.length),
    };
  }

  /**
   * The territory as the import compares it; events only `withEvents`, and the attendances of the
   * events whose keys are given (see sheetEventKeys).
   */
  async snapshot(
    territoryId: string,
    options: { withEvents?: boolean; attendancesOf?: ReadonlySet<string> } = {},
    tx: Pick<QueryTransaction, "run"> = { run: (name, parameters) => this.queries.read(name, parameters) },
  ): Promise<TerritorySnapshot> {
    const withEvents = options.withEvents ?? options.attendancesOf !== undefined;
    const [record] = await tx.run<Record<string, unknown>>("importSnapshot", { territoryId, withEvents });
    if (record === undefined) throw new AppError("NOT_FOUND", `No territory with id "${territoryId}"`, { argument: "territoryId" });
    const row = toPlain(record) as Record<string, unknown>;
    const snapshot: TerritorySnapshot = {
      territoryId,
      communes: rowsOf(row.communeRows).map(([code, name]) => ({ code: str(code), name: str(name) })),
      axes: rowsOf(row.axisRows).map(([id, name]) => ({ id: str(id), name: str(name) })),
      organisations: rowsOf(row.organisationRows).map(([id, name, isInstitution, communeCode, sector, kind]) => ({
        id: str(id), name: str(name), isInstitution: isInstitution === true, communeCode: optional(communeCode), sector: optional(sector), kind: optional(kind),
      })),
      actors: rowsOf(row.actorRows).map(([id, firstName, lastName, email, phone, category, profession]) => ({
        id: str(id), firstName: str(firstName), lastName: str(lastName), email: optional(email), phone: optional(phone), category: optional(category), profession: optional(profession),
      })),
      formerEmails: rowsOf(row.actorRows).flatMap(([id, , , , , , , formerEmails]) => strings(formerEmails).map((email) => ({ actorId: str(id), email }))),
      memberships: rowsOf(row.membershipRows).map(([actorId, organisationId, role, since, until]) => ({
        actorId: str(actorId), organisationId: str(organisationId), role: optional(role), since: optional(since), until: optional(until),
      })),
      workGroups: rowsOf(row.workGroupRows).map(([id, name, kind, startedOn, endedOn, axisIds]) => ({
        id: str(id), name: str(name), kind: str(kind), startedOn: str(startedOn), endedOn: optional(endedOn), axisIds: strings(axisIds),
      })),
      participations: rowsOf(row.participationRows).map(([actorId, workGroupId, role, since, until]) => ({
        actorId: str(actorId), workGroupId: str(workGroupId), role: str(role), since: optional(since), until: optional(until),
      })),
      events: rowsOf(row.eventRows).map(([id, title, kind, date, durationHours, communeCode, organiserId, axisIds]) => ({
        id: str(id), title: str(title), kind: str(kind), date: str(date), durationHours: num(durationHours), communeCode: str(communeCode), organiserId: optional(organiserId), axisIds: strings(axisIds),
      })),
      attendances: [],
      idAliases: (await this.queries.read<{ formerId: unknown; id: unknown }>("importIdAliases", { prefix: `${territoryId}-imp-` })).map((alias) => ({
        formerId: str(alias.formerId),
        id: str(alias.id),
      })),
    };
    const keys = options.attendancesOf;
    const eventIds = keys === undefined ? [] : snapshot.events.filter((e) => keys.has(eventKey(e.title, e.date))).map((e) => e.id);
    if (eventIds.length > 0) {
      const [attendances] = await tx.run<Record<string, unknown>>("importAttendances", { eventIds });
      snapshot.attendances = rowsOf(toPlain(attendances?.attendanceRows)).map(([actorId, eventId, volunteerHours]) => ({
        actorId: str(actorId), eventId: str(eventId), volunteerHours: num(volunteerHours) ?? 0,
      }));
    }
    return snapshot;
  }

  /**
   * Plans the file against the territory; with `apply`, plans it again inside one write transaction
   * that writes the plan and its audit entries (the import's, and one per record created or changed,
   * `before` as that transaction read it), but only when no row has an error (a file is taken whole
   * or not at all). `viewer` is who the trail names.
   */
  async run(options: { territoryId: string; kind: ImportKind; file: ImportFile; mapping?: ColumnMapping; apply: boolean; viewer: Viewer; today?: string }): Promise<ImportReport> {
    const table = await ImportService.read(options.file);
    const mapping = options.mapping ?? guessMapping(options.kind, table.header);
    const problems = mappingProblems(options.kind, mapping, table.header.length);
    if (problems.length > 0) throw new AppError("BAD_USER_INPUT", "The column mapping cannot be used", { argument: "mapping", problems });
    const today = options.today ?? new Date().toISOString().slice(0, 10);
    const snapshotOptions = options.kind === "ATTENDANCE" ? { attendancesOf: sheetEventKeys(table, mapping) } : {};
    const plan = withReadErrors(planImport(options.kind, table, mapping, await this.snapshot(options.territoryId, snapshotOptions), today), table);
    const report = ImportService.report(options.territoryId, plan, false);
    if (!options.apply) return report;
    if (plan.errors.length > 0) throw ImportService.hasErrors(report);
    const applied = await this.queries
      .writeTransaction(async (tx) => {
      // Planned again in the transaction that writes: the audit's `before` is what this write replaces.
      const snapshot = await this.snapshot(options.territoryId, snapshotOptions, tx);
      const current = withReadErrors(planImport(options.kind, table, mapping, snapshot, today), table);
      const currentReport = ImportService.report(options.territoryId, current, false);
      if (current.errors.length > 0) throw ImportService.hasErrors(currentReport);
      if (!ENTITIES.some((entity) => current.writes[entity].length > 0)) return { ...currentReport, applied: true, importId: null };
      tx.changed(options.territoryId);
      await tx.run("importWrite", { territoryId: options.territoryId, ...current.writes });
      const importId = randomUUID();
      const at = new Date();
      await recordChange(tx, options.viewer, { territoryId: options.territoryId, ...importSummary(importId, { name: options.file.name, kind: options.kind }, current) }, at);
      await writeAuditEntries(tx, options.viewer, options.territoryId, recordChanges(importId, current, snapshot), at);
      return { ...currentReport, applied: true, importId };
      })
      .catch((error: unknown) => {
        // One transaction: when the database goes away before it commits, none of the file is written.
        if (isDatabaseUnavailable(error)) {
          throw new AppError("DATABASE_UNAVAILABLE", "The database became unavailable during the import: nothing was written. Try again in a moment.", { nothingWritten: true });
        }
        throw error;
      });
    if (applied.importId !== null) this.onWrite();
    return applied;
  }

  /** Nothing is written while a row has an error; the report lists them. */
  private static hasErrors(report: ImportReport): AppError {
    const message = `${report.errorCount} ligne${report.errorCount > 1 ? "s ont" : " a"} des erreurs : rien n'a été écrit. Corrigez ${report.errorCount > 1 ? "ces lignes" : "cette ligne"} puis importez de nouveau le fichier.`;
    return new AppError("IMPORT_HAS_ERRORS", message, { report, explanation: message });
  }

  private static report(territoryId: string, plan: ImportPlan, applied: boolean): ImportReport {
    return {
      kind: plan.kind,
      territoryId,
      rowCount: plan.rowCount,
      counts: plan.counts,
      ignored: plan.ignored,
      errorCount: plan.errors.length,
      errors: plan.errors.slice(0, MAX_LISTED_ERRORS),
      warnings: plan.warnings.slice(0, MAX_LISTED_ERRORS),
      applied,
      importId: null,
    };
  }
}
