import { useCallback, useEffect, useRef, useState } from "react";
import { fetchInactivePeople, type InactivePeopleReport } from "../../api/gdpr";
import { isAbortError } from "../../api/graphql";
import { describeGdprError, type GdprErrorMessage } from "./errors";

export type InactiveStatus = "loading" | "ready" | "error";

/** The report of people inactive for N years: asked at once, then again for each N; the last question wins. */
export function useInactivePeople(territoryId: string, initialYears: number, onSessionExpired: () => void) {
  const [years, setYears] = useState(initialYears);
  const [report, setReport] = useState<InactivePeopleReport | null>(null);
  const [status, setStatus] = useState<InactiveStatus>("loading");
  const [error, setError] = useState<GdprErrorMessage | null>(null);
  const [version, setVersion] = useState(0);
  const expired = useRef(onSessionExpired);
  expired.current = onSessionExpired;

  useEffect(() => {
    const controller = new AbortController();
    setStatus("loading");
    setError(null);
    fetchInactivePeople(territoryId, years, { signal: controller.signal })
      .then((next) => {
        setReport(next);
        setStatus("ready");
      })
      .catch((failure: unknown) => {
        if (isAbortError(failure) || controller.signal.aborted) return;
        const message = describeGdprError(failure, "territory");
        if (message.needsSignIn) expired.current();
        setError(message);
        setStatus("error");
      });
    return () => controller.abort();
  }, [territoryId, years, version]);

  return {
    years,
    report,
    status,
    error,
    /** Asks for N years (again, when N is the same). */
    show: useCallback((next: number) => {
      setYears(next);
      setVersion((v) => v + 1);
    }, []),
    /** An erased person leaves the list without asking the server again. */
    drop: useCallback((actorId: string) => {
      setReport((current) => (current ? { ...current, people: current.people.filter((p) => p.id !== actorId) } : current));
    }, []),
  };
}
