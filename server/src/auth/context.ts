import { GraphQLError } from "graphql";
import { AppError } from "../errors.js";
import { jwtClaimsFor, type TokenVerifier } from "./tokens.js";
import type { Viewer } from "./viewer.js";

/** The context of every GraphQL request: generated resolvers read `jwt`, custom resolvers `viewer`. */
export interface RequestContext {
  viewer: Viewer | null;
  /** Keys the actors' pseudonyms (see pseudonym.ts). */
  pseudonymSecret: string;
  /** The verified claims, trusted as such by @neo4j/graphql (`$jwt.role`, `$jwt.territories`). */
  jwt?: Record<string, unknown>;
  sessionConfig?: { database?: string };
  /** k of the re-identification rule (analytics/kAnonymity.ts, config K_ANONYMITY); 5 when absent. */
  kAnonymity?: number;
}

export interface ContextSettings {
  readonly verify: TokenVerifier;
  /** See RequestContext.kAnonymity. */
  readonly kAnonymity?: number | undefined;
  readonly pseudonymSecret: string;
  readonly database: string | undefined;
}

/** The part of an HTTP request the context needs (an Express request fits). */
export interface RequestHeaders {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** The bearer token of an Authorization header, or undefined when there is none. */
export function bearerToken(request: RequestHeaders): string | undefined {
  const header = request.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  const match = value === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(value);
  return match?.[1];
}

/**
 * Refusing here, before parsing, keeps everything (introspection included) behind a valid token.
 * The AppError travels as originalError so that formatError keeps its code and message.
 */
function refuse(error: AppError): GraphQLError {
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { code: error.code, http: { status: 401 } },
  });
}

/** The context of a request made by the server itself as `viewer` (the start-up warm-up): no token to verify. */
export function contextFor(viewer: Viewer, { pseudonymSecret, database, kAnonymity }: Omit<ContextSettings, "verify">): RequestContext {
  return { viewer, pseudonymSecret, jwt: jwtClaimsFor(viewer), sessionConfig: { database }, ...(kAnonymity === undefined ? {} : { kAnonymity }) };
}

/** Builds `createContext(request)` for Apollo's expressMiddleware: no valid token, no request. */
export function createContextFactory({ verify, pseudonymSecret, database, kAnonymity }: ContextSettings) {
  return async function createContext(request: RequestHeaders): Promise<RequestContext> {
    const token = bearerToken(request);
    if (token === undefined) throw refuse(new AppError("UNAUTHENTICATED", "A valid bearer token is required."));
    try {
      const { viewer, jwt } = await verify(token);
      return { viewer, pseudonymSecret, jwt, sessionConfig: { database }, ...(kAnonymity === undefined ? {} : { kAnonymity }) };
    } catch (error) {
      throw refuse(error instanceof AppError ? error : new AppError("UNAUTHENTICATED", "The token is invalid."));
    }
  };
}
