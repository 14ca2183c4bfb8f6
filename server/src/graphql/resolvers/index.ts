import { AnalyticsService } from "../../analytics/service.js";
import type { QueryRunner } from "../../neo4j/queries.js";
import type { RequestContext } from "../../auth/context.js";
import { ExplorerService } from "../../explorer/service.js";
import { GdprService } from "../../gdpr/service.js";
import { SavedViewService } from "../../savedViews/service.js";
import { assertReadable, createAnalyticsResolvers } from "./analytics.js";
import { createExplorerResolvers } from "./explorer.js";
import { createExportResolvers } from "./exports.js";
import { createGdprResolvers } from "./gdpr.js";
import { createSavedViewResolvers } from "./savedViews.js";
import { resolveStructureNetwork, type StructureNetworkArgs } from "./structureNetwork.js";

export interface ResolverDependencies {
  queries: QueryRunner;
  /** The analyst API's service (and its cache: call `invalidate()` after writes); one is created if absent. */
  analytics?: AnalyticsService;
}

/** Resolvers for the fields @neo4j/graphql cannot generate (network queries, analytics and the explorer). */
export function createResolvers({ queries, analytics = new AnalyticsService(queries) }: ResolverDependencies) {
  const savedViews = createSavedViewResolvers(new SavedViewService(queries), analytics);
  const explorer = new ExplorerService(queries, analytics);
  const gdpr = createGdprResolvers(new GdprService(queries, () => analytics.invalidate()));
  return {
    Mutation: { ...savedViews.Mutation, ...gdpr.Mutation },
    Query: {
      ...savedViews.Query,
      ...gdpr.Query,
      structureNetwork: async (_parent: unknown, args: StructureNetworkArgs, context: RequestContext) => {
        await assertReadable(analytics, context, args.territoryId);
        return resolveStructureNetwork(queries, args);
      },
      ...createAnalyticsResolvers(analytics),
      ...createExplorerResolvers(explorer, analytics),
      ...createExportResolvers(analytics, explorer),
    },
  };
}
