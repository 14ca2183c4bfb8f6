import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/graphql";
import { errorFromResponse, ImportRequestError } from "../../api/import";
import { describeImportError } from "./errors";
import { columnLetter, importTexts } from "./texts";

describe("describeImportError", () => {
  it("tells an unreadable file with the server's explanation and how to save it again", () => {
    const message = describeImportError(errorFromResponse(400, { error: { code: "UNREADABLE_FILE", message: "x", explanation: "Le fichier est en UTF-16." } }));
    expect(message.text).toContain("Le fichier est en UTF-16.");
    expect(message.text).toContain("CSV UTF-8");
  });

  it("says the size limit in Mo", () => {
    expect(describeImportError(errorFromResponse(413, { error: { code: "FILE_TOO_LARGE", message: "x", maxBytes: 20 * 1024 * 1024 } })).text).toContain("20 Mo");
    expect(describeImportError(errorFromResponse(413, null)).text).toContain("20 Mo");
  });

  it("lists the mapping's problems, and asks to sign in again when the session is over", () => {
    expect(describeImportError(errorFromResponse(400, { error: { code: "BAD_USER_INPUT", message: "x", problems: ["Colonne obligatoire manquante : « Commune »."] } })).details)
      .toEqual(["Colonne obligatoire manquante : « Commune »."]);
    expect(describeImportError(errorFromResponse(401, { error: { code: "UNAUTHENTICATED", message: "x" } })).needsSignIn).toBe(true);
    expect(describeImportError(errorFromResponse(403, { error: { code: "FORBIDDEN", message: "x" } })).text).toMatch(/coordinateurs/);
  });

  it("has French advice for every other failure", () => {
    expect(describeImportError(new ImportRequestError("unreachable", "x", undefined)).text).toMatch(/joindre le serveur/);
    expect(describeImportError(new ApiError("invalid-response", "x")).text).toMatch(/inattendue/);
    expect(describeImportError(errorFromResponse(500, { error: { code: "INTERNAL_SERVER_ERROR", message: "x" } })).text).toMatch(/journal du serveur/);
    expect(describeImportError(new Error("boom")).code).toBe("UNKNOWN");
  });

  it("says that nothing was written when the database stopped", () => {
    const body = { error: { code: "DATABASE_UNAVAILABLE", message: "x", nothingWritten: true } };
    expect(describeImportError(errorFromResponse(503, body)).text).toMatch(/rien n'a été enregistré/);
  });
});

describe("columnLetter", () => {
  it("names columns as spreadsheets do", () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "B", "Z", "AA", "AB", "ZZ", "AAA"]);
  });
});

describe("importTexts.size", () => {
  it("gives a file's size in octets, Ko or Mo", () => {
    expect([0, 900, 1_012_000, 5 * 1024 * 1024 + 200_000].map(importTexts.size)).toEqual(["0 octet", "900 octets", "988 Ko", "5,2 Mo"]);
  });
});
