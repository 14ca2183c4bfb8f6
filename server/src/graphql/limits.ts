import { createRequire } from "node:module";
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
} from "graphql";
import type * as GraphQL from "graphql";
import type * as QueryComplexity from "graphql-query-complexity";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { defaultBuildCost } from "../analytics/buildCost.js";
import type { NetworkRequest } from "../analytics/service.js";
import type { ErrorCode } from "../errors.js";
import { analyticsDemand } from "./networkCost.js";

// The schema comes from @neo4j/graphql, a CommonJS package, so its types are instances of graphql's
// CommonJS build; graphql-js checks `instanceof` and throws on a second copy (which the ESM builds of
// graphql-query-complexity, and of graphql itself under Vite, would load). Take both from CommonJS.
const require = createRequire(import.meta.url);
const { GraphQLError: CommonJsGraphQLError, getNamedType, getNullableType, getVariableValues, isListType } = require("graphql") as typeof GraphQL;
const { fieldExtensionsEstimator, getComplexity, simpleEstimator } = require("graphql-query-complexity") as typeof QueryComplexity;

/** Limits applied to every operation before it runs. */
export interface GraphQLLimits {
  /** Deepest field nesting allowed (`{ a { b } }` has depth 2); introspection fields do not count. */
  readonly maxDepth: number;
  /** Highest estimated cost allowed: each field costs 1, list fields multiply what they select. */
  readonly maxCost: number;
  /** Highest `limit` or `first` argument allowed on any field. */
  readonly maxPageSize: number;
  /** Items a list field is assumed to return when no `limit` or `first` says otherwise. */
  readonly assumedListSize: number;
  /** Deepest nesting of objects and lists in a request's variables (see variableDepth.ts). */
  readonly maxVariableDepth: number;
  /**
   * Highest cost of the distinct networks one operation builds: each network not cached yet counts
   * its expected size in units (analytics/buildCost.ts: 1, plus 1 per 25,000 ties, at most 4).
   */
  readonly maxNetworkCost: number;
  /** Most expensive analytics root fields (networkCost.ts) in one operation, aliases included. */
  readonly maxAnalyticsFields: number;
  /** Network cost units one user (token subject) may spend per minute; HTTP 429 with Retry-After above. */
  readonly networkCostPerMinute: number;
  /**
   * Most tokens a document may hold (graphql-js's `maxTokens`, applied while parsing): hundreds of
   * aliases cost seconds of validation before any limit above can refuse them.
   */
  readonly maxTokens: number;
}

export const DEFAULT_GRAPHQL_LIMITS: GraphQLLimits = Object.freeze({
  maxDepth: 10,
  maxCost: 20_000,
  maxPageSize: 1_000,
  assumedListSize: 25,
  maxVariableDepth: 32,
  maxNetworkCost: 8,
  maxAnalyticsFields: 10,
  networkCostPerMinute: 60,
  maxTokens: 15_000,
});

/** Stable `extensions.code` of an operation rejected by a limit. */
export type LimitErrorCode = Extract<
  ErrorCode,
  "QUERY_TOO_DEEP" | "QUERY_TOO_COMPLEX" | "PAGE_SIZE_TOO_LARGE" | "TOO_MANY_NETWORKS" | "TOO_MANY_ANALYTICS_FIELDS"
>;

/** What a network not built yet costs (0 when it is cached): `AnalyticsService.expectedBuildCost`, or a default by level. */
export type BuildCostEstimate = (request: NetworkRequest) => number;

/** Arguments that set the size of a page, on @neo4j/graphql's lists (`limit`) and connections (`first`). */
const PAGE_ARGUMENTS = new Set(["limit", "first"]);

/** Arguments that count items and must not be negative: the page sizes, and the items skipped (`offset`). */
const COUNT_ARGUMENTS = new Set([...PAGE_ARGUMENTS, "offset"]);

/** graphql-query-complexity's own guard against fragment bombs; its error has no code. */
const MAX_QUERY_NODES = 10_000;
const TOO_MANY_NODES = "Query exceeds the maximum allowed number of nodes.";

