import {
  execute,
  getNamedType,
  GraphQLError,
  isAbstractType,
  isLeafType,
  isNonNullType,
  isObjectType,
  parse,
  type GraphQLNamedType,
  type GraphQLSchema,
} from "graphql";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import type { RequestContext } from "../auth/index.js";
import { createQueryRunner, loadQueries } from "../neo4j/queries.js";
import { compilableRootFields, createExecutor } from "./executor.js";
import { buildSchema, readTypeDefs } from "./schema.js";

const CEVENNES = "pays-cevennes";
const GCC = "gorges-causses-cevennes";
const YEAR = { from: "2023-01-01", to: "2023-12-31" };

/** Every field below `type` whose arguments are all optional, down to `depth` levels: the widest answer. */
function fullSelection(schema: GraphQLSchema, type: GraphQLNamedType, depth: number): string {
  if (isLeafType(type)) return "";
  const possible = isAbstractType(type) ? schema.getPossibleTypes(type) : isObjectType(type) ? [type] : [];
  const parts = possible.map((object) => {
    const fields = Object.values(object.getFields())
      .filter((field) => field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined))
      .map((field) => {
        const named = getNamedType(field.type);
        if (isLeafType(named)) return field.name;
        if (depth <= 1) return "";
        return `${field.name} ${fullSelection(schema, named, depth - 1)}`;
      })
      .filter((part) => part !== "" && !part.endsWith(" "));
    return isAbstractType(type) ? `... on ${object.name} { ${fields.join(" ")} }` : fields.join(" ");
  });
  return `{ __typename ${parts.join(" ")} }`;
}

