import { BackupRequestError, MAX_BACKUP_BYTES } from "../../api/backup";
import { ApiError } from "../../api/graphql";
import { backupTexts, megabytes } from "./texts";

const t = backupTexts.errors;

/** A failed backup or restore told in French. */
export interface BackupErrorMessage {
  code: string;
  text: string;
  needsSignIn: boolean;
}

/**
 * `territories` are those the page knows: a CONFLICT on one of them is "the territory already
 * exists", otherwise some of the file's nodes (communes, EPCI...) belong to another territory.
 */
export function describeBackupError(error: unknown, territories: readonly { id: string; name: string }[]): BackupErrorMessage {
  if (!(error instanceof ApiError)) return { code: "UNKNOWN", text: t.other, needsSignIn: false };
  const details = error instanceof BackupRequestError ? error.details : null;
  const code = error.code ?? error.kind;
  const message = (text: string): BackupErrorMessage => ({ code, text, needsSignIn: false });
  if (error.kind === "unreachable") return message(t.unreachable);
  if (error.kind === "invalid-response") return message(t.invalid);
  switch (error.code) {
    case "INVALID_BACKUP":
      return message(`${invalidBackupText(details?.reason ?? null, details)} ${t.nothingRestored}`);
    case "CONFLICT": {
      const existing = territories.find((territory) => territory.id === details?.territoryId);
      return message(existing ? t.TERRITORY_EXISTS(existing.name) : t.DATA_EXISTS);
    }
    case "FILE_TOO_LARGE":
      return message(t.FILE_TOO_LARGE(megabytes(details?.maxBytes ?? MAX_BACKUP_BYTES)));
    case "BAD_USER_INPUT":
      // The server answers a body over its limit with BAD_USER_INPUT and the limit.
      return message(details?.maxBytes ? t.FILE_TOO_LARGE(megabytes(details.maxBytes)) : t.other);
    case "FORBIDDEN":
      return message(t.FORBIDDEN);
    case "UNAUTHENTICATED":
    case "401":
      return { code, text: t.UNAUTHENTICATED, needsSignIn: true };
    case "NOT_FOUND":
      return message(t.NOT_FOUND);
    case "DATABASE_UNAVAILABLE":
      return message(t.DATABASE_UNAVAILABLE);
    default:
      return message(t.other);
  }
}

function invalidBackupText(reason: string | null, details: BackupRequestError["details"] | null): string {
  switch (reason) {
    case "UNSUPPORTED_VERSION":
      return t.UNSUPPORTED_VERSION(details?.formatVersion === null || details?.formatVersion === undefined ? "inconnu" : `n° ${details.formatVersion}`);
    case "TRUNCATED":
      return t.TRUNCATED;
    case "CORRUPTED":
      return t.CORRUPTED;
    case "MALFORMED":
      return t.MALFORMED(details?.line ?? null);
    case "NOT_A_BACKUP":
    default:
      return t.NOT_A_BACKUP;
  }
}
