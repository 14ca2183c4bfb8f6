import type { AnalyticsService } from "../analytics/service.js";
import type { Viewer } from "../auth/index.js";
import type { Logger } from "../logger.js";

// The dashboard's requests as the page makes them (client/src/api/dashboard.ts) with the explorer's
// first period and no filter: the answers are cached by their arguments, not their selections.
const TRENDS = `query WarmDashboardTrends($territoryId: ID!, $year: Int!) { dashboardTrends(territoryId: $territoryId, year: $year, filter: {}) { year } }`;
const SHAPE = `query WarmNetworkShape($territoryId: ID!, $window: WindowInput) { networkShape(territoryId: $territoryId, window: $window, filter: {}, top: 10) { nodeCount } }`;
const COVERAGE = `query WarmDashboardCoverage($territoryId: ID!, $window: WindowInput) { coverage(territoryId: $territoryId, window: $window) { cellCount } }`;

/** The year of the dashboard's headline for a window (client/src/features/dashboard/period.ts). */
export function headlineYear(window: { to: string | null }, today: Date): number {
  const thisYear = today.getFullYear();
  const end = window.to ? Number(window.to.slice(0, 4)) : thisYear;
  return Number.isFinite(end) ? Math.min(end, thisYear) : thisYear;
}

/**
 * Computes every territory's Tableau de bord over its latest contract, as a coordinator opening it
 * would, so that the first opening reads the figures from the caches (the years since the first
 * contract cost seconds: one network per year). Resolves to how many territories were done.
 */
export async function warmUpDashboards(
  analytics: AnalyticsService,
  execute: (viewer: Viewer, query: string, variables: Record<string, unknown>) => Promise<{ errorCodes: string[] }>,
  log: Logger,
): Promise<number> {
  const startedAt = Date.now();
  let done = 0;
  for (const { territoryId, window } of await analytics.latestContractWindows()) {
    const viewer: Viewer = { subject: "maillage-warm-up", role: "COORDINATOR", territories: [territoryId] };
    const windowInput = window.from === null && window.to === null ? null : window;
    const runs = await Promise.all([
      execute(viewer, TRENDS, { territoryId, year: headlineYear(window, new Date()) }),
      execute(viewer, SHAPE, { territoryId, window: windowInput }),
      execute(viewer, COVERAGE, { territoryId, window: windowInput }),
    ]);
    const errors = runs.flatMap((run) => run.errorCodes);
    if (errors.length > 0) log.warn("a dashboard could not be computed ahead", { territoryId, errors });
    else done += 1;
  }
  log.info("dashboards computed ahead", { territories: done, ms: Date.now() - startedAt });
  return done;
}
