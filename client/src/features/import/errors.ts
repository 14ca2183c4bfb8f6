import { ApiError } from "../../api/graphql";
import { ImportRequestError, MAX_IMPORT_BYTES } from "../../api/import";
import { importTexts } from "./texts";

/** A failed import request told in French: what happened, what to do, and the server's own details. */
export interface ImportErrorMessage {
  code: string;
  text: string;
  /** The server's French explanation of an unreadable file, or the mapping's problems. */
  details: string[];
  needsSignIn: boolean;
}

const megabytes = (bytes: number): string => (bytes / (1024 * 1024)).toLocaleString("fr-FR", { maximumFractionDigits: 1 });

export function describeImportError(error: unknown): ImportErrorMessage {
  const texts = importTexts.errors;
  if (!(error instanceof ApiError)) return { code: "UNKNOWN", text: texts.other, details: [], needsSignIn: false };
  const details = error instanceof ImportRequestError ? error.details : null;
  const code = error.code ?? error.kind;
  const message = (text: string, extra: string[] = []): ImportErrorMessage => ({ code, text, details: extra, needsSignIn: false });
  if (error.kind === "unreachable") return message(texts.unreachable);
  if (error.kind === "invalid-response") return message(texts.invalid);
  switch (error.code) {
    case "UNREADABLE_FILE":
      return message(`${texts.UNREADABLE_FILE} ${details?.explanation ?? ""} ${texts.UNREADABLE_FILE_HELP}`.replace(/\s+/g, " ").trim());
    case "FILE_TOO_LARGE":
      return message(texts.FILE_TOO_LARGE(megabytes(details?.maxBytes ?? MAX_IMPORT_BYTES)));
    case "BAD_USER_INPUT":
      return message(texts.BAD_USER_INPUT, details?.problems ?? []);
    case "IMPORT_HAS_ERRORS":
      return message(texts.IMPORT_HAS_ERRORS);
    case "FORBIDDEN":
      return message(texts.FORBIDDEN);
    case "UNAUTHENTICATED":
    case "401":
      return { code, text: texts.UNAUTHENTICATED, details: [], needsSignIn: true };
    case "NOT_FOUND":
      return message(texts.NOT_FOUND);
    case "DATABASE_UNAVAILABLE":
      return message(texts.DATABASE_UNAVAILABLE);
    default:
      return message(texts.other);
  }
}
