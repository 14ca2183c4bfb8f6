import { createRequire } from "node:module";
import type { FieldNode, FragmentDefinitionNode, GraphQLSchema, OperationDefinitionNode, SelectionSetNode } from "graphql";
import type * as GraphQL from "graphql";
import { NO_FILTER, parseFilter, parseLevel } from "../analytics/filters.js";
import type { NetworkRequest } from "../analytics/service.js";
import { parseWindow, yearWindow } from "../analytics/window.js";

// The schema's types come from graphql's CommonJS build (see limits.ts): take getArgumentValues from it too.
const require = createRequire(import.meta.url);
const { getArgumentValues } = require("graphql") as typeof GraphQL;

type Args = Readonly<Record<string, unknown>>;

/**
 * Root fields whose answer costs more than a database read: each builds (or reads from the cache)
 * one or more collaboration networks, or runs an aggregate over a whole territory. Their aliases
 * are capped per operation (GRAPHQL_MAX_ANALYTICS_FIELDS), whatever they ask.
 */
export const EXPENSIVE_ROOT_FIELDS: ReadonlySet<string> = new Set([
  "collaborationNetwork",
  "networkMetrics",
  "communities",
  "egoNetwork",
  "collaborationPath",
  "networkEvolution",
  "territoryComparison",
  "participationNetwork",
  "networkExport",
  "keyFigures",
  "coverage",
  "structureNetwork",
  "dashboardTrends",
  "networkShape",
]);

const single = (args: Args): NetworkRequest[] => {
  const territoryId = args.territoryId;
  if (typeof territoryId !== "string") return [];
  return [{ territoryId, level: parseLevel(args.level), window: parseWindow(args.window), filter: parseFilter(args.filter) }];
};

const workGroupsOnly = (request: NetworkRequest): NetworkRequest => ({ ...request, filter: { ...request.filter, through: ["WORK_GROUP"], minWeight: 1 } });

/**
 * The networks each field builds, from its arguments, as its resolver asks the analytics service
 * for them (server/src/graphql/resolvers): keep the two in step when a resolver changes.
 */
const NETWORKS_OF: Readonly<Record<string, (args: Args, selections: (name: string) => boolean) => NetworkRequest[]>> = {
  collaborationNetwork: single,
  networkMetrics: single,
  communities: single,
  egoNetwork: single,
  collaborationPath: single,
  networkEvolution: (args) =>
    single(args).flatMap((request) => [
      { ...request, window: parseWindow(args.before, "before") },
      { ...request, window: parseWindow(args.after, "after") },
    ]),
  territoryComparison: (args) => {
    const ids = Array.isArray(args.territoryIds) ? args.territoryIds.filter((id): id is string => typeof id === "string") : [];
    const window = yearWindow(args.year);
    return [...new Set(ids)].map((territoryId) => ({ territoryId, level: "STRUCTURE", window, filter: NO_FILTER }));
  },
  // The dashboard measures every tie (server/src/dashboard/service.ts, dashboardFilter); the trends'
  // yearly networks depend on the territory's contracts, unknown here: only the field itself counts.
  networkShape: (args) =>
    single(args).flatMap((request) => {
      const filter = { ...request.filter, minWeight: 1, weighting: "COUNT" as const, backbone: null };
      return [{ ...request, level: "STRUCTURE" as const, filter }, { ...request, level: "ACTOR" as const, filter }];
    }),
  participationNetwork: (args) => single({ ...args, level: "ACTOR" }).map(workGroupsOnly),
  // The details panel builds the structure network of the window only for its `node` field.
  organisationDetails: (args, selects) =>
    selects("node") ? single({ territoryId: args.territoryId, level: "STRUCTURE", window: args.window }).map((request) => ({ ...request, filter: NO_FILTER })) : [],
  networkExport: (args) => {
    if (args.view === "PARTICIPATION") return single({ ...args, level: "ACTOR" }).map(workGroupsOnly);
    return single({ ...args, level: args.view === "ACTORS" ? "ACTOR" : "STRUCTURE" }).flatMap((request) => {
      const { through, roles } = request.filter;
      // How many ties go through work groups: the same network through work groups only (exports.ts, tieSources).
      const split = roles === null && through.includes("WORK_GROUP") && through.length > 1;
      return split ? [request, workGroupsOnly(request)] : [request];
    });
  },
};

/** What an operation asks of the analytics: the distinct networks it builds, and how many expensive fields (aliases included). */
export interface AnalyticsDemand {
  readonly networks: readonly NetworkRequest[];
  readonly expensiveFields: number;
}

/** A network request as one key: equal requests (same territory, level, window, filter) build one network. */
export const networkKey = (request: NetworkRequest): string =>
  JSON.stringify([request.territoryId, request.level, request.window.from, request.window.to, request.filter]);

/**
 * Reads, from the operation's syntax and its coerced variables, every network its root fields would
 * build (through aliases, inline fragments and fragment spreads; each fragment read once per place it
 * is spread, which validation bounds). Arguments a resolver would refuse count nothing: the resolver
 * answers BAD_USER_INPUT before building.
 */
export function analyticsDemand(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Args,
): AnalyticsDemand {
  const rootType = operation.operation === "query" ? schema.getQueryType() : undefined;
  if (rootType === undefined || rootType === null) return { networks: [], expensiveFields: 0 };
  const fields = rootType.getFields();
  const networks = new Map<string, NetworkRequest>();
  let expensiveFields = 0;

  const rootFields = (selectionSet: SelectionSetNode, seen: ReadonlySet<string>, visit: (field: FieldNode) => void): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === "Field") visit(selection);
      else if (selection.kind === "InlineFragment") rootFields(selection.selectionSet, seen, visit);
      else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (fragment !== undefined && !seen.has(name)) rootFields(fragment.selectionSet, new Set([...seen, name]), visit);
      }
    }
  };

  rootFields(operation.selectionSet, new Set(), (field) => {
    const name = field.name.value;
    if (EXPENSIVE_ROOT_FIELDS.has(name)) expensiveFields += 1;
    const networksOf = NETWORKS_OF[name];
    const definition = fields[name];
    if (networksOf === undefined || definition === undefined) return;
    const selects = (child: string): boolean => {
      let found = false;
      if (field.selectionSet) rootFields(field.selectionSet, new Set(), (inner) => (found ||= inner.name.value === child));
      return found;
    };
    let requests: NetworkRequest[];
    try {
      requests = networksOf(getArgumentValues(definition, field, { ...variables }), selects);
    } catch {
      // Arguments the resolver refuses (BAD_USER_INPUT) build nothing.
      return;
    }
    for (const request of requests) networks.set(networkKey(request), request);
  });
  return { networks: [...networks.values()], expensiveFields };
}
