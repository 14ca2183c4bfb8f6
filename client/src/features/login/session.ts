import { parseScope, ROLES, type DevLoginResult, type Role, type TerritoryScope } from "../../api/auth";

/** sessionStorage: the token dies with the tab, which is what a shared office computer needs. */
export const TOKEN_KEY = "maillage.token";
const VIEWER_KEY = "maillage.viewer";

export interface Session {
  token: string;
  expiresAt: string;
  role: Role;
  territories: TerritoryScope;
}

type KeyValueStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export function sessionFromLogin(result: DevLoginResult): Session {
  return { token: result.token, expiresAt: result.expiresAt, ...result.viewer };
}

export function isExpired(session: Session, now: Date): boolean {
  const end = Date.parse(session.expiresAt);
  return Number.isFinite(end) && end <= now.getTime();
}

export function saveSession(storage: KeyValueStore, session: Session): void {
  storage.setItem(TOKEN_KEY, session.token);
  storage.setItem(
    VIEWER_KEY,
    JSON.stringify({ expiresAt: session.expiresAt, role: session.role, territories: session.territories }),
  );
}

export function clearSession(storage: KeyValueStore): void {
  storage.removeItem(TOKEN_KEY);
  storage.removeItem(VIEWER_KEY);
}

/** The stored session, or null when there is none, it is unreadable, or it has expired. */
export function loadSession(storage: KeyValueStore, now: Date): Session | null {
  const token = storage.getItem(TOKEN_KEY);
  const rawViewer = storage.getItem(VIEWER_KEY);
  if (!token || !rawViewer) return null;
  let viewer: unknown;
  try {
    viewer = JSON.parse(rawViewer);
  } catch {
    return null;
  }
  if (typeof viewer !== "object" || viewer === null) return null;
  const { expiresAt, role, territories } = viewer as Record<string, unknown>;
  if (typeof expiresAt !== "string" || !(ROLES as readonly unknown[]).includes(role)) return null;
  let scope: TerritoryScope;
  try {
    scope = parseScope(territories);
  } catch {
    return null;
  }
  const session: Session = { token, expiresAt, role: role as Role, territories: scope };
  return isExpired(session, now) ? null : session;
}
