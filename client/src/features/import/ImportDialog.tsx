import { useEffect, useId, useRef, useState, type DragEvent } from "react";
import { IMPORT_ENTITIES, IMPORT_KINDS, type ImportKind, type ImportPreview, type ImportReport } from "../../api/import";
import { formatCount } from "../../i18n/fr";
import { describeImportError } from "./errors";
import { canApply, canVerify, mappingProblems, progressPercent, type ImportFlowState } from "./importFlow";
import { importTexts as t, columnLetter } from "./texts";
import { useImport } from "./useImport";
import { useModalDialog } from "../editing/useModalDialog";
import "./importDialog.css";

interface ImportDialogProps {
  territoryId: string;
  territoryName: string;
  onImported: () => void;
  onSessionExpired: () => void;
  onClose: () => void;
}

const ACCEPT = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Moves keyboard focus to a step's heading when that step appears. */
function useFocusOnAppear(isShown: unknown) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (isShown) ref.current?.focus();
  }, [isShown]);
  return ref;
}

/** The spreadsheet import, as a modal dialog: kind, file, columns, dry run, apply. */
export function ImportDialog({ territoryId, territoryName, onImported, onSessionExpired, onClose }: ImportDialogProps) {
  const { state, actions } = useImport(territoryId, onImported);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  // Escape: leave the dialog (a running request is cancelled with it).
  const modal = useModalDialog(dialogRef, onClose);

  return (
    <dialog ref={dialogRef} className="modal-dialog import-dialog" aria-labelledby={titleId} data-testid="import-dialog" {...modal}>
      <div className="modal-dialog-header import-dialog-header">
        <h2 id={titleId} className="modal-dialog-title import-dialog-title">{t.title}</h2>
        <button type="button" className="icon-button" aria-label={t.close} onClick={onClose}>×</button>
      </div>
      <div className="import-dialog-body">
        <p className="dialog-intro">{t.intro(territoryName)}</p>
        <KindStep kind={state.kind} isBusy={state.busy !== null} onChoose={actions.chooseKind} />
        {state.kind && <FileStep state={state} onChoose={actions.chooseFile} />}
        <ProgressStatus state={state} onCancel={actions.cancel} />
        {state.failure && (
          <FailureMessage error={state.failure.error} action={t.actions[state.failure.action]}
            onSignIn={onSessionExpired} onDismiss={actions.dismissFailure} />
        )}
        {state.preview && !state.result && (
          <PreviewStep preview={state.preview} state={state} onSetColumn={actions.setColumn} onVerify={actions.verify} />
        )}
        {state.report && !state.result && <ReportStep report={state.report} state={state} onApply={actions.apply} />}
        {state.result && <ResultStep result={state.result} onAnother={actions.reset} onClose={onClose} />}
      </div>
    </dialog>
  );
}

