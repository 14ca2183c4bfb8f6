/**
 * The development login: anyone reaching the app picks a role and gets a token. Meant for local
 * use and demonstrations; set AUTH_DEV_LOGIN=false wherever real people's data is served.
 */
import express, { type Router } from "express";
import { mintToken } from "./tokens.js";
import { isRole, ROLES } from "./viewer.js";

export interface DevLoginSettings {
  /** False (AUTH_DEV_LOGIN=false, or no HS256 secret to sign with): `/auth/dev-login` answers 404. */
  readonly enabled: boolean;
  readonly jwtSecret: string | undefined;
  /** Territories given when the request names none: every demo territory. */
  readonly defaultTerritories: readonly string[];
  readonly issuer?: string | undefined;
  readonly audience?: string | undefined;
}

/** Eight hours: a working day. */
export const DEV_TOKEN_SECONDS = 8 * 60 * 60;

const badInput = (message: string) => ({ error: { code: "BAD_USER_INPUT", message } });

/** `GET /auth/config` → `{ devLogin }`; `POST /auth/dev-login` `{ role, territories? }` → `{ token, expiresAt, viewer }`. */
export function devLoginRouter(settings: DevLoginSettings): Router {
  const router = express.Router();
  const secret = settings.enabled ? settings.jwtSecret : undefined;

  router.get("/auth/config", (_request, response) => {
    response.json({ devLogin: secret !== undefined });
  });

  router.post("/auth/dev-login", express.json({ limit: "16kb" }), async (request, response, next) => {
    if (secret === undefined) {
      response.status(404).json({ error: { code: "NOT_FOUND", message: "The development login is disabled." } });
      return;
    }
    const body: unknown = request.body;
    const { role, territories } = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
    if (!isRole(role)) {
      response.status(400).json(badInput(`role must be one of ${ROLES.join(", ")}`));
      return;
    }
    if (territories !== undefined && !(Array.isArray(territories) && territories.length > 0 && territories.every((id) => typeof id === "string" && id !== ""))) {
      response.status(400).json(badInput("territories must be a non-empty list of territory ids"));
      return;
    }
    const granted = role === "ADMIN" ? ["*"] : ((territories as string[] | undefined) ?? [...settings.defaultTerritories]);
    try {
      const minted = await mintToken(secret, {
        subject: `dev-${role.toLowerCase()}`,
        role,
        territories: granted,
        expiresInSeconds: DEV_TOKEN_SECONDS,
        issuer: settings.issuer,
        audience: settings.audience,
      });
      response.json({
        token: minted.token,
        expiresAt: minted.expiresAt,
        viewer: { subject: `dev-${role.toLowerCase()}`, role, territories: role === "ADMIN" ? "ALL" : granted },
      });
    } catch (error) {
      next(error);
    }
  });

  return router;
}
