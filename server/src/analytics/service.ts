import { AppError } from "../errors.js";
import type { QueryRunner } from "../neo4j/queries.js";
import { toPlain } from "../neo4j/values.js";
import {
  compareIds,
  compareNetworks,
  MAX_EGO_DEPTH,
  shortestPath,
  type EgoNetwork,
  type GraphMetrics,
  type NetworkEvolution,
} from "../network/index.js";
import type { Analysis } from "./analysis.js";
import { sharedAnalysisPool, type AnalysisRunner } from "./analysisPool.js";
import { BuildSizes } from "./buildCost.js";
import { TtlCache } from "./cache.js";
import { type ActorRow, type CollaborationData, type GroupRow, type OrganisationRow } from "./collaboration.js";
import { buildCoverage, type Coverage, type CoverageAxis } from "./coverage.js";
import { NO_FILTER, type NetworkFilter, type NetworkLevel } from "./filters.js";
import { PAGE_BACKBONE, PAGE_NETWORKS, PRELOAD_BUDGET_MS, PRELOAD_DELAY_MS, PRELOAD_TERRITORIES } from "./pageNetworks.js";
import { num, optionalText, records, text, texts, tuples, type Plain } from "./values.js";
import { OPEN_WINDOW, windowParameters, yearWindow, type Window } from "./window.js";

export interface NetworkRequest {
  readonly territoryId: string;
  readonly level: NetworkLevel;
  readonly window: Window;
  readonly filter: NetworkFilter;
}

export interface KeyFigures {
  readonly territoryId: string;
  readonly territoryName: string;
  readonly year: number;
  readonly actors: number;
  readonly activeActors: number;
  readonly structures: number;
  readonly institutions: number;
  readonly workGroups: number;
  readonly activeWorkGroups: number;
  readonly axes: number;
  readonly contracts: number;
  readonly contractsInForce: readonly string[];
  readonly events: number;
  readonly volunteerHours: number;
  readonly inhabitants: number;
  readonly communes: number;
  readonly epcis: number;
}

export interface TerritoryProfile {
  readonly territoryId: string;
  readonly keyFigures: KeyFigures;
  readonly network: GraphMetrics & { readonly modularity: number; readonly communityCount: number };
  readonly coverage: Coverage;
}

export interface EvolutionResult extends NetworkEvolution {
  readonly before: Analysis;
  readonly after: Analysis;
}

/** Cache keys start with the territory, so that a territory's entries can be dropped together. */
function cacheKey(request: NetworkRequest): string {
  return `${JSON.stringify(request.territoryId)}|${JSON.stringify([request.level, request.window, request.filter])}`;
}

export interface AnalyticsOptions {
  /** How long a computed network stays cached (default 10 minutes). */
  readonly ttlMs?: number;
  /** How many networks the cache holds at most (default 64). */
  readonly maxEntries?: number;
  /** How many nodes and ties the cached networks hold at most, together (default 1,000,000: a few hundred MB). */
  readonly maxCachedElements?: number;
  /** How long after a write the page networks are preloaded again (default PRELOAD_DELAY_MS). */
  readonly preloadDelayMs?: number;
  /** Worker threads that build and measure networks (default: one fewer than the cores, at least one; 0: on the main thread). */
  readonly analysisThreads?: number;
  /** How many territories' page networks the preload computes and pins, the most used first (default PRELOAD_TERRITORIES). */
  readonly preloadTerritories?: number;
  /** A preload run starts no new network after this long (default PRELOAD_BUDGET_MS). */
  readonly preloadBudgetMs?: number;
}

// Column orders of collaborationData's rows, as the query's comments give them.
const ORGANISATION_COLUMNS = ["id", "name", "kind", "sector", "type", "communeCode", "communeName", "epciCode", "memberCount"] as const;
const GROUP_COLUMNS = ["id", "kind", "axisIds", "actorIds", "date", "spans"] as const;
const ACTOR_COLUMNS = ["id", "firstName", "lastName", "category", "profession", "organisationIds", "memberships"] as const;

/** [id, since, until] triples of collaborationData (participations, memberships): dates as ISO strings or null. */
function datedTriples(value: unknown, what: string): { id: string; from: string | null; to: string | null }[] {
  return tuples(value ?? [], ["id", "from", "to"], what).map((triple) => ({ id: text(triple, "id"), from: optionalText(triple, "from"), to: optionalText(triple, "to") }));
}

