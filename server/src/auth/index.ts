/** Tokens, roles and pseudonyms: what the HTTP layer needs, assembled once at start. */
import type { AuthConfig } from "../config.js";
import { contextFor, createContextFactory, type RequestContext, type RequestHeaders } from "./context.js";
import type { DevLoginSettings } from "./devLogin.js";
import type { AuthSecrets } from "./secrets.js";
import { createTokenVerifier } from "./tokens.js";
import type { Viewer } from "./viewer.js";

export interface AppAuth {
  readonly createContext: (request: RequestHeaders) => Promise<RequestContext>;
  /** The context of an operation the server runs itself as `viewer` (never from a request). */
  readonly contextFor: (viewer: Viewer) => RequestContext;
  readonly devLogin: DevLoginSettings;
}

export function createAppAuth(
  auth: Pick<AuthConfig, "jwksUrl" | "issuer" | "audience" | "devLogin"> & Partial<Pick<AuthConfig, "maxTokenLifetimeDays" | "devLoginForced">>,
  secrets: AuthSecrets,
  options: { database: string | undefined; demoTerritoryIds: readonly string[]; kAnonymity?: number | undefined },
): AppAuth {
  const verify = createTokenVerifier({
    jwtSecret: secrets.jwtSecret,
    jwksUrl: auth.jwksUrl,
    issuer: auth.issuer,
    audience: auth.audience,
    maxLifetimeDays: auth.maxTokenLifetimeDays,
  });
  return {
    createContext: createContextFactory({ verify, pseudonymSecret: secrets.pseudonymSecret, database: options.database, kAnonymity: options.kAnonymity }),
    contextFor: (viewer) => contextFor(viewer, { pseudonymSecret: secrets.pseudonymSecret, database: options.database, kAnonymity: options.kAnonymity }),
    devLogin: {
      enabled: auth.devLogin && secrets.jwtSecret !== undefined,
      forced: auth.devLoginForced ?? false,
      jwtSecret: secrets.jwtSecret,
      defaultTerritories: options.demoTerritoryIds,
      issuer: auth.issuer,
      audience: auth.audience,
    },
  };
}

export type { RequestContext } from "./context.js";
export { actorResolvers } from "./actorResolvers.js";
export { personalDataPlugin } from "./personalDataRule.js";
export { devLoginRouter, devLoginState } from "./devLogin.js";
export { resolveAuthSecrets } from "./secrets.js";
export * from "./viewer.js";
export { pseudonymFor } from "./pseudonym.js";
