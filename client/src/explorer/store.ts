import type { ElementDefinition } from "cytoscape";
import type { CoverageCell, TerritoryCatalog } from "../api/explorer";
import type { Network, NetworkNode, Territory, TimeWindow } from "../api/network";
import { ALL_TIE_KINDS, compareNetworks, type Comparison, type TieKinds } from "../features/compare/compare";
import { applyFilters, DEFAULT_FILTERS, toQueryFilter, type Filters } from "../features/filters/filters";
import { applyFocus, collapseNode, expandNode, type Focus } from "../features/focus/focus";
import { groupedElements, withGroups } from "../features/map/grouping";
import { restorePlacement, type PendingRestore, type RestoreReport } from "../features/savedViews/restore";
import type { ViewSnapshot } from "../features/savedViews/snapshot";
import { defaultWindow, isValidWindow, sameWindow } from "../features/timeWindow/timeWindow";
import { layoutFor, VIEWS, type LayoutKind, type ViewKind } from "../features/views/views";
import type { CoverageMode } from "../features/map/coverageMode";
import { tooManyTies, type ViewError } from "../features/status/viewError";
import { DEFAULT_DRAW_OPTIONS, tieId, toElements, type ColourMode, type DrawOptions, type SizeMetric } from "../graph/elements";
import type { LayoutPlan } from "../graph/layoutPlan";
import { createNetworkModel, degreeOf, listPartners, type NetworkModel, type Partner } from "../graph/model";
import type { SelectionSource } from "../graph/NetworkCanvas";
import { planLayout } from "./planLayout";

export type RequestStatus = "idle" | "loading" | "error" | "ready";

export type { CoverageMode, SelectionSource };

export type { ViewError };

/** What the details panel shows when no node is selected: a work group or a commune. */
export type PanelTarget = { kind: "workGroup"; id: string } | { kind: "commune"; code: string };

/** A network request: what to ask the API, and what a new layout depends on. */
export interface NetworkRequest {
  key: string;
  territoryId: string;
  view: ViewKind;
  window: TimeWindow;
  filters: Filters;
  /** Same as `key` but for the tie threshold: moving the slider keeps the picture in place. */
  layoutBasis: string;
}

interface Loaded {
  key: string;
  layoutBasis: string;
  network: Network;
}

export interface NetworkViewState {
  status: RequestStatus;
  /** Bumped by `retry` so that effects run again even when nothing else changed. */
  attempt: number;
  /** Bumped by `reload` (the data changed, e.g. after an import): a fresh layout for what comes back. */
  dataVersion: number;
  /** Null until loaded. */
  territories: readonly Territory[] | null;
  territoryId: string | null;
  /** Territory asked for in the address (`?territory=`), honoured when the list arrives. */
  preferredTerritoryId: string | null;
  view: ViewKind;
  layout: LayoutKind;
  /** The period whose network is shown (the "after" period when comparing). */
  window: TimeWindow;
  /** Comparison mode: the earlier period; null when not comparing. */
  compareWindow: TimeWindow | null;
  /** Comparison mode: which kinds of tie are drawn (hiding one moves nothing). */
  compareTies: TieKinds;
  filters: Filters;
  draw: { sizeBy: SizeMetric; colourBy: ColourMode };
  catalog: TerritoryCatalog | null;
  catalogTerritoryId: string | null;
  loaded: Loaded | null;
  loadedBefore: Loaded | null;
  comparison: Comparison | null;
  /** The network as loaded (the union of both periods when comparing). */
  model: NetworkModel | null;
  /** What the filters and the focus let through: what is listed and searched. */
  listed: NetworkModel | null;
  /** What is drawn: `listed` without its untied nodes unless the reader shows them. */
  visible: NetworkModel | null;
  /** Untied nodes of `listed`, hidden by default (a chip tells how many and shows them). */
  showIsolated: boolean;
  isolatedCount: number;
  elements: readonly ElementDefinition[];
  layoutPlan: LayoutPlan | null;
  focus: Focus | null;
  coverageMode: CoverageMode | null;
  coverage: { key: string; cells: ReadonlyMap<string, CoverageCell> } | null;
  error: ViewError | null;
  /**
   * The current request was chosen by the page (opening, switching views), not by the reader: a
   * refusal for its size raises the threshold instead of stopping on an error.
   */
  pageChoseRequest: boolean;
  /** A focus that a view switch ended (its centre is not in that view): the page says so. */
  focusEnded: { name: string; view: ViewKind } | null;
  /** The threshold the page raised after such a refusal, said on the page until the reader acts. */
  thresholdRaised: { from: number; to: number; ties: number } | null;
  selection: { id: string; source: SelectionSource } | null;
  panel: PanelTarget | null;
  /** A saved view being opened: its places wait for its network. */
  pendingRestore: PendingRestore | null;
  /** The layout key whose plan holds a saved view's places (kept while that key lasts). */
  restoredLayoutKey: string | null;
  /** How the last opened view's network differed from what was saved. */
  restoreReport: RestoreReport | null;
  restoreSerial: number;
}

