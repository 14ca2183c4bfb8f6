import type { ColumnMapping, ImportKind, ImportPreview, ImportProgress, ImportReport } from "../../api/import";
import { importTexts } from "./texts";

/**
 * The import dialog's state: kind → file → preview and column mapping → dry run → apply. Pure:
 * the dialog dispatches, the hook runs the requests. A new kind or file starts over; a changed
 * mapping makes the dry run stale, and only a fresh dry run without row errors allows applying.
 */
export type ImportAction = "preview" | "dry-run" | "apply";

export interface ImportFlowState {
  kind: ImportKind | null;
  file: File | null;
  preview: ImportPreview | null;
  mapping: ColumnMapping;
  /** The last dry run, and whether the mapping changed since. */
  report: ImportReport | null;
  isReportStale: boolean;
  /** The applied import's report. */
  result: ImportReport | null;
  busy: { action: ImportAction; progress: ImportProgress } | null;
  failure: { action: ImportAction; error: unknown } | null;
  /** Set when the user cancelled the last request. */
  wasCancelled: boolean;
  /** Counts requests, so that a late answer of an abandoned one is dropped. */
  serial: number;
}

export type ImportFlowEvent =
  | { type: "chooseKind"; kind: ImportKind }
  | { type: "chooseFile"; file: File }
  | { type: "start"; action: ImportAction }
  | { type: "progress"; serial: number; progress: ImportProgress }
  | { type: "previewLoaded"; serial: number; preview: ImportPreview }
  | { type: "setColumn"; field: string; column: number | null }
  | { type: "reportLoaded"; serial: number; report: ImportReport }
  | { type: "failed"; serial: number; error: unknown; report?: ImportReport | null }
  | { type: "cancelled"; serial: number }
  | { type: "dismissFailure" }
  | { type: "reset" };

export const initialImportFlow: ImportFlowState = {
  kind: null,
  file: null,
  preview: null,
  mapping: {},
  report: null,
  isReportStale: false,
  result: null,
  busy: null,
  failure: null,
  wasCancelled: false,
  serial: 0,
};

const fresh = { preview: null, mapping: {}, report: null, isReportStale: false, result: null, busy: null, failure: null, wasCancelled: false } as const;

export function importFlowReducer(state: ImportFlowState, event: ImportFlowEvent): ImportFlowState {
  const isCurrent = "serial" in event && event.serial === state.serial && state.busy !== null;
  switch (event.type) {
    case "chooseKind":
      return event.kind === state.kind ? state : { ...state, ...fresh, kind: event.kind, serial: state.serial + 1 };
    case "chooseFile":
      return { ...state, ...fresh, file: event.file, serial: state.serial + 1 };
    case "start":
      return {
        ...state,
        busy: { action: event.action, progress: { phase: "uploading", loaded: 0, total: state.file?.size ?? 0 } },
        failure: null,
        wasCancelled: false,
        serial: state.serial + 1,
      };
    case "progress":
      return isCurrent && state.busy ? { ...state, busy: { ...state.busy, progress: event.progress } } : state;
    case "previewLoaded":
      if (!isCurrent) return state;
      return { ...state, busy: null, preview: event.preview, mapping: { ...event.preview.mapping }, report: null, isReportStale: false };
    case "setColumn": {
      const { [event.field]: _previous, ...rest } = state.mapping;
      const mapping = event.column === null ? rest : { ...rest, [event.field]: event.column };
      return { ...state, mapping, isReportStale: state.report !== null, failure: null };
    }
    case "reportLoaded":
      if (!isCurrent) return state;
      return event.report.applied
        ? { ...state, busy: null, result: event.report }
        : { ...state, busy: null, report: event.report, isReportStale: false };
    case "failed": {
      if (!isCurrent || !state.busy) return state;
      // An apply refused for row errors brings the report: it replaces the dry run's.
      const report = event.report ?? state.report;
      return { ...state, busy: null, failure: { action: state.busy.action, error: event.error }, report, isReportStale: event.report ? false : state.isReportStale };
    }
    case "cancelled":
      return isCurrent ? { ...state, busy: null, wasCancelled: true } : state;
    case "dismissFailure":
      return { ...state, failure: null, wasCancelled: false };
    case "reset":
      return { ...initialImportFlow, kind: state.kind, serial: state.serial + 1 };
  }
}

/**
 * Why the mapping cannot be used yet: required fields without a column, and for lists of people
 * neither an e-mail nor both names (the server checks the same and stays the judge).
 */
export function mappingProblems(preview: ImportPreview, mapping: ColumnMapping): string[] {
  const problems = preview.fields.filter((field) => field.required && mapping[field.id] === undefined).map((field) => importTexts.missingRequired(field.label));
  const identifiesPeople = preview.kind === "MEMBERSHIPS" || preview.kind === "ATTENDANCE";
  if (identifiesPeople && mapping.email === undefined && (mapping.lastName === undefined || mapping.firstName === undefined)) problems.push(importTexts.personColumns);
  return problems;
}

export function canVerify(state: ImportFlowState): boolean {
  return state.preview !== null && state.file !== null && state.busy === null && state.result === null && mappingProblems(state.preview, state.mapping).length === 0;
}

/** Applying needs a dry run of the current file and mapping with no row error. */
export function canApply(state: ImportFlowState): boolean {
  return state.report !== null && !state.isReportStale && state.report.errorCount === 0 && state.busy === null && state.result === null;
}

/** Percent of the upload, or null while the server works (an indeterminate bar). */
export function progressPercent(progress: ImportProgress): number | null {
  if (progress.phase === "processing") return null;
  if (progress.total <= 0) return 0;
  return Math.min(100, Math.round((progress.loaded / progress.total) * 100));
}
