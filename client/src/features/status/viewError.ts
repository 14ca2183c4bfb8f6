import type { ApiErrorKind } from "../../api/graphql";
import { fr } from "../../i18n/fr";

/** Why the page could not show a network, as the API said it. */
export interface ViewError {
  kind: ApiErrorKind;
  message: string;
  /** `extensions.code` or HTTP status when the server sent one. */
  code?: string | undefined;
  /** The rest of the GraphQL error's `extensions` (`reason`, `tieCount`, `maxTies`, `argument`…). */
  extensions?: Readonly<Record<string, unknown>>;
}

/** What the reader can do about an error: each is a button of the message. */
export type ErrorAction = "retry" | "raiseThreshold" | "resetWindow" | "clearFilters" | "reload";

export interface ErrorAdvice {
  /** One French sentence: the cause, then what to do. */
  sentence: string;
  action: ErrorAction;
}

/** The figures of a network refused for its size (`extensions.reason` TOO_MANY_TIES), or null. */
export function tooManyTies(error: ViewError): { tieCount: number; maxTies: number } | null {
  const extensions = error.extensions ?? {};
  const { tieCount, maxTies } = extensions;
  if (extensions.reason !== "TOO_MANY_TIES" || typeof tieCount !== "number" || typeof maxTies !== "number") return null;
  return { tieCount, maxTies };
}

/** The sentence and the action for a refusal the page met (never a bare error code). */
export function describeViewError(error: ViewError): ErrorAdvice {
  const texts = fr.errors.advice;
  const large = tooManyTies(error);
  if (large) return { sentence: texts.tooManyTies(large.tieCount, large.maxTies), action: "raiseThreshold" };
  if (error.code === "QUERY_TOO_COMPLEX") return { sentence: texts.tooComplex, action: "raiseThreshold" };
  if (error.code === "BAD_USER_INPUT") {
    const argument = String(error.extensions?.argument ?? "");
    if (argument.startsWith("window") || argument === "before" || argument === "after") return { sentence: texts.badWindow, action: "resetWindow" };
    if (argument.startsWith("filter")) return { sentence: texts.badFilter, action: "clearFilters" };
    return { sentence: texts.badRequest, action: "reload" };
  }
  if (error.code === "FORBIDDEN" || (error.kind === "http" && error.code === "403")) return { sentence: texts.forbidden, action: "reload" };
  if (error.code === "NOT_FOUND") return { sentence: texts.notFound, action: "reload" };
  if (error.kind === "unreachable") return { sentence: texts.unreachable, action: "retry" };
  if (error.kind === "invalid-response") return { sentence: texts.invalidResponse, action: "reload" };
  return { sentence: texts.serverError, action: "retry" };
}