export type NetworkViewAction =
  | { type: "start" }
  | { type: "territoriesLoaded"; territories: readonly Territory[] }
  | { type: "chooseTerritory"; territoryId: string }
  | { type: "catalogLoaded"; territoryId: string; catalog: TerritoryCatalog }
  | { type: "setView"; view: ViewKind }
  | { type: "setLayout"; layout: LayoutKind }
  | { type: "setWindow"; window: TimeWindow }
  | { type: "setCompareWindow"; window: TimeWindow | null }
  | { type: "setCompareTies"; kinds: TieKinds }
  | { type: "setShowIsolated"; show: boolean }
  | { type: "networkLoaded"; key: string; network: Network }
  | { type: "setFilters"; filters: Filters }
  | { type: "setDraw"; sizeBy?: SizeMetric; colourBy?: ColourMode }
  | { type: "focusEgo"; id: string; depth: number }
  | { type: "focusPath"; fromId: string; toId: string; pathIds: readonly string[] | null }
  | { type: "expandNode"; id: string }
  | { type: "collapseNode"; id: string }
  | { type: "clearFocus" }
  | { type: "setCoverageMode"; mode: CoverageMode | null }
  | { type: "coverageLoaded"; key: string; cells: ReadonlyMap<string, CoverageCell> }
  | { type: "fail"; error: ViewError }
  | { type: "retry" }
  | { type: "reload" }
  | { type: "territoryCreated"; territoryId: string }
  | { type: "selectNode"; id: string; source: SelectionSource }
  | { type: "showPanel"; target: PanelTarget }
  | { type: "clearSelection" }
  | { type: "restoreView"; snapshot: ViewSnapshot };

const ALL_PERIOD: TimeWindow = { from: null, to: null };

/** What a new territory or network leaves behind: nothing loaded, drawn, chosen or failed. */
const cleared = {
  loaded: null,
  loadedBefore: null,
  comparison: null,
  model: null,
  listed: null,
  visible: null,
  isolatedCount: 0,
  elements: [],
  layoutPlan: null,
  selection: null,
  panel: null,
  focus: null,
  coverage: null,
  error: null,
} as const;

export const initialState: NetworkViewState = {
  ...cleared,
  status: "idle",
  attempt: 0,
  dataVersion: 0,
  territories: null,
  territoryId: null,
  preferredTerritoryId: null,
  view: "structures",
  layout: "force",
  window: ALL_PERIOD,
  compareWindow: null,
  compareTies: ALL_TIE_KINDS,
  filters: DEFAULT_FILTERS,
  draw: { sizeBy: DEFAULT_DRAW_OPTIONS.sizeBy, colourBy: DEFAULT_DRAW_OPTIONS.colourBy },
  catalog: null,
  catalogTerritoryId: null,
  showIsolated: false,
  coverageMode: null,
  pageChoseRequest: true,
  thresholdRaised: null,
  focusEnded: null,
  pendingRestore: null,
  restoredLayoutKey: null,
  restoreReport: null,
  restoreSerial: 0,
};

