import { ApiError } from "./graphql";
import { array, boolean, oneOf, record, string } from "./parse";

export const ROLES = ["ADMIN", "COORDINATOR", "ANALYST"] as const;
export type Role = (typeof ROLES)[number];

/** Every territory (an administrator), or the ids the token is limited to. */
export type TerritoryScope = "ALL" | string[];

export interface Viewer {
  role: Role;
  territories: TerritoryScope;
}

export interface DevLoginResult {
  token: string;
  /** ISO date-time after which the server refuses the token. */
  expiresAt: string;
  viewer: Viewer;
}

export interface AuthConfig {
  devLogin: boolean;
}

interface AuthRequestOptions {
  signal?: AbortSignal;
  /** Base URL of the server (tests); the page uses its own origin. */
  baseUrl?: string;
}

export function parseAuthConfig(body: unknown): AuthConfig {
  return { devLogin: boolean(record(body, "config").devLogin, "config.devLogin") };
}

export function parseDevLogin(body: unknown): DevLoginResult {
  const result = record(body, "login");
  const viewer = record(result.viewer, "login.viewer");
  return {
    token: string(result.token, "login.token"),
    expiresAt: string(result.expiresAt, "login.expiresAt"),
    viewer: { role: oneOf(viewer.role, ROLES, "login.viewer.role"), territories: parseScope(viewer.territories) },
  };
}

export function parseScope(value: unknown): TerritoryScope {
  if (value === "ALL") return "ALL";
  return array(value ?? [], "login.viewer.territories").map((t, i) => string(t, `territories[${i}]`));
}

async function requestJson(url: string, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: "application/json", ...init.headers } });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError("unreachable", error instanceof Error ? error.message : String(error));
  }
  // A server without the auth routes answers its HTML page (or 404): that is "no such endpoint".
  const isJson = response.headers.get("content-type")?.includes("application/json") ?? false;
  if (!response.ok) throw new ApiError("http", response.statusText, String(response.status));
  if (!isJson) throw new ApiError("invalid-response", "Réponse non JSON");
  return response.json();
}

export async function fetchAuthConfig(options: AuthRequestOptions = {}): Promise<AuthConfig> {
  return parseAuthConfig(await requestJson(`${options.baseUrl ?? ""}/auth/config`, { signal: options.signal ?? null }));
}

export async function devLogin(
  role: Role,
  territories?: readonly string[],
  options: AuthRequestOptions = {},
): Promise<DevLoginResult> {
  const body = await requestJson(`${options.baseUrl ?? ""}/auth/dev-login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(territories ? { role, territories } : { role }),
    signal: options.signal ?? null,
  });
  return parseDevLogin(body);
}