function organisationRow(row: Plain): OrganisationRow {
  return {
    id: text(row, "id"),
    name: text(row, "name"),
    kind: text(row, "kind") === "INSTITUTION" ? "INSTITUTION" : "STRUCTURE",
    sector: optionalText(row, "sector"),
    type: text(row, "type"),
    communeCode: optionalText(row, "communeCode"),
    communeName: optionalText(row, "communeName"),
    epciCode: optionalText(row, "epciCode"),
    memberCount: num(row, "memberCount"),
  };
}

function groupRow(row: Plain): GroupRow {
  return {
    id: text(row, "id"),
    kind: text(row, "kind") === "EVENT" ? "EVENT" : "WORK_GROUP",
    axisIds: texts(row, "axisIds"),
    actorIds: texts(row, "actorIds"),
    date: optionalText(row, "date"),
    spans: datedTriples(row.spans, "spans").map(({ id, from, to }) => ({ actorId: id, from, to })),
  };
}

function actorRow(row: Plain): ActorRow {
  return {
    id: text(row, "id"),
    firstName: text(row, "firstName"),
    lastName: text(row, "lastName"),
    category: text(row, "category"),
    profession: optionalText(row, "profession"),
    organisationIds: texts(row, "organisationIds"),
    memberships: datedTriples(row.memberships, "memberships").map(({ id, from, to }) => ({ organisationId: id, from, to })),
  };
}

/** Where `territoryId` stands in `first` (the territories asked about last), those not in it after. */
const rank = (first: readonly string[], territoryId: string): number => {
  const at = first.indexOf(territoryId);
  return at === -1 ? first.length : at;
};

/**
 * The analyst API's service layer: runs the named queries, converts their rows, and hands the
 * numbers to server/src/network. Territory scoping is the queries' job (every one starts from the
 * territory); permission checks are the resolvers'.
 */
export class AnalyticsService {
  private readonly cache: TtlCache<Analysis>;
  /** Coverage grids (the map's coverage mode, every commune's details panel), under the same keys' territory prefix. */
  private readonly coverageCache: TtlCache<Coverage>;
  /** Key figures per territory and year, under the same prefix. */
  private readonly keyFiguresCache: TtlCache<KeyFigures>;
  /** Set by `preloadPageNetworks`: writes then schedule it again. */
  private preload: { onError: (error: unknown) => void; timer: ReturnType<typeof setTimeout> | undefined; running: Promise<number> | null } | null = null;

  private readonly preloadDelayMs: number;
  private readonly preloadTerritories: number;
  private readonly preloadBudgetMs: number;
  /** Pinned networks stop being added past this many nodes and ties (half the cache's bound). */
  private readonly maxPinnedElements: number;
  /** The territories this process was last asked networks of, most recent first (at most preloadTerritories). */
  private recentTerritories: string[] = [];
  /** Builds and measures networks off the event loop (analysisPool.ts). */
  private readonly runner: AnalysisRunner;
  /** The size of the networks built last, per territory and level: what a new one is expected to cost. */
  private readonly sizes = new BuildSizes();

  constructor(
    private readonly queries: QueryRunner,
    options: AnalyticsOptions = {},
  ) {
    this.cache = new TtlCache<Analysis>(options.ttlMs ?? 10 * 60_000, options.maxEntries ?? 64, Date.now, {
      weigh: (analysis) => analysis.graph.order + analysis.graph.size,
      maxWeight: options.maxCachedElements ?? 1_000_000,
    });
    this.coverageCache = new TtlCache<Coverage>(options.ttlMs ?? 10 * 60_000, options.maxEntries ?? 64);
    this.keyFiguresCache = new TtlCache<KeyFigures>(options.ttlMs ?? 10 * 60_000, 256);
    this.preloadDelayMs = options.preloadDelayMs ?? PRELOAD_DELAY_MS;
    this.preloadTerritories = options.preloadTerritories ?? PRELOAD_TERRITORIES;
    this.preloadBudgetMs = options.preloadBudgetMs ?? PRELOAD_BUDGET_MS;
    this.maxPinnedElements = Math.floor((options.maxCachedElements ?? 1_000_000) / 2);
    this.runner = sharedAnalysisPool(options.analysisThreads);
  }

