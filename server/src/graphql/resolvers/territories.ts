import type { RequestContext } from "../../auth/context.js";
import { parseTerritoryRef } from "../../territories/input.js";
import type { TerritoryService } from "../../territories/service.js";

type Args = Record<string, unknown>;

/** Resolvers of territories.graphql; the service checks who may do what and validates the input. */
export function createTerritoryResolvers(service: TerritoryService) {
  return {
    Query: {
      epciCandidates: (_parent: unknown, args: Args, context: RequestContext) => service.epciCandidates(context.viewer, args.search),
    },
    Mutation: {
      createTerritory: (_parent: unknown, args: Args, context: RequestContext) => service.create(context.viewer, args.input),
      addContract: (_parent: unknown, args: Args, context: RequestContext) =>
        service.addContract(context.viewer, parseTerritoryRef(args.territoryId), args.input),
      addAxis: (_parent: unknown, args: Args, context: RequestContext) => service.addAxis(context.viewer, parseTerritoryRef(args.territoryId), args.input),
    },
  };
}
