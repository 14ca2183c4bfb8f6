import type { ElementDefinition } from "cytoscape";
import type { ApiErrorKind } from "../api/graphql";
import type { NetworkNode, StructureNetwork, Territory } from "../api/network";
import { toElements } from "./elements";
import { createNetworkModel, listPartners, type NetworkModel, type Partner } from "./model";

export type RequestStatus = "idle" | "loading" | "error" | "ready";

/** Where a selection came from: the canvas keeps the view still for its own taps. */
export type SelectionSource = "canvas" | "panel" | "picker";

export interface ViewError {
  kind: ApiErrorKind;
  message: string;
}

export interface NetworkViewState {
  status: RequestStatus;
  /** Bumped by `retry` so that effects run again even when nothing else changed. */
  attempt: number;
  /** Null until loaded. */
  territories: readonly Territory[] | null;
  territoryId: string | null;
  model: NetworkModel | null;
  elements: readonly ElementDefinition[];
  error: ViewError | null;
  selection: { id: string; source: SelectionSource } | null;
}

export type NetworkViewAction =
  | { type: "start" }
  | { type: "territoriesLoaded"; territories: readonly Territory[] }
  | { type: "chooseTerritory"; territoryId: string }
  | { type: "networkLoaded"; territoryId: string; network: StructureNetwork }
  | { type: "fail"; error: ViewError }
  | { type: "retry" }
  | { type: "selectNode"; id: string; source: SelectionSource }
  | { type: "clearSelection" };

export const initialState: NetworkViewState = {
  status: "idle",
  attempt: 0,
  territories: null,
  territoryId: null,
  model: null,
  elements: [],
  error: null,
  selection: null,
};

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
        // Nothing to draw without a territory: the page says so instead of loading forever.
        status: first ? "loading" : "ready",
        error: null,
      };
    }
    case "chooseTerritory":
      if (action.territoryId === state.territoryId) return state;
      if (!state.territories?.some((t) => t.id === action.territoryId)) return state;
      return { ...state, territoryId: action.territoryId, status: "loading", model: null, elements: [], selection: null, error: null };
    case "networkLoaded": {
      // A late answer for a territory the user already left is dropped.
      if (action.territoryId !== state.territoryId) return state;
      const model = createNetworkModel(action.network);
      return { ...state, status: "ready", model, elements: toElements(model), error: null, selection: null };
    }
    case "fail":
      return { ...state, status: "error", error: action.error };
    case "retry":
      return state.status === "error" ? { ...state, status: "loading", error: null, attempt: state.attempt + 1 } : state;
    case "selectNode":
      if (!state.model?.nodesById.has(action.id)) return state;
      return { ...state, selection: { id: action.id, source: action.source } };
    case "clearSelection":
      return state.selection ? { ...state, selection: null } : state;
  }
}

export function selectTerritory(state: NetworkViewState): Territory | null {
  return state.territories?.find((t) => t.id === state.territoryId) ?? null;
}

export function selectSelectedNode(state: NetworkViewState): NetworkNode | null {
  return state.selection ? (state.model?.nodesById.get(state.selection.id) ?? null) : null;
}

export function selectSelectedPartners(state: NetworkViewState): Partner[] {
  return state.selection && state.model ? listPartners(state.model, state.selection.id) : [];
}