/** The state a page opens in, from its address (`?territory=…&view=…`). */
export function initialStateFrom(options: { territoryId?: string | null; view?: ViewKind | null }): NetworkViewState {
  const view = options.view ?? initialState.view;
  return {
    ...initialState,
    preferredTerritoryId: options.territoryId ?? null,
    view,
    layout: VIEWS[view].defaultLayout,
    filters: { ...DEFAULT_FILTERS, minWeight: VIEWS[view].defaultMinWeight },
  };
}

/** Without a territory in the address, the page opens on the largest (most EPCI), then the first by name. */
function largestTerritory(territories: readonly Territory[]): Territory | undefined {
  return [...territories].sort((a, b) => b.epcis.length - a.epcis.length)[0];
}

function windowFor(territories: readonly Territory[] | null, territoryId: string | null): TimeWindow {
  return defaultWindow(territories?.find((t) => t.id === territoryId)?.contracts ?? []);
}

function requestWith(state: NetworkViewState, window: TimeWindow): NetworkRequest | null {
  if (state.territoryId === null) return null;
  const definition = VIEWS[state.view];
  // The map draws the structures network: both views share one request (and the server's cache).
  const source = definition.level ?? "PARTICIPATION";
  const filter = toQueryFilter(state.filters, definition.hasWeights);
  // Thresholds, backbone and weighting keep the same nodes: the layout stays.
  const { minWeight: _threshold, backbone: _backbone, weighting: _weighting, ...basis } = filter;
  return {
    key: JSON.stringify([state.territoryId, source, window, filter]),
    layoutBasis: JSON.stringify([state.territoryId, source, window, basis]),
    territoryId: state.territoryId,
    view: state.view,
    window,
    filters: state.filters,
  };
}

/** The network the current state needs. */
export function selectRequest(state: NetworkViewState): NetworkRequest | null {
  return requestWith(state, state.window);
}

/** The earlier period's network, when comparing. */
export function selectBeforeRequest(state: NetworkViewState): NetworkRequest | null {
  return state.compareWindow ? requestWith(state, state.compareWindow) : null;
}

export function coverageKey(state: NetworkViewState): string | null {
  if (state.territoryId === null || state.view !== "map" || state.coverageMode === null) return null;
  return JSON.stringify([state.territoryId, state.window, state.coverageMode.axisId]);
}

function drawOptions(state: NetworkViewState): DrawOptions {
  return {
    ...state.draw,
    ...(state.comparison ? { nodeChanges: state.comparison.nodeChanges, tieChanges: state.comparison.tieChanges } : {}),
  };
}

function usesCatalog(state: NetworkViewState): boolean {
  return state.view === "map" || state.layout === "axis" || state.layout === "geographic";
}

/**
 * Rebuilds everything derived from what is loaded: the model (one period, or both merged), what
 * the filters and focus let through, the elements, the layout plan, and the request status.
 */
