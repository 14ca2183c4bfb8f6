import type { RequestContext } from "../../auth/context.js";
import { AppError } from "../../errors.js";
import { MAX_CANDIDATES, type DuplicateKind, type DuplicateService } from "../../duplicates/service.js";

type Args = Record<string, unknown>;

function requiredId(args: Args, name: string): string {
  const value = args[name];
  if (typeof value !== "string" || value.length === 0) throw new AppError("BAD_USER_INPUT", `${name} is required`, { argument: name });
  return value;
}

function kindOf(value: unknown): DuplicateKind {
  if (value === "ACTOR" || value === "STRUCTURE") return value;
  throw new AppError("BAD_USER_INPUT", "kind must be ACTOR or STRUCTURE", { argument: "kind" });
}

function pageSize(value: unknown): number {
  if (value === null || value === undefined) return 50;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_CANDIDATES) {
    throw new AppError("BAD_USER_INPUT", `first must be an integer from 1 to ${MAX_CANDIDATES}`, { argument: "first" });
  }
  return value;
}

/** Resolvers of duplicates.graphql; the service checks who may do what. */
export function createDuplicateResolvers(service: DuplicateService) {
  const merge = (kind: DuplicateKind) => (_parent: unknown, args: Args, context: RequestContext) =>
    service.merge(context.viewer, requiredId(args, "territoryId"), kind, requiredId(args, "keepId"), requiredId(args, "mergeId"));
  return {
    Query: {
      duplicateCandidates: (_parent: unknown, args: Args, context: RequestContext) =>
        service.candidates(context.viewer, requiredId(args, "territoryId"), kindOf(args.kind), pageSize(args.first)),
    },
    Mutation: {
      mergeActors: merge("ACTOR"),
      mergeStructures: merge("STRUCTURE"),
    },
  };
}
