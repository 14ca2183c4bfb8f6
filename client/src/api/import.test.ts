import { describe, expect, it } from "vitest";
import { errorFromResponse, ImportRequestError, parseImportPreview, parseImportReport, runParams } from "./import";

const counts = { created: 0, updated: 0, unchanged: 0 };
const report = {
  kind: "STRUCTURES", territoryId: "t", rowCount: 2, applied: false, errorCount: 1,
  counts: { structures: { created: 1, updated: 0, unchanged: 0 }, actors: counts, memberships: counts, workGroups: counts, participations: counts, events: counts, attendances: counts },
  ignored: [{ line: 4, reason: "répète la ligne 3" }],
  errors: [{ line: 3, column: "Secteur", reason: "secteur inconnu : « Sport »" }, { line: 5, column: null, reason: "ligne vide" }],
};

describe("parseImportPreview", () => {
  it("reads the format, the first rows and the guessed columns, leaving out fields without one", () => {
    const preview = parseImportPreview({
      kind: "STRUCTURES", format: "CSV", encoding: "UTF-8", delimiter: ";", header: ["Nom", "Ville"], rowCount: 1,
      sample: [["Maison", "Florac"]], mapping: { name: 0, commune: 1, sector: null },
      fields: [{ id: "name", label: "Nom de la structure", required: true }], problems: [],
    });
    expect(preview).toMatchObject({ format: "CSV", delimiter: ";", sample: [["Maison", "Florac"]], mapping: { name: 0, commune: 1 } });
    expect("sector" in preview.mapping).toBe(false);
  });

  it("rejects an answer that is not a preview", () => {
    expect(() => parseImportPreview({ kind: "STRUCTURES", format: "ODS" })).toThrow(/format/);
  });
});

describe("parseImportReport", () => {
  it("reads the counts of every entity, the ignored rows and the row errors", () => {
    const parsed = parseImportReport(report);
    expect(parsed.counts.structures).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(parsed.errors[1]).toEqual({ line: 5, column: null, reason: "ligne vide" });
    expect(() => parseImportReport({ ...report, counts: { structures: counts } })).toThrow(/actors/);
  });
});

describe("errorFromResponse", () => {
  it("keeps the server's code, explanation, problems, limit and refused report", () => {
    const unreadable = errorFromResponse(400, { error: { code: "UNREADABLE_FILE", message: "x", explanation: "Le fichier est vide." } });
    expect(unreadable).toBeInstanceOf(ImportRequestError);
    expect(unreadable).toMatchObject({ kind: "http", code: "UNREADABLE_FILE", details: { status: 400, explanation: "Le fichier est vide." } });
    expect(errorFromResponse(400, { error: { code: "BAD_USER_INPUT", message: "m", problems: ["Colonne obligatoire manquante : « Commune »."] } }).details.problems)
      .toEqual(["Colonne obligatoire manquante : « Commune »."]);
    expect(errorFromResponse(413, { error: { code: "FILE_TOO_LARGE", message: "m", maxBytes: 1024 } }).details.maxBytes).toBe(1024);
    expect(errorFromResponse(422, { error: { code: "IMPORT_HAS_ERRORS", message: "m", report } }).details.report?.errorCount).toBe(1);
  });

  it("reads a 413 without a JSON body (a proxy's page) as a file too large", () => {
    expect(errorFromResponse(413, null).code).toBe("FILE_TOO_LARGE");
    expect(errorFromResponse(502, "Bad gateway").code).toBe("502");
  });
});

describe("runParams", () => {
  it("sends the mapping as JSON and the mode", () => {
    const params = runParams({ territoryId: "t", kind: "ACTORS", fileName: "a.csv" }, { lastName: 0, firstName: 2 }, "dry-run");
    expect(params.get("mode")).toBe("dry-run");
    expect(JSON.parse(params.get("mapping") ?? "")).toEqual({ lastName: 0, firstName: 2 });
  });
});
