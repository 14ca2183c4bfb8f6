import { GraphQLError, type GraphQLFormattedError } from "graphql";

/** Stable codes clients can rely on in `extensions.code`. */
export type ErrorCode =
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "CONFLICT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "DATABASE_UNAVAILABLE"
  | "INTERNAL_SERVER_ERROR"
  // A territory backup file that is not one, has another format version, is cut short or altered (server/src/backup).
  | "INVALID_BACKUP"
  // An export asked for more nodes than one request may carry (server/src/graphql/resolvers/exports.ts).
  | "EXPORT_TOO_LARGE"
  // Spreadsheet imports (server/src/import): a file over the size limit, a file that is not a
  // readable CSV or XLSX, an apply refused because rows have errors (nothing is written).
  | "FILE_TOO_LARGE"
  | "UNREADABLE_FILE"
  | "IMPORT_HAS_ERRORS"
  // Merging duplicates (server/src/duplicates): a node merged with itself, an actor with a structure.
  | "MERGE_SAME_NODE"
  | "MERGE_KIND_MISMATCH"
  // A network with too many ties for metrics (server/src/analytics/analysis.ts): its backbone is the way out.
  | "NETWORK_TOO_LARGE"
  // Operations rejected before they run (server/src/graphql/limits.ts).
  | "QUERY_TOO_DEEP"
  | "QUERY_TOO_COMPLEX"
  | "PAGE_SIZE_TOO_LARGE"
  // Too many distinct networks, or analytics fields, in one operation; a user's network budget per minute spent (HTTP 429).
  | "TOO_MANY_NETWORKS"
  | "TOO_MANY_ANALYTICS_FIELDS"
  | "RATE_LIMITED";

/** A typed domain error; turned into a GraphQL error only at the API edge. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** Codes raised by graphql-js and Apollo themselves for malformed requests: their messages are safe. */
const REQUEST_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  // Raised by the limits plugin (server/src/graphql/limits.ts); its messages state the limit.
  "QUERY_TOO_DEEP",
  "QUERY_TOO_COMPLEX",
  "PAGE_SIZE_TOO_LARGE",
  "TOO_MANY_NETWORKS",
  "TOO_MANY_ANALYTICS_FIELDS",
  "RATE_LIMITED",
]);

/** Maps what a resolver threw to a public code and message, or undefined when it must stay private. */
function publicError(original: unknown): { code: ErrorCode; message: string; details?: Record<string, unknown> } | undefined {
  if (original instanceof AppError) return { code: original.code, message: original.message, details: { ...original.details } };
  // @neo4j/graphql does not export its error classes; their names are stable.
  const name = original instanceof Error ? original.name : undefined;
  if (name === "Neo4jGraphQLConstraintValidationError") {
    return { code: "CONFLICT", message: "An entity with the same identifier or code already exists." };
  }
  if (name === "Neo4jGraphQLRelationshipValidationError" && original instanceof Error) {
    return { code: "BAD_USER_INPUT", message: original.message };
  }
  if (name === "Neo4jGraphQLAuthenticationError") return { code: "UNAUTHENTICATED", message: "Unauthenticated" };
  if (name === "Neo4jGraphQLForbiddenError") return { code: "FORBIDDEN", message: "Forbidden" };
  if (typeof original === "object" && original !== null) {
    const code = (original as { code?: unknown }).code;
    if (code === "ServiceUnavailable" || code === "SessionExpired") {
      return { code: "DATABASE_UNAVAILABLE", message: "The database is unavailable. Try again in a moment." };
    }
  }
  return undefined;
}

/**
 * Apollo and @neo4j/graphql may wrap a resolver's error in several GraphQLErrors: find what was
 * thrown. Duck-typed on purpose: graphql ships CommonJS and ESM builds, and @neo4j/graphql (CommonJS)
 * and Apollo (ESM) each create GraphQLErrors of their own copy, so `instanceof` fails across them.
 */
function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 10; depth += 1) {
    const inner = typeof current === "object" && current !== null ? (current as { originalError?: unknown }).originalError : undefined;
    if (inner === undefined || inner === null) break;
    current = inner;
  }
  return current;
}

const isGraphQLError = (value: unknown): boolean =>
  value instanceof GraphQLError || (value instanceof Error && value.name === "GraphQLError");

/**
 * Apollo's `formatError`: keeps errors raised on purpose (typed errors, malformed requests) and
 * replaces everything else (driver messages, Cypher, stack traces) by a generic message; the
 * original goes to `onInternal` for the logs.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  onInternal: (error: unknown) => void,
): GraphQLFormattedError {
  const original = rootCause(error);
  const known = publicError(original);
  if (known !== undefined) {
    return { message: known.message, locations: formatted.locations, path: formatted.path, extensions: { code: known.code, ...known.details } };
  }
  const code = formatted.extensions?.code;
  // graphql-js and Apollo raise these for malformed requests (parse, validation, variable coercion,
  // including a scalar's own TypeError such as an invalid Date): their messages describe the request.
  if (typeof code === "string" && REQUEST_CODES.has(code) && (original === error || isGraphQLError(original) || original instanceof TypeError)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  onInternal(original);
  return { message: "Internal server error", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}