  /**
   * Runs each analytics query once on the first territory and analyses what comes back, without
   * caching anything: Neo4j plans a query on its first run (seconds for collaborationData on a
   * fresh database) and V8 compiles the metrics on theirs, so this keeps both off the first
   * analyst's request. Resolves to the territory used, or null when there is none.
   */
  async warmUp(): Promise<string | null> {
    const [row] = await this.queries.read<Plain>("firstTerritory", {});
    const territoryId = row === undefined ? null : toPlain(row.id);
    if (typeof territoryId !== "string") return null;
    const year = new Date().getUTCFullYear();
    const window = yearWindow(year);
    await this.territory(territoryId);
    // Both kinds of window: plans are cached per parameter types, and a null bound is another type.
    for (const each of [window, OPEN_WINDOW]) {
      // Through the worker threads, which start and compile the analysis here; too many ties for
      // metrics (a large territory's whole network) leaves them unmeasured, the query warm all the same.
      await this.build({ territoryId, level: "STRUCTURE", window: each, filter: NO_FILTER });
    }
    await this.computeKeyFigures(territoryId, year);
    await this.computeCoverage(territoryId, window, null);
    await this.queries.read("structureNetwork", { territoryId, ...windowParameters(OPEN_WINDOW) });
    return territoryId;
  }

  /** Drops cached networks (of one territory, or all), e.g. for a bench that wants cold first calls; writes call `written()`. */
  invalidate(territoryId?: string): void {
    const prefix = territoryId === undefined ? undefined : `${JSON.stringify(territoryId)}|`;
    this.cache.invalidate(prefix);
    this.coverageCache.invalidate(prefix);
    this.keyFiguresCache.invalidate(prefix);
    this.schedulePreload();
  }

  /**
   * Call it after any write through this process. Cached networks and coverage stay: each carries the
   * data version of its territory, which the write changed in its transaction, and is rebuilt when next
   * asked (so a write to one territory no longer drops every territory's networks, a minute of CPU for
   * a large one under load); the page networks' preload runs again a few seconds after the last write.
   */
  written(): void {
    this.schedulePreload();
  }

  private schedulePreload(): void {
    const preload = this.preload;
    if (preload === null) return;
    clearTimeout(preload.timer);
    preload.timer = setTimeout(() => {
      preload.timer = undefined;
      this.preloadPageNetworks(preload.onError).catch(preload.onError);
    }, this.preloadDelayMs);
    preload.timer.unref();
  }

  /**
   * Computes, metrics included, the networks the page opens on (PAGE_NETWORKS, over each
   * territory's latest contract) and keeps them cached until a write; after a write they are
   * computed again a few seconds later. `npm start` calls it once the queries are warm: the
   * first visit of the explorer then draws at once instead of waiting seconds for the server.
   * Bounded whatever the number of territories: only the `preloadTerritories` most used ones (those
   * this process was last asked about, then the most edited lately: territoriesToPreload.cypher),
   * no new network after `preloadBudgetMs`, and no more pinned than half the cache's bound; the
   * other territories' networks are computed on their first request and cached like any other.
   * Resolves to how many networks were computed; `onError` hears of each one that failed. Never
   * called by the tests' apps.
   */
  async preloadPageNetworks(onError: (error: unknown) => void = () => undefined): Promise<number> {
    this.preload ??= { onError, timer: undefined, running: null };
    const preload = this.preload;
    preload.onError = onError;
    // One run at a time: a write during a run schedules the next one.
    await preload.running?.catch(() => undefined);
    const running = this.computePageNetworks(onError);
    preload.running = running;
    try {
      return await running;
    } finally {
      if (preload.running === running) preload.running = null;
    }
  }

