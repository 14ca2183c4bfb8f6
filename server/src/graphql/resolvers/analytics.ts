import type { Analysis } from "../../analytics/analysis.js";
import type { AnalysedNode } from "../../analytics/collaboration.js";
import type { CoverageAxis } from "../../analytics/coverage.js";
import { parseBackbone, parseFilter, parseLevel, parseWeighting, type NetworkFilter } from "../../analytics/filters.js";
import type { AnalyticsService, KeyFigures, NetworkRequest, TerritoryProfile } from "../../analytics/service.js";
import { parseWindow, type Window } from "../../analytics/window.js";
import { DEFAULT_K_ANONYMITY, releasedActorsOf } from "../../analytics/kAnonymity.js";
import type { RequestContext } from "../../auth/context.js";
import { pseudonymFor } from "../../auth/pseudonym.js";
import { assertCanReadTerritory, canSeePersonalData } from "../../auth/viewer.js";
import { AppError } from "../../errors.js";
import type { Tie } from "../../network/index.js";

type Args = Record<string, unknown>;

function requiredId(args: Args, name: string): string {
  const value = args[name];
  if (typeof value !== "string" || value.length === 0) throw new AppError("BAD_USER_INPUT", `${name} is required`, { argument: name });
  return value;
}

function optionalInt(args: Args, name: string, fallback: number | null, min: number, max: number): number | null {
  const value = args[name] ?? fallback;
  if (value === null) return null;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new AppError("BAD_USER_INPUT", `${name} must be an integer from ${min} to ${max}`, { argument: name });
  }
  return value;
}

/**
 * Every territory a resolver touches goes through here. A territory outside the viewer's token is
 * FORBIDDEN, but an id that matches no territory at all is NOT_FOUND for everyone (it reveals only
 * that no such territory exists).
 */
export async function assertReadable(service: AnalyticsService, context: RequestContext, territoryId: string): Promise<void> {
  try {
    assertCanReadTerritory(context.viewer, territoryId);
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") await service.territory(territoryId);
    throw error;
  }
}

/** The `filter`, `weighting` and `backbone` arguments as one filter (what the network is built with). */
export function parseNetworkArguments(args: Args): NetworkFilter {
  return { ...parseFilter(args.filter), weighting: parseWeighting(args.weighting), backbone: parseBackbone(args.backbone) };
}

/** Checks the viewer may read the territory, then parses the network arguments. */
async function networkRequest(service: AnalyticsService, args: Args, context: RequestContext, window?: Window): Promise<NetworkRequest> {
  const territoryId = requiredId(args, "territoryId");
  await assertReadable(service, context, territoryId);
  return { territoryId, level: parseLevel(args.level), window: window ?? parseWindow(args.window), filter: parseNetworkArguments(args) };
}

/** The rule that made the network shown, which every measure on it was computed on. */
function networkRule(analysis: Analysis, filter: NetworkFilter) {
  return {
    weighting: filter.weighting,
    backbone: filter.backbone === null ? null : { method: filter.backbone.method, alpha: filter.backbone.alpha, listUpTo: filter.backbone.listUpTo },
    minWeight: filter.minWeight,
    tieCount: analysis.tieList().length,
    totalTieCount: analysis.network.allTieCount,
  };
}

/** An actor's display name: the real name for viewers allowed to see personal data, else a pseudonym. */
function label(node: AnalysedNode, context: RequestContext): string {
  if (node.person === null) return node.name ?? node.id;
  return canSeePersonalData(context.viewer) ? `${node.person.firstName} ${node.person.lastName}` : pseudonymFor(node.id, context.pseudonymSecret);
}

/** The API shape of a node; `metrics` is a thunk (graphql-js calls it) so only asked-for metrics are computed. */
export function apiNode(analysis: Analysis, id: string, context: RequestContext) {
  const node = analysis.node(id);
  if (node === undefined) throw new Error(`Node ${id} is not in the analysis`);
  // Viewers who may not see personal data get an actor's profession and commune only where k people
  // of the network share them (analytics/kAnonymity.ts).
  const released = node.kind === "ACTOR" && !canSeePersonalData(context.viewer) ? releasedActorsOf(analysis.network, context.kAnonymity ?? DEFAULT_K_ANONYMITY).get(id) : undefined;
  return {
    id: node.id,
    kind: node.kind,
    label: label(node, context),
    sector: node.sector,
    type: released ? released.type : node.type,
    category: node.category,
    communeCode: released ? released.communeCode : node.communeCode,
    communeName: released ? released.communeName : node.communeName,
    epciCode: node.epciCode,
    memberCount: node.memberCount,
    activeMemberCount: node.activeMemberCount,
    axisIds: node.axisIds,
    metrics: () => {
      const metrics = analysis.nodeMetrics().get(id);
      if (metrics === undefined) throw new Error(`No metrics for node ${id}`);
      return { ...metrics, weightedDegree: metrics.strength };
    },
  };
}