export function limitError(code: LimitErrorCode | "BAD_USER_INPUT", message: string): GraphQLError {
  // A limit is the client's doing: answer 400, like a validation error, not Apollo's default 500.
  return new CommonJsGraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

interface PageRequest {
  readonly field: string;
  readonly argument: string;
  readonly size: number;
}

interface Measure {
  readonly depth: number;
  readonly largestPage: PageRequest | undefined;
  readonly smallestPage: PageRequest | undefined;
}

type Variables = Readonly<Record<string, unknown>>;

function larger(a: PageRequest | undefined, b: PageRequest | undefined): PageRequest | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return b.size > a.size ? b : a;
}

function smaller(a: PageRequest | undefined, b: PageRequest | undefined): PageRequest | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return b.size < a.size ? b : a;
}

const NOTHING: Measure = Object.freeze({ depth: 0, largestPage: undefined, smallestPage: undefined });

/** The number a page argument asks for: a literal, a variable, or the variable's default. */
function requestedSize(
  value: ValueNode,
  variables: Variables,
  defaults: ReadonlyMap<string, ValueNode>,
): number | undefined {
  if (value.kind === "IntValue") return Number.parseInt(value.value, 10);
  if (value.kind !== "Variable") return undefined;
  const name = value.name.value;
  if (Object.hasOwn(variables, name)) {
    const given = variables[name];
    return typeof given === "number" ? given : undefined;
  }
  const fallback = defaults.get(name);
  return fallback === undefined ? undefined : requestedSize(fallback, {}, new Map());
}

/**
 * Depth, largest and smallest page of one operation, read from its syntax alone: fragments are resolved and
 * measured once each (a fragment spread a thousand times costs one walk), introspection is skipped
 * (graphql-js bounds it with its own MaxIntrospectionDepthRule).
 */
export function measureOperation(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Variables,
): Measure {
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
  }
  const fragmentMeasures = new Map<string, Measure>();
  const inProgress = new Set<string>();

  const measureSelections = (selectionSet: SelectionSetNode): Measure => {
    let depth = 0;
    let largestPage: PageRequest | undefined;
    let smallestPage: PageRequest | undefined;
    for (const selection of selectionSet.selections) {
      let inner: Measure;
      if (selection.kind === "Field") {
        if (selection.name.value.startsWith("__")) continue;
        const below = selection.selectionSet ? measureSelections(selection.selectionSet) : NOTHING;
        let { largestPage: largest, smallestPage: smallest } = below;
        for (const argument of selection.arguments ?? []) {
          if (!COUNT_ARGUMENTS.has(argument.name.value)) continue;
          const size = requestedSize(argument.value, variables, defaults);
          if (size === undefined) continue;
          const page = { field: selection.name.value, argument: argument.name.value, size };
          if (PAGE_ARGUMENTS.has(page.argument)) largest = larger(largest, page);
          smallest = smaller(smallest, page);
        }
        inner = { depth: below.depth + 1, largestPage: largest, smallestPage: smallest };
      } else if (selection.kind === "InlineFragment") {
        inner = measureSelections(selection.selectionSet);
      } else {
        inner = measureFragment(selection.name.value);
      }
      depth = Math.max(depth, inner.depth);
      largestPage = larger(largestPage, inner.largestPage);
      smallestPage = smaller(smallestPage, inner.smallestPage);
    }
    return { depth, largestPage, smallestPage };
  };

  const measureFragment = (name: string): Measure => {
    const known = fragmentMeasures.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    // Validation rejects unknown fragments and cycles before this runs; stay safe regardless.
    if (!fragment || inProgress.has(name)) return NOTHING;
    inProgress.add(name);
    const measure = measureSelections(fragment.selectionSet);
    inProgress.delete(name);
    fragmentMeasures.set(name, measure);
    return measure;
  };

  return measureSelections(operation.selectionSet);
}

/**
 * Cost of list fields: what they select, times the page they ask for (`limit`, or `first` on a
 * connection) or the assumed list size. A connection's `edges` are already counted by the connection.
 */
