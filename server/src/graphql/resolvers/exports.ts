import type { FragmentDefinitionNode, SelectionSetNode } from "graphql";
import type { Analysis } from "../../analytics/analysis.js";
import type { NetworkFilter } from "../../analytics/filters.js";
import type { AnalyticsService, NetworkRequest } from "../../analytics/service.js";
import { parseWindow, type Window } from "../../analytics/window.js";
import type { RequestContext } from "../../auth/context.js";
import { AppError } from "../../errors.js";
import {
  EXPORT_FORMATS,
  exportFile,
  filtersText,
  workGroupKindLabel,
  type ExportFile,
  type ExportFormat,
  type ExportGraph,
  type ExportNode,
  type ExportPosition,
  type ExportTie,
  type ExportView,
} from "../../export/index.js";
import type { ExplorerService, TerritoryCatalog } from "../../explorer/service.js";
import { apiNode, assertReadable, parseNetworkArguments } from "./analytics.js";

type Args = Record<string, unknown>;

/**
 * Most nodes one export may list with positions. A position costs about 60 bytes of JSON, so 10,000
 * stay within the 1 MB request body /graphql accepts; the demo's largest view has about 1,700 nodes.
 */
export const MAX_EXPORT_POSITIONS = 10_000;

/** What the resolver reads of graphql-js' `info`: the operation and its fragments. */
interface OperationInfo {
  readonly operation: { readonly selectionSet: SelectionSetNode };
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
}

/** How many times an operation asks for networkExport at its root (aliases, fragments included). */
export function exportFieldCount(selectionSet: SelectionSetNode, fragments: OperationInfo["fragments"], seen = new Set<string>()): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === "Field") count += selection.name.value === "networkExport" ? 1 : 0;
    else if (selection.kind === "InlineFragment") count += exportFieldCount(selection.selectionSet, fragments, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments[selection.name.value];
      if (fragment !== undefined) count += exportFieldCount(fragment.selectionSet, fragments, seen);
    }
  }
  return count;
}

const VIEWS: readonly ExportView[] = ["STRUCTURES", "ACTORS", "PARTICIPATION"];
const ROLE_RANK: Readonly<Record<string, number>> = { PILOT: 0, CO_PILOT: 1, MEMBER: 2 };

function requiredId(args: Args, name: string): string {
  const value = args[name];
  if (typeof value !== "string" || value.length === 0) throw new AppError("BAD_USER_INPUT", `${name} is required`, { argument: name });
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], argument: string): T {
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw new AppError("BAD_USER_INPUT", `${argument} must be one of ${allowed.join(", ")}`, { argument });
}

/** The positions argument: null when absent; refused when too long, repeated or not finite. */
export function parsePositions(value: unknown): ReadonlyMap<string, ExportPosition> | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) throw new AppError("BAD_USER_INPUT", "positions must be a list", { argument: "positions" });
  if (value.length > MAX_EXPORT_POSITIONS) {
    throw new AppError("EXPORT_TOO_LARGE", `An export lists at most ${MAX_EXPORT_POSITIONS} positions; ${value.length} were given.`, {
      argument: "positions",
      maximum: MAX_EXPORT_POSITIONS,
    });
  }
  const positions = new Map<string, ExportPosition>();
  for (const item of value) {
    const { id, x, y } = (typeof item === "object" && item !== null ? item : {}) as { id?: unknown; x?: unknown; y?: unknown };
    if (typeof id !== "string" || typeof x !== "number" || typeof y !== "number" || !Number.isFinite(x) || !Number.isFinite(y)) {
      throw new AppError("BAD_USER_INPUT", "Each position needs an id and finite x and y", { argument: "positions" });
    }
    if (positions.has(id)) throw new AppError("BAD_USER_INPUT", `Node "${id}" is positioned twice`, { argument: "positions" });
    positions.set(id, { x, y });
  }
  return positions;
}

interface Network {
  readonly nodes: readonly ExportNode[];
  readonly ties: readonly ExportTie[];
}

