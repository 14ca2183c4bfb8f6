import { useEffect, useState } from "react";
import { isUnauthenticated } from "../../api/graphql";

export type RecordState<T> = { status: "loading" } | { status: "error" } | { status: "ready"; values: T };

/** The form's starting values: `blank` for a new record, else what `load` reads (null: gone). */
export function useRecord<T>(id: string | null, blank: () => T, load: (id: string, signal: AbortSignal) => Promise<T | null>, onSessionExpired: () => void): [RecordState<T>, (values: T) => void] {
  const [state, setState] = useState<RecordState<T>>(() => (id === null ? { status: "ready", values: blank() } : { status: "loading" }));
  useEffect(() => {
    if (id === null) return undefined;
    const controller = new AbortController();
    load(id, controller.signal).then(
      (values) => {
        if (!controller.signal.aborted) setState(values === null ? { status: "error" } : { status: "ready", values });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (isUnauthenticated(error)) onSessionExpired();
        else setState({ status: "error" });
      },
    );
    return () => controller.abort();
    // Loaded once per record: the form then owns the values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
  return [state, (values: T) => setState({ status: "ready", values })];
}
