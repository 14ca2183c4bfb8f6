import { useState } from "react";
import { fr } from "../../i18n/fr";
import type { RestoreReport } from "./restore";

/** Says, above the canvas, that an opened view's network changed since it was saved. */
export function RestoreNotice({ report }: { report: RestoreReport | null }) {
  const [dismissed, setDismissed] = useState<number | null>(null);
  if (!report || (report.dropped === 0 && report.added === 0) || dismissed === report.serial) return null;
  return (
    <div className="notice saved-view-notice" role="status" data-testid="restore-notice">
      <p>
        {fr.savedViews.changedTitle} {fr.savedViews.changed(report.dropped, report.added)}
      </p>
      <button type="button" className="icon-button" aria-label={fr.savedViews.dismiss} onClick={() => setDismissed(report.serial)}>×</button>
    </div>
  );
}
