import { describe, expect, it } from "vitest";
import { backupErrorFromResponse, BackupRequestError } from "../../api/backup";
import { ApiError } from "../../api/graphql";
import { describeBackupError } from "./errors";
import { fileSize } from "./texts";
import { progressPercent } from "./progress";

const territories = [{ id: "pays-cevennes", name: "Pays Cévennes" }];
const refused = (body: Record<string, unknown>, status = 400) => describeBackupError(backupErrorFromResponse(status, { error: { message: "x", ...body } }), territories);

describe("describeBackupError", () => {
  it("tells each reason a file is refused, and that nothing was restored", () => {
    expect(refused({ code: "INVALID_BACKUP", reason: "CORRUPTED" }).text).toBe(
      "Le contenu de la sauvegarde ne correspond pas à sa somme de contrôle : le fichier a été modifié ou abîmé depuis la sauvegarde. Rien n'a été restauré.",
    );
    expect(refused({ code: "INVALID_BACKUP", reason: "NOT_A_BACKUP" }).text).toContain("n'est pas une sauvegarde");
    expect(refused({ code: "INVALID_BACKUP", reason: "TRUNCATED" }).text).toContain("incomplète");
    expect(refused({ code: "INVALID_BACKUP", reason: "UNSUPPORTED_VERSION", formatVersion: 2 }).text).toContain("format n° 2");
    expect(refused({ code: "INVALID_BACKUP", reason: "MALFORMED", line: 12 }).text).toContain("ligne 12");
  });

  it("names the territory that already exists, and says so otherwise of nodes taken by another territory", () => {
    expect(refused({ code: "CONFLICT", territoryId: "pays-cevennes" }, 409).text).toMatch(/^Le territoire « Pays Cévennes » existe déjà dans cette base/);
    expect(refused({ code: "CONFLICT", territoryId: "ailleurs" }, 409).text).toMatch(/sous un autre territoire/);
  });

  it("says the size limit in Mo, for the page's own check and for the server's answer", () => {
    expect(describeBackupError(new BackupRequestError("http", "x", "FILE_TOO_LARGE", { maxBytes: 512 * 1024 * 1024 }), []).text).toContain("512 Mo");
    expect(refused({ code: "BAD_USER_INPUT", maxBytes: 512 * 1024 * 1024 }, 413).text).toContain("512 Mo");
  });

  it("asks to sign in again when the session is over, and has French advice for the rest", () => {
    expect(refused({ code: "UNAUTHENTICATED" }, 401).needsSignIn).toBe(true);
    expect(refused({ code: "FORBIDDEN" }, 403).text).toContain("administrateurs");
    expect(describeBackupError(new BackupRequestError("unreachable", "x", undefined), []).text).toMatch(/joindre le serveur/);
    expect(describeBackupError(new ApiError("invalid-response", "x"), []).text).toMatch(/inattendue/);
    expect(describeBackupError(new Error("boom"), []).code).toBe("UNKNOWN");
  });
});

describe("fileSize and progressPercent", () => {
  it("writes sizes in French units", () => {
    expect(fileSize(1)).toBe("1 octet");
    expect(fileSize(2048)).toBe("2 Ko");
    expect(fileSize(31_000_000)).toBe("29,6 Mo");
  });

  it("counts whole percents, none while the total is unknown or the server works", () => {
    expect(progressPercent({ phase: "sending", loaded: 999, total: 1000 })).toBe(99);
    expect(progressPercent({ phase: "receiving", loaded: 10, total: null })).toBeNull();
    expect(progressPercent({ phase: "waiting" })).toBeNull();
  });
});
