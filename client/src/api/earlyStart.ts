import { fetchTerritories, type Network, type Territory } from "./network";

/**
 * The territories list, asked for by client/src/preload.ts, which runs first in the app's entry,
 * before React renders the page. The page's first network needs the list (for the current
 * contract's dates), so it is asked for sooner.
 */
let early: { token: string; territories: Promise<Territory[]> } | null = null;

/**
 * The page's first network, asked for by client/src/explorer/firstNetwork.ts as soon as the early
 * territories answer, for the request the page will make (its key).
 */
let earlyNetwork: { token: string; key: string; network: Promise<Network> } | null = null;
/** The page has asked for a network: an offer that comes later would be a second request for nothing. */
let networkAsked = false;

export function startEarlyTerritories(token: string): Promise<Territory[]> {
  const territories = fetchTerritories({ token });
  // Whoever takes it handles a failure; one nobody takes must not be reported as unhandled.
  territories.catch(() => undefined);
  early = { token, territories };
  // A new page: its first network is still to be asked for.
  earlyNetwork = null;
  networkAsked = false;
  return territories;
}

/** The early request when it was made for this token (the signed-in session's), once; null otherwise. */
export function takeEarlyTerritories(token: string | null): Promise<Territory[]> | null {
  const taken = early;
  early = null;
  return taken !== null && taken.token === token ? taken.territories : null;
}

export function offerEarlyNetwork(token: string, key: string, ask: () => Promise<Network>): void {
  if (networkAsked) return;
  const network = ask();
  network.catch(() => undefined);
  earlyNetwork = { token, key, network };
}

/** The early network when it was asked for this token and this request, once; null otherwise (the page asks itself). */
export function takeEarlyNetwork(token: string | null, key: string): Promise<Network> | null {
  networkAsked = true;
  const taken = earlyNetwork;
  earlyNetwork = null;
  return taken !== null && taken.token === token && taken.key === key ? taken.network : null;
}
