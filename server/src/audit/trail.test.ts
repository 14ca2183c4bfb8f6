import { describe, expect, it } from "vitest";
import { AppError } from "../errors.js";
import { assertCanReadAudit, decodeCursor, encodeCursor } from "./trail.js";

describe("audit trail cursors", () => {
  it("round-trip the last entry's time and id", () => {
    expect(decodeCursor(encodeCursor("2026-01-02T03:04:05.678Z", "abc"))).toEqual({ at: "2026-01-02T03:04:05.678Z", id: "abc" });
  });

  it("refuse anything else with BAD_USER_INPUT on `after`", () => {
    for (const cursor of ["", "xyz", Buffer.from("[1,2]").toString("base64url"), Buffer.from('["not a date","x"]').toString("base64url")]) {
      expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT", details: { argument: "after" } }) as AppError);
    }
  });
});

describe("assertCanReadAudit", () => {
  it("lets administrators only read the trail", () => {
    expect(() => assertCanReadAudit({ subject: "a", role: "ADMIN", territories: "ALL" })).not.toThrow();
    expect(() => assertCanReadAudit({ subject: "c", role: "COORDINATOR", territories: ["t"] })).toThrow(expect.objectContaining({ code: "FORBIDDEN" }) as AppError);
    expect(() => assertCanReadAudit({ subject: "n", role: "ANALYST", territories: ["t"] })).toThrow(expect.objectContaining({ code: "FORBIDDEN" }) as AppError);
    expect(() => assertCanReadAudit(null)).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }) as AppError);
  });
});
