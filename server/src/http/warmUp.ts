import type { AnalyticsService } from "../analytics/service.js";
import { warmUpDashboards } from "../dashboard/warmUp.js";
import type { Viewer } from "../auth/index.js";
import type { Logger } from "../logger.js";
import { PAGE_OPERATIONS, type PageOperation } from "../graphql/pageOperations.js";

/** Runs one GraphQL operation as `viewer` would, through the whole API (plugins, rules, resolvers). */
export type ExecuteOperation = (viewer: Viewer, query: string, variables: Record<string, unknown>) => Promise<{ errorCodes: string[] }>;

export interface WarmedOperation {
  readonly name: string;
  /** `dated` or `open` for the operations run with both kinds of window, null for the others. */
  readonly window: "dated" | "open" | null;
  readonly ms: number;
  /** Error codes other than NOT_FOUND (the details are asked for an id that does not exist). */
  readonly unexpected: string[];
}

/**
 * Runs the page's first operations (graphql/pageOperations.ts) once each, as a coordinator of
 * `territoryId`, one after the other so that they do not slow the requests already being served.
 * Resolves to what each cost; an operation that fails says so in `unexpected` and the others run.
 */
export async function warmUpPageOperations(
  execute: ExecuteOperation,
  territoryId: string,
  window: { from: string; to: string },
  operations: readonly PageOperation[] = PAGE_OPERATIONS,
): Promise<WarmedOperation[]> {
  const viewer: Viewer = { subject: "maillage-warm-up", role: "COORDINATOR", territories: [territoryId] };
  const runs: WarmedOperation[] = [];
  for (const operation of operations) {
    const windows = operation.windowed ? ([["dated", window], ["open", null]] as const) : ([[null, null]] as const);
    for (const [kind, each] of windows) {
      const startedAt = performance.now();
      let unexpected: string[];
      try {
        unexpected = (await execute(viewer, operation.query, operation.variables(territoryId, each))).errorCodes.filter((code) => code !== "NOT_FOUND");
      } catch (error) {
        unexpected = [error instanceof Error ? error.message : String(error)];
      }
      runs.push({ name: operation.name, window: kind, ms: Math.round(performance.now() - startedAt), unexpected });
    }
  }
  return runs;
}

/** `npm start`'s use of it: warms the page's operations for a territory up, over this year, and logs what it cost. */
export async function warmUpPage(execute: ExecuteOperation, territoryId: string, log: Logger): Promise<void> {
  const year = new Date().getUTCFullYear();
  const startedAt = Date.now();
  const runs = await warmUpPageOperations(execute, territoryId, { from: `${year}-01-01`, to: `${year}-12-31` });
  for (const run of runs.filter((each) => each.unexpected.length > 0)) {
    log.warn("a page operation failed while warming up", { operation: run.name, window: run.window, errors: run.unexpected });
  }
  const slowest = runs.reduce((a, b) => (b.ms > a.ms ? b : a));
  log.info("page operations warmed up", { territoryId, operations: runs.length, ms: Date.now() - startedAt, slowest: `${slowest.name} ${slowest.ms} ms` });
}

/**
 * What `npm start` runs once it listens, in the background (requests are served meanwhile, and a
 * failure here only costs speed): the analytics queries, then the page's first operations for the
 * first territory, then the networks the page opens on, so that the explorer's first visit waits
 * for none of them. Resolves to how many networks were preloaded; every failure is logged.
 */
export async function warmUpServer(analytics: AnalyticsService, execute: ExecuteOperation, log: Logger): Promise<number> {
  const startedAt = Date.now();
  const failed = (what: string) => (error: unknown) => log.warn(what, { error: error instanceof Error ? error.message : String(error) });
  const territoryId = await analytics.warmUp().catch((error: unknown) => {
    failed("analytics warm-up failed")(error);
    return null;
  });
  if (territoryId !== null) {
    log.info("analytics queries warmed up", { territoryId, ms: Date.now() - startedAt });
    await warmUpPage(execute, territoryId, log).catch(failed("page warm-up failed"));
  }
  const networks = await analytics.preloadPageNetworks(failed("a page network could not be preloaded")).catch((error: unknown) => {
    failed("page networks preload failed")(error);
    return 0;
  });
  log.info("page networks preloaded", { networks, ms: Date.now() - startedAt });
  await warmUpDashboards(analytics, execute, log).catch(failed("dashboards could not be computed ahead"));
  return networks;
}
