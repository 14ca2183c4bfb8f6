import { useId, useState } from "react";
import type { BackupProgress, RestoreReport } from "../../api/backup";
import { Dialog } from "../editing/Dialog";
import { describeBackupError } from "./errors";
import { backupTexts as t } from "./texts";
import { progressPercent } from "./progress";
import { useBackup, type RequestState } from "./useBackup";
import "./backup.css";

interface BackupDialogProps {
  /** The open territory, whose backup is offered; null when none is open (restore only). */
  territory: { id: string; name: string } | null;
  /** The territories the page knows, to tell "this territory already exists" from other conflicts. */
  territories: readonly { id: string; name: string }[];
  onRestored: (report: RestoreReport) => void;
  onClose: () => void;
  onSessionExpired: () => void;
}

const ACCEPT = ".ndjson,.jsonl,.json,application/x-ndjson,application/json,text/plain";

/** "Sauvegarde et restauration" (administrators): the open territory's backup file, and a restore from one. */
export function BackupDialog({ territory, territories, onRestored, onClose, onSessionExpired }: BackupDialogProps) {
  const backup = useBackup(onRestored);
  const isRestoring = backup.restore.kind === "busy" && backup.restore.progress.phase === "waiting";
  return (
    <Dialog title={t.title} testId="backup-dialog" isBusy={isRestoring} onClose={onClose}>
      {() => (
        <div className="backup">
          <DownloadSection territory={territory} state={backup.download} territories={territories} onStart={(id) => void backup.startDownload(id)}
            onCancel={backup.cancelDownload} onSessionExpired={onSessionExpired} />
          <RestoreSection state={backup.restore} territories={territories} onStart={(file) => void backup.startRestore(file)}
            onCancel={backup.cancelRestore} onReset={backup.resetRestore} onSessionExpired={onSessionExpired} />
        </div>
      )}
    </Dialog>
  );
}

function Progress({ testId, text, percent, onCancel }: { testId: string; text: string; percent: number | null; onCancel: (() => void) | null }) {
  return (
    <div className="transfer-progress" data-testid={testId}>
      <p className="transfer-progress-text">{text}</p>
      {percent !== null ? (
        <progress className="transfer-progress-bar" max={100} value={percent} aria-label={t.progressLabel} />
      ) : (
        <progress className="transfer-progress-bar" aria-label={t.progressLabel} />
      )}
      {onCancel && <button type="button" className="button button--quiet" onClick={onCancel}>{t.cancel}</button>}
    </div>
  );
}

function Failure<T>({ state, title, territories, onSessionExpired, testId }: {
  state: RequestState<T>;
  title: string;
  territories: readonly { id: string; name: string }[];
  onSessionExpired: () => void;
  testId: string;
}) {
  if (state.kind !== "failed") return null;
  const message = describeBackupError(state.error, territories);
  return (
    <div className="dialog-error backup-error" role="alert" data-testid={testId} data-code={message.code}>
      <p><strong>{title}</strong> {message.text}</p>
      {message.needsSignIn && <button type="button" className="button button--small" onClick={onSessionExpired}>{t.signInAgain}</button>}
    </div>
  );
}

function downloadText(progress: BackupProgress): string {
  return progress.phase === "receiving" ? t.download.receiving(progress.loaded, progress.total) : t.download.preparing;
}

function DownloadSection({ territory, state, territories, onStart, onCancel, onSessionExpired }: {
  territory: { id: string; name: string } | null;
  state: RequestState<{ fileName: string; size: number }>;
  territories: readonly { id: string; name: string }[];
  onStart: (territoryId: string) => void;
  onCancel: () => void;
  onSessionExpired: () => void;
}) {
  const id = useId();
  return (
    <section className="dialog-section" aria-labelledby={`${id}-title`} data-testid="backup-download">
      <h3 id={`${id}-title`} className="dialog-section-title">{t.download.title}</h3>
      {territory === null ? (
        <p className="backup-help">{t.download.noTerritory}</p>
      ) : (
        <>
          <p className="backup-help">{t.download.help(territory.name)}</p>
          <button type="button" className="button" data-testid="backup-download-start" disabled={state.kind === "busy"} onClick={() => onStart(territory.id)}>
            {t.download.start}
          </button>
        </>
      )}
      <div role="status" aria-live="polite">
        {state.kind === "busy" && (
          <Progress testId="backup-download-progress" text={downloadText(state.progress)}
            percent={state.progress.phase === "receiving" ? progressPercent(state.progress) : null} onCancel={onCancel} />
        )}
        {state.kind === "done" && <p className="dialog-note dialog-note--ok" data-testid="backup-downloaded">{t.download.done(state.result.fileName, state.result.size)}</p>}
        {state.kind === "cancelled" && <p className="dialog-note">{t.download.cancelled}</p>}
      </div>
      <Failure state={state} title={t.download.failed} territories={territories} onSessionExpired={onSessionExpired} testId="backup-download-error" />
    </section>
  );
}

function RestoreSection({ state, territories, onStart, onCancel, onReset, onSessionExpired }: {
  state: RequestState<RestoreReport>;
  territories: readonly { id: string; name: string }[];
  onStart: (file: File) => void;
  onCancel: () => void;
  onReset: () => void;
  onSessionExpired: () => void;
}) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const isBusy = state.kind === "busy";
  const percent = isBusy ? progressPercent(state.progress) : null;
  return (
    <section className="dialog-section" aria-labelledby={`${id}-title`} data-testid="backup-restore">
      <h3 id={`${id}-title`} className="dialog-section-title">{t.restore.title}</h3>
      <p id={`${id}-help`} className="backup-help">{t.restore.help}</p>
      <div className="backup-file">
        {/* The native input stays focusable; its label is the visible button, in French whatever the browser's language. */}
        <input id={`${id}-file`} type="file" accept={ACCEPT} className="file-picker-input visually-hidden" data-testid="backup-restore-file" disabled={isBusy}
          aria-describedby={`${id}-help ${id}-chosen`}
          onChange={(event) => {
            const chosen = event.target.files?.[0] ?? null;
            // Cleared so that choosing the same file again is seen as a change.
            event.target.value = "";
            if (chosen) {
              setFile(chosen);
              onReset();
            }
          }} />
        <label htmlFor={`${id}-file`} className="button button--quiet file-picker-button">{t.restore.fileLabel}</label>
        <p id={`${id}-chosen`} className="backup-file-chosen" data-testid="backup-restore-chosen">
          {file ? t.restore.fileChosen(file.name, file.size) : t.restore.noFile}
        </p>
      </div>
      <button type="button" className="button" data-testid="backup-restore-start" disabled={file === null || isBusy} onClick={() => file && onStart(file)}>
        {t.restore.start}
      </button>
      <div role="status" aria-live="polite">
        {isBusy && (
          <Progress testId="backup-restore-progress" text={percent !== null && state.progress.phase === "sending" ? t.restore.sending(percent) : t.restore.restoring}
            percent={percent}
            // Once the file is sent the server restores it whatever the page does: no cancelling then.
            onCancel={state.progress.phase === "sending" ? onCancel : null} />
        )}
        {state.kind === "done" && (
          <p className="dialog-note dialog-note--ok" data-testid="backup-restored">
            {t.restore.done(state.result.territoryName ?? state.result.territoryId, state.result.nodes, state.result.relationships)}
          </p>
        )}
        {state.kind === "cancelled" && <p className="dialog-note">{t.restore.cancelled}</p>}
      </div>
      <Failure state={state} title={t.restore.failed} territories={territories} onSessionExpired={onSessionExpired} testId="backup-restore-error" />
    </section>
  );
}
