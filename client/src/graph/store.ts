import type { ElementDefinition } from "cytoscape";
import type { CoverageCell, TerritoryCatalog } from "../api/explorer";
import type { ApiErrorKind } from "../api/graphql";
import type { Network, NetworkNode, Territory, TimeWindow } from "../api/network";
import { compareNetworks, type Comparison } from "../features/compare/compare";
import { applyFilters, DEFAULT_FILTERS, toQueryFilter, type Filters } from "../features/filters/filters";
import { applyFocus, collapseNode, expandNode, type Focus } from "../features/focus/focus";
import { groupedElements, withGroups } from "../features/map/grouping";
import { restorePlacement, type PendingRestore, type RestoreReport } from "../features/savedViews/restore";
import type { ViewSnapshot } from "../features/savedViews/snapshot";
import { defaultWindow, isValidWindow, sameWindow } from "../features/timeWindow/timeWindow";
import { layoutFor, VIEWS, type LayoutKind, type ViewKind } from "../features/views/views";
import { DEFAULT_DRAW_OPTIONS, tieId, toElements, type ColourMode, type DrawOptions, type SizeMetric } from "./elements";
import { planLayout, type LayoutPlan } from "./layoutPlan";
import { createNetworkModel, listPartners, type NetworkModel, type Partner } from "./model";

export type RequestStatus = "idle" | "loading" | "error" | "ready";

/** Where a selection came from: the canvas keeps the view still for its own taps; search centres. */
export type SelectionSource = "canvas" | "panel" | "search";

export interface ViewError {
  kind: ApiErrorKind;
  message: string;
  /** `extensions.code` or HTTP status when the server sent one. */
  code?: string | undefined;
}

/** What the details panel shows when no node is selected: a work group or a commune. */
export type PanelTarget = { kind: "workGroup"; id: string } | { kind: "commune"; code: string };

/** The map's coverage mode: communes coloured by who works there on an axis (all axes when null). */
export interface CoverageMode {
  axisId: string | null;
  unit: "structures" | "actors";
}

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
  filters: Filters;
  draw: { sizeBy: SizeMetric; colourBy: ColourMode };
  catalog: TerritoryCatalog | null;
  catalogTerritoryId: string | null;
  loaded: Loaded | null;
  loadedBefore: Loaded | null;
  comparison: Comparison | null;
  /** The network as loaded (the union of both periods when comparing). */
  model: NetworkModel | null;
  /** What the filters and the focus let through: what is drawn, listed, searched. */
  visible: NetworkModel | null;
  elements: readonly ElementDefinition[];
  layoutPlan: LayoutPlan | null;
  focus: Focus | null;
  coverageMode: CoverageMode | null;
  coverage: { key: string; cells: ReadonlyMap<string, CoverageCell> } | null;
  error: ViewError | null;
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

export const initialState: NetworkViewState = {
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
  filters: DEFAULT_FILTERS,
  draw: { sizeBy: DEFAULT_DRAW_OPTIONS.sizeBy, colourBy: DEFAULT_DRAW_OPTIONS.colourBy },
  catalog: null,
  catalogTerritoryId: null,
  loaded: null,
  loadedBefore: null,
  comparison: null,
  model: null,
  visible: null,
  elements: [],
  layoutPlan: null,
  focus: null,
  coverageMode: null,
  coverage: null,
  error: null,
  selection: null,
  panel: null,
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

const cleared = {
  loaded: null,
  loadedBefore: null,
  comparison: null,
  model: null,
  visible: null,
  elements: [],
  layoutPlan: null,
  selection: null,
  panel: null,
  focus: null,
  coverage: null,
  error: null,
} as const;

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
  const { minWeight: _threshold, ...basis } = filter;
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

  const comparison = before && state.loadedBefore ? compareNetworks(state.loadedBefore.network, state.loaded.network) : null;
  const model = createNetworkModel(comparison ? comparison.network : state.loaded.network);
  const filtered = applyFilters(model, state.filters);
  const visible = applyFocus(filtered, state.focus);
  const next: NetworkViewState = { ...state, status, comparison, model, visible };
  let elements = toElements(visible, model, drawOptions(next));
  if (state.focus?.kind === "path" && state.focus.pathIds) elements = markPath(elements, state.focus.pathIds);
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
    const computed = planLayout(layoutKey, state.layout, visible, elements, state.draw.sizeBy, catalog);
    const { positions, dropped, added } = restorePlacement(pending.positions, visible);
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
  const layoutPlan = keeps ? state.layoutPlan : planLayout(layoutKey, state.layout, visible, elements, state.draw.sizeBy, catalog);
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
    focus: null,
    selection: null,
    coverageMode: view === "map" ? state.coverageMode : null,
    pendingRestore: null,
  };
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
      return derive({ ...state, window: action.window, error: null, focus: state.focus?.kind === "path" ? null : state.focus });
    case "setCompareWindow":
      if (action.window !== null && !isValidWindow(action.window)) return state;
      if (action.window === null ? state.compareWindow === null : state.compareWindow !== null && sameWindow(action.window, state.compareWindow)) return state;
      return derive({ ...state, compareWindow: action.window, loadedBefore: action.window ? state.loadedBefore : null, error: null });
    case "networkLoaded": {
      // A late answer for a territory, view, period or filter the user already left is dropped.
      const request = selectRequest(state);
      const before = selectBeforeRequest(state);
      if (request?.key === action.key) return derive({ ...state, loaded: { key: request.key, layoutBasis: request.layoutBasis, network: action.network }, error: null });
      if (before?.key === action.key) return derive({ ...state, loadedBefore: { key: before.key, layoutBasis: before.layoutBasis, network: action.network }, error: null });
      return state;
    }
    case "setFilters":
      return derive({ ...state, filters: action.filters, error: null });
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
      return state.focus ? derive({ ...state, focus: null }) : state;
    case "setCoverageMode":
      return derive({ ...state, coverageMode: action.mode, coverage: action.mode ? state.coverage : null });
    case "coverageLoaded":
      return coverageKey(state) === action.key ? { ...state, coverage: { key: action.key, cells: action.cells } } : state;
    case "fail":
      return { ...state, status: "error", error: action.error };
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
      if (!state.visible?.nodesById.has(action.id)) return state;
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