function derive(state: NetworkViewState): NetworkViewState {
  const request = selectRequest(state);
  const before = selectBeforeRequest(state);
  const hasNetwork = request !== null && state.loaded?.key === request.key;
  const hasBefore = before === null || state.loadedBefore?.key === before.key;
  const needsCatalog = state.view === "map" && state.catalogTerritoryId !== state.territoryId;
  const waiting = request !== null && (!hasNetwork || !hasBefore || needsCatalog);
  const status: RequestStatus = state.error ? "error" : waiting ? "loading" : state.territories === null ? state.status : "ready";
  if (!hasNetwork || !hasBefore || !state.loaded || needsCatalog) {
    // The current picture stays until the new one arrives: no blank flash between two periods.
    return { ...state, status };
  }

  // Both periods on the same rule: the ties significant at the page's alpha (the API lists more, for the slider).
  const alpha = state.filters.alpha;
  const significant = (network: Network): Network =>
    alpha === null ? network : { ...network, ties: network.ties.filter((t) => t.significance === null || t.significance === undefined || t.significance < alpha) };
  const comparison = before && state.loadedBefore ? compareNetworks(significant(state.loadedBefore.network), significant(state.loaded.network)) : null;
  const model = createNetworkModel(comparison ? comparison.network : state.loaded.network);
  const filtered = applyFilters(model, state.filters);
  // A focus kept across a view switch ends where its centre is not in the new view, and says why.
  if (state.focus?.kind === "ego" && !model.nodesById.has(state.focus.centerId)) {
    return derive({ ...state, focus: null, focusEnded: { name: state.focusEnded?.name ?? "", view: state.view } });
  }
  const listed = applyFocus(filtered, state.focus);
  // Untied nodes are hidden unless asked for (the map keeps them: they sit in their commune).
  const isolated = listed.nodes.filter((n) => degreeOf(listed, n.id) === 0);
  const keepsIsolated = state.view === "map";
  const connected = isolated.length === 0 ? listed : createNetworkModel({ nodes: listed.nodes.filter((n) => degreeOf(listed, n.id) > 0), ties: [...listed.ties] });
  const visible = keepsIsolated || state.showIsolated ? listed : connected;
  // Force and ring layouts place the tied nodes; the canvas puts the untied ones in a band under them.
  const planned = keepsIsolated ? listed : connected;
  const next: NetworkViewState = { ...state, status, comparison, model, listed, visible, isolatedCount: keepsIsolated ? 0 : isolated.length };
  let elements = toElements(visible, model, drawOptions(next));
  if (state.focus?.kind === "path" && state.focus.pathIds) elements = markPath(elements, state.focus.pathIds);
  if (comparison) elements = withTieKinds(elements, comparison, state.compareTies);
  const catalog = state.catalog;
  if (state.view === "map" && catalog && !catalog.hasContours) {
    elements = withGroups(elements, groupedElements(visible.nodes, catalog.communes, selectTerritory(state)?.epcis ?? []));
  }
  const layoutKey = JSON.stringify([
    state.dataVersion,
    state.loaded.layoutBasis,
    state.loadedBefore?.layoutBasis ?? null,
    state.view,
    state.layout,
    state.focus?.kind === "ego" ? [state.focus.centerId, state.focus.depth] : null,
    state.layout === "concentric" ? state.draw.sizeBy : null,
    // Only the layouts that read the catalog (axes' names, contours, the map's groups) are laid out
    // again when it arrives: a force layout does not wait for it, nor start over.
    usesCatalog(state) && catalog !== null && state.catalogTerritoryId === state.territoryId,
  ]);
  const selection = state.selection && visible.nodesById.has(state.selection.id) ? state.selection : null;
  const pending = state.pendingRestore;
  if (pending) {
    // A saved view's places, under a key of their own so that the canvas places them even when
    // the same layout is already drawn; later filter changes keep them (restoredLayoutKey).
    const computed = planLayout(layoutKey, state.layout, planned, elements, state.draw.sizeBy, catalog);
    // Against what is drawn: untied nodes hidden behind their chip had no place to save.
    const { positions, dropped, added } = restorePlacement(pending.positions, visible, listed);
    const layoutPlan: LayoutPlan = {
      key: `${layoutKey}|restore:${pending.serial}`,
      kind: "preset",
      positions,
      labels: computed.kind === "preset" ? computed.labels : [],
      viewport: pending.viewport,
    };
    return {
      ...next,
      elements,
      layoutPlan,
      selection,
      pendingRestore: null,
      restoredLayoutKey: layoutKey,
      restoreReport: { serial: pending.serial, dropped, added },
    };
  }
  const keeps = state.layoutPlan !== null && (state.layoutPlan.key === layoutKey || state.restoredLayoutKey === layoutKey);
  const layoutPlan = keeps ? state.layoutPlan : planLayout(layoutKey, state.layout, planned, elements, state.draw.sizeBy, catalog);
  return { ...next, elements, layoutPlan, selection, restoredLayoutKey: keeps ? state.restoredLayoutKey : null };
}