export function listEstimator(assumedListSize: number): QueryComplexity.ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    if (type.name.startsWith("__") || field.name.startsWith("__")) return 0;
    const nullable = getNullableType(field.type);
    const named = getNamedType(field.type);
    const isConnection = named.name.endsWith("Connection") && "getFields" in named && "edges" in named.getFields();
    if (!isListType(nullable) && !isConnection) return undefined;
    if (type.name.endsWith("Connection") && field.name === "edges") return 1 + childComplexity;
    const requested: unknown = args.limit ?? args.first;
    const size = typeof requested === "number" && requested >= 0 ? requested : assumedListSize;
    return 1 + size * childComplexity;
  };
}

export interface OperationToCheck {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  readonly operationName?: string | undefined;
  readonly variables?: Variables | undefined;
}

/**
 * The estimated cost of an operation whose variables are valid, or "too many nodes" when
 * graphql-query-complexity gives up on its size. Anything else it throws is a fault: it propagates
 * (the request fails closed) rather than letting the operation through unmeasured.
 */
export function estimateCost({ schema, document, operationName, variables }: OperationToCheck, limits: GraphQLLimits): number | "too many nodes" {
  try {
    return getComplexity({
      schema,
      query: document,
      operationName,
      variables: { ...variables },
      maxQueryNodes: MAX_QUERY_NODES,
      estimators: [fieldExtensionsEstimator(), listEstimator(limits.assumedListSize), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    if (error instanceof Error && error.message === TOO_MANY_NODES) return "too many nodes";
    throw error;
  }
}

function selectOperation(document: DocumentNode, operationName: string | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
  if (operationName === undefined) return operations.length === 1 ? operations[0] : undefined;
  return operations.find((operation) => operation.name?.value === operationName);
}

/** The first limit a (validated) operation exceeds, as a GraphQL error with a stable code; undefined when within all limits. */
export function checkLimits(request: OperationToCheck, limits: GraphQLLimits, estimate: BuildCostEstimate = defaultBuildCost): GraphQLError | undefined {
  return assessOperation(request, limits, estimate).error;
}

interface Assessment {
  readonly error: GraphQLError | undefined;
  /** Cost units of the distinct networks the operation builds (0 when all are cached). */
  readonly networkCost: number;
}

const WITHIN: Assessment = Object.freeze({ error: undefined, networkCost: 0 });

function assessOperation(request: OperationToCheck, limits: GraphQLLimits, estimate: BuildCostEstimate): Assessment {
  const refuse = (error: GraphQLError): Assessment => ({ error, networkCost: 0 });
  const operation = selectOperation(request.document, request.operationName);
  if (!operation) return WITHIN;
  const fragments = new Map(
    request.document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === "FragmentDefinition")
      .map((fragment) => [fragment.name.value, fragment]),
  );
  // Invalid variables: execution rejects them with BAD_USER_INPUT before anything runs.
  const coerced = getVariableValues(request.schema, operation.variableDefinitions ?? [], { ...request.variables });
  if (coerced.errors !== undefined) return WITHIN;
  const { depth, largestPage, smallestPage } = measureOperation(operation, fragments, coerced.coerced);
  if (depth > limits.maxDepth) {
    return refuse(limitError("QUERY_TOO_DEEP", `Query depth ${depth} exceeds the maximum of ${limits.maxDepth}.`));
  }
  if (largestPage !== undefined && largestPage.size > limits.maxPageSize) {
    return refuse(
      limitError(
        "PAGE_SIZE_TOO_LARGE",
        `Page size ${largestPage.size} (\`${largestPage.argument}\` on \`${largestPage.field}\`) exceeds the maximum of ${limits.maxPageSize}: request smaller pages.`,
      ),
    );
  }
  if (smallestPage !== undefined && smallestPage.size < 0) {
    // Neo4j would refuse a negative LIMIT or SKIP with an error of its own, which clients must not see.
    return refuse(
      limitError("BAD_USER_INPUT", `\`${smallestPage.argument}\` on \`${smallestPage.field}\` is ${smallestPage.size}: it must be 0 or more.`),
    );
  }
  const cost = estimateCost({ ...request, variables: coerced.coerced }, limits);
  if (cost === "too many nodes") {
    return refuse(limitError("QUERY_TOO_COMPLEX", `Query has more than ${MAX_QUERY_NODES} fields and fragments to evaluate.`));
  }
  if (cost > limits.maxCost) {
    return refuse(
      limitError(
        "QUERY_TOO_COMPLEX",
        `Query cost ${cost} exceeds the maximum of ${limits.maxCost}: ask for fewer nested lists or smaller pages (\`limit\`, \`first\`; a list without one counts as ${limits.assumedListSize} items).`,
      ),
    );
  }
  const demand = analyticsDemand(request.schema, operation, fragments, coerced.coerced);
  if (demand.expensiveFields > limits.maxAnalyticsFields) {
    return refuse(
      limitError(
        "TOO_MANY_ANALYTICS_FIELDS",
        `This operation asks for ${demand.expensiveFields} analytics fields (aliases included); at most ${limits.maxAnalyticsFields} per operation: send several requests.`,
      ),
    );
  }
  const networkCost = demand.networks.reduce((sum, network) => sum + estimate(network), 0);
  if (networkCost > limits.maxNetworkCost) {
    return refuse(
      limitError(
        "TOO_MANY_NETWORKS",
        `This operation would build ${demand.networks.length} distinct networks (territory × level × window × filter) costing ${networkCost} units; at most ${limits.maxNetworkCost} per operation (a network costs 1 unit plus 1 per 25,000 ties, at most 4; one already computed costs nothing): ask for fewer windows, levels or filters at once.`,
      ),
    );
  }
  return { error: undefined, networkCost };
}



/** The user whose budget an operation spends: the token's subject (the request context's viewer). */
function subjectOf(context: unknown): string | undefined {
  const viewer = typeof context === "object" && context !== null ? (context as { viewer?: unknown }).viewer : undefined;
  const subject = typeof viewer === "object" && viewer !== null ? (viewer as { subject?: unknown }).subject : undefined;
  return typeof subject === "string" ? subject : undefined;
}

function rateLimitedError(retryAfterSeconds: number, limits: GraphQLLimits): GraphQLError {
  return new CommonJsGraphQLError(
    `Too many networks computed in the last minute (at most ${limits.networkCostPerMinute} units per user): try again in ${retryAfterSeconds} s. Networks already computed stay free.`,
    { extensions: { code: "RATE_LIMITED", http: { status: 429, headers: new Map([["retry-after", String(retryAfterSeconds)]]) } } },
  );
}

export interface LimitsPluginOptions {
  /** What each network costs now (`AnalyticsService.expectedBuildCost`); without it, every network counts by level. */
  readonly estimate?: BuildCostEstimate | undefined;
}

/**
 * Apollo Server plugin: once the operation is parsed, validated and chosen (and before anything
 * runs), rejects it if the operation named is not in the document, or if it is too deep, asks for
 * too large or a negative page (or offset), costs too much, holds too many analytics fields or
 * would build too many networks; then spends the networks' cost from the user's budget per minute
 * (a fixed one-minute window per token subject, rate-limiter-flexible), answering 429 with
 * Retry-After when it is spent.
 */
export function limitsPlugin<TContext extends BaseContext>(limits: GraphQLLimits = DEFAULT_GRAPHQL_LIMITS, options: LimitsPluginOptions = {}): ApolloServerPlugin<TContext> {
  const estimate = options.estimate ?? defaultBuildCost;
  const budget = new RateLimiterMemory({ points: limits.networkCostPerMinute, duration: 60 });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, operationName, request, contextValue }) {
          // graphql-js would say so at execution, as an error without a code (a 500); say it here.
          if (operation === undefined) {
            throw limitError(
              "BAD_USER_INPUT",
              request.operationName
                ? `Unknown operation named "${request.operationName}".`
                : "Must provide operation name if query contains multiple operations.",
            );
          }
          const { error, networkCost } = assessOperation(
            { schema, document, operationName: operationName ?? undefined, variables: request.variables },
            limits,
            estimate,
          );
          if (error) throw error;
          const subject = subjectOf(contextValue);
          if (networkCost === 0 || subject === undefined) return;
          try {
            await budget.consume(subject, networkCost);
          } catch (refusal) {
            if (!(refusal instanceof RateLimiterRes)) throw refusal;
            throw rateLimitedError(Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)), limits);
          }
        },
      };
    },
  };
}