  /** One failed network (too many ties for metrics, say) is reported and skipped; the others are still computed. */
  private async computePageNetworks(onError: (error: unknown) => void): Promise<number> {
    const startedAt = performance.now();
    const first = [...this.recentTerritories];
    const since = new Date(Date.now() - 90 * 24 * 3_600_000).toISOString();
    const rows = (await this.queries.read<Plain>("territoriesToPreload", { first, since, limit: this.preloadTerritories }))
      .map((row) => toPlain(row) as Plain)
      .map((plain) => ({ plain, territoryId: text(plain, "territoryId"), activity: num(plain, "activity") }))
      .sort((a, b) => rank(first, a.territoryId) - rank(first, b.territoryId) || b.activity - a.activity || (a.territoryId < b.territoryId ? -1 : 1));
    // Networks of territories that are no longer among the most used go back to the LRU.
    this.cache.unpin();
    let count = 0;
    for (const { plain, territoryId } of rows) {
      const window: Window = { from: optionalText(plain, "from"), to: optionalText(plain, "to") };
      for (const { level, minWeight } of PAGE_NETWORKS) {
        if (performance.now() - startedAt > this.preloadBudgetMs || this.cache.pinnedWeight > this.maxPinnedElements) return count;
        try {
          const filter: NetworkFilter = { ...NO_FILTER, minWeight, backbone: PAGE_BACKBONE };
          const analysis = await this.analyse({ territoryId, level, window, filter }, { pin: true });
          analysis.nodeMetrics();
          count += 1;
        } catch (error) {
          onError(error);
        }
      }
    }
    return count;
  }

  /** Every territory with the window of its latest contract: the period the page opens on. */
  async latestContractWindows(): Promise<{ territoryId: string; window: Window }[]> {
    const rows = await this.queries.read<Plain>("territoryLatestContracts", {});
    return rows.map((row) => {
      const plain = toPlain(row) as Plain;
      return { territoryId: text(plain, "territoryId"), window: { from: optionalText(plain, "from"), to: optionalText(plain, "to") } };
    });
  }

  /** The territory's name, whether it holds fictitious demo data, and its axes; NOT_FOUND when it does not exist. */
  async territory(territoryId: string): Promise<{ name: string; isDemo: boolean; axes: CoverageAxis[] }> {
    const [row] = await this.queries.read<Plain>("territoryExists", { territoryId });
    if (row === undefined) throw new AppError("NOT_FOUND", `No territory with id "${territoryId}"`, { argument: "territoryId" });
    const plain = toPlain(row) as Plain;
    const axes = records(plain.axes, "axes")
      .filter((axis) => typeof axis.id === "string")
      .map((axis) => ({ id: text(axis, "id"), name: text(axis, "name"), kind: text(axis, "kind") }));
    return { name: text(plain, "name"), isDemo: plain.isDemo === true, axes };
  }

  /**
   * The territory's data version now (one indexed read): cached networks and coverage built from
   * another one are computed again, so a write through any app process is seen by the next read
   * through every other (see QueryTransaction.changed).
   */
  async dataVersion(territoryId: string): Promise<string> {
    const [row] = await this.queries.read<{ version: unknown }>("territoryVersion", { territoryId });
    return typeof row?.version === "string" ? row.version : "";
  }

  /** Remembers the territories asked about last: the next preload computes theirs first. */
  private noteUse(territoryId: string): void {
    if (this.recentTerritories[0] === territoryId) return;
    this.recentTerritories = [territoryId, ...this.recentTerritories.filter((id) => id !== territoryId)].slice(0, this.preloadTerritories);
  }

  /** The analysed network for a request, from the cache when it is there and of the territory's data version (`pin`: kept until a write). */
  async analyse(request: NetworkRequest, options: { pin?: boolean } = {}): Promise<Analysis> {
    if (options.pin !== true) this.noteUse(request.territoryId);
    const version = await this.dataVersion(request.territoryId);
    return this.cache.get(cacheKey(request), () => this.build(request), { ...options, version });
  }

  /** Reads the rows on this thread, then builds and measures the network on a worker thread. */
  private async build(request: NetworkRequest): Promise<Analysis> {
    const data = await this.collaborationData(request);
    const analysis = await this.runner.run({ data, level: request.level, filter: request.filter });
    this.sizes.record(request.territoryId, request.level, analysis.graphMetrics().tieCount);
    return analysis;
  }

  /**
   * What asking for this network costs now, in units (buildCost.ts): 0 when it is cached, else its
   * expected size. The GraphQL limits (graphql/networkCost.ts) count an operation's networks with it.
   */
  expectedBuildCost(request: NetworkRequest): number {
    return this.isCached(request) ? 0 : this.sizes.units(request.territoryId, request.level);
  }

