import { AppError } from "../errors.js";
import type { QueryRunner } from "../neo4j/queries.js";
import { isDatabaseUnavailable } from "../neo4j/status.js";
import { toPlain } from "../neo4j/values.js";
import { readTable, type FileTable } from "./read.js";
import { guessMapping, IMPORT_KINDS, KIND_FIELDS, mappingProblems, type ColumnMapping, type FieldId, type ImportKind } from "./fields.js";
import { ENTITIES, eventKey, planImport, sheetEventKeys, type Entity, type EntityCounts, type ImportPlan, type RowError } from "./plan.js";
import type { TerritorySnapshot } from "./snapshot.js";

/** Larger files are refused before reading: 20 MB holds ~250,000 attendance rows. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
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
  /** True when the plan was written (one transaction); false for a dry run. */
  applied: boolean;
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

  private static read(file: ImportFile): Promise<FileTable> {
    if (file.bytes.length > MAX_IMPORT_BYTES) {
      throw new AppError("FILE_TOO_LARGE", `The file is ${file.bytes.length} bytes; imports take up to ${MAX_IMPORT_BYTES}`, { maxBytes: MAX_IMPORT_BYTES });
    }
    return readTable(file);
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
      rowCount: table.rows.length,
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
  async snapshot(territoryId: string, options: { withEvents?: boolean; attendancesOf?: ReadonlySet<string> } = {}): Promise<TerritorySnapshot> {
    const withEvents = options.withEvents ?? options.attendancesOf !== undefined;
    const [record] = await this.queries.read<Record<string, unknown>>("importSnapshot", { territoryId, withEvents });
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
      const [attendances] = await this.queries.read<Record<string, unknown>>("importAttendances", { eventIds });
      snapshot.attendances = rowsOf(toPlain(attendances?.attendanceRows)).map(([actorId, eventId, volunteerHours]) => ({
        actorId: str(actorId), eventId: str(eventId), volunteerHours: num(volunteerHours) ?? 0,
      }));
    }
    return snapshot;
  }

  /**
   * Plans the file against the territory; with `apply`, writes the plan in one transaction, but
   * only when no row has an error (a file is taken whole or not at all).
   */
  async run(options: { territoryId: string; kind: ImportKind; file: ImportFile; mapping?: ColumnMapping; apply: boolean; today?: string }): Promise<ImportReport> {
    const table = await ImportService.read(options.file);
    const mapping = options.mapping ?? guessMapping(options.kind, table.header);
    const problems = mappingProblems(options.kind, mapping, table.header.length);
    if (problems.length > 0) throw new AppError("BAD_USER_INPUT", "The column mapping cannot be used", { argument: "mapping", problems });
    const snapshot = await this.snapshot(options.territoryId, options.kind === "ATTENDANCE" ? { attendancesOf: sheetEventKeys(table, mapping) } : {});
    const plan = planImport(options.kind, table, mapping, snapshot, options.today ?? new Date().toISOString().slice(0, 10));
    const report = ImportService.report(options.territoryId, plan, false);
    if (!options.apply) return report;
    if (plan.errors.length > 0) throw new AppError("IMPORT_HAS_ERRORS", `${plan.errors.length} rows have errors: nothing was written`, { report });
    const hasWrites = ENTITIES.some((entity) => plan.writes[entity].length > 0);
    if (hasWrites) {
      try {
        await this.queries.writeTransaction(async (tx) => {
          tx.changed(options.territoryId);
          await tx.run("importWrite", { territoryId: options.territoryId, ...plan.writes });
        });
      } catch (error) {
        // One transaction: when the database goes away before it commits, none of the file is written.
        if (isDatabaseUnavailable(error)) {
          throw new AppError("DATABASE_UNAVAILABLE", "The database became unavailable during the import: nothing was written. Try again in a moment.", { nothingWritten: true });
        }
        throw error;
      }
      this.onWrite();
    }
    return { ...report, applied: true };
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
      applied,
    };
  }
}