function KindStep({ kind, isBusy, onChoose }: { kind: ImportKind | null; isBusy: boolean; onChoose: (kind: ImportKind) => void }) {
  const name = useId();
  return (
    <section className="dialog-section" aria-label={t.steps.kind}>
      <fieldset className="import-kinds" data-testid="import-kinds" disabled={isBusy}>
        <legend className="dialog-section-title">{t.steps.kind} — {t.kindLegend}</legend>
        {IMPORT_KINDS.map((k) => (
          <label key={k} className={`import-kind${kind === k ? " import-kind--chosen" : ""}`}>
            <input type="radio" name={name} value={k} checked={kind === k} onChange={() => onChoose(k)}
              aria-describedby={`${name}-${k}`} data-kind={k} />
            <span className="import-kind-text">
              <span className="import-kind-name">{t.kinds[k].name}</span>
              <span id={`${name}-${k}`} className="import-kind-help">{t.kinds[k].help}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}

function FileStep({ state, onChoose }: { state: ImportFlowState; onChoose: (file: File) => void }) {
  const inputId = useId();
  const [isOver, setIsOver] = useState(false);
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setIsOver(false);
    const file = event.dataTransfer.files[0];
    if (file && state.busy === null) onChoose(file);
  };
  return (
    <section className="dialog-section" aria-labelledby={`${inputId}-title`}>
      <h3 id={`${inputId}-title`} className="dialog-section-title">{t.steps.file}</h3>
      <div className={`import-drop${isOver ? " import-drop--over" : ""}`} data-testid="import-drop"
        onDragOver={(event) => {
          event.preventDefault();
          setIsOver(true);
        }}
        onDragLeave={() => setIsOver(false)}
        onDrop={onDrop}>
        {/* The native input stays focusable (Tab, then Space or Enter opens the picker); its label
            is the visible button, so that the page reads in French whatever the browser's language. */}
        <input id={inputId} type="file" accept={ACCEPT} className="file-picker-input visually-hidden" data-testid="import-file"
          disabled={state.busy !== null} aria-describedby={`${inputId}-help ${inputId}-chosen`}
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared so that choosing the same file again, once corrected, is seen as a change.
            event.target.value = "";
            if (file) onChoose(file);
          }} />
        <label htmlFor={inputId} className="button button--quiet file-picker-button import-drop-button">{t.fileLabel}</label>
        <span className="import-drop-hint">{t.fileDrop}</span>
        <p id={`${inputId}-chosen`} className="import-file-chosen" data-testid="import-file-chosen">
          {state.file ? t.fileChosen(state.file.name, t.size(state.file.size)) : t.noFile}
        </p>
        <p id={`${inputId}-help`} className="import-help">{t.fileHelp}</p>
      </div>
    </section>
  );
}

function ProgressStatus({ state, onCancel }: { state: ImportFlowState; onCancel: () => void }) {
  const busy = state.busy;
  const percent = busy ? progressPercent(busy.progress) : null;
  const text = !busy
    ? ""
    : percent !== null
      ? t.progress.uploading(percent)
      : busy.action === "apply"
        ? t.progress.applying
        : t.progress.processing;
  return (
    <div className="import-progress-region" role="status" aria-live="polite">
      {busy && (
        <div className="transfer-progress" data-testid="import-progress" data-phase={busy.progress.phase}>
          <p className="transfer-progress-text">{text}</p>
          {percent !== null ? (
            <progress className="transfer-progress-bar" max={100} value={percent} aria-label={t.progress.label} />
          ) : (
            <progress className="transfer-progress-bar" aria-label={t.progress.label} />
          )}
          <button type="button" className="button button--quiet" data-testid="import-cancel" onClick={onCancel}>{t.progress.cancel}</button>
        </div>
      )}
      {state.wasCancelled && <p className="dialog-note" data-testid="import-cancelled">{t.progress.cancelled}</p>}
    </div>
  );
}

function FailureMessage({ error, action, onSignIn, onDismiss }: { error: unknown; action: string; onSignIn: () => void; onDismiss: () => void }) {
  const message = describeImportError(error);
  return (
    <div className="dialog-error import-error" role="alert" data-testid="import-error" data-code={message.code}>
      <div>
        <p><strong>{t.failed(action)}</strong> {message.text}</p>
        {message.details.length > 0 && (
          <ul className="import-problems">
            {message.details.map((detail) => <li key={detail}>{detail}</li>)}
          </ul>
        )}
        {message.needsSignIn && <button type="button" className="button button--small" onClick={onSignIn}>{t.signInAgain}</button>}
      </div>
      <button type="button" className="icon-button" aria-label={t.dismiss} onClick={onDismiss}>×</button>
    </div>
  );
}

function PreviewStep({ preview, state, onSetColumn, onVerify }: {
  preview: ImportPreview;
  state: ImportFlowState;
  onSetColumn: (field: string, column: number | null) => void;
  onVerify: () => void;
}) {
  const id = useId();
  const titleRef = useFocusOnAppear(preview);
  const problems = mappingProblems(preview, state.mapping);
  const delimiter = preview.delimiter === null ? t.format.none : (t.format.delimiters[preview.delimiter] ?? `« ${preview.delimiter} »`);
  return (
    <section className="dialog-section" aria-labelledby={`${id}-title`} data-testid="import-preview">
      <h3 id={`${id}-title`} ref={titleRef} tabIndex={-1} className="dialog-section-title">{t.steps.mapping}</h3>
      <dl className="import-facts" data-testid="import-facts">
        <div><dt>{t.format.format}</dt><dd data-fact="format">{preview.format}</dd></div>
        <div><dt>{t.format.encoding}</dt><dd data-fact="encoding">{preview.encoding ?? t.format.none}</dd></div>
        <div><dt>{t.format.delimiter}</dt><dd data-fact="delimiter">{delimiter}</dd></div>
        <div><dt>{t.format.rows}</dt><dd data-fact="rows">{formatCount(preview.rowCount)}</dd></div>
      </dl>
      <div className="import-table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-sample`}>
        <table className="import-table" data-testid="import-sample">
          <caption id={`${id}-sample`}>{t.sampleCaption(preview.sample.length, preview.rowCount)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.line}</th>
              {preview.header.map((header, i) => (
                <th key={i} scope="col"><span className="import-column-letter">{columnLetter(i)}</span> {header}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.sample.map((row, r) => (
              <tr key={r}>
                <th scope="row">{formatCount(r + 2)}</th>
                {preview.header.map((_header, c) => <td key={c}>{row[c] ?? ""}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h4 className="import-subtitle">{t.mappingTitle}</h4>
      <p className="import-help">{t.mappingHelp}</p>
      <div className="import-mapping" data-testid="import-mapping">
        {preview.fields.map((field) => {
          const selectId = `${id}-field-${field.id}`;
          const column = state.mapping[field.id];
          return (
            <div key={field.id} className="import-mapping-row">
              <label htmlFor={selectId} className="import-mapping-label">
                {field.label}
                {field.required && (
                  <>
                    <span className="import-required" aria-hidden="true"> *</span>
                    <span className="visually-hidden"> ({t.required})</span>
                  </>
                )}
              </label>
              <select id={selectId} className="select" data-field={field.id} aria-required={field.required}
                value={column === undefined ? "" : String(column)} disabled={state.busy !== null}
                onChange={(event) => onSetColumn(field.id, event.target.value === "" ? null : Number(event.target.value))}>
                <option value="">{t.noColumn}</option>
                {preview.header.map((header, i) => (
                  <option key={i} value={String(i)}>{t.columnOption(i, header)}</option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
      <p className="import-help"><span className="import-required" aria-hidden="true">*</span> {t.required}</p>
      {problems.length > 0 && (
        <div className="import-problems-box" data-testid="import-problems">
          <p className="import-problems-title">{t.problemsTitle}</p>
          <ul className="import-problems">
            {problems.map((problem) => <li key={problem}>{problem}</li>)}
          </ul>
        </div>
      )}
      <div className="import-actions">
        <button type="button" className="button" data-testid="import-verify" disabled={!canVerify(state)} onClick={onVerify}
          aria-describedby={`${id}-verify-help`}>
          {t.verify}
        </button>
        <p id={`${id}-verify-help`} className="import-help">{t.verifyHelp}</p>
      </div>
    </section>
  );
}

function CountsTable({ report, isDone }: { report: ImportReport; isDone: boolean }) {
  const entities = IMPORT_ENTITIES.filter((entity) => {
    const c = report.counts[entity];
    return c.created + c.updated + c.unchanged > 0;
  });
  return (
    <table className="import-table import-counts" data-testid="import-counts">
      <thead>
        <tr>
          <th scope="col">{t.entity}</th>
          <th scope="col">{isDone ? t.createdDone : t.created}</th>
          <th scope="col">{isDone ? t.updatedDone : t.updated}</th>
          <th scope="col">{t.unchanged}</th>
        </tr>
      </thead>
      <tbody>
        {entities.map((entity) => (
          <tr key={entity} data-entity={entity}>
            <th scope="row">{t.entities[entity]}</th>
            <td data-count="created">{formatCount(report.counts[entity].created)}</td>
            <td data-count="updated">{formatCount(report.counts[entity].updated)}</td>
            <td data-count="unchanged">{formatCount(report.counts[entity].unchanged)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const hasWrites = (report: ImportReport): boolean =>
  IMPORT_ENTITIES.some((entity) => report.counts[entity].created + report.counts[entity].updated > 0);

function ReportStep({ report, state, onApply }: { report: ImportReport; state: ImportFlowState; onApply: () => void }) {
  const id = useId();
  const titleRef = useFocusOnAppear(report);
  return (
    <section className="dialog-section" aria-labelledby={`${id}-title`} data-testid="import-report" data-error-count={report.errorCount}>
      <h3 id={`${id}-title`} ref={titleRef} tabIndex={-1} className="dialog-section-title">{t.steps.report} — {t.reportTitle}</h3>
      {state.isReportStale && <p className="dialog-note dialog-note--warning" role="note">{t.reportStale}</p>}
      <p className="import-help">{t.rowsRead(report.rowCount)}</p>
      <CountsTable report={report} isDone={false} />
      {report.ignored.length > 0 && (
        <details className="import-ignored" data-testid="import-ignored">
          <summary>{t.ignoredTitle(report.ignored.length)}</summary>
          <ul className="import-problems">
            {report.ignored.map((row) => <li key={row.line}>{t.line} {formatCount(row.line)} : {row.reason}</li>)}
          </ul>
        </details>
      )}
      {report.warnings.length > 0 && (
        <div className="dialog-note dialog-note--warning" role="note" data-testid="import-warnings">
          <p>{t.warningsTitle(report.warnings.length)}</p>
          <ul className="import-problems">
            {report.warnings.map((row) => <li key={`${row.line}-${row.column ?? ""}`}>{t.line} {formatCount(row.line)}{row.column ? `, ${row.column}` : ""} : {row.reason}</li>)}
          </ul>
        </div>
      )}
      {report.errorCount === 0 ? (
        <p className="dialog-note dialog-note--ok" data-testid="import-no-errors">{hasWrites(report) ? t.noErrors : t.nothingToDo}</p>
      ) : (
        <>
          <p className="dialog-note dialog-note--error" data-testid="import-errors-title">{t.errorsTitle(report.errorCount)}</p>
          {report.errors.length < report.errorCount && <p className="import-help">{t.errorsTruncated(report.errors.length, report.errorCount)}</p>}
          <div className="import-table-scroll import-table-scroll--errors" tabIndex={0} role="region" aria-label={t.errorsTitle(report.errorCount)}>
            <table className="import-table" data-testid="import-errors">
              <thead>
                <tr>
                  <th scope="col">{t.line}</th>
                  <th scope="col">{t.column}</th>
                  <th scope="col">{t.reason}</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((error, i) => (
                  <tr key={i} data-line={error.line}>
                    <td>{formatCount(error.line)}</td>
                    <td>{error.column ?? t.wholeRow}</td>
                    <td>{error.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="import-help">{t.errorsHelp}</p>
        </>
      )}
      <div className="import-actions">
        <button type="button" className="button" data-testid="import-apply" disabled={!canApply(state)} onClick={onApply}
          aria-describedby={`${id}-apply-help`}>
          {t.apply}
        </button>
        <p id={`${id}-apply-help`} className="import-help">{t.applyHelp}</p>
      </div>
    </section>
  );
}

function ResultStep({ result, onAnother, onClose }: { result: ImportReport; onAnother: () => void; onClose: () => void }) {
  const id = useId();
  const titleRef = useFocusOnAppear(result);
  return (
    <section className="dialog-section" aria-labelledby={`${id}-title`} data-testid="import-result">
      <h3 id={`${id}-title`} ref={titleRef} tabIndex={-1} className="dialog-section-title">{t.steps.result} — {t.resultTitle}</h3>
      <p className="dialog-note dialog-note--ok">{t.resultText(result.rowCount)}</p>
      <CountsTable report={result} isDone={true} />
      <div className="import-actions">
        <button type="button" className="button button--quiet" onClick={onAnother}>{t.another}</button>
        <button type="button" className="button" data-testid="import-done" onClick={onClose}>{t.close}</button>
      </div>
    </section>
  );
}