  /** Whether the network for a request is cached now (tests of the preload). */
  isCached(request: NetworkRequest): boolean {
    return this.cache.has(cacheKey(request));
  }

  /** The raw rows of a request's network, before any projection (the service's own use, and benches). */
  async collaborationData(request: NetworkRequest): Promise<CollaborationData> {
    const { filter } = request;
    const rows = await this.queries.read<Plain>("collaborationData", {
      territoryId: request.territoryId,
      ...windowParameters(request.window),
      axisIds: filter.axisIds,
      workGroupIds: filter.workGroupIds,
      roles: filter.roles,
      includeWorkGroups: filter.through.includes("WORK_GROUP"),
      includeEvents: filter.through.includes("EVENT"),
    });
    const row = rows[0];
    if (row === undefined) throw new AppError("NOT_FOUND", `No territory with id "${request.territoryId}"`, { argument: "territoryId" });
    return {
      organisations: tuples(toPlain(row.organisationRows), ORGANISATION_COLUMNS, "organisationRows").map(organisationRow),
      groups: tuples(toPlain(row.groupRows), GROUP_COLUMNS, "groupRows").map(groupRow),
      actors: tuples(toPlain(row.actorRows), ACTOR_COLUMNS, "actorRows").map(actorRow),
      window: request.window,
    };
  }

  private static requireNode(analysis: Analysis, id: string, argument: string): void {
    if (analysis.node(id) === undefined) {
      throw new AppError("NOT_FOUND", `No node "${id}" in this territory's network for the window and filter`, { argument });
    }
  }

  async ego(request: NetworkRequest, nodeId: string, depth: number): Promise<{ analysis: Analysis; ego: EgoNetwork }> {
    if (!Number.isInteger(depth) || depth < 1 || depth > MAX_EGO_DEPTH) {
      throw new AppError("BAD_USER_INPUT", `depth must be an integer from 1 to ${MAX_EGO_DEPTH}`, { argument: "depth" });
    }
    const analysis = await this.analyse(request);
    AnalyticsService.requireNode(analysis, nodeId, "nodeId");
    return { analysis, ego: analysis.ego(nodeId, depth) };
  }

  async path(request: NetworkRequest, fromId: string, toId: string): Promise<{ analysis: Analysis; path: string[] | null }> {
    const analysis = await this.analyse(request);
    AnalyticsService.requireNode(analysis, fromId, "fromId");
    AnalyticsService.requireNode(analysis, toId, "toId");
    return { analysis, path: shortestPath(analysis.graph, fromId, toId) };
  }

  /**
   * Before → after, on the same networks as `analyse` gives (one definition of node set, density
   * and isolates for every question: the territory's organisations passing the filters, isolated
   * ones included, or the actors who took part). Joined and left list the *active* nodes: at
   * STRUCTURE level, organisations with at least one member taking part in something counted (an
   * organisation does not "join" by merely existing).
   */
  async evolution(request: Omit<NetworkRequest, "window">, before: Window, after: Window): Promise<EvolutionResult> {
    const [a, b] = await Promise.all([this.analyse({ ...request, window: before }), this.analyse({ ...request, window: after })]);
    const active = (analysis: Analysis): Set<string> =>
      new Set(analysis.graph.filterNodes((id) => request.level === "ACTOR" || (analysis.node(id)?.activeMemberCount ?? 0) > 0));
    const [activeA, activeB] = [active(a), active(b)];
    const compared = compareNetworks(a.graph, b.graph);
    return {
      ...compared,
      nodesJoined: [...activeB].filter((id) => !activeA.has(id)).sort(compareIds),
      nodesLeft: [...activeA].filter((id) => !activeB.has(id)).sort(compareIds),
      before: a,
      after: b,
    };
  }

  /** The key figures of a year, cached under the territory's data version like the networks (every page visit asks for them). */
  async keyFigures(territoryId: string, year: number): Promise<KeyFigures> {
    const key = `${JSON.stringify(territoryId)}|keyFigures|${year}`;
    const version = await this.dataVersion(territoryId);
    return this.keyFiguresCache.get(key, () => this.computeKeyFigures(territoryId, year), { version });
  }

