import { useCallback, useEffect, useRef, useState } from "react";
import { isAbortError, isUnauthenticated } from "../../api/graphql";

export type PanelState<T> = { status: "loading"; data: T | null } | { status: "ready"; data: T } | { status: "error"; data: T | null };

/**
 * One panel's request: asked again whenever `key` changes (territory, period, filters); the last
 * question wins. The previous answer stays shown while the next one loads.
 */
export function usePanel<T>(key: string, fetch: (signal: AbortSignal) => Promise<T>, onSessionExpired: () => void): PanelState<T> & { retry: () => void } {
  const [state, setState] = useState<PanelState<T>>({ status: "loading", data: null });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef({ fetch, onSessionExpired });
  latest.current = { fetch, onSessionExpired };

  useEffect(() => {
    const controller = new AbortController();
    setState((current) => ({ status: "loading", data: current.data }));
    latest.current
      .fetch(controller.signal)
      .then((data) => {
        if (!controller.signal.aborted) setState({ status: "ready", data });
      })
      .catch((failure: unknown) => {
        if (isAbortError(failure) || controller.signal.aborted) return;
        if (isUnauthenticated(failure)) latest.current.onSessionExpired();
        setState((current) => ({ status: "error", data: current.data }));
      });
    return () => controller.abort();
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
