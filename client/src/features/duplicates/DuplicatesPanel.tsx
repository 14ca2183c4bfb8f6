import { useId, useRef, useState } from "react";
import { DUPLICATE_KINDS, type DuplicateCandidate, type DuplicateRecord } from "../../api/duplicates";
import { fr } from "../../i18n/fr";
import { describeLink, recordFacts } from "./describe";
import { useDuplicates } from "./useDuplicates";
import { useModalDialog } from "../editing/useModalDialog";
import "./duplicates.css";

const t = fr.duplicates;

interface DuplicatesPanelProps {
  territoryId: string;
  territoryName: string;
  /** A merge changed the network: the page reloads it. */
  onMerged: () => void;
  onSessionExpired: () => void;
}

/** One record of a pair, as a column of the comparison. */
function RecordColumn({ record, isKept }: { record: DuplicateRecord; isKept: boolean }) {
  return (
    <article className={`duplicate-record${isKept ? " duplicate-record--kept" : ""}`} data-testid="duplicate-record" data-record-id={record.id} aria-label={record.name}>
      <h4 className="duplicate-record-name">{record.name}</h4>
      <dl className="duplicate-facts">
        {recordFacts(record).map(([label, value]) => (
          <div key={label} className="duplicate-fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="duplicate-links-title">{t.links}</p>
      {record.links.length === 0 ? (
        <p className="filter-help">{t.noLinks}</p>
      ) : (
        <ul className="duplicate-links">
          {record.links.map((link, index) => (
            <li key={`${link.relation}-${link.targetId ?? ""}-${index}`}>{describeLink(link, record.kind)}</li>
          ))}
        </ul>
      )}
      <p className="filter-help">{t.events[record.kind](record.eventCount)}</p>
    </article>
  );
}

/** The two records side by side, the choice of the one to keep, and the merge with its confirmation. */
function Comparison({ pair, isMerging, onMerge }: { pair: DuplicateCandidate; isMerging: boolean; onMerge: (keep: DuplicateRecord, gone: DuplicateRecord) => void }) {
  const [keepId, setKeepId] = useState(pair.first.id);
  const [isConfirming, setIsConfirming] = useState(false);
  const name = useId();
  const keep = keepId === pair.second.id ? pair.second : pair.first;
  const gone = keep === pair.first ? pair.second : pair.first;
  return (
    <section className="duplicate-compare" aria-label={t.compareLabel} data-testid="duplicate-compare">
      <ul className="duplicate-reasons" aria-label={t.scoreLabel(pair.score)}>
        {pair.reasons.map((reason) => <li key={reason} className="duplicate-reason">{reason}</li>)}
      </ul>
      <div className="duplicate-columns">
        <RecordColumn record={pair.first} isKept={keep === pair.first} />
        <RecordColumn record={pair.second} isKept={keep === pair.second} />
      </div>
      <fieldset className="duplicate-keep" disabled={isMerging}>
        <legend>{t.keepLabel}</legend>
        {[pair.first, pair.second].map((record) => (
          <label key={record.id} className="duplicate-keep-choice">
            <input type="radio" name={name} value={record.id} checked={keepId === record.id}
              onChange={() => { setKeepId(record.id); setIsConfirming(false); }} />
            {t.keep(record.name)}
          </label>
        ))}
      </fieldset>
      {isConfirming ? (
        <div className="duplicate-confirm" role="alertdialog" aria-label={t.merge} aria-describedby={`${name}-confirm`}>
          <p id={`${name}-confirm`}>{t.confirm(gone.name, keep.name)}</p>
          <div className="saved-view-actions">
            <button type="button" className="button button--small button--danger" disabled={isMerging} autoFocus onClick={() => onMerge(keep, gone)}>
              {isMerging ? t.merging : t.confirmYes}
            </button>
            <button type="button" className="button button--quiet" disabled={isMerging} onClick={() => setIsConfirming(false)}>{t.cancel}</button>
          </div>
        </div>
      ) : (
        <button type="button" className="button button--small" onClick={() => setIsConfirming(true)}>{t.merge}</button>
      )}
    </section>
  );
}

function DuplicatesDialog({ territoryId, territoryName, onMerged, onSessionExpired, onClose }: DuplicatesPanelProps & { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const duplicates = useDuplicates({ territoryId, onMerged, onSessionExpired });
  const { kind, candidates, status, selected, message } = duplicates;
  const pair = selected === null ? undefined : candidates[selected];
  const modal = useModalDialog(ref, () => {
    if (!duplicates.isMerging) onClose();
  });
  return (
    <dialog ref={ref} className="modal-dialog duplicates-dialog" aria-labelledby={titleId} data-testid="duplicates-dialog" {...modal}>
      <div className="duplicates-header">
        <h2 id={titleId} className="duplicates-title">{t.dialogTitle(territoryName)}</h2>
        <button type="button" className="icon-button" aria-label={t.close} title={t.close} disabled={duplicates.isMerging} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div className="duplicates-body">
        <div className="duplicates-kinds" role="group" aria-label={t.kindsLabel}>
          {DUPLICATE_KINDS.map((option) => (
            <button key={option} type="button" className={`button button--small${option === kind ? "" : " button--quiet"}`} aria-pressed={option === kind}
              disabled={duplicates.isMerging} onClick={() => duplicates.chooseKind(option)}>
              {t.kinds[option]}
            </button>
          ))}
        </div>
        {message && (
          <div className={`saved-views-message saved-views-message--${message.kind}`} role={message.kind === "error" ? "alert" : "status"} data-testid="duplicates-message">
            <p>
              {message.text}
              {message.detail && <> {message.detail}</>}
              {message.code && <> (<code>{message.code}</code>)</>}
            </p>
            <button type="button" className="icon-button" aria-label={t.dismiss} onClick={duplicates.dismiss}>×</button>
          </div>
        )}
        {status === "loading" && <p className="filter-help" role="status">{t.loading}</p>}
        {status === "ready" && candidates.length === 0 && <p data-testid="duplicates-empty">{t.empty[kind]}</p>}
        {status === "ready" && candidates.length > 0 && (
          <div className="duplicates-layout">
            <nav className="duplicates-pairs" aria-label={t.pairsLabel}>
              <p className="filter-help" role="status">{t.count(candidates.length)}</p>
              <ul>
                {candidates.map((candidate, index) => (
                  <li key={`${candidate.first.id}|${candidate.second.id}`}>
                    <button type="button" className="duplicate-pair" aria-current={index === selected ? "true" : undefined} data-testid="duplicate-pair"
                      data-first-id={candidate.first.id} data-second-id={candidate.second.id} disabled={duplicates.isMerging} onClick={() => duplicates.select(index)}>
                      <span className="duplicate-pair-names">{candidate.first.name} <span aria-hidden="true">↔</span> {candidate.second.name}</span>
                      <span className="duplicate-pair-score" aria-label={t.scoreLabel(candidate.score)}>{t.score(candidate.score)}</span>
                      <span className="duplicate-pair-reasons">{candidate.reasons.join(" · ")}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
            {pair ? (
              <Comparison key={`${pair.first.id}|${pair.second.id}`} pair={pair} isMerging={duplicates.isMerging}
                onMerge={(keep, gone) => void duplicates.merge(keep, gone)} />
            ) : (
              <p className="filter-help">{t.choosePair}</p>
            )}
          </div>
        )}
      </div>
    </dialog>
  );
}

/** "Doublons probables" (coordinators and administrators): opens the search for duplicates and their merge. */
export function DuplicatesPanel(props: DuplicatesPanelProps) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <section className="duplicates-entry" aria-labelledby="duplicates-entry-title" data-testid="duplicates-entry">
      <h2 id="duplicates-entry-title" className="panel-title">{t.title}</h2>
      <p className="filter-help">{t.intro}</p>
      <button type="button" className="button button--small" onClick={() => setIsOpen(true)}>{t.open}</button>
      {isOpen && <DuplicatesDialog {...props} onClose={() => setIsOpen(false)} />}
    </section>
  );
}
