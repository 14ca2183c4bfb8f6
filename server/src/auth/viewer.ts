/**
 * Who is asking, and what they may do. Every API route (generated or custom) decides through
 * these functions, so the rules live in one place.
 */
import { AppError } from "../errors.js";

export const ROLES = ["ADMIN", "COORDINATOR", "ANALYST"] as const;

/**
 * ADMIN: everything. COORDINATOR (coordinateur·rice of a CLS): reads and writes their territories,
 * sees names and contact details. ANALYST (ARS, observatory, researcher): reads their territories,
 * sees people only through pseudonyms.
 */
export type Role = (typeof ROLES)[number];

export interface Viewer {
  /** The token's `sub`: who the token was issued to. */
  readonly subject: string;
  readonly role: Role;
  /** Territory ids the viewer may see, or every territory. */
  readonly territories: readonly string[] | "ALL";
}

export const isRole = (value: unknown): value is Role => typeof value === "string" && (ROLES as readonly string[]).includes(value);

function requireViewer(viewer: Viewer | null): Viewer {
  if (viewer === null) throw new AppError("UNAUTHENTICATED", "A valid bearer token is required.");
  return viewer;
}

const covers = (viewer: Viewer, territoryId: string): boolean =>
  viewer.territories === "ALL" || viewer.territories.includes(territoryId);

/** Throws UNAUTHENTICATED without a viewer, FORBIDDEN when the territory is not in the viewer's token. */
export function assertCanReadTerritory(viewer: Viewer | null, territoryId: string): void {
  const known = requireViewer(viewer);
  if (!covers(known, territoryId)) {
    throw new AppError("FORBIDDEN", `Not allowed to read territory "${territoryId}".`, { territoryId });
  }
}

/** Like assertCanReadTerritory, and analysts never write. */
export function assertCanWriteTerritory(viewer: Viewer | null, territoryId: string): asserts viewer is Viewer {
  const known = requireViewer(viewer);
  if (known.role === "ANALYST" || !covers(known, territoryId)) {
    throw new AppError("FORBIDDEN", `Not allowed to change territory "${territoryId}".`, { territoryId });
  }
}

/** Names, e-mails and phone numbers (personal data) are for administrators and coordinators only. */
export function canSeePersonalData(viewer: Viewer | null): boolean {
  return viewer !== null && (viewer.role === "ADMIN" || viewer.role === "COORDINATOR");
}

/**
 * The requested territories this viewer may read, in request order, without duplicates; an empty
 * request gives an empty list. Throws UNAUTHENTICATED without a viewer.
 */
export function readableTerritories(viewer: Viewer | null, requested: readonly string[]): string[] {
  const known = requireViewer(viewer);
  return [...new Set(requested)].filter((territoryId) => covers(known, territoryId));
}
