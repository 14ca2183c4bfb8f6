import { describe, expect, it } from "vitest";
import { readJson, refusalOf } from "./transfer";

describe("readJson", () => {
  it("reads a text or a blob answer as JSON", async () => {
    expect(await readJson('{"error":{"code":"CONFLICT"}}')).toEqual({ error: { code: "CONFLICT" } });
    expect(await readJson(new Blob(['{"nodes":3}'], { type: "application/json" }))).toEqual({ nodes: 3 });
  });

  it("is null for an answer that is not JSON, empty or missing", async () => {
    expect(await readJson("<html>Bad gateway</html>")).toBeNull();
    expect(await readJson(new Blob(["{ cut"]))).toBeNull();
    expect(await readJson("")).toBeNull();
    expect(await readJson(null)).toBeNull();
  });
});

describe("refusalOf", () => {
  it("keeps the server's code, message and other fields", () => {
    expect(refusalOf(400, { error: { code: "INVALID_BACKUP", message: "Line 7", line: 7 } })).toEqual({
      code: "INVALID_BACKUP", message: "Line 7", fields: { code: "INVALID_BACKUP", message: "Line 7", line: 7 },
    });
  });

  it("falls back to the HTTP status for a missing code or message", () => {
    expect(refusalOf(409, { error: { territoryId: "vans" } })).toMatchObject({ code: "409", message: "HTTP 409", fields: { territoryId: "vans" } });
  });

  it("reads an answer without a JSON error as its status, a proxy's 413 as FILE_TOO_LARGE, with no fields", () => {
    expect(refusalOf(502, "Bad gateway")).toEqual({ code: "502", message: "HTTP 502", fields: {} });
    expect(refusalOf(413, null)).toEqual({ code: "FILE_TOO_LARGE", message: "HTTP 413", fields: {} });
    expect(refusalOf(500, { error: ["x"] }).code).toBe("500");
  });
});