function summary(analysis: Analysis) {
  const communities = analysis.communities();
  return graphSummary({ ...analysis.graphMetrics(), modularity: communities.modularity, communityCount: communities.communities.length });
}

/** A GraphSummary from a network's metrics and its partition's figures. */
function graphSummary(graph: TerritoryProfile["network"]) {
  return {
    nodeCount: graph.nodeCount,
    tieCount: graph.tieCount,
    density: graph.density,
    componentCount: graph.componentCount,
    largestComponentSize: graph.largestComponentSize,
    isolatedCount: graph.isolatedNodes.length,
    communityCount: graph.communityCount,
    modularity: graph.modularity,
  };
}

const TIE_CURSOR = "tie:";
const encodeCursor = (index: number): string => Buffer.from(`${TIE_CURSOR}${index}`, "utf8").toString("base64url");

function decodeCursor(cursor: unknown): number {
  if (cursor === null || cursor === undefined) return -1;
  const decoded = typeof cursor === "string" ? Buffer.from(cursor, "base64url").toString("utf8") : "";
  const index = decoded.startsWith(TIE_CURSOR) ? Number(decoded.slice(TIE_CURSOR.length)) : Number.NaN;
  if (!Number.isInteger(index) || index < 0) throw new AppError("BAD_USER_INPUT", "after is not a cursor of this API", { argument: "after" });
  return index;
}

function tiePage(ties: readonly Tie[], significance: readonly number[], first: number, after: unknown) {
  const start = decodeCursor(after) + 1;
  const page = ties.slice(start, start + first).map((tie, i) => ({ ...tie, significance: significance[start + i] ?? null }));
  const end = start + page.length;
  return {
    totalCount: ties.length,
    ties: page,
    hasNextPage: end < ties.length,
    endCursor: page.length > 0 ? encodeCursor(end - 1) : null,
  };
}

/**
 * Ties as indexes into a node list (id-sorted nodes, or ego members): whole networks in one
 * request; `significance` (parallel to `ties`) when known.
 */
function packTies(sortedIds: readonly string[], ties: readonly Tie[], significance: readonly number[] | null = null) {
  const index = new Map(sortedIds.map((id, i) => [id, i]));
  const sources: number[] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  const pValues: number[] = [];
  ties.forEach((tie, i) => {
    const source = index.get(tie.source);
    const target = index.get(tie.target);
    if (source === undefined || target === undefined) return;
    sources.push(source);
    targets.push(target);
    weights.push(tie.weight);
    if (significance !== null) pValues.push(significance[i] ?? 1);
  });
  return { count: sources.length, sources, targets, weights, significance: significance === null ? null : pValues };
}

type Ordered = { degree: number; strength: number; betweenness: number; closeness: number; weightedBetweenness: number; weightedCloseness: number; brokerage: { share: number } };
const ORDERS: Record<string, (metrics: Ordered) => number> = {
  BETWEENNESS: (m) => m.betweenness,
  WEIGHTED_BETWEENNESS: (m) => m.weightedBetweenness,
  WEIGHTED_CLOSENESS: (m) => m.weightedCloseness,
  DEGREE: (m) => m.degree,
  WEIGHTED_DEGREE: (m) => m.strength,
  CLOSENESS: (m) => m.closeness,
  BROKERAGE: (m) => m.brokerage.share,
};

function axisSummary(axes: readonly CoverageAxis[], id: string): CoverageAxis {
  return axes.find((axis) => axis.id === id) ?? { id, name: id, kind: "TRANSVERSAL" };
}

const windowOut = (window: Window) => ({ from: window.from, to: window.to });

/** A year's figures per 10,000 inhabitants (PerInhabitants): 0 for a territory without inhabitants. */
export function perTenThousand(figures: KeyFigures) {
  const per = (value: number): number => (figures.inhabitants > 0 ? (value * 10_000) / figures.inhabitants : 0);
  return {
    activeActors: per(figures.activeActors),
    structures: per(figures.structures),
    events: per(figures.events),
    volunteerHours: per(figures.volunteerHours),
    activeWorkGroups: per(figures.activeWorkGroups),
  };
}

