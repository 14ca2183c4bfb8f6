/**
 * The development login: anyone reaching the app picks a role and gets a token. Meant for local
 * use and demonstrations of the fictitious data: off by default with an external Neo4j, a HOST
 * others reach (see config.ts), and while a territory that is not demo data exists (checked here at
 * each call), unless AUTH_DEV_LOGIN=force.
 */
import express, { type Router } from "express";
import { ALL_TERRITORIES, mintToken } from "./tokens.js";
import { isRole, ROLES } from "./viewer.js";

export interface DevLoginSettings {
  /** False (AUTH_DEV_LOGIN=false, a risky configuration, or no HS256 secret to sign with): `/auth/dev-login` answers 404. */
  readonly enabled: boolean;
  /** AUTH_DEV_LOGIN=force: on even while real territories exist. */
  readonly forced: boolean;
  readonly jwtSecret: string | undefined;
  /** Territories given when the request names none: every demo territory. */
  readonly defaultTerritories: readonly string[];
  readonly issuer?: string | undefined;
  readonly audience?: string | undefined;
}

/** Eight hours: a working day. */
export const DEV_TOKEN_SECONDS = 8 * 60 * 60;

const badInput = (message: string) => ({ error: { code: "BAD_USER_INPUT", message } });

/** Whether the database holds a territory that is not fictitious demo data. */
export type RealTerritoryCheck = () => Promise<boolean>;

/** "off", or "on" (demo data only), or "forced" (AUTH_DEV_LOGIN=force). A failing check counts as real data: off. */
export async function devLoginState(settings: DevLoginSettings, realTerritoryExists: RealTerritoryCheck): Promise<"off" | "on" | "forced"> {
  if (!settings.enabled || settings.jwtSecret === undefined) return "off";
  if (settings.forced) return "forced";
  try {
    return (await realTerritoryExists()) ? "off" : "on";
  } catch {
    return "off";
  }
}

/** `GET /auth/config` → `{ devLogin }`; `POST /auth/dev-login` `{ role, territories? }` → `{ token, expiresAt, viewer }`. */
export function devLoginRouter(settings: DevLoginSettings, realTerritoryExists: RealTerritoryCheck): Router {
  const router = express.Router();
  const secret = settings.enabled ? settings.jwtSecret : undefined;
  const isOn = async (): Promise<boolean> => (await devLoginState(settings, realTerritoryExists)) !== "off";

  router.get("/auth/config", async (_request, response) => {
    response.json({ devLogin: await isOn() });
  });

  router.post("/auth/dev-login", express.json({ limit: "16kb" }), async (request, response, next) => {
    if (secret === undefined || !(await isOn())) {
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
    if (role !== "ADMIN" && (territories as string[] | undefined)?.includes(ALL_TERRITORIES)) {
      response.status(400).json(badInput(`territories may not hold "${ALL_TERRITORIES}": only ADMIN sees every territory`));
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
