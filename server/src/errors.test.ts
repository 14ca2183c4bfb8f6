import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { AppError, formatError } from "./errors.js";

function format(error: GraphQLError): { formatted: ReturnType<typeof formatError>; internal: unknown[] } {
  const internal: unknown[] = [];
  const formatted = formatError(error.toJSON(), error, (e) => internal.push(e));
  return { formatted, internal };
}

describe("formatError", () => {
  it("keeps the code and message of a typed error", () => {
    const cause = new AppError("NOT_FOUND", "No territory with id \"x\"", { argument: "territoryId" });
    const { formatted, internal } = format(new GraphQLError(cause.message, { originalError: cause }));
    expect(formatted).toMatchObject({ message: "No territory with id \"x\"", extensions: { code: "NOT_FOUND", argument: "territoryId" } });
    expect(internal).toEqual([]);
  });

  it("finds a typed error wrapped in several GraphQL errors", () => {
    const cause = new AppError("BAD_USER_INPUT", "from must not be after to");
    const inner = new GraphQLError(cause.message, { originalError: cause });
    const { formatted } = format(new GraphQLError(inner.message, { originalError: inner }));
    expect(formatted.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("turns a constraint violation into CONFLICT", () => {
    // The class @neo4j/graphql throws (not exported) is recognised by its name.
    const cause = Object.assign(new Error("Constraint validation failed"), { name: "Neo4jGraphQLConstraintValidationError" });
    const { formatted } = format(new GraphQLError(cause.message, { originalError: cause }));
    expect(formatted.extensions?.code).toBe("CONFLICT");
  });

  it("hides driver messages and Cypher behind INTERNAL_SERVER_ERROR", () => {
    const cause = Object.assign(new Error("Neo.ClientError.Statement.SyntaxError: Invalid input 'MATCH (n)'"), { code: "Neo.ClientError" });
    const { formatted, internal } = format(new GraphQLError(cause.message, { originalError: cause }));
    expect(formatted).toEqual({ message: "Internal server error", path: undefined, extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(internal).toEqual([cause]);
  });

  it("keeps validation errors of malformed requests", () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', { extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
    expect(format(error).formatted.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("reports an unreachable database as DATABASE_UNAVAILABLE", () => {
    const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:7687"), { code: "ServiceUnavailable" });
    const { formatted } = format(new GraphQLError(cause.message, { originalError: cause }));
    expect(formatted).toMatchObject({ message: "The database is unavailable. Try again in a moment.", extensions: { code: "DATABASE_UNAVAILABLE" } });
  });
});
