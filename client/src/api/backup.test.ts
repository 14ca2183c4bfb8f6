import { describe, expect, it } from "vitest";
import { backupErrorFromResponse, BackupRequestError, fileNameOfDisposition, parseRestoreReport } from "./backup";

describe("backupErrorFromResponse", () => {
  it("keeps the server's code and the details of a refused file", () => {
    const error = backupErrorFromResponse(400, { error: { code: "INVALID_BACKUP", message: "Line 7 is not valid JSON.", reason: "MALFORMED", line: 7 } });
    expect(error).toBeInstanceOf(BackupRequestError);
    expect(error.code).toBe("INVALID_BACKUP");
    expect(error.details).toMatchObject({ status: 400, reason: "MALFORMED", line: 7, territoryId: null });
  });

  it("keeps the territory of a conflict and the limit of a body too large", () => {
    expect(backupErrorFromResponse(409, { error: { code: "CONFLICT", message: "x", territoryId: "vans" } }).details.territoryId).toBe("vans");
    expect(backupErrorFromResponse(413, { error: { code: "BAD_USER_INPUT", message: "x", maxBytes: 1024 } }).details.maxBytes).toBe(1024);
  });

  it("turns an answer without a JSON error into the HTTP status, a proxy's 413 into FILE_TOO_LARGE", () => {
    expect(backupErrorFromResponse(502, null).code).toBe("502");
    expect(backupErrorFromResponse(413, "<html>").code).toBe("FILE_TOO_LARGE");
  });
});

describe("fileNameOfDisposition", () => {
  it("reads the quoted, the plain and the UTF-8 encoded file name", () => {
    expect(fileNameOfDisposition('attachment; filename="maillage-vans-2026-12-02.ndjson"')).toBe("maillage-vans-2026-12-02.ndjson");
    expect(fileNameOfDisposition("attachment; filename=maillage-vans.ndjson")).toBe("maillage-vans.ndjson");
    expect(fileNameOfDisposition("attachment; filename=\"x.ndjson\"; filename*=UTF-8''c%C3%A9vennes.ndjson")).toBe("cévennes.ndjson");
  });

  it("is null without a file name", () => {
    expect(fileNameOfDisposition(null)).toBeNull();
    expect(fileNameOfDisposition("attachment")).toBeNull();
  });
});

describe("parseRestoreReport", () => {
  it("reads what was restored and rejects another shape", () => {
    expect(parseRestoreReport({ territoryId: "vans", territoryName: null, nodes: 3, relationships: 2, ms: 40 })).toEqual({
      territoryId: "vans", territoryName: null, nodes: 3, relationships: 2, ms: 40,
    });
    expect(() => parseRestoreReport({ territoryId: "vans", nodes: "3" })).toThrow(/nodes/);
  });
});
