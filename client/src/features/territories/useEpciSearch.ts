import { useEffect, useState } from "react";
import { isAbortError, isUnauthenticated } from "../../api/graphql";
import { fetchEpciCandidates, type EpciCandidate } from "../../api/territories";

export type EpciSearchState =
  | { status: "idle" }
  | { status: "searching"; search: string }
  | { status: "done"; search: string; candidates: EpciCandidate[] }
  | { status: "failed"; search: string };

const DELAY_MS = 250;

/** EPCI candidates for what is typed, asked a moment after typing stops; a later search cancels an earlier one. */
export function useEpciSearch(search: string, onUnauthenticated: () => void): EpciSearchState {
  const [state, setState] = useState<EpciSearchState>({ status: "idle" });
  const wanted = search.trim();
  useEffect(() => {
    if (wanted.replace(/[^\p{L}\p{N}]/gu, "").length < 2) {
      setState({ status: "idle" });
      return undefined;
    }
    const controller = new AbortController();
    setState({ status: "searching", search: wanted });
    const timer = setTimeout(() => {
      fetchEpciCandidates(wanted, { signal: controller.signal }).then(
        (candidates) => setState({ status: "done", search: wanted, candidates }),
        (error: unknown) => {
          if (isAbortError(error)) return;
          if (isUnauthenticated(error)) onUnauthenticated();
          else setState({ status: "failed", search: wanted });
        },
      );
    }, DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [wanted, onUnauthenticated]);
  return state;
}
