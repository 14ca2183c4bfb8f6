import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import {
  execute,
  getNamedType,
  GraphQLError,
  isAbstractType,
  isLeafType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  Kind,
  OperationTypeNode,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLScalarType,
  type ExecutionResult,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { getVariableValues } from "graphql/execution/values.js";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";

/**
 * The GraphQL executor of the API. Read-only queries whose root fields are all analytics fields
 * (answers computed in memory: plain objects, no @node type below them) run as queries compiled by
 * graphql-jit, cached per document and operation name; everything else (@neo4j/graphql's generated fields, mutations,
 * introspection) runs through graphql-js as before.
 *
 * Why: a dense ego network or tie page is tens of thousands of small objects, and graphql-js
 * resolves each of their fields through the generic machinery (argument values, resolve info, path,
 * completion): 20,000 ties took ~25 ms of graphql-js against ~6 ms compiled (bench/RESULTS.md).
 */

/** Root Query fields that may run compiled: declared in the SDL files given, with nothing of @neo4j/graphql below. */
export function compilableRootFields(schema: GraphQLSchema, typeDefs: readonly string[]): Set<string> {
  const nodeTypes = new Set<string>();
  const declared = new Set<string>();
  for (const source of typeDefs) {
    for (const definition of parse(source).definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
      if (definition.directives?.some((directive) => directive.name.value === "node")) nodeTypes.add(definition.name.value);
      if (definition.name.value === "Query") for (const field of definition.fields ?? []) declared.add(field.name.value);
    }
  }
  const queryType = schema.getQueryType();
  const result = new Set<string>();
  if (!queryType) return result;
  for (const [name, field] of Object.entries(queryType.getFields())) {
    if (declared.has(name) && !field.astNode?.directives?.length && reachesOnlyPlainTypes(schema, getNamedType(field.type), nodeTypes)) result.add(name);
  }
  return result;
}

/** The named output types reachable from `roots` (through fields, and the members of interfaces and unions). */
function reachableTypes(schema: GraphQLSchema, roots: readonly GraphQLNamedType[]): Map<string, GraphQLNamedType> {
  const seen = new Map<string, GraphQLNamedType>();
  const pending = [...roots];
  while (pending.length > 0) {
    const type = pending.pop()!;
    if (seen.has(type.name)) continue;
    seen.set(type.name, type);
    if (isAbstractType(type)) pending.push(...schema.getPossibleTypes(type));
    if (isObjectType(type)) for (const field of Object.values(type.getFields())) pending.push(getNamedType(field.type));
  }
  return seen;
}

/** True when no @node type (nor a type generated from one) can be reached from `root` through output fields. */
function reachesOnlyPlainTypes(schema: GraphQLSchema, root: GraphQLNamedType, nodeTypes: ReadonlySet<string>): boolean {
  for (const type of reachableTypes(schema, [root]).values()) {
    if (nodeTypes.has(type.name)) return false;
    // A field resolved by @neo4j/graphql (@cypher, @relationship...) needs graphql-js's resolve info.
    if (isObjectType(type) && Object.values(type.getFields()).some((field) => field.astNode?.directives?.length)) return false;
  }
  return true;
}

/** The resolvers @neo4j/graphql gives every field that has none (reading the property, converting driver numbers). */
const NEO4J_DEFAULT_RESOLVERS = new Set(["defaultFieldResolver", "idResolver", "numericalResolver"]);

/**
 * Removes @neo4j/graphql's default resolvers from the scalar and enum fields of the types only the
 * compilable fields reach (answers built in memory: plain values, never driver numbers, never
 * functions). Compiled queries then read those fields inline instead of calling a resolver for each:
 * three calls per tie. Types also reachable from anything else (@node types, mutations, other root
 * fields) keep them. Returns the number of fields changed.
 */
export function dropDefaultResolversOfPlainFields(schema: GraphQLSchema, compilable: ReadonlySet<string>): number {
  const queryFields = Object.entries(schema.getQueryType()?.getFields() ?? {});
  const ours = reachableTypes(schema, queryFields.filter(([name]) => compilable.has(name)).map(([, field]) => getNamedType(field.type)));
  const others = reachableTypes(schema, [
    ...queryFields.filter(([name]) => !compilable.has(name)).map(([, field]) => getNamedType(field.type)),
    ...[schema.getMutationType(), schema.getSubscriptionType()].filter((type) => type !== null && type !== undefined),
  ]);
  let changed = 0;
  for (const type of ours.values()) {
    if (others.has(type.name) || !isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve && NEO4J_DEFAULT_RESOLVERS.has(field.resolve.name) && isLeafType(getNamedType(field.type))) {
        field.resolve = undefined;
        changed += 1;
      }
    }
  }
  return changed;
}

/**
 * True when an argument is written in the document as a literal of a custom scalar (`from: "2023-01-01"`).
 * graphql-jit writes literal arguments into its generated code as object literals, so a scalar parsed
 * into a class instance (the driver's Date) would reach the resolver as a plain object; such documents
 * run through graphql-js. Values passed as variables are parsed at each request and keep their class.
 */
