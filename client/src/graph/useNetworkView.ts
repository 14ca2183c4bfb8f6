import { useCallback, useEffect, useReducer, useRef } from "react";
import { ApiError, isAbortError, isUnauthenticated } from "../api/graphql";
import { fetchStructureNetwork, fetchTerritories, type TimeWindow } from "../api/network";
import type { Filters } from "../features/filters/filters";
import { initialState, networkViewReducer, type SelectionSource, type ViewError } from "./store";

function toViewError(error: unknown): ViewError {
  if (error instanceof ApiError) return { kind: error.kind, message: error.message, code: error.code };
  return { kind: "invalid-response", message: error instanceof Error ? error.message : String(error) };
}

/**
 * The network view's store plus the requests it triggers: territories first, then the network of
 * the chosen territory and window. A refused token is handed to `onUnauthenticated` (back to login).
 */
export function useNetworkView(onUnauthenticated: () => void) {
  const [state, dispatch] = useReducer(networkViewReducer, initialState);
  const { status, territories, territoryId, window, attempt } = state;
  const hasTerritories = territories !== null;
  const signOut = useRef(onUnauthenticated);

  useEffect(() => {
    signOut.current = onUnauthenticated;
  }, [onUnauthenticated]);

  useEffect(() => {
    dispatch({ type: "start" });
  }, []);

  useEffect(() => {
    if (status !== "loading") return undefined;
    const controller = new AbortController();
    const onError = (error: unknown) => {
      if (isAbortError(error)) return;
      if (isUnauthenticated(error)) signOut.current();
      else dispatch({ type: "fail", error: toViewError(error) });
    };
    if (!hasTerritories) {
      fetchTerritories({ signal: controller.signal }).then(
        (loaded) => dispatch({ type: "territoriesLoaded", territories: loaded }),
        onError,
      );
    } else if (territoryId !== null) {
      const requested: TimeWindow = { from: window.from, to: window.to };
      fetchStructureNetwork(territoryId, requested, { signal: controller.signal }).then(
        (network) => dispatch({ type: "networkLoaded", territoryId, window: requested, network }),
        onError,
      );
    }
    return () => controller.abort();
  }, [status, hasTerritories, territoryId, window.from, window.to, attempt]);

  const actions = {
    retry: useCallback(() => dispatch({ type: "retry" }), []),
    chooseTerritory: useCallback((id: string) => dispatch({ type: "chooseTerritory", territoryId: id }), []),
    setWindow: useCallback((next: TimeWindow) => dispatch({ type: "setWindow", window: next }), []),
    setFilters: useCallback((filters: Filters) => dispatch({ type: "setFilters", filters }), []),
    selectNode: useCallback((id: string, source: SelectionSource) => dispatch({ type: "selectNode", id, source }), []),
    clearSelection: useCallback(() => dispatch({ type: "clearSelection" }), []),
  };
  return { state, actions };
}
