/**
 * Which work-group roles count: everyone, pilots and co-pilots only, or plain members only. A module
 * of its own: the French labels name these choices without importing the filters.
 */
export const ROLE_FILTERS = ["ALL", "PILOTS", "MEMBERS"] as const;
export type RoleFilter = (typeof ROLE_FILTERS)[number];
