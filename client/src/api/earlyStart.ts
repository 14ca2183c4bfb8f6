import { fetchTerritories, type Territory } from "./network";

/**
 * The territories list, asked for by client/src/preload.ts: a small script the page runs before
 * the app's own code (React, Cytoscape) has loaded and compiled. The page's first network needs
 * the list (for the current contract's dates), so it is asked for a third of a second sooner.
 */
let early: { token: string; territories: Promise<Territory[]> } | null = null;

export function startEarlyTerritories(token: string): void {
  const territories = fetchTerritories({ token });
  // Whoever takes it handles a failure; one nobody takes must not be reported as unhandled.
  territories.catch(() => undefined);
  early = { token, territories };
}

/** The early request when it was made for this token (the signed-in session's), once; null otherwise. */
export function takeEarlyTerritories(token: string | null): Promise<Territory[]> | null {
  const taken = early;
  early = null;
  return taken !== null && taken.token === token ? taken.territories : null;
}
