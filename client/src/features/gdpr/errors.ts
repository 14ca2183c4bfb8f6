import { ApiError, isUnauthenticated } from "../../api/graphql";
import { gdprTexts } from "./texts";

const t = gdprTexts.errors;

/** A failed GDPR request told in French; `needsSignIn` when the session is over. */
export interface GdprErrorMessage {
  code: string;
  text: string;
  needsSignIn: boolean;
}

/** `subject` says what a NOT_FOUND is about: the person (export) or the territory (inactive report). */
export function describeGdprError(error: unknown, subject: "person" | "territory"): GdprErrorMessage {
  if (!(error instanceof ApiError)) return { code: "UNKNOWN", text: t.other, needsSignIn: false };
  const code = error.code ?? error.kind;
  if (isUnauthenticated(error)) return { code, text: "", needsSignIn: true };
  const message = (text: string): GdprErrorMessage => ({ code, text, needsSignIn: false });
  if (error.kind === "unreachable") return message(t.unreachable);
  switch (error.code) {
    case "FORBIDDEN":
      return message(t.FORBIDDEN);
    case "NOT_FOUND":
      return message(subject === "person" ? t.NOT_FOUND_PERSON : t.NOT_FOUND_TERRITORY);
    case "BAD_USER_INPUT":
      return message(t.BAD_USER_INPUT);
    case "DATABASE_UNAVAILABLE":
      return message(t.DATABASE_UNAVAILABLE);
    default:
      return message(t.other);
  }
}