  private async computeKeyFigures(territoryId: string, year: number): Promise<KeyFigures> {
    const window = yearWindow(year);
    const [row] = await this.queries.read<Plain>("keyFigures", { territoryId, ...windowParameters(window) });
    if (row === undefined) throw new AppError("NOT_FOUND", `No territory with id "${territoryId}"`, { argument: "territoryId" });
    const plain = toPlain(row) as Plain;
    return {
      territoryId: text(plain, "territoryId"),
      territoryName: text(plain, "territoryName"),
      year,
      actors: num(plain, "actors"),
      activeActors: num(plain, "activeActors"),
      structures: num(plain, "structures"),
      institutions: num(plain, "institutions"),
      workGroups: num(plain, "workGroups"),
      activeWorkGroups: num(plain, "activeWorkGroups"),
      axes: num(plain, "axes"),
      contracts: num(plain, "contracts"),
      contractsInForce: texts(plain, "contractsInForce"),
      events: num(plain, "events"),
      volunteerHours: num(plain, "volunteerHours"),
      inhabitants: num(plain, "inhabitants"),
      communes: num(plain, "communes"),
      epcis: num(plain, "epcis"),
    };
  }

  /**
   * How many structures and actors work on each axis (or on `axisId`) in each commune during the
   * window, how many only attended its events, and how many of its events were held there. Cached like the networks: the whole grid costs 250–350 ms on the demo territory,
   * and each commune's details panel reads it. Callers must not change what they get.
   */
  async coverage(territoryId: string, window: Window, axisId: string | null): Promise<Coverage> {
    const key = `${JSON.stringify(territoryId)}|coverage|${JSON.stringify([window.from, window.to, axisId])}`;
    const version = await this.dataVersion(territoryId);
    return this.coverageCache.get(key, () => this.computeCoverage(territoryId, window, axisId), { version });
  }

  private async computeCoverage(territoryId: string, window: Window, axisId: string | null): Promise<Coverage> {
    const [row] = await this.queries.read<Plain>("coverage", { territoryId, ...windowParameters(window), axisId });
    if (row === undefined) throw new AppError("NOT_FOUND", `No territory with id "${territoryId}"`, { argument: "territoryId" });
    const axes = records(toPlain(row.axes), "axes").map((axis) => ({ id: text(axis, "id"), name: text(axis, "name"), kind: text(axis, "kind") }));
    if (axisId !== null && axes.length === 0) {
      throw new AppError("NOT_FOUND", `No axis "${axisId}" in territory "${territoryId}"`, { argument: "axisId" });
    }
    const communes = records(toPlain(row.communes), "communes").map((commune) => ({
      code: text(commune, "code"),
      name: text(commune, "name"),
      population: num(commune, "population"),
      epciCode: text(commune, "epciCode"),
    }));
    const counts = [
      ...records(toPlain(row.activity), "activity").map((cell) => ({
        communeCode: text(cell, "communeCode"),
        axisId: text(cell, "axisId"),
        workingStructures: num(cell, "workingStructures"),
        workingActors: num(cell, "workingActors"),
        attendingStructures: num(cell, "attendingStructures"),
        attendingActors: num(cell, "attendingActors"),
      })),
      ...records(toPlain(row.eventCells), "eventCells").map((cell) => ({
        communeCode: text(cell, "communeCode"),
        axisId: text(cell, "axisId"),
        events: num(cell, "events"),
      })),
    ];
    return buildCoverage(communes, axes, counts);
  }

  /** Side by side for a regional view: key figures, the structure network and coverage over the year. */
  async profile(territoryId: string, year: number): Promise<TerritoryProfile> {
    const window = yearWindow(year);
    const [keyFigures, analysis, coverage] = await Promise.all([
      this.keyFigures(territoryId, year),
      this.analyse({ territoryId, level: "STRUCTURE", window, filter: NO_FILTER }),
      this.coverage(territoryId, window, null),
    ]);
    const communities = analysis.communities();
    return {
      territoryId,
      keyFigures,
      network: { ...analysis.graphMetrics(), modularity: communities.modularity, communityCount: communities.communities.length },
      coverage,
    };
  }
}
