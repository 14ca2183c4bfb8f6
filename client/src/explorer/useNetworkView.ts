import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef } from "react";
import { fetchCoverage, fetchTerritoryCatalog } from "../api/explorer";
import { takeEarlyNetwork, takeEarlyTerritories } from "../api/earlyStart";
import { ApiError, currentAuthToken, isAbortError, isUnauthenticated } from "../api/graphql";
import { fetchTerritories, type TimeWindow } from "../api/network";
import type { TieKinds } from "../features/compare/compare";
import type { Filters } from "../features/filters/filters";
import { shortestPath } from "../features/focus/focus";
import type { ViewSnapshot } from "../features/savedViews/snapshot";
import type { LayoutKind, ViewKind } from "../features/views/views";
import type { ColourMode, SizeMetric } from "../graph/elements";
import { fetchNetwork } from "./firstNetwork";
import {
  coverageKey,
  initialStateFrom,
  networkViewReducer,
  selectBeforeRequest,
  selectRequest,
  type CoverageMode,
  type NetworkViewAction,
  type PanelTarget,
  type SelectionSource,
  type ViewError,
} from "./store";

/** Moving the tie slider sends one request when it stops, not one per step. */
const REQUEST_DELAY_MS = 150;

function toViewError(error: unknown): ViewError {
  if (error instanceof ApiError) return { kind: error.kind, message: error.message, code: error.code, extensions: error.extensions };
  return { kind: "invalid-response", message: error instanceof Error ? error.message : String(error) };
}

/**
 * Runs `load` when `key` changes (after `delay`, or at once), dropping answers to a key already
 * left. A layout effect: the request leaves as soon as the state asking for it is committed,
 * before the children's effects (creating the Cytoscape canvas) run.
 */
function useRequest(
  key: string | null,
  load: (signal: AbortSignal) => Promise<NetworkViewAction>,
  dispatch: (action: NetworkViewAction) => void,
  onError: (error: unknown) => void,
  attempt: number,
  delay = 0,
): void {
  const loadRef = useRef(load);
  loadRef.current = load;
  useLayoutEffect(() => {
    if (key === null) return undefined;
    const controller = new AbortController();
    const run = () => {
      loadRef.current(controller.signal).then(dispatch, (error: unknown) => {
        if (!controller.signal.aborted) onError(error);
      });
    };
    const timer = delay > 0 ? setTimeout(run, delay) : undefined;
    if (delay <= 0) run();
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, attempt, delay, dispatch, onError]);
}

export interface InitialView {
  territoryId?: string | null;
  view?: ViewKind | null;
}

/**
 * The network view's store plus the requests it triggers: territories first, then the catalog and
 * the network of the chosen territory, view, window and filters (and the earlier period when
 * comparing, and the map's coverage). A refused token is handed to `onUnauthenticated`.
 */
