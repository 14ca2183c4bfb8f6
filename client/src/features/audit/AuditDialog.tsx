import { useCallback, useEffect, useState } from "react";
import { fetchAuditTrail, type AuditEntry } from "../../api/editing";
import { ApiError, isUnauthenticated } from "../../api/graphql";
import { fr } from "../../i18n/fr";
import { Dialog } from "../editing/Dialog";
import { describeChange, describeErased, describeWhat, describeWho, formatAt } from "./describe";
import "./audit.css";

const t = fr.audit;

interface AuditDialogProps {
  territoryId: string;
  territoryName: string;
  onClose: () => void;
  onSessionExpired: () => void;
}

type Status = "loading" | "ready" | "error" | "forbidden";

/** "Journal des modifications" (administrators): who changed what and when, newest first, 50 at a time. */
export function AuditDialog({ territoryId, territoryName, onClose, onSessionExpired }: AuditDialogProps) {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [total, setTotal] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [status, setStatus] = useState<Status>("loading");

  const load = useCallback(
    async (after: string | null, signal?: AbortSignal) => {
      setStatus("loading");
      try {
        const page = await fetchAuditTrail(territoryId, after, null, signal ? { signal } : {});
        setEntries((previous) => (after === null ? page.entries : [...previous, ...page.entries]));
        setTotal(page.totalCount);
        setCursor(page.endCursor);
        setHasMore(page.hasNextPage);
        setStatus("ready");
      } catch (error) {
        if (signal?.aborted) return;
        if (isUnauthenticated(error)) onSessionExpired();
        else setStatus(error instanceof ApiError && error.code === "FORBIDDEN" ? "forbidden" : "error");
      }
    },
    [territoryId, onSessionExpired],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(null, controller.signal);
    return () => controller.abort();
  }, [load]);

  return (
    <Dialog title={t.title} testId="audit-dialog" onClose={onClose}>
      {() => (
        <div className="audit">
          <p className="audit-intro">{t.intro(territoryName)}</p>
          {status === "forbidden" && <p className="field-error" role="alert">{t.forbidden}</p>}
          {status === "error" && <p className="field-error" role="alert">{t.failed}</p>}
          {status === "ready" && entries.length === 0 && <p>{t.empty}</p>}
          {entries.length > 0 && (
            <>
              <p className="audit-count" role="status">{t.count(entries.length, total)}</p>
              <table className="audit-table" data-testid="audit-entries">
                <thead>
                  <tr>
                    <th scope="col">{t.columns.at}</th>
                    <th scope="col">{t.columns.who}</th>
                    <th scope="col">{t.columns.what}</th>
                    <th scope="col">{t.columns.changes}</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((entry) => {
                    const erased = describeErased(entry);
                    return (
                      <tr key={entry.id} data-testid="audit-entry">
                        <td className="audit-at"><time dateTime={entry.at}>{formatAt(entry.at)}</time></td>
                        <td>{describeWho(entry)}</td>
                        <td>{describeWhat(entry)}</td>
                        <td>
                          <ul className="audit-changes">
                            {entry.changes.map((change) => <li key={change.field}>{describeChange(change)}</li>)}
                            {erased && <li className="audit-erased">{erased}</li>}
                          </ul>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </>
          )}
          {status === "loading" && <p role="status">{t.loading}</p>}
          {hasMore && status === "ready" && (
            <button type="button" className="button button--ghost" data-testid="audit-more" onClick={() => void load(cursor)}>{t.more}</button>
          )}
        </div>
      )}
    </Dialog>
  );
}