/** Resolvers of the analyst API (analytics.graphql); the service does the work. */
export function createAnalyticsResolvers(service: AnalyticsService) {
  return {
    collaborationNetwork: async (_parent: unknown, args: Args, context: RequestContext) => {
      const request = await networkRequest(service, args, context);
      const first = optionalInt(args, "first", 1000, 1, 1000) ?? 1000;
      const analysis = await service.analyse(request);
      return {
        territoryId: request.territoryId,
        level: request.level,
        window: windowOut(request.window),
        rule: networkRule(analysis, request.filter),
        summary: () => summary(analysis),
        nodes: () => analysis.nodeIds().map((id) => apiNode(analysis, id, context)),
        ties: () => tiePage(analysis.network.listedTies, analysis.network.listedSignificance, first, args.after),
        packedTies: () => packTies(analysis.nodeIds(), analysis.network.listedTies, analysis.network.listedSignificance),
      };
    },

    networkMetrics: async (_parent: unknown, args: Args, context: RequestContext) => {
      const request = await networkRequest(service, args, context);
      const first = optionalInt(args, "first", null, 0, 100_000);
      const order = typeof args.orderBy === "string" ? args.orderBy : "BETWEENNESS";
      const analysis = await service.analyse(request);
      const metrics = [...analysis.nodeMetrics().values()];
      const score = ORDERS[order];
      const sorted = score === undefined ? metrics : [...metrics].sort((a, b) => score(b) - score(a) || (a.id < b.id ? -1 : 1));
      return {
        territoryId: request.territoryId,
        level: request.level,
        window: windowOut(request.window),
        rule: networkRule(analysis, request.filter),
        summary: summary(analysis),
        nodes: (first === null ? sorted : sorted.slice(0, first)).map((m) => apiNode(analysis, m.id, context)),
      };
    },

    communities: async (_parent: unknown, args: Args, context: RequestContext) => {
      const request = await networkRequest(service, args, context);
      const top = optionalInt(args, "top", 3, 1, 20) ?? 3;
      const [analysis, territory] = await Promise.all([service.analyse(request), service.territory(request.territoryId)]);
      const partition = analysis.communities();
      return {
        territoryId: request.territoryId,
        level: request.level,
        window: windowOut(request.window),
        rule: networkRule(analysis, request.filter),
        modularity: partition.modularity,
        communities: partition.communities.map((community) => ({
          id: community.id,
          size: community.size,
          dominantAxes: analysis
            .dominantValues(community.members, "axes", top)
            .map(({ value, count }) => ({ axis: axisSummary(territory.axes, value), count })),
          dominantSectors: analysis.dominantValues(community.members, "sector", top).map(({ value, count }) => ({ sector: value, count })),
          members: () => community.members.map((id) => apiNode(analysis, id, context)),
        })),
      };
    },

    egoNetwork: async (_parent: unknown, args: Args, context: RequestContext) => {
      const request = await networkRequest(service, args, context);
      const depth = args.depth ?? 1;
      if (typeof depth !== "number" || !Number.isInteger(depth) || depth < 1 || depth > 3) {
        throw new AppError("BAD_USER_INPUT", "depth must be an integer from 1 to 3", { argument: "depth" });
      }
      const { analysis, ego } = await service.ego(request, requiredId(args, "nodeId"), depth);
      return {
        territoryId: request.territoryId,
        level: request.level,
        window: windowOut(request.window),
        center: apiNode(analysis, ego.center, context),
        depth: ego.depth,
        members: ego.nodes.map((member) => ({ distance: member.distance, node: apiNode(analysis, member.id, context) })),
        ties: ego.ties,
        packedTies: () => packTies(ego.nodes.map((member) => member.id), ego.ties),
      };
    },

    collaborationPath: async (_parent: unknown, args: Args, context: RequestContext) => {
      const request = await networkRequest(service, args, context);
      const { analysis, path } = await service.path(request, requiredId(args, "fromId"), requiredId(args, "toId"));
      const ties: Tie[] = [];
      for (let index = 1; index < (path?.length ?? 0); index += 1) {
        const [a, b] = [path?.[index - 1] ?? "", path?.[index] ?? ""];
        const edge = analysis.graph.edge(a, b);
        const weight = edge === undefined ? 0 : analysis.graph.getEdgeAttribute(edge, "weight");
        ties.push({ source: a < b ? a : b, target: a < b ? b : a, weight });
      }
      return {
        territoryId: request.territoryId,
        level: request.level,
        window: windowOut(request.window),
        isConnected: path !== null,
        length: path === null ? null : path.length - 1,
        nodes: (path ?? []).map((id) => apiNode(analysis, id, context)),
        ties,
      };
    },

    keyFigures: async (_parent: unknown, args: Args, context: RequestContext) => {
      const territoryId = requiredId(args, "territoryId");
      await assertReadable(service, context, territoryId);
      return service.keyFigures(territoryId, typeof args.year === "number" ? args.year : Number.NaN);
    },

    coverage: async (_parent: unknown, args: Args, context: RequestContext) => {
      const territoryId = requiredId(args, "territoryId");
      await assertReadable(service, context, territoryId);
      const window = parseWindow(args.window);
      const axisId = typeof args.axisId === "string" ? args.axisId : null;
      const coverage = await service.coverage(territoryId, window, axisId);
      return { territoryId, window: windowOut(window), ...coverage };
    },

    networkEvolution: async (_parent: unknown, args: Args, context: RequestContext) => {
      const before = parseWindow(args.before, "before");
      const after = parseWindow(args.after, "after");
      const { territoryId, level, filter } = await networkRequest(service, args, context, before);
      const first = optionalInt(args, "first", 100, 0, 100_000) ?? 100;
      const evolution = await service.evolution({ territoryId, level, filter }, before, after);
      const change = (pair: { a: number; b: number }) => ({ before: pair.a, after: pair.b, delta: pair.b - pair.a });
      return {
        territoryId,
        level,
        before: windowOut(before),
        after: windowOut(after),
        tiesGained: evolution.tiesGained.slice(0, first),
        tiesGainedCount: evolution.tiesGained.length,
        tiesLost: evolution.tiesLost.slice(0, first),
        tiesLostCount: evolution.tiesLost.length,
        tiesGainedPage: (page: Args) => tiePage(evolution.tiesGained, [], optionalInt(page, "first", 100, 1, 1000) ?? 100, page.after),
        tiesLostPage: (page: Args) => tiePage(evolution.tiesLost, [], optionalInt(page, "first", 100, 1, 1000) ?? 100, page.after),
        tiesKept: evolution.tiesKept,
        joined: () => evolution.nodesJoined.slice(0, first).map((id) => apiNode(evolution.after, id, context)),
        joinedCount: evolution.nodesJoined.length,
        left: () => evolution.nodesLeft.slice(0, first).map((id) => apiNode(evolution.before, id, context)),
        leftCount: evolution.nodesLeft.length,
        nodeCount: change(evolution.nodeCount),
        tieCount: change(evolution.tieCount),
        density: change(evolution.density),
        largestComponentSize: change(evolution.largestComponentSize),
      };
    },

    territoryComparison: async (_parent: unknown, args: Args, context: RequestContext) => {
      const ids = args.territoryIds;
      if (!Array.isArray(ids) || ids.length === 0 || ids.length > 20 || !ids.every((id): id is string => typeof id === "string")) {
        throw new AppError("BAD_USER_INPUT", "territoryIds must list 1 to 20 territories", { argument: "territoryIds" });
      }
      const territoryIds = [...new Set(ids)];
      for (const territoryId of territoryIds) await assertReadable(service, context, territoryId);
      const year = typeof args.year === "number" ? args.year : Number.NaN;
      const profiles = [];
      // One territory at a time: each profile runs three queries and may build a network.
      for (const territoryId of territoryIds) profiles.push(await service.profile(territoryId, year));
      return {
        year,
        territories: profiles.map((profile) => ({
          territoryId: profile.territoryId,
          territoryName: profile.keyFigures.territoryName,
          keyFigures: profile.keyFigures,
          perTenThousandInhabitants: perTenThousand(profile.keyFigures),
          network: graphSummary(profile.network),
          coverage: {
            cellCount: profile.coverage.cellCount,
            coveredCellCount: profile.coverage.coveredCellCount,
            attendedOnlyCellCount: profile.coverage.attendedOnlyCellCount,
            coverageShare: profile.coverage.coverageShare,
            whiteZoneCount: profile.coverage.whiteZones.length,
            uncoveredCommuneCount: profile.coverage.uncoveredCommuneCount,
          },
        })),
      };
    },
  };
}


