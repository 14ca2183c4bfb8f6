import { parseDate } from "../../analytics/window.js";
import type { RequestContext } from "../../auth/context.js";
import { AppError } from "../../errors.js";
import type { GdprService } from "../../gdpr/service.js";

type Args = Record<string, unknown>;

function requiredId(args: Args, name: string): string {
  const value = args[name];
  if (typeof value !== "string" || value.length === 0) throw new AppError("BAD_USER_INPUT", `${name} is required`, { argument: name });
  return value;
}

function years(value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 100) {
    throw new AppError("BAD_USER_INPUT", "years must be an integer from 1 to 100", { argument: "years" });
  }
  return value;
}

/** Resolvers of gdpr.graphql; the service checks who may do what. */
export function createGdprResolvers(service: GdprService) {
  return {
    Query: {
      personData: (_parent: unknown, args: Args, context: RequestContext) => service.exportPerson(context.viewer, requiredId(args, "actorId")),
      inactivePeople: (_parent: unknown, args: Args, context: RequestContext) =>
        service.inactivePeople(
          context.viewer,
          requiredId(args, "territoryId"),
          years(args.years),
          parseDate(args.asOf, "asOf") ?? new Date().toISOString().slice(0, 10),
        ),
    },
    Mutation: {
      erasePerson: (_parent: unknown, args: Args, context: RequestContext) => service.erase(context.viewer, requiredId(args, "actorId")),
    },
  };
}