export function useNetworkView(onUnauthenticated: () => void, initial: InitialView = {}) {
  const [state, dispatch] = useReducer(networkViewReducer, initial, initialStateFrom);
  const signOut = useRef(onUnauthenticated);
  useEffect(() => {
    signOut.current = onUnauthenticated;
  }, [onUnauthenticated]);

  const onError = useCallback((error: unknown) => {
    if (isAbortError(error)) return;
    if (isUnauthenticated(error)) signOut.current();
    else dispatch({ type: "fail", error: toViewError(error) });
  }, []);

  useEffect(() => {
    dispatch({ type: "start" });
  }, []);

  const { attempt, territoryId } = state;
  const territoriesKey = state.territories === null && state.status !== "idle" ? "territories" : null;
  useRequest(
    territoriesKey,
    async (signal) => ({ type: "territoriesLoaded", territories: await (takeEarlyTerritories(currentAuthToken()) ?? fetchTerritories({ signal })) }),
    dispatch,
    onError,
    attempt,
  );

  const catalogKey = territoryId !== null && state.catalogTerritoryId !== territoryId ? territoryId : null;
  useRequest(
    catalogKey,
    async (signal) => ({ type: "catalogLoaded", territoryId: catalogKey ?? "", catalog: await fetchTerritoryCatalog(catalogKey ?? "", { signal }) }),
    dispatch,
    onError,
    attempt,
  );

  const request = selectRequest(state);
  const networkKey = request && state.loaded?.key !== request.key && state.error === null ? request.key : null;
  useRequest(
    networkKey,
    async (signal) => {
      if (!request) throw new Error("no request");
      const network = takeEarlyNetwork(currentAuthToken(), request.key) ?? fetchNetwork(request, { signal });
      return { type: "networkLoaded", key: request.key, network: await network };
    },
    dispatch,
    onError,
    attempt,
    // The page's first network goes at once; later ones wait for the slider to stop.
    state.loaded === null ? 0 : REQUEST_DELAY_MS,
  );

  const before = selectBeforeRequest(state);
  const beforeKey = before && state.loadedBefore?.key !== before.key && state.error === null ? before.key : null;
  useRequest(
    beforeKey,
    async (signal) => {
      if (!before) throw new Error("no request");
      return { type: "networkLoaded", key: before.key, network: await fetchNetwork(before, { signal }) };
    },
    dispatch,
    onError,
    attempt,
    REQUEST_DELAY_MS,
  );

  const wantedCoverage = coverageKey(state);
  const coverageRequest = wantedCoverage !== null && state.coverage?.key !== wantedCoverage ? wantedCoverage : null;
  const coverageAxis = state.coverageMode?.axisId ?? null;
  const { window } = state;
  useRequest(
    coverageRequest,
    async (signal) => ({
      type: "coverageLoaded",
      key: coverageRequest ?? "",
      cells: await fetchCoverage(territoryId ?? "", window, coverageAxis, { signal }),
    }),
    dispatch,
    onError,
    attempt,
  );

  const visible = state.visible;
  const actions = useMemo(
    () => ({
      retry: () => dispatch({ type: "retry" }),
      reload: () => dispatch({ type: "reload" }),
      territoryCreated: (territoryId: string) => dispatch({ type: "territoryCreated", territoryId }),
      chooseTerritory: (id: string) => dispatch({ type: "chooseTerritory", territoryId: id }),
      setView: (view: ViewKind) => dispatch({ type: "setView", view }),
      setLayout: (layout: LayoutKind) => dispatch({ type: "setLayout", layout }),
      setWindow: (next: TimeWindow) => dispatch({ type: "setWindow", window: next }),
      setCompareWindow: (next: TimeWindow | null) => dispatch({ type: "setCompareWindow", window: next }),
      setCompareTies: (kinds: TieKinds) => dispatch({ type: "setCompareTies", kinds }),
      setShowIsolated: (show: boolean) => dispatch({ type: "setShowIsolated", show }),
      setFilters: (filters: Filters) => dispatch({ type: "setFilters", filters }),
      setDraw: (draw: { sizeBy?: SizeMetric; colourBy?: ColourMode }) => dispatch({ type: "setDraw", ...draw }),
      selectNode: (id: string, source: SelectionSource) => dispatch({ type: "selectNode", id, source }),
      showPanel: (target: PanelTarget) => dispatch({ type: "showPanel", target }),
      clearSelection: () => dispatch({ type: "clearSelection" }),
      focusEgo: (id: string, depth: number) => dispatch({ type: "focusEgo", id, depth }),
      expandNode: (id: string) => dispatch({ type: "expandNode", id }),
      collapseNode: (id: string) => dispatch({ type: "collapseNode", id }),
      clearFocus: () => dispatch({ type: "clearFocus" }),
      setCoverageMode: (mode: CoverageMode | null) => dispatch({ type: "setCoverageMode", mode }),
      restoreView: (snapshot: ViewSnapshot) => dispatch({ type: "restoreView", snapshot }),
    }),
    [],
  );
  // The path is computed on the network as drawn (filters and threshold included): instant.
  const focusPath = useCallback(
    (fromId: string, toId: string) => {
      if (!visible) return;
      dispatch({ type: "focusPath", fromId, toId, pathIds: shortestPath(visible, fromId, toId) });
    },
    [visible],
  );
  return { state, actions: { ...actions, focusPath } };
}