const tieKey = (source: string, target: string): string => (source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`);

function nodeOf(analysis: Analysis, id: string, context: RequestContext, catalog: TerritoryCatalog, withMetrics: boolean): ExportNode {
  const node = apiNode(analysis, id, context);
  const metrics = withMetrics ? node.metrics() : null;
  return {
    id: node.id,
    label: node.label,
    kind: node.kind,
    type: node.type,
    category: node.category,
    sector: node.sector,
    communeCode: node.communeCode,
    communeName: node.communeName,
    epciCode: node.epciCode,
    epciName: catalog.epcis.find((epci) => epci.code === node.epciCode)?.name ?? null,
    metrics:
      metrics === null
        ? null
        : {
            degree: metrics.degree,
            weightedDegree: metrics.weightedDegree,
            betweenness: metrics.betweenness,
            closeness: metrics.closeness,
            community: metrics.community,
          },
    position: null,
  };
}

/**
 * How many work groups and events each tie goes through: the same network through work groups
 * only (cached like any other) gives the first, the rest are events. With a single tie source, or
 * with roles (which count no event), the whole weight is one or the other.
 */
async function tieSources(analytics: AnalyticsService, request: NetworkRequest): Promise<(source: string, target: string, weight: number) => [number, number]> {
  const { through, roles } = request.filter;
  if (roles !== null || (through.length === 1 && through[0] === "WORK_GROUP")) return (_s, _t, weight) => [weight, 0];
  if (!through.includes("WORK_GROUP")) return (_s, _t, weight) => [0, weight];
  // Every tie through work groups, whatever the backbone: the weights split, not the significance.
  const workGroups = await analytics.analyse({ ...request, filter: { ...request.filter, through: ["WORK_GROUP"], minWeight: 1, backbone: null } });
  const weights = new Map(workGroups.tieList().map((tie) => [tieKey(tie.source, tie.target), tie.weight]));
  return (source, target, weight) => {
    const shared = Math.min(weights.get(tieKey(source, target)) ?? 0, weight);
    return [shared, weight - shared];
  };
}

async function collaborationNetwork(
  analytics: AnalyticsService,
  request: NetworkRequest,
  context: RequestContext,
  catalog: TerritoryCatalog,
): Promise<Network> {
  const analysis = await analytics.analyse(request);
  const split = await tieSources(analytics, request);
  return {
    nodes: analysis
      .nodeIds()
      .map((id) => nodeOf(analysis, id, context, catalog, true)),
    ties: analysis.tieList().map((tie) => {
      const [throughWorkGroups, throughEvents] = split(tie.source, tie.target, tie.weight);
      return { source: tie.source, target: tie.target, weight: tie.weight, throughWorkGroups, throughEvents, role: null };
    }),
  };
}

/**
 * The two-mode network as the page draws it: with `roles`, only participations in those roles;
 * several participations of an actor in one work group (successive periods) make one tie, weighted
 * by their number, with the highest role. Degrees are counted in this network.
 */
async function participationNetwork(
  explorer: ExplorerService,
  territoryId: string,
  window: Window,
  filter: NetworkFilter,
  context: RequestContext,
  catalog: TerritoryCatalog,
): Promise<Network> {
  const network = await explorer.participationNetwork(territoryId, window, filter);
  const ties = new Map<string, { source: string; target: string; weight: number; role: string }>();
  for (const participation of network.participations) {
    if (filter.roles !== null && !filter.roles.some((role) => role === participation.role)) continue;
    const key = `${participation.actorId}\u0000${participation.workGroupId}`;
    const known = ties.get(key);
    if (known === undefined) {
      ties.set(key, { source: participation.actorId, target: participation.workGroupId, weight: 1, role: participation.role });
    } else {
      known.weight += 1;
      if ((ROLE_RANK[participation.role] ?? 3) < (ROLE_RANK[known.role] ?? 3)) known.role = participation.role;
    }
  }
  const degrees = new Map<string, { degree: number; weightedDegree: number }>();
  for (const tie of ties.values()) {
    for (const end of [tie.source, tie.target]) {
      const counts = degrees.get(end) ?? { degree: 0, weightedDegree: 0 };
      degrees.set(end, { degree: counts.degree + 1, weightedDegree: counts.weightedDegree + tie.weight });
    }
  }
  const metricsOf = (id: string) => {
    const counts = degrees.get(id);
    return counts === undefined ? null : { ...counts, betweenness: null, closeness: null, community: null };
  };
  const actors = network.actorIds
    .filter((id) => degrees.has(id))
    .map((id) => ({ ...nodeOf(network.analysis, id, context, catalog, false), metrics: metricsOf(id) }));
  const groups = network.workGroups
    .filter((group) => degrees.has(group.id))
    .map(
      (group): ExportNode => ({
        id: group.id,
        label: group.name,
        kind: "WORK_GROUP",
        type: workGroupKindLabel(group.kind),
        category: null,
        sector: null,
        communeCode: null,
        communeName: null,
        epciCode: null,
        epciName: null,
        metrics: metricsOf(group.id),
        position: null,
      }),
    );
  const sortedTies = [...ties.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : 1));
  return {
    nodes: [...actors, ...groups],
    ties: sortedTies.map((tie) => ({ ...tie, throughWorkGroups: null, throughEvents: null })),
  };
}

/** Exactly the nodes on screen at their positions, and the ties among them; unknown ids are the caller's mistake. */
function onScreen(network: Network, positions: ReadonlyMap<string, ExportPosition>): Network {
  const known = new Set(network.nodes.map((node) => node.id));
  const unknownIds = [...positions.keys()].filter((id) => !known.has(id));
  if (unknownIds.length > 0) {
    throw new AppError("BAD_USER_INPUT", `${unknownIds.length} positioned node(s) are not in this network for the window and filter`, {
      argument: "positions",
      unknownIds: unknownIds.slice(0, 10),
    });
  }
  return {
    nodes: network.nodes.flatMap((node) => {
      const position = positions.get(node.id);
      return position === undefined ? [] : [{ ...node, position }];
    }),
    ties: network.ties.filter((tie) => positions.has(tie.source) && positions.has(tie.target)),
  };
}

function describeFilter(filter: NetworkFilter, catalog: TerritoryCatalog, selectedNodes: number | null, view: ExportView) {
  const names = <T extends { readonly name: string }>(ids: readonly string[] | null, items: readonly T[], idOf: (item: T) => string): string[] =>
    (ids ?? []).map((id) => items.find((item) => idOf(item) === id)?.name ?? id);
  return filtersText({
    axes: names(filter.axisIds, catalog.axes, (axis) => axis.id),
    workGroups: names(filter.workGroupIds, catalog.workGroups, (group) => group.id),
    sectors: filter.sectors ?? [],
    categories: filter.categories ?? [],
    epcis: names(filter.epciCodes, catalog.epcis, (epci) => epci.code),
    communes: names(filter.communeCodes, catalog.communes, (commune) => commune.code),
    // The two-mode view is made of work groups only, whatever `through` says; it has no weights.
    through: view === "PARTICIPATION" ? [] : filter.through,
    roles: [...(filter.roles ?? [])].sort((a, b) => (ROLE_RANK[a] ?? 3) - (ROLE_RANK[b] ?? 3)),
    minWeight: view === "PARTICIPATION" ? 1 : filter.minWeight,
    weighting: view === "PARTICIPATION" ? null : filter.weighting,
    backboneAlpha: view === "PARTICIPATION" ? null : filter.backbone?.alpha ?? null,
    selectedNodes,
  });
}

/** Resolver of exports.graphql: the network through the same services as the page, then a serialiser. */
export function createExportResolvers(analytics: AnalyticsService, explorer: ExplorerService) {
  return {
    networkExport: async (_parent: unknown, args: Args, context: RequestContext, info: OperationInfo): Promise<ExportFile> => {
      // A file may take seconds to build on a large network: aliases would multiply that work past
      // what the cost limit sees (a few fields), so an operation holds one export.
      if (exportFieldCount(info.operation.selectionSet, info.fragments) > 1) {
        throw new AppError("QUERY_TOO_COMPLEX", "One networkExport per operation: send one request per file.");
      }
      const territoryId = requiredId(args, "territoryId");
      const view = oneOf(args.view, VIEWS, "view");
      const format = oneOf<ExportFormat>(args.format, EXPORT_FORMATS, "format");
      const positions = parsePositions(args.positions);
      await assertReadable(analytics, context, territoryId);
      const window = parseWindow(args.window);
      const filter = parseNetworkArguments(args);
      const [territory, catalog] = await Promise.all([analytics.territory(territoryId), explorer.catalog(territoryId)]);
      const whole =
        view === "PARTICIPATION"
          ? await participationNetwork(explorer, territoryId, window, filter, context, catalog)
          : await collaborationNetwork(analytics, { territoryId, level: view === "ACTORS" ? "ACTOR" : "STRUCTURE", window, filter }, context, catalog);
      const network = positions === null ? whole : onScreen(whole, positions);
      const graph: ExportGraph = {
        metadata: {
          territoryId,
          territoryName: territory.name,
          view,
          window,
          filters: describeFilter(filter, catalog, positions === null ? null : network.nodes.length, view),
          isDemo: territory.isDemo,
          generatedAt: new Date(),
        },
        nodes: network.nodes,
        ties: network.ties,
      };
      return exportFile(graph, format);
    },
  };
}
