import { describe, expect, it } from "vitest";
import type { ImportPreview, ImportReport } from "../../api/import";
import { canApply, canVerify, importFlowReducer as reduce, initialImportFlow, mappingProblems, progressPercent, type ImportFlowEvent, type ImportFlowState } from "./importFlow";

const file = new File(["Nom;Commune\nMaison;Florac\n"], "structures.csv");
const preview: ImportPreview = {
  kind: "STRUCTURES", format: "CSV", encoding: "UTF-8", delimiter: ";", header: ["Nom", "Commune"], rowCount: 1,
  sample: [["Maison", "Florac"]], mapping: { name: 0, commune: 1 }, problems: [],
  fields: [{ id: "name", label: "Nom de la structure", required: true }, { id: "commune", label: "Commune", required: true }, { id: "sector", label: "Secteur", required: false }],
};
const zero = { created: 0, updated: 0, unchanged: 0 };
const report = (errorCount: number, applied = false): ImportReport => ({
  kind: "STRUCTURES", territoryId: "t", rowCount: 1, applied, errorCount, ignored: [], errors: [], warnings: [],
  counts: { structures: { created: 1, updated: 0, unchanged: 0 }, actors: zero, memberships: zero, workGroups: zero, participations: zero, events: zero, attendances: zero },
});

function run(...events: ((state: ImportFlowState) => ImportFlowEvent)[]): ImportFlowState {
  return events.reduce((state, event) => reduce(state, event(state)), initialImportFlow);
}
const kind = () => ({ type: "chooseKind", kind: "STRUCTURES" }) as const;
const chooseFile = () => ({ type: "chooseFile", file }) as const;
const start = (action: "preview" | "dry-run" | "apply") => () => ({ type: "start", action }) as const;
const previewed = (s: ImportFlowState) => ({ type: "previewLoaded", serial: s.serial, preview }) as const;
const reported = (r: ImportReport) => (s: ImportFlowState) => ({ type: "reportLoaded", serial: s.serial, report: r }) as const;

describe("importFlowReducer", () => {
  it("takes the guessed mapping from the preview, and verifies only with every required column", () => {
    const state = run(kind, chooseFile, start("preview"), previewed);
    expect(state.mapping).toEqual({ name: 0, commune: 1 });
    expect(canVerify(state)).toBe(true);
    const without = reduce(state, { type: "setColumn", field: "commune", column: null });
    expect(without.mapping).toEqual({ name: 0 });
    expect(canVerify(without)).toBe(false);
    expect(mappingProblems(preview, without.mapping)).toEqual(["Colonne obligatoire manquante : « Commune »."]);
  });

  it("allows applying only after a dry run without errors of the current mapping", () => {
    const verified = run(kind, chooseFile, start("preview"), previewed, start("dry-run"), reported(report(0)));
    expect(canApply(verified)).toBe(true);
    const changed = reduce(verified, { type: "setColumn", field: "sector", column: 1 });
    expect(changed.isReportStale).toBe(true);
    expect(canApply(changed)).toBe(false);
    expect(canApply(run(kind, chooseFile, start("preview"), previewed, start("dry-run"), reported(report(2))))).toBe(false);
  });

  it("keeps an applied import's report as the result", () => {
    const applied = run(kind, chooseFile, start("preview"), previewed, start("dry-run"), reported(report(0)), start("apply"), reported(report(0, true)));
    expect(applied.result?.applied).toBe(true);
    expect(canApply(applied)).toBe(false);
    expect(canVerify(applied)).toBe(false);
  });

  it("drops the answer of a request left behind by a new file", () => {
    const waiting = run(kind, chooseFile, start("preview"));
    const stale = waiting.serial;
    const next = reduce(waiting, { type: "chooseFile", file });
    expect(reduce(next, { type: "previewLoaded", serial: stale, preview })).toBe(next);
    expect(reduce(next, { type: "progress", serial: stale, progress: { phase: "processing" } })).toBe(next);
  });

  it("records a failure with the action, and an apply refused for row errors brings its report", () => {
    const verified = run(kind, chooseFile, start("preview"), previewed, start("dry-run"), reported(report(0)), start("apply"));
    const failed = reduce(verified, { type: "failed", serial: verified.serial, error: new Error("x"), report: report(3) });
    expect(failed.failure?.action).toBe("apply");
    expect(failed.report?.errorCount).toBe(3);
    expect(canApply(failed)).toBe(false);
  });

  it("stops on cancel without a failure, and starts over on a new kind", () => {
    const waiting = run(kind, chooseFile, start("preview"));
    const cancelled = reduce(waiting, { type: "cancelled", serial: waiting.serial });
    expect(cancelled).toMatchObject({ busy: null, failure: null, wasCancelled: true });
    const other = reduce(run(kind, chooseFile, start("preview"), previewed), { type: "chooseKind", kind: "ACTORS" });
    expect(other).toMatchObject({ kind: "ACTORS", preview: null, file });
  });
});

describe("mappingProblems", () => {
  it("asks lists of people for an e-mail or both names", () => {
    const people: ImportPreview = { ...preview, kind: "ATTENDANCE", fields: [] };
    expect(mappingProblems(people, { lastName: 0 })).toHaveLength(1);
    expect(mappingProblems(people, { lastName: 0, firstName: 1 })).toEqual([]);
    expect(mappingProblems(people, { email: 2 })).toEqual([]);
  });
});

describe("progressPercent", () => {
  it("gives the share of bytes sent, then null while the server works", () => {
    expect(progressPercent({ phase: "uploading", loaded: 512, total: 2048 })).toBe(25);
    expect(progressPercent({ phase: "uploading", loaded: 0, total: 0 })).toBe(0);
    expect(progressPercent({ phase: "processing" })).toBeNull();
  });
});
