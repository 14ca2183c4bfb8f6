import type { QueryRunner } from "../../neo4j/queries.js";
import { resolveStructureNetwork, type StructureNetworkArgs } from "./structureNetwork.js";

export interface ResolverDependencies {
  queries: QueryRunner;
}

/** Resolvers for the fields @neo4j/graphql cannot generate (network queries and analytics). */
export function createResolvers({ queries }: ResolverDependencies) {
  return {
    Query: {
      structureNetwork: (_parent: unknown, args: StructureNetworkArgs) => resolveStructureNetwork(queries, args),
    },
  };
}