describe("the compiled executor (graphql-jit) of the analytics fields", () => {
  let driver: Driver;
  /** graphql-js runs on a schema of its own: the executor changes the one it is given. */
  let schema: GraphQLSchema;
  let executorSchema: GraphQLSchema;
  let executor: ReturnType<typeof createExecutor>;
  const viewer = (role: "ANALYST" | "COORDINATOR", territories: string[]): RequestContext => ({
    viewer: { subject: `executor-${role}`, role, territories },
    pseudonymSecret: "executor-test",
    jwt: { sub: `executor-${role}`, role, territories },
  });

  beforeAll(async () => {
    driver = neo4j.driver(inject("neo4jUri"));
    const queries = createQueryRunner(driver, loadQueries());
    schema = await buildSchema({ driver, queries });
    executorSchema = await buildSchema({ driver, queries });
    executor = createExecutor(executorSchema, { compilable: compilableRootFields(executorSchema, readTypeDefs()) });
  });

  afterAll(async () => {
    await driver?.close();
  });

  it("reads the plain answers' scalar fields inline, and leaves @neo4j/graphql's types alone", () => {
    const resolverOf = (target: GraphQLSchema, type: string, field: string) => {
      const named = target.getType(type);
      return isObjectType(named) ? named.getFields()[field]?.resolve : undefined;
    };
    expect(resolverOf(schema, "CollaborationTie", "weight")).toBeDefined();
    expect(resolverOf(executorSchema, "CollaborationTie", "weight")).toBeUndefined();
    expect(resolverOf(executorSchema, "CollaborationTie", "source")).toBeUndefined();
    // Object fields keep theirs (the answers hold functions there), and so does every @node type.
    expect(resolverOf(executorSchema, "CollaborationNetwork", "ties")).toBeDefined();
    expect(resolverOf(executorSchema, "Structure", "name")).toBeDefined();
  });

  it("compiles the analytics fields only, never @neo4j/graphql's generated ones", () => {
    const compilable = compilableRootFields(schema, readTypeDefs());
    for (const name of ["collaborationNetwork", "networkMetrics", "communities", "egoNetwork", "collaborationPath", "keyFigures", "coverage", "networkEvolution", "territoryComparison"]) {
      expect(compilable, name).toContain(name);
    }
    for (const name of ["territories", "structures", "actors", "actorsConnection", "communes", "workGroups"]) {
      expect(compilable, name).not.toContain(name);
    }
    expect(executor.isCompiled(parse("{ territories { id } }"))).toBe(false);
    expect(executor.isCompiled(parse(`{ keyFigures(territoryId: "${CEVENNES}", year: 2023) { actors } territories { id } }`))).toBe(false);
    expect(executor.isCompiled(parse(`mutation { __typename }`))).toBe(false);
    expect(executor.isCompiled(parse(`{ keyFigures(territoryId: "${CEVENNES}", year: 2023) { actors } }`))).toBe(true);
  });

  // Each analytics field with arguments, asked with every field below it (4 levels): the same answer both ways.
  const cases: [string, string, Record<string, unknown>][] = [
    ["collaborationNetwork", `(territoryId: $t, level: ACTOR, window: $w, first: 300)`, { t: CEVENNES, w: YEAR }],
    ["networkMetrics", `(territoryId: $t, window: $w)`, { t: CEVENNES, w: YEAR }],
    ["communities", `(territoryId: $t, window: $w)`, { t: CEVENNES, w: YEAR }],
    ["egoNetwork", `(territoryId: $t, nodeId: "pays-cevennes-s-150", depth: 2, window: $w)`, { t: CEVENNES, w: YEAR }],
    ["collaborationPath", `(territoryId: $t, fromId: "pays-cevennes-s-150", toId: "pays-cevennes-s-020", window: $w)`, { t: CEVENNES, w: YEAR }],
    ["keyFigures", `(territoryId: $t, year: 2023)`, { t: CEVENNES }],
    ["coverage", `(territoryId: $t, window: $w)`, { t: CEVENNES, w: YEAR }],
    ["networkEvolution", `(territoryId: $t, before: $b, after: $w, first: 50)`, { t: CEVENNES, w: YEAR, b: { from: "2016-01-01", to: "2019-06-26" } }],
    ["territoryComparison", `(territoryIds: [$t, "${GCC}"], year: 2023)`, { t: CEVENNES }],
  ];

  it.each(cases)("answers %s exactly as graphql-js does, pseudonyms included", async (field, args, variables) => {
    const type = getNamedType(schema.getQueryType()!.getFields()[field]!.type);
    const document = parse(`query Q($t: ID!, $w: WindowInput${"b" in variables ? ", $b: WindowInput!" : ""}) { ${field}${args} ${fullSelection(schema, type, 4)} }`);
    expect(executor.isCompiled(document, "Q")).toBe(true);
    for (const contextValue of [viewer("ANALYST", [CEVENNES, GCC]), viewer("COORDINATOR", [CEVENNES, GCC])]) {
      const reference = await execute({ schema, document, variableValues: variables, contextValue });
      const compiled = await executor.execute({ document, operationName: "Q", variables, contextValue });
      expect(reference.errors).toBeUndefined();
      expect(JSON.parse(JSON.stringify(compiled))).toEqual(JSON.parse(JSON.stringify(reference)));
    }
  });

  it("leaves documents with literal dates to graphql-js, which hands the resolvers driver dates", async () => {
    const literal = parse(`{ egoNetwork(territoryId: "${CEVENNES}", nodeId: "pays-cevennes-s-150", window: { from: "2023-01-01", to: "2023-12-31" }) { members { node { id } } } }`);
    expect(executor.isCompiled(literal)).toBe(false);
    const asVariables = parse(`query Q($w: WindowInput) { egoNetwork(territoryId: "${CEVENNES}", nodeId: "pays-cevennes-s-150", window: $w) { members { node { id } } } }`);
    expect(executor.isCompiled(asVariables, "Q")).toBe(true);
    const contextValue = viewer("ANALYST", [CEVENNES]);
    const [fromLiteral, fromVariables] = await Promise.all([
      executor.execute({ document: literal, contextValue }),
      executor.execute({ document: asVariables, operationName: "Q", variables: { w: YEAR }, contextValue }),
    ]);
    expect(fromLiteral.errors).toBeUndefined();
    expect(fromVariables).toEqual(fromLiteral);
  });

  it("raises the same errors: a hidden territory, an unknown node, a bad variable", async () => {
    const analyst = viewer("ANALYST", [GCC]);
    const documents = [
      [`query Q($t: ID!) { keyFigures(territoryId: $t, year: 2023) { actors } }`, { t: CEVENNES }],
      [`query Q($t: ID!) { egoNetwork(territoryId: $t, nodeId: "nobody") { center { id } } }`, { t: GCC }],
      [`query Q($t: ID!, $w: WindowInput) { egoNetwork(territoryId: $t, nodeId: "nobody", window: $w) { center { id } } }`, { t: GCC, w: { from: "31/12/2023", to: "2023-12-31" } }],
    ] as const;
    for (const [source, variables] of documents) {
      const document = parse(source);
      const reference = await execute({ schema, document, variableValues: variables, contextValue: analyst });
      const compiled = await executor.execute({ document, operationName: "Q", variables, contextValue: analyst });
      expect(reference.errors?.length).toBeGreaterThan(0);
      expect(compiled.errors?.map((error) => [error.message, error.path, error.originalError?.constructor.name])).toEqual(
        reference.errors?.map((error) => [error.message, error.path, error.originalError?.constructor.name]),
      );
      // Apollo reads `extensions.code` of every error: graphql-js always gives an object.
      expect(compiled.errors?.every((error) => error instanceof GraphQLError && typeof error.extensions === "object" && error.extensions !== null)).toBe(true);
      // What Apollo reads of an error (message, locations, path, extensions), as graphql-js builds it.
      expect(compiled.errors?.map((error) => error.toJSON())).toEqual(reference.errors?.map((error) => error.toJSON()));
      expect(compiled.data ?? null).toEqual(reference.data ?? null);
    }
  });
});
