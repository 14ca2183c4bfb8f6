/**
 * Bearer tokens: verified with jose (HS256 with the shared secret, or any key of a JWKS), their
 * claims validated once into a typed Viewer. Minting (HS256) serves the CLI and the development login.
 */
import { createRemoteJWKSet, decodeProtectedHeader, errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from "jose";
import { AppError } from "../errors.js";
import { isRole, type Role, type Viewer } from "./viewer.js";

/** The `territories` claim value meaning "every territory". */
export const ALL_TERRITORIES = "*";

export interface TokenSettings {
  /** HS256 secret; tokens signed with it are accepted, and it signs the tokens this app mints. */
  readonly jwtSecret: string | undefined;
  /** Keys of an identity provider (RS256, ES256...), fetched and cached by jose. */
  readonly jwksUrl: string | undefined;
  readonly issuer: string | undefined;
  readonly audience: string | undefined;
  /** Longest accepted lifetime, `exp` − `iat`, and oldest accepted `iat` (default 30 days). */
  readonly maxLifetimeDays?: number | undefined;
}

/** Default of JWT_MAX_LIFETIME_DAYS. */
export const DEFAULT_MAX_LIFETIME_DAYS = 30;

/** How far ahead of ours an issuer's clock may be (`iat`, `nbf`), or behind (`exp`), in seconds. */
export const CLOCK_SKEW_SECONDS = 60;

export interface VerifiedToken {
  readonly viewer: Viewer;
  /** The claims as @neo4j/graphql sees them (`$jwt.role`, `$jwt.territories`), normalised from the viewer. */
  readonly jwt: Record<string, unknown>;
}

export type TokenVerifier = (token: string) => Promise<VerifiedToken>;

const unauthenticated = (message: string): AppError => new AppError("UNAUTHENTICATED", message);

/** Validates the claims of a verified token; every problem is UNAUTHENTICATED. */
export function viewerFromClaims(claims: unknown): Viewer {
  if (typeof claims !== "object" || claims === null) throw unauthenticated("The token carries no claims.");
  const { sub, role, territories } = claims as Record<string, unknown>;
  if (typeof sub !== "string" || sub === "") throw unauthenticated("The token has no subject (sub).");
  if (!isRole(role)) throw unauthenticated("The token's role claim must be ADMIN, COORDINATOR or ANALYST.");
  if (!Array.isArray(territories) || territories.length === 0 || !territories.every((id) => typeof id === "string" && id !== "")) {
    throw unauthenticated("The token's territories claim must be a non-empty list of territory ids.");
  }
  const ids = territories as string[];
  if (role !== "ADMIN" && ids.includes(ALL_TERRITORIES)) {
    throw unauthenticated(`The token's territories claim may hold "${ALL_TERRITORIES}" (every territory) for ADMIN only.`);
  }
  return Object.freeze({ subject: sub, role, territories: role === "ADMIN" ? "ALL" : Object.freeze([...new Set(ids)]) });
}

/** What the SDL rules read: `$jwt.role`, and `$jwt.territories` where `*` stands for every territory. */
export function jwtClaimsFor(viewer: Viewer): Record<string, unknown> {
  return {
    sub: viewer.subject,
    role: viewer.role,
    territories: viewer.territories === "ALL" ? [ALL_TERRITORIES] : [...viewer.territories],
  };
}

function describeFailure(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof joseErrors.JWTExpired) return unauthenticated("The token has expired.");
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return unauthenticated(`The token was refused: its "${error.claim}" claim is ${error.reason === "missing" ? "missing" : "invalid"}.`);
  }
  return unauthenticated("The token is invalid.");
}

export function createTokenVerifier(settings: TokenSettings): TokenVerifier {
  const secret = settings.jwtSecret === undefined ? undefined : new TextEncoder().encode(settings.jwtSecret);
  const jwks = settings.jwksUrl === undefined ? undefined : createRemoteJWKSet(new URL(settings.jwksUrl));
  const maxLifetimeDays = settings.maxLifetimeDays ?? DEFAULT_MAX_LIFETIME_DAYS;
  const maxLifetimeSeconds = maxLifetimeDays * 24 * 60 * 60;
  const options = {
    ...(settings.issuer === undefined ? {} : { issuer: settings.issuer }),
    ...(settings.audience === undefined ? {} : { audience: settings.audience }),
    // jose checks presence, `iat` not older than the lifetime and not ahead, `nbf` not ahead, `exp` not past.
    requiredClaims: ["exp", "iat"],
    maxTokenAge: maxLifetimeSeconds,
    clockTolerance: CLOCK_SKEW_SECONDS,
  };
  return async (token) => {
    try {
      const { alg } = decodeProtectedHeader(token);
      let payload: JWTPayload;
      if (alg === "HS256" && secret !== undefined) {
        ({ payload } = await jwtVerify(token, secret, { ...options, algorithms: ["HS256"] }));
      } else if (alg !== undefined && !alg.startsWith("HS") && jwks !== undefined) {
        ({ payload } = await jwtVerify(token, jwks, options));
      } else {
        throw unauthenticated("The token's signing algorithm is not accepted.");
      }
      // Both numbers, checked by jose; a token that outlives the limit is refused even while young.
      if ((payload.exp as number) - (payload.iat as number) > maxLifetimeSeconds) {
        throw unauthenticated(`The token was refused: it is valid for more than ${maxLifetimeDays} days (exp − iat).`);
      }
      const viewer = viewerFromClaims(payload);
      return { viewer, jwt: jwtClaimsFor(viewer) };
    } catch (error) {
      throw describeFailure(error);
    }
  };
}

export interface TokenRequest {
  readonly subject: string;
  readonly role: Role;
  /** Territory ids; ignored for ADMIN, who sees every territory. */
  readonly territories: readonly string[];
  readonly expiresInSeconds: number;
  readonly issuer?: string | undefined;
  readonly audience?: string | undefined;
}

export interface MintedToken {
  readonly token: string;
  /** ISO 8601 instant. */
  readonly expiresAt: string;
}

/** Signs an HS256 token for local use (CLI, development login, tests). */
export async function mintToken(secret: string, request: TokenRequest): Promise<MintedToken> {
  const now = Math.floor(Date.now() / 1000);
  const expiresAt = now + request.expiresInSeconds;
  if (request.role !== "ADMIN" && request.territories.includes(ALL_TERRITORIES)) {
    throw new Error(`Every territory ("${ALL_TERRITORIES}") is for ADMIN only.`);
  }
  const territories = request.role === "ADMIN" ? [ALL_TERRITORIES] : [...request.territories];
  let jwt = new SignJWT({ role: request.role, territories })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(request.subject)
    .setIssuedAt(now)
    .setExpirationTime(expiresAt);
  if (request.issuer !== undefined) jwt = jwt.setIssuer(request.issuer);
  if (request.audience !== undefined) jwt = jwt.setAudience(request.audience);
  const token = await jwt.sign(new TextEncoder().encode(secret));
  return { token, expiresAt: new Date(expiresAt * 1000).toISOString() };
}
