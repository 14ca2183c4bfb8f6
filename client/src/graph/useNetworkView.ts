import { useCallback, useEffect, useReducer } from "react";
import { ApiError, isAbortError } from "../api/graphql";
import { fetchStructureNetwork, fetchTerritories } from "../api/network";
import { initialState, networkViewReducer, type SelectionSource, type ViewError } from "./store";

function toViewError(error: unknown): ViewError {
  if (error instanceof ApiError) return { kind: error.kind, message: error.message };
  return { kind: "invalid-response", message: error instanceof Error ? error.message : String(error) };
}

/** The network view's store plus the requests it triggers: territories first, then the network. */
export function useNetworkView() {
  const [state, dispatch] = useReducer(networkViewReducer, initialState);
  const { status, territories, territoryId, attempt } = state;
  const hasTerritories = territories !== null;

  useEffect(() => {
    dispatch({ type: "start" });
  }, []);

  useEffect(() => {
    if (status !== "loading") return undefined;
    const controller = new AbortController();
    const onError = (error: unknown) => {
      if (!isAbortError(error)) dispatch({ type: "fail", error: toViewError(error) });
    };
    if (!hasTerritories) {
      fetchTerritories({ signal: controller.signal }).then(
        (loaded) => dispatch({ type: "territoriesLoaded", territories: loaded }),
        onError,
      );
    } else if (territoryId !== null) {
      fetchStructureNetwork(territoryId, { signal: controller.signal }).then(
        (network) => dispatch({ type: "networkLoaded", territoryId, network }),
        onError,
      );
    }
    return () => controller.abort();
  }, [status, hasTerritories, territoryId, attempt]);

  const actions = {
    retry: useCallback(() => dispatch({ type: "retry" }), []),
    chooseTerritory: useCallback((id: string) => dispatch({ type: "chooseTerritory", territoryId: id }), []),
    selectNode: useCallback((id: string, source: SelectionSource) => dispatch({ type: "selectNode", id, source }), []),
    clearSelection: useCallback(() => dispatch({ type: "clearSelection" }), []),
  };
  return { state, actions };
}
