import type { ElementDefinition } from "cytoscape";
import type { ApiErrorKind } from "../api/graphql";
import type { NetworkNode, StructureNetwork, Territory, TimeWindow } from "../api/network";
import { applyFilters, DEFAULT_FILTERS, type Filters } from "../features/filters/filters";
import { defaultWindow, isValidWindow, sameWindow } from "../features/timeWindow/timeWindow";
import { toElements, toLayoutElements } from "./elements";
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

export interface NetworkViewState {
  status: RequestStatus;
  /** Bumped by `retry` so that effects run again even when nothing else changed. */
  attempt: number;
  /** Null until loaded. */
  territories: readonly Territory[] | null;
  territoryId: string | null;
  /** The period whose network is loaded (or loading). */
  window: TimeWindow;
  /** The network as loaded for the territory and window. */
  model: NetworkModel | null;
  filters: Filters;
  /** What the filters let through: what is drawn, listed, searched. */
  visible: NetworkModel | null;
  elements: readonly ElementDefinition[];
  /** Nodes and backbone ties of the loaded network; a new value means a new layout. */
  layoutElements: readonly ElementDefinition[];
  error: ViewError | null;
  selection: { id: string; source: SelectionSource } | null;
}

export type NetworkViewAction =
  | { type: "start" }
  | { type: "territoriesLoaded"; territories: readonly Territory[] }
  | { type: "chooseTerritory"; territoryId: string }
  | { type: "setWindow"; window: TimeWindow }
  | { type: "networkLoaded"; territoryId: string; window: TimeWindow; network: StructureNetwork }
  | { type: "setFilters"; filters: Filters }
  | { type: "fail"; error: ViewError }
  | { type: "retry" }
  | { type: "selectNode"; id: string; source: SelectionSource }
  | { type: "clearSelection" };

const ALL_PERIOD: TimeWindow = { from: null, to: null };

export const initialState: NetworkViewState = {
  status: "idle",
  attempt: 0,
  territories: null,
  territoryId: null,
  window: ALL_PERIOD,
  model: null,
  filters: DEFAULT_FILTERS,
  visible: null,
  elements: [],
  layoutElements: [],
  error: null,
  selection: null,
};

const cleared = { model: null, visible: null, elements: [], layoutElements: [], selection: null, error: null } as const;

function windowFor(territories: readonly Territory[] | null, territoryId: string | null): TimeWindow {
  return defaultWindow(territories?.find((t) => t.id === territoryId)?.contracts ?? []);
}

/** Recomputes what is drawn after the model or the filters changed; drops a selection that got hidden. */
function withVisible(state: NetworkViewState): NetworkViewState {
  if (!state.model) return { ...state, visible: null, elements: [] };
  const visible = applyFilters(state.model, state.filters);
  const selection = state.selection && visible.nodesById.has(state.selection.id) ? state.selection : null;
  return { ...state, visible, elements: toElements(visible, state.model), selection };
}

export function networkViewReducer(state: NetworkViewState, action: NetworkViewAction): NetworkViewState {
  switch (action.type) {
    case "start":
      return state.status === "idle" ? { ...state, status: "loading" } : state;
    case "territoriesLoaded": {
      const first = action.territories[0];
      return {
        ...state,
        territories: action.territories,
        territoryId: first?.id ?? null,
        window: windowFor(action.territories, first?.id ?? null),
        // Nothing to draw without a territory: the page says so instead of loading forever.
        status: first ? "loading" : "ready",
        error: null,
      };
    }
    case "chooseTerritory":
      if (action.territoryId === state.territoryId) return state;
      if (!state.territories?.some((t) => t.id === action.territoryId)) return state;
      return {
        ...state,
        ...cleared,
        territoryId: action.territoryId,
        window: windowFor(state.territories, action.territoryId),
        // EPCI codes belong to a territory; the other filters still make sense elsewhere.
        filters: { ...state.filters, epciCode: null },
        status: "loading",
      };
    case "setWindow":
      if (sameWindow(action.window, state.window) || !isValidWindow(action.window)) return state;
      // The current picture stays until the new one arrives: no blank flash between two periods.
      return { ...state, window: action.window, status: "loading", error: null };
    case "networkLoaded": {
      // A late answer for a territory or a period the user already left is dropped.
      if (action.territoryId !== state.territoryId || !sameWindow(action.window, state.window)) return state;
      const model = createNetworkModel(action.network);
      return withVisible({ ...state, status: "ready", model, layoutElements: toLayoutElements(model), error: null });
    }
    case "setFilters":
      return withVisible({ ...state, filters: action.filters });
    case "fail":
      return { ...state, status: "error", error: action.error };
    case "retry":
      return state.status === "error" ? { ...state, status: "loading", error: null, attempt: state.attempt + 1 } : state;
    case "selectNode":
      if (!state.visible?.nodesById.has(action.id)) return state;
      return { ...state, selection: { id: action.id, source: action.source } };
    case "clearSelection":
      return state.selection ? { ...state, selection: null } : state;
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