/**
 * Opens a saved view: its territory, view, layout, periods, filters, focus, drawing and coverage
 * mode at once; its node places wait for the network (see `derive`). A territory the page does not
 * know leaves the state as it is (the caller says why).
 */
function restoreView(state: NetworkViewState, snapshot: ViewSnapshot): NetworkViewState {
  if (!state.territories?.some((t) => t.id === snapshot.territoryId)) return state;
  const serial = state.restoreSerial + 1;
  const sameTerritory = snapshot.territoryId === state.territoryId;
  return derive({
    ...state,
    ...(sameTerritory ? { selection: null, panel: null, error: null } : cleared),
    territoryId: snapshot.territoryId,
    view: snapshot.view,
    layout: layoutFor(snapshot.view, snapshot.layout),
    window: snapshot.window,
    compareWindow: snapshot.compareWindow,
    loadedBefore: snapshot.compareWindow ? (sameTerritory ? state.loadedBefore : null) : null,
    filters: snapshot.filters,
    focus: snapshot.focus,
    draw: { ...snapshot.draw },
    coverageMode: snapshot.view === "map" ? snapshot.coverageMode : null,
    pendingRestore: { serial, positions: snapshot.positions, viewport: snapshot.viewport },
    restoreSerial: serial,
    restoreReport: null,
  });
}

/** The comparison's ties of the kinds shown (the layout key does not change: nothing moves). */
function withTieKinds(elements: ElementDefinition[], comparison: Comparison, kinds: TieKinds): ElementDefinition[] {
  if (kinds.gained && kinds.lost && kinds.kept) return elements;
  return elements.filter((element) => {
    if (element.group !== "edges") return true;
    const change = comparison.tieChanges.get(element.data.id ?? "");
    return change === undefined || kinds[change];
  });
}

/** Classes `on-path` for the nodes and ties of a path, `off-path` for the rest. */
function markPath(elements: readonly ElementDefinition[], pathIds: readonly string[]): ElementDefinition[] {
  const nodes = new Set(pathIds);
  const ties = new Set<string>();
  for (let i = 1; i < pathIds.length; i += 1) {
    const [a, b] = [pathIds[i - 1] ?? "", pathIds[i] ?? ""];
    ties.add(a < b ? tieId(a, b) : tieId(b, a));
  }
  return elements.map((element) => {
    const id = element.data.id ?? "";
    const onPath = element.group === "nodes" ? nodes.has(id) : ties.has(id);
    const classes = typeof element.classes === "string" && element.classes !== "" ? `${element.classes} ` : "";
    return { ...element, classes: `${classes}${onPath ? "on-path" : "off-path"}` };
  });
}

function withView(state: NetworkViewState, view: ViewKind): NetworkViewState {
  const definition = VIEWS[view];
  const previous = VIEWS[state.view];
  // A threshold left at the previous view's default moves to the new view's default.
  const minWeight = state.filters.minWeight === previous.defaultMinWeight ? definition.defaultMinWeight : state.filters.minWeight;
  return {
    ...state,
    view,
    layout: layoutFor(view, state.layout === previous.defaultLayout ? definition.defaultLayout : state.layout),
    filters: { ...state.filters, minWeight },
    // An ego focus is kept when its centre exists in the new view (structures ↔ map); a path is not.
    focus: state.focus?.kind === "ego" ? state.focus : null,
    focusEnded: state.focus?.kind === "ego" ? { name: state.model?.nodesById.get(state.focus.centerId)?.name ?? "", view } : null,
    selection: null,
    coverageMode: view === "map" ? state.coverageMode : null,
    pendingRestore: null,
    error: null,
    pageChoseRequest: true,
    thresholdRaised: null,
  };
}

/** A threshold that brings a network refused for its size back under the limit: the view's default, or twice the current one. */
export function raisedThreshold(current: number, viewDefault: number): number {
  return current < viewDefault ? viewDefault : Math.max(current + 1, current * 2);
}