function hasCustomScalarLiteral(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  const check = (): void => {
    const type = typeInfo.getInputType();
    if (type && isScalarType(getNamedType(type)) && !isSpecifiedScalarType(getNamedType(type) as GraphQLScalarType)) found = true;
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      StringValue: check,
      IntValue: check,
      FloatValue: check,
      BooleanValue: check,
      ObjectValue: check,
      ListValue: check,
    }),
  );
  return found;
}

interface ExecutorOptions {
  /** Root Query fields whose operations may run compiled (see compilableRootFields). */
  compilable: ReadonlySet<string>;
  /** Documents whose compiled operations are kept, least recently used dropped first. */
  cacheSize?: number;
}

/**
 * Picks graphql-jit or graphql-js per operation; see the module comment. Changes `schema`: the
 * plain fields of the compilable answers lose @neo4j/graphql's default resolvers (see
 * dropDefaultResolversOfPlainFields).
 */
export function createExecutor(schema: GraphQLSchema, { compilable, cacheSize = 200 }: ExecutorOptions): {
  execute(args: { document: DocumentNode; operationName?: string | null | undefined; variables?: Record<string, unknown> | undefined; contextValue: unknown }): Promise<ExecutionResult>;
  /** Whether the operation runs compiled (exposed for tests). */
  isCompiled(document: DocumentNode, operationName?: string | null): boolean;
} {
  dropDefaultResolversOfPlainFields(schema, compilable);
  /** Per document (least recently used first), per operation name ("" when none is given). */
  const compiled = new Map<DocumentNode, Map<string, CompiledQuery | null>>();

  function operationOf(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    return operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  }

  function eligible(document: DocumentNode, operation: OperationDefinitionNode | undefined): operation is OperationDefinitionNode {
    return (
      operation !== undefined &&
      operation.operation === OperationTypeNode.QUERY &&
      operation.selectionSet.selections.every(
        (selection) => selection.kind === Kind.FIELD && !selection.directives?.length && compilable.has(selection.name.value),
      ) &&
      !hasCustomScalarLiteral(schema, document)
    );
  }

  function compiledFor(document: DocumentNode, operationName?: string | null): CompiledQuery | null {
    const operation = operationOf(document, operationName);
    // No operation to run: graphql-js reports it; nothing is cached for a name the document lacks.
    if (operation === undefined) return null;
    // One document may hold several operations: each is compiled, and cached, on its own.
    const key = operationName ?? "";
    const forDocument = compiled.get(document);
    const cached = forDocument?.get(key);
    if (forDocument !== undefined && cached !== undefined) {
      compiled.delete(document);
      compiled.set(document, forDocument);
      return cached;
    }
    let result: CompiledQuery | null = null;
    if (eligible(document, operation)) {
      const attempt = compileQuery(schema, document, operationName ?? undefined);
      result = isCompiledQuery(attempt) ? attempt : null;
    }
    compiled.delete(document);
    compiled.set(document, (forDocument ?? new Map<string, CompiledQuery | null>()).set(key, result));
    if (compiled.size > cacheSize) compiled.delete(compiled.keys().next().value!);
    return result;
  }

  return {
    isCompiled: (document, operationName) => compiledFor(document, operationName) !== null,
    async execute({ document, operationName, variables, contextValue }) {
      const query = compiledFor(document, operationName);
      const operation = query && operationOf(document, operationName);
      // Variables graphql-js would refuse are left to graphql-js, so that their errors stay the same.
      if (query && operation && !("errors" in getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}))) {
        const result = await query.query(undefined, contextValue, variables ?? {});
        return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
      }
      return await execute({ schema, document, operationName, variableValues: variables, contextValue });
    },
  };
}

/**
 * graphql-jit's errors inherit GraphQLError's prototype without its constructor: no `extensions`
 * object (Apollo reads `extensions.code`). Rebuilt as graphql-js errors with the same message, path,
 * locations and cause, so that formatError sees them exactly as it sees graphql-js's.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions ?? undefined,
  });
  if (error.locations) Object.defineProperty(rebuilt, "locations", { value: error.locations, enumerable: true });
  return rebuilt;
}

/**
 * Hands the executor to Apollo Server through its gateway interface (the one hook Apollo Server 4+
 * offers to replace execution); the schema never changes at run time.
 */
export function executorGateway(schema: GraphQLSchema, executor: ReturnType<typeof createExecutor>): GatewayInterface {
  const run: GatewayExecutor = (requestContext) =>
    executor.execute({
      document: requestContext.document,
      operationName: requestContext.operationName,
      variables: requestContext.request.variables,
      contextValue: requestContext.context,
    });
  return {
    async load() {
      return { schema, executor: run };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: "" });
      return () => undefined;
    },
    async stop() {},
  };
}
