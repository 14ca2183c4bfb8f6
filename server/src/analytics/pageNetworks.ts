/**
 * The networks the page opens on: the structures and actors views at their default minimum tie
 * weight (`defaultMinWeight` in client/src/features/views/views.ts; the map view draws the
 * structures network). The start-up preload computes them for every territory's latest contract,
 * so that a coordinator's first visit reads them from memory. client/src/features/views/pageNetworks.test.ts
 * keeps both in step (this file imports nothing, so that the client's test can read it).
 */
export const PAGE_NETWORKS: readonly { readonly level: "STRUCTURE" | "ACTOR"; readonly minWeight: number }[] = [
  { level: "STRUCTURE", minWeight: 20 },
  { level: "ACTOR", minWeight: 8 },
];

/** How long after a write the preload runs again (writes come in bursts: an import, a merge). */
export const PRELOAD_DELAY_MS = 3_000;
