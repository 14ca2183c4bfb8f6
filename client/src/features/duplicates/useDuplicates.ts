import { useCallback, useEffect, useRef, useState } from "react";
import { fetchDuplicateCandidates, mergeDuplicates, type DuplicateCandidate, type DuplicateKind } from "../../api/duplicates";
import { ApiError, isAbortError, isUnauthenticated } from "../../api/graphql";
import { fr } from "../../i18n/fr";
import { describeMerge } from "./describe";

const t = fr.duplicates;

export interface DuplicatesMessage {
  kind: "success" | "error";
  text: string;
  detail?: string;
  code?: string | undefined;
}

export type DuplicatesStatus = "loading" | "ready" | "error";

interface Options {
  territoryId: string;
  /** The network changed: the page asks for it again. */
  onMerged: () => void;
  onSessionExpired: () => void;
}

const errorMessage = (error: unknown, fallback: string): DuplicatesMessage => {
  const code = error instanceof ApiError ? error.code : undefined;
  return { kind: "error", text: (code ? t.errorsByCode[code] : undefined) ?? fallback, code };
};

/** The candidate pairs of one kind and the merge action; every answer ends in a French message. */
export function useDuplicates({ territoryId, onMerged, onSessionExpired }: Options) {
  const [kind, setKind] = useState<DuplicateKind>("ACTOR");
  const [candidates, setCandidates] = useState<DuplicateCandidate[]>([]);
  const [status, setStatus] = useState<DuplicatesStatus>("loading");
  const [selected, setSelected] = useState<number | null>(null);
  const [isMerging, setIsMerging] = useState(false);
  const [message, setMessage] = useState<DuplicatesMessage | null>(null);
  const [version, setVersion] = useState(0);
  const handlers = useRef({ onMerged, onSessionExpired });
  handlers.current = { onMerged, onSessionExpired };

  useEffect(() => {
    const controller = new AbortController();
    setStatus("loading");
    fetchDuplicateCandidates(territoryId, kind, { signal: controller.signal })
      .then((pairs) => {
        setCandidates(pairs);
        setSelected(pairs.length > 0 ? 0 : null);
        setStatus("ready");
      })
      .catch((error: unknown) => {
        if (isAbortError(error) || controller.signal.aborted) return;
        if (isUnauthenticated(error)) handlers.current.onSessionExpired();
        setMessage(errorMessage(error, t.failed));
        setStatus("error");
      });
    return () => controller.abort();
  }, [territoryId, kind, version]);

  const chooseKind = useCallback((next: DuplicateKind) => {
    setMessage(null);
    setKind(next);
  }, []);

  const merge = useCallback(
    async (keep: { id: string; name: string }, gone: { id: string; name: string }) => {
      setIsMerging(true);
      setMessage(null);
      try {
        const result = await mergeDuplicates(territoryId, kind, keep.id, gone.id);
        setMessage({ kind: "success", text: t.merged(gone.name, keep.name), detail: describeMerge(result) });
        handlers.current.onMerged();
      } catch (error) {
        if (isUnauthenticated(error)) handlers.current.onSessionExpired();
        setMessage(errorMessage(error, t.mergeFailed));
      } finally {
        setIsMerging(false);
        // The list is asked again at once: the merged pair must not show meanwhile.
        setStatus("loading");
        setVersion((v) => v + 1);
      }
    },
    [territoryId, kind],
  );

  return { kind, chooseKind, candidates, status, selected, select: setSelected, isMerging, merge, message, dismiss: () => setMessage(null) };
}
