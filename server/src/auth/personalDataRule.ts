/**
 * Keeps personal data out of reach of those who may not see it, whatever the route: selections at
 * any depth, filters, sorting, aggregations, connections and mutations' inputs. @neo4j/graphql's
 * field-level @authorization covers selected fields; this check closes every other route before
 * execution. It runs per request (a plugin, not a validation rule) because it depends on the viewer.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { createRequire } from "node:module";
import type * as GraphQL from "graphql";
import { Kind, visit, type DocumentNode, type GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { AppError } from "../errors.js";
import type { RequestContext } from "./context.js";
import { canSeePersonalData } from "./viewer.js";

// The schemas come from @neo4j/graphql (CommonJS): validate and coerce with graphql's CommonJS build,
// whose `instanceof` checks they pass (see graphql/limits.ts).
const { GraphQLError: CommonJsGraphQLError, getVariableValues, validate } = createRequire(import.meta.url)("graphql") as typeof GraphQL;

/** Actor fields that are personal data (DOMAIN.md, GDPR). */
export const PERSONAL_FIELDS = ["firstName", "lastName", "email", "phone", "formerEmails"] as const;

/**
 * `lastName`, and the generated variants built on it (`lastName_CONTAINS`,
 * `lastName_SHORTEST_LENGTH_EQUAL`...). Matched by name on every type: no other type may name a
 * field this way without being treated as personal data, which errs on the safe side.
 */
const PERSONAL_NAME = new RegExp(`^(${PERSONAL_FIELDS.join("|")})(_|$)`);

export const isPersonalFieldName = (name: string): boolean => PERSONAL_NAME.test(name);

/**
 * Deepest nesting of a variable's value the scan inspects (objects and lists both count). A value
 * nested deeper is refused, not passed: what cannot be inspected is not trusted.
 */
export const MAX_INSPECTED_DEPTH = 64;

/** What the scan found: a personal field named, or a value too deep to inspect. */
export type PersonalDataUse = { readonly field: string } | { readonly tooDeep: true };

/** Walks the variables with an explicit stack (no recursion, so no stack to exhaust). */
function personalKeyIn(variables: unknown): PersonalDataUse | undefined {
  const pending: { value: unknown; depth: number }[] = [{ value: variables, depth: 0 }];
  while (pending.length > 0) {
    const { value, depth } = pending.pop()!;
    if (typeof value !== "object" || value === null) continue;
    if (depth > MAX_INSPECTED_DEPTH) return { tooDeep: true };
    const entries: [string | undefined, unknown][] = Array.isArray(value) ? value.map((item) => [undefined, item]) : Object.entries(value);
    for (const [key, inner] of entries) {
      if (key !== undefined && isPersonalFieldName(key)) return { field: key };
      pending.push({ value: inner, depth: depth + 1 });
    }
  }
  return undefined;
}

/** The first personal field a request selects, filters, sorts or aggregates on, or variables too deep to inspect. */
export function findPersonalDataUse(document: DocumentNode, variables: Readonly<Record<string, unknown>> = {}): PersonalDataUse | undefined {
  let found: PersonalDataUse | undefined;
  visit(document, {
    enter(node) {
      if (found !== undefined) return false;
      if ((node.kind === Kind.FIELD || node.kind === Kind.OBJECT_FIELD) && isPersonalFieldName(node.name.value)) {
        found = { field: node.name.value };
        return false;
      }
      return undefined;
    },
  });
  return found ?? personalKeyIn(variables);
}

function refusal(code: "FORBIDDEN" | "BAD_USER_INPUT" | "GRAPHQL_VALIDATION_FAILED", message: string, details: Record<string, unknown> = {}): GraphQLError {
  // Built with graphql's CommonJS copy, like the errors of the schema (see below).
  if (code === "GRAPHQL_VALIDATION_FAILED") return new CommonJsGraphQLError(message, { extensions: { code, http: { status: 400 } } });
  const error = new AppError(code, message, details);
  return new CommonJsGraphQLError(error.message, { originalError: error, extensions: { code: error.code, http: { status: code === "FORBIDDEN" ? 403 : 400 } } });
}

/**
 * For viewers who may not see personal data: the operation must be valid against the schema
 * without personal fields, and its variables must fit that schema's inputs (they are coerced
 * against it again when it runs, see http/app.ts). Validation results are kept per document
 * (Apollo parses each query text once and hands back the same document).
 */
function checkAgainst(schema: GraphQLSchema) {
  const validated = new WeakMap<DocumentNode, string | undefined>();
  return (document: DocumentNode, operation: OperationDefinitionNode | undefined, variables: Readonly<Record<string, unknown>>): GraphQLError | undefined => {
    if (!validated.has(document)) validated.set(document, validate(schema, document)[0]?.message);
    const invalid = validated.get(document);
    if (invalid !== undefined) return refusal("GRAPHQL_VALIDATION_FAILED", invalid);
    const coerced = getVariableValues(schema, operation?.variableDefinitions ?? [], variables);
    if ("errors" in coerced && coerced.errors !== undefined) return refusal("BAD_USER_INPUT", coerced.errors[0]?.message ?? "Invalid variables.");
    return undefined;
  };
}

/**
 * Refuses any use of personal data by a viewer who may not see it. First line: the operation must be
 * one of the schema without personal fields (`withoutPersonalData`, built by graphql/schema.ts), which
 * cannot name them at any depth; http/app.ts also runs it against that schema. Second line, kept for
 * its clear message: the scan above (FORBIDDEN), which refuses what it cannot inspect.
 */
export function personalDataPlugin(withoutPersonalData: GraphQLSchema): ApolloServerPlugin<RequestContext> {
  const check = checkAgainst(withoutPersonalData);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, contextValue }) {
          if (canSeePersonalData(contextValue.viewer)) return;
          const variables = request.variables ?? {};
          const use = findPersonalDataUse(document, variables);
          if (use !== undefined && "field" in use) {
            throw refusal("FORBIDDEN", `Personal data (${use.field}) is not available to your role; use pseudonym or displayName.`, { field: use.field });
          }
          if (use !== undefined) {
            throw refusal("FORBIDDEN", `Variables nested deeper than ${MAX_INSPECTED_DEPTH} levels cannot be checked for personal data and are refused for your role.`);
          }
          const refused = check(document, operation, variables);
          if (refused !== undefined) throw refused;
        },
      };
    },
  };
}
