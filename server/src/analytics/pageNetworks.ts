/**
 * The networks the page opens on: the structures and actors views at their default minimum tie
 * weight (`defaultMinWeight` in client/src/features/views/views.ts; the map view draws the
 * structures network), on the backbone the page asks for (`toQueryFilter` in
 * client/src/features/filters/filters.ts: measures at alpha 0.05, ties listed up to 0.2). The start-up preload computes them for every territory's latest contract,
 * so that a coordinator's first visit reads them from memory. client/src/features/views/pageNetworks.test.ts
 * keeps both in step (this file imports nothing, so that the client's test can read it).
 */
export const PAGE_NETWORKS: readonly { readonly level: "STRUCTURE" | "ACTOR"; readonly minWeight: number }[] = [
  { level: "STRUCTURE", minWeight: 1 },
  { level: "ACTOR", minWeight: 1 },
];

/** The backbone of the page's networks. */
export const PAGE_BACKBONE = { method: "SDSM", alpha: 0.05, listUpTo: 0.2 } as const;

/** How long after a write the preload runs again (writes come in bursts: an import, a merge). */
export const PRELOAD_DELAY_MS = 3_000;

/**
 * How many territories' page networks the preload computes and keeps (WARM_UP_TERRITORIES): the
 * most used ones. The others' are computed on their first request, so that the start-up costs the
 * same with 2 territories or several hundred.
 */
export const PRELOAD_TERRITORIES = 4;

/** A preload run (at start-up, or after a write) starts no new network after this long. */
export const PRELOAD_BUDGET_MS = 120_000;
