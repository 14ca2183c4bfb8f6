/** Why a GraphQL request failed; the UI turns each kind into French advice. */
export type ApiErrorKind = "unreachable" | "http" | "graphql" | "invalid-response";

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  /** HTTP status for `http`, `extensions.code` for `graphql` when the server sent one. */
  readonly code: string | undefined;
  /** The rest of the GraphQL error's `extensions` (e.g. `argument` and `reason` of a BAD_USER_INPUT). */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(kind: ApiErrorKind, message: string, code?: string, extensions: Readonly<Record<string, unknown>> = {}) {
    super(message);
    this.name = "ApiError";
    this.kind = kind;
    this.code = code;
    this.extensions = extensions;
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
  endpoint?: string;
  /** Bearer token; defaults to the one set by `setAuthToken` (the signed-in session). */
  token?: string | null;
}

/** Error codes the server puts in `extensions.code` when the token is missing, expired or too narrow. */
export const UNAUTHENTICATED = "UNAUTHENTICATED";
export const FORBIDDEN = "FORBIDDEN";

let sessionToken: string | null = null;

/** The token sent with every request that does not pass its own; null signs out. */
export function setAuthToken(token: string | null): void {
  sessionToken = token;
}

/** The signed-in session's token, for requests that do not go through fetch (uploads with progress). */
export function currentAuthToken(): string | null {
  return sessionToken;
}

export function authHeaders(token: string | null | undefined): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** True when the server says the session is missing or over: the user must sign in again. */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && (error.code === UNAUTHENTICATED || (error.kind === "http" && error.code === "401"));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function firstGraphQLError(errors: unknown): ApiError | null {
  if (!Array.isArray(errors) || errors.length === 0) return null;
  const first: unknown = errors[0];
  const message = isRecord(first) && typeof first.message === "string" ? first.message : "Erreur GraphQL";
  const extensions = isRecord(first) ? first.extensions : undefined;
  const code = isRecord(extensions) && typeof extensions.code === "string" ? extensions.code : undefined;
  return new ApiError("graphql", message, code, isRecord(extensions) ? extensions : {});
}

/**
 * Posts one operation and returns its `data` as `unknown`: callers validate the shape they expect.
 * Aborts propagate as the platform's `AbortError` so callers can ignore them.
 */
export async function requestGraphQL(
  query: string,
  variables: Record<string, unknown> = {},
  options: RequestOptions = {},
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(options.endpoint ?? "/graphql", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        ...authHeaders(options.token === undefined ? sessionToken : options.token),
      },
      body: JSON.stringify({ query, variables }),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError("unreachable", error instanceof Error ? error.message : String(error));
  }

  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    if (!response.ok) throw new ApiError("http", response.statusText, String(response.status));
    throw new ApiError("invalid-response", "Réponse non JSON");
  }

  const graphQLError = isRecord(body) ? firstGraphQLError(body.errors) : null;
  if (graphQLError) throw graphQLError;
  if (!response.ok) throw new ApiError("http", response.statusText, String(response.status));
  if (!isRecord(body) || !isRecord(body.data)) throw new ApiError("invalid-response", "Champ data absent");
  return body.data;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}
