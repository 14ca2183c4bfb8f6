/**
 * Keeps personal data out of reach of those who may not see it, whatever the route: selections at
 * any depth, filters, sorting, aggregations, connections and mutations' inputs. @neo4j/graphql's
 * field-level @authorization covers selected fields; this check closes every other route before
 * execution. It runs per request (a plugin, not a validation rule) because it depends on the viewer.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, visit, type DocumentNode } from "graphql";
import { AppError } from "../errors.js";
import type { RequestContext } from "./context.js";
import { canSeePersonalData } from "./viewer.js";

/** Actor fields that are personal data (DOMAIN.md, GDPR). */
export const PERSONAL_FIELDS = ["firstName", "lastName", "email", "phone", "formerEmails"] as const;

/**
 * `lastName`, and the generated variants built on it (`lastName_CONTAINS`,
 * `lastName_SHORTEST_LENGTH_EQUAL`...). Matched by name on every type: no other type may name a
 * field this way without being treated as personal data, which errs on the safe side.
 */
const PERSONAL_NAME = new RegExp(`^(${PERSONAL_FIELDS.join("|")})(_|$)`);

export const isPersonalFieldName = (name: string): boolean => PERSONAL_NAME.test(name);

function personalKeyIn(value: unknown, depth = 0): string | undefined {
  if (depth > 50 || typeof value !== "object" || value === null) return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = personalKeyIn(item, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (isPersonalFieldName(key)) return key;
    const found = personalKeyIn(inner, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The first personal field a request selects, filters, sorts or aggregates on, if any. */
export function findPersonalDataUse(document: DocumentNode, variables: Readonly<Record<string, unknown>> = {}): string | undefined {
  let found: string | undefined;
  visit(document, {
    enter(node) {
      if (found !== undefined) return false;
      if ((node.kind === Kind.FIELD || node.kind === Kind.OBJECT_FIELD) && isPersonalFieldName(node.name.value)) {
        found = node.name.value;
        return false;
      }
      return undefined;
    },
  });
  return found ?? personalKeyIn(variables);
}

/** Refuses, with FORBIDDEN, any use of personal data by a viewer who may not see it. */
export function personalDataPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, contextValue }) {
          if (canSeePersonalData(contextValue.viewer)) return;
          const field = findPersonalDataUse(document, request.variables ?? {});
          if (field === undefined) return;
          const error = new AppError("FORBIDDEN", `Personal data (${field}) is not available to your role; use pseudonym or displayName.`, { field });
          throw new GraphQLError(error.message, { originalError: error, extensions: { code: error.code, http: { status: 403 } } });
        },
      };
    },
  };
}
