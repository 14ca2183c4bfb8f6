import { parseFilter } from "../../analytics/filters.js";
import type { AnalyticsService } from "../../analytics/service.js";
import { parseWindow, yearWindow } from "../../analytics/window.js";
import type { RequestContext } from "../../auth/context.js";
import type { DashboardService } from "../../dashboard/service.js";
import type { TrendMeasure } from "../../dashboard/trends.js";
import { AppError } from "../../errors.js";
import { apiNode, assertReadable } from "./analytics.js";

type Args = Record<string, unknown>;

const MEASURE_ENUM: Readonly<Record<TrendMeasure, string>> = {
  activeActors: "ACTIVE_ACTORS",
  activeStructures: "ACTIVE_STRUCTURES",
  events: "EVENTS",
  volunteerHours: "VOLUNTEER_HOURS",
  activeWorkGroups: "ACTIVE_WORK_GROUPS",
  density: "DENSITY",
  largestComponentSize: "LARGEST_COMPONENT_SIZE",
};

function territoryOf(args: Args): string {
  const value = args.territoryId;
  if (typeof value !== "string" || value.length === 0) throw new AppError("BAD_USER_INPUT", "territoryId is required", { argument: "territoryId" });
  return value;
}

function topOf(args: Args): number {
  const value = args.top ?? 10;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 50) {
    throw new AppError("BAD_USER_INPUT", "top must be an integer from 1 to 50", { argument: "top" });
  }
  return value;
}

/** Resolvers of dashboard.graphql: checked and scoped like the analytics queries; the service does the work. */
export function createDashboardResolvers(dashboard: DashboardService, analytics: AnalyticsService) {
  return {
    dashboardTrends: async (_parent: unknown, args: Args, context: RequestContext) => {
      const territoryId = territoryOf(args);
      const year = Number(yearWindow(args.year).from?.slice(0, 4));
      const filter = parseFilter(args.filter);
      await assertReadable(analytics, context, territoryId);
      const trends = await dashboard.trends(territoryId, filter);
      return {
        territoryId,
        territoryName: trends.territoryName,
        year,
        contracts: trends.contracts,
        years: trends.years,
        headline: dashboard.headline(trends, year).map((figure) => ({ ...figure, measure: MEASURE_ENUM[figure.measure] })),
      };
    },

    networkShape: async (_parent: unknown, args: Args, context: RequestContext) => {
      const territoryId = territoryOf(args);
      const window = parseWindow(args.window);
      const filter = parseFilter(args.filter);
      const top = topOf(args);
      await assertReadable(analytics, context, territoryId);
      const shape = await dashboard.shape(territoryId, window, filter, top);
      const { analysis } = shape;
      return {
        territoryId,
        window: { from: window.from, to: window.to },
        nodeCount: analysis.graph.order,
        tieCount: analysis.graph.size,
        degreeDistribution: shape.degreeDistribution,
        topNodes: () => shape.top.map((node) => ({ node: apiNode(analysis, node.id, context), degree: node.degree })),
        topTieCount: shape.topTieCount,
        topTieShare: shape.topTieShare,
        dependencies: () =>
          shape.dependencies.map((each) => ({ structure: apiNode(analysis, each.organisationId, context), memberCount: each.memberCount, partnerCount: each.partnerCount })),
      };
    },
  };
}