/**
 * A refusal: the earlier picture goes (never an old network under an error), the model stays so
 * that the filters can still be changed. A request the page chose itself that was too large is
 * asked again with a higher threshold, and the page says so.
 */
function fail(state: NetworkViewState, error: ViewError): NetworkViewState {
  const large = tooManyTies(error);
  const definition = VIEWS[state.view];
  if (large && state.pageChoseRequest && definition.hasWeights) {
    const from = state.filters.minWeight;
    const to = raisedThreshold(from, definition.defaultMinWeight);
    return derive({ ...state, filters: { ...state.filters, minWeight: to }, error: null, thresholdRaised: { from, to, ties: large.tieCount } });
  }
  return { ...state, status: "error", error, listed: null, visible: null, isolatedCount: 0, elements: [], selection: null };
}

export function networkViewReducer(state: NetworkViewState, action: NetworkViewAction): NetworkViewState {
  switch (action.type) {
    case "start":
      return state.status === "idle" ? { ...state, status: "loading" } : state;
    case "territoriesLoaded": {
      const preferred = action.territories.find((t) => t.id === state.preferredTerritoryId);
      const chosen = preferred ?? largestTerritory(action.territories);
      return derive({
        ...state,
        territories: action.territories,
        territoryId: chosen?.id ?? null,
        window: windowFor(action.territories, chosen?.id ?? null),
        // Nothing to draw without a territory: the page says so instead of loading forever.
        status: chosen ? "loading" : "ready",
        error: null,
      });
    }
    case "chooseTerritory":
      if (action.territoryId === state.territoryId) return state;
      if (!state.territories?.some((t) => t.id === action.territoryId)) return state;
      return derive({
        ...state,
        ...cleared,
        territoryId: action.territoryId,
        window: windowFor(state.territories, action.territoryId),
        compareWindow: null,
        pendingRestore: null,
        // Places, axes and work groups belong to a territory; the other filters still make sense elsewhere.
        filters: { ...state.filters, epciCode: null, communeCode: null, axisId: null, workGroupId: null },
        coverageMode: state.coverageMode ? { ...state.coverageMode, axisId: null } : null,
      });
    case "catalogLoaded": {
      if (action.territoryId !== state.territoryId) return state;
      const next = { ...state, catalog: action.catalog, catalogTerritoryId: action.territoryId };
      // Nothing drawn reads the catalog in the other views: thousands of elements are not rebuilt for it.
      return usesCatalog(next) ? derive(next) : next;
    }
    case "setView":
      if (action.view === state.view) return state;
      return derive(withView(state, action.view));
    case "setLayout": {
      const layout = layoutFor(state.view, action.layout);
      return layout === state.layout ? state : derive({ ...state, layout, pendingRestore: null });
    }
    case "setWindow":
      if (sameWindow(action.window, state.window) || !isValidWindow(action.window)) return state;
      return derive({ ...state, window: action.window, error: null, pageChoseRequest: false, thresholdRaised: null, focus: state.focus?.kind === "path" ? null : state.focus });
    case "setCompareWindow":
      if (action.window !== null && !isValidWindow(action.window)) return state;
      if (action.window === null ? state.compareWindow === null : state.compareWindow !== null && sameWindow(action.window, state.compareWindow)) return state;
      return derive({ ...state, compareWindow: action.window, loadedBefore: action.window ? state.loadedBefore : null, error: null });
    case "setShowIsolated":
      return action.show === state.showIsolated ? state : derive({ ...state, showIsolated: action.show });
    case "setCompareTies":
      return derive({ ...state, compareTies: action.kinds });
    case "networkLoaded": {
      // A late answer for a territory, view, period or filter the user already left is dropped.
      const request = selectRequest(state);
      const before = selectBeforeRequest(state);
      if (request?.key === action.key) return derive({ ...state, loaded: { key: request.key, layoutBasis: request.layoutBasis, network: action.network }, error: null });
      if (before?.key === action.key) return derive({ ...state, loadedBefore: { key: before.key, layoutBasis: before.layoutBasis, network: action.network }, error: null });
      return state;
    }
    case "setFilters": {
      // The coverage mode's axis follows the axis filter.
      const axisChanged = action.filters.axisId !== state.filters.axisId;
      const coverageMode = state.coverageMode && axisChanged ? { ...state.coverageMode, axisId: action.filters.axisId } : state.coverageMode;
      return derive({ ...state, filters: action.filters, coverageMode, error: null, pageChoseRequest: false, thresholdRaised: null });
    }
    case "setDraw":
      return derive({ ...state, draw: { sizeBy: action.sizeBy ?? state.draw.sizeBy, colourBy: action.colourBy ?? state.draw.colourBy } });
    case "focusEgo":
      if (!state.model?.nodesById.has(action.id)) return state;
      return derive({
        ...state,
        focus: { kind: "ego", centerId: action.id, depth: Math.min(3, Math.max(1, Math.round(action.depth))), expandedIds: [], collapsedIds: [] },
        selection: { id: action.id, source: "panel" },
      });
    case "focusPath":
      return derive({ ...state, focus: { kind: "path", fromId: action.fromId, toId: action.toId, pathIds: action.pathIds } });
    case "expandNode":
      return derive({ ...state, focus: expandNode(state.focus, action.id) });
    case "collapseNode":
      return derive({ ...state, focus: collapseNode(state.focus, action.id) });
    case "clearFocus":
      return state.focus || state.focusEnded ? derive({ ...state, focus: null, focusEnded: null }) : state;
    case "setCoverageMode":
      return derive({ ...state, coverageMode: action.mode, coverage: action.mode ? state.coverage : null });
    case "coverageLoaded":
      return coverageKey(state) === action.key ? { ...state, coverage: { key: action.key, cells: action.cells } } : state;
    case "fail":
      return fail(state, action.error);
    case "retry":
      return state.status === "error" ? derive({ ...state, status: "loading", error: null, attempt: state.attempt + 1 }) : state;
    case "reload":
      // Everything is asked again; the current picture stays until the new network arrives.
      if (state.territoryId === null) return state;
      return derive({
        ...state,
        loaded: null,
        loadedBefore: null,
        coverage: null,
        catalogTerritoryId: null,
        error: null,
        dataVersion: state.dataVersion + 1,
        attempt: state.attempt + 1,
      });
    case "territoryCreated":
      // The list is asked again and opens on the new territory (see territoriesLoaded).
      return {
        ...state,
        ...cleared,
        status: "loading",
        territories: null,
        territoryId: null,
        preferredTerritoryId: action.territoryId,
        compareWindow: null,
        pendingRestore: null,
        filters: { ...state.filters, epciCode: null, communeCode: null, axisId: null, workGroupId: null },
        coverageMode: state.coverageMode ? { ...state.coverageMode, axisId: null } : null,
      };
    case "selectNode":
      if (!state.visible?.nodesById.has(action.id)) {
        // An untied node chosen from a list or the search: the untied nodes are shown.
        if (!state.listed?.nodesById.has(action.id) || state.showIsolated) return state;
        return { ...derive({ ...state, showIsolated: true }), selection: { id: action.id, source: action.source }, panel: null };
      }
      return { ...state, selection: { id: action.id, source: action.source }, panel: null };
    case "showPanel":
      return { ...state, panel: action.target, selection: null };
    case "clearSelection":
      return state.selection || state.panel ? { ...state, selection: null, panel: null } : state;
    case "restoreView":
      return restoreView(state, action.snapshot);
  }
}

export function selectTerritory(state: NetworkViewState): Territory | null {
  return state.territories?.find((t) => t.id === state.territoryId) ?? null;
}

export function selectSelectedNode(state: NetworkViewState): NetworkNode | null {
  return state.selection ? (state.visible?.nodesById.get(state.selection.id) ?? null) : null;
}

/** Partners as drawn: a tie hidden by the filters is not listed. */
export function selectSelectedPartners(state: NetworkViewState): Partner[] {
  return state.selection && state.visible ? listPartners(state.visible, state.selection.id) : [];
}
