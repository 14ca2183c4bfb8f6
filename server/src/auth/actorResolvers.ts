/** Resolvers of the Actor fields that stand in for personal data: `pseudonym` and `displayName`. */
import type { RequestContext } from "./context.js";
import { pseudonymFor } from "./pseudonym.js";
import { canSeePersonalData } from "./viewer.js";

interface ActorSource {
  readonly id?: unknown;
  readonly firstName?: unknown;
  readonly lastName?: unknown;
}

function actorId(source: ActorSource): string {
  if (typeof source.id !== "string") throw new Error("Actor resolved without its id");
  return source.id;
}

export const actorResolvers = {
  Actor: {
    pseudonym: (source: ActorSource, _args: unknown, context: RequestContext): string =>
      pseudonymFor(actorId(source), context.pseudonymSecret),
    displayName: (source: ActorSource, _args: unknown, context: RequestContext): string => {
      const pseudonym = pseudonymFor(actorId(source), context.pseudonymSecret);
      if (!canSeePersonalData(context.viewer)) return pseudonym;
      const name = [source.firstName, source.lastName].filter((part) => typeof part === "string" && part !== "").join(" ");
      return name === "" ? pseudonym : name;
    },
  },
};
