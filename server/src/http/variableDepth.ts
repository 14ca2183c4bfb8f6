/**
 * Refuses GraphQL requests whose variables nest objects and lists too deeply, before anything walks
 * them: variable coercion, the limits and personal-data plugins and @neo4j/graphql all recurse, and
 * 20,000 levels overflow the stack (an internal error) or build absurd Cypher. Measured without
 * recursion, so that the check itself cannot overflow.
 */
import type { RequestHandler } from "express";

/** The nesting depth of a JSON value: 0 for a scalar, 1 for `{}` or `[]`, 2 for `{ a: [] }`... Stops counting past `limit`. */
export function jsonDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (typeof current !== "object" || current === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === "object" && child !== null) pending.push([child, depth + 1]);
    }
  }
  return deepest;
}

/** Express middleware for `/graphql`, after the JSON body parser: variables deeper than `maxDepth` get a 400 BAD_USER_INPUT. */
export function variableDepthGuard(maxDepth: number): RequestHandler {
  return (request, response, next) => {
    const body: unknown = request.body;
    const variables = typeof body === "object" && body !== null ? (body as { variables?: unknown }).variables : undefined;
    // Variables inside the variables object: its own level does not count.
    if (jsonDepth(variables, maxDepth + 1) > maxDepth + 1) {
      response.status(400).json({
        errors: [
          {
            message: `Variables are nested more than ${maxDepth} levels deep (objects and lists): flatten the filter or split the request.`,
            extensions: { code: "BAD_USER_INPUT" },
          },
        ],
      });
      return;
    }
    next();
  };
}
