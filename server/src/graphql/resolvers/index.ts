import type { GeoSource } from "../../../../seed/src/geo.js";
import { AnalyticsService } from "../../analytics/service.js";
import type { QueryRunner } from "../../neo4j/queries.js";
import type { RequestContext } from "../../auth/context.js";
import { DashboardService } from "../../dashboard/service.js";
import { DuplicateService } from "../../duplicates/service.js";
import { EditingService } from "../../editing/service.js";
import { ExplorerService } from "../../explorer/service.js";
import { GdprService } from "../../gdpr/service.js";
import { SavedViewService } from "../../savedViews/service.js";
import { TerritoryService } from "../../territories/service.js";
import { assertReadable, createAnalyticsResolvers } from "./analytics.js";
import { createDashboardResolvers } from "./dashboard.js";
import { createDuplicateResolvers } from "./duplicates.js";
import { createEditingResolvers } from "./editing.js";
import { createExplorerResolvers } from "./explorer.js";
import { createExportResolvers } from "./exports.js";
import { createGdprResolvers } from "./gdpr.js";
import { createSavedViewResolvers } from "./savedViews.js";
import { createTerritoryResolvers } from "./territories.js";
import { resolveStructureNetwork, type StructureNetworkArgs } from "./structureNetwork.js";

export interface ResolverDependencies {
  queries: QueryRunner;
  /** The analyst API's service (its caches are versioned; writes call `written()`); one is created if absent. */
  analytics?: AnalyticsService;
  /** config.geoSource, read when a territory is created; `none` (no contours) when absent. */
  geoSource?: GeoSource;
}

/** Resolvers for the fields @neo4j/graphql cannot generate (network queries, analytics and the explorer). */
export function createResolvers({ queries, analytics = new AnalyticsService(queries), geoSource = "none" }: ResolverDependencies) {
  const savedViews = createSavedViewResolvers(new SavedViewService(queries), analytics);
  const explorer = new ExplorerService(queries, analytics);
  const gdpr = createGdprResolvers(new GdprService(queries, () => analytics.written()));
  const territories = createTerritoryResolvers(new TerritoryService(queries, geoSource, () => analytics.written()));
  const duplicates = createDuplicateResolvers(new DuplicateService(queries, () => analytics.written()));
  const editing = createEditingResolvers(new EditingService(queries, () => analytics.written()), queries);
  return {
    Mutation: { ...savedViews.Mutation, ...gdpr.Mutation, ...editing.Mutation, ...duplicates.Mutation, ...territories.Mutation },
    Query: {
      ...savedViews.Query,
      ...gdpr.Query,
      ...territories.Query,
      ...editing.Query,
      ...duplicates.Query,
      structureNetwork: async (_parent: unknown, args: StructureNetworkArgs, context: RequestContext) => {
        await assertReadable(analytics, context, args.territoryId);
        return resolveStructureNetwork(queries, args);
      },
      ...createAnalyticsResolvers(analytics),
      ...createDashboardResolvers(new DashboardService(queries, analytics), analytics),
      ...createExplorerResolvers(explorer, analytics),
      ...createExportResolvers(analytics, explorer),
    },
  };
}
