import type { ErrorRequestHandler } from "express";
import { AppError, type ErrorCode } from "../errors.js";
import type { Logger } from "../logger.js";
import { isDatabaseUnavailable } from "../neo4j/status.js";

/**
 * The error answer of Maillage's JSON endpoints beside GraphQL (imports, backups):
 * `{ error: { code, message, ...details } }` with the API's stable codes, never an internal message.
 */
const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNREADABLE_FILE: 400,
  INVALID_BACKUP: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FILE_TOO_LARGE: 413,
  IMPORT_HAS_ERRORS: 422,
  DATABASE_UNAVAILABLE: 503,
};

/** The AppError behind what the token check (a GraphQLError wrapping it) or a service threw, if any. */
function appErrorOf(error: unknown): AppError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    if (current instanceof AppError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

export function jsonErrorHandler(options: {
  log: Logger;
  /** Names the endpoint in the logs, e.g. "import". */
  what: string;
  /** The answer to a body over the size limit (413). */
  tooLarge: { code: ErrorCode; message: string; maxBytes: number };
}): ErrorRequestHandler {
  return (error: unknown, _request, response, _next) => {
    const known = appErrorOf(error);
    if (known) {
      response.status(STATUS[known.code] ?? 400).json({ error: { code: known.code, message: known.message, ...known.details } });
      return;
    }
    if (isDatabaseUnavailable(error)) {
      options.log.warn(`${options.what} request failed: the database is unavailable`, { error: String(error) });
      response.status(503).json({ error: { code: "DATABASE_UNAVAILABLE", message: "The database is unavailable. Try again in a moment." } });
      return;
    }
    const type = (error as { type?: unknown }).type;
    if (type === "entity.too.large") {
      response.status(413).json({ error: options.tooLarge });
      return;
    }
    if (type === "request.aborted") {
      // The client cancelled its upload: nobody is left to answer.
      options.log.debug(`${options.what} upload cancelled`);
      return;
    }
    options.log.error(`${options.what} request failed`, { error: String(error) });
    response.status(500).json({ error: { code: "INTERNAL_SERVER_ERROR", message: "Internal server error" } });
  };
}
