import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { erasePerson, INACTIVE_YEARS, type InactivePerson, type PersonErasure } from "../../api/gdpr";
import { ACTOR_CATEGORY_LABELS } from "../../i18n/fr";
import { ConfirmDialog } from "../editing/ConfirmDialog";
import { Dialog } from "../editing/Dialog";
import { formatDate } from "../timeWindow/timeWindow";
import { isErasureConfirmed, parseYears, type GdprPerson } from "./person";
import { gdprTexts as t } from "./texts";
import { useInactivePeople } from "./useInactivePeople";
import { usePersonExport } from "./usePersonExport";
import "./gdpr.css";

/** CNIL's usual storage period for contacts without activity. */
const DEFAULT_YEARS = 3;

interface GdprDialogProps {
  territoryId: string;
  territoryName: string;
  person: GdprPerson | null;
  onChoose: (person: GdprPerson | null) => void;
  /** The person is gone: the page reloads its network (and drops them from the selection). */
  onErased: (actorId: string) => void;
  onClose: () => void;
  onSessionExpired: () => void;
}

const fullName = (person: InactivePerson): string => `${person.firstName} ${person.lastName}`.trim();

/** "Données personnelles (RGPD)": the inactive people of the territory, one person's export and erasure. */
export function GdprDialog({ territoryId, territoryName, person, onChoose, onErased, onClose, onSessionExpired }: GdprDialogProps) {
  const inactive = useInactivePeople(territoryId, DEFAULT_YEARS, onSessionExpired);
  const exporter = usePersonExport(person, onSessionExpired);
  const [isConfirming, setIsConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  // The erase button is gone with the person: the keyboard lands on what happened.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const choose = (next: GdprPerson | null) => {
    setNotice(null);
    onChoose(next);
  };
  const onDone = (erased: PersonErasure, name: string) => {
    setIsConfirming(false);
    setNotice(t.erased(name, erased.relationshipsDeleted));
    inactive.drop(erased.actorId);
    onChoose(null);
    onErased(erased.actorId);
  };

  return (
    <>
      <Dialog title={t.title} testId="gdpr-dialog" onClose={onClose}>
        {() => (
          <div className="gdpr">
            <p className="dialog-intro gdpr-intro">{t.intro(territoryName)}</p>
            {notice && <p ref={noticeRef} tabIndex={-1} className="dialog-note dialog-note--ok" role="status" data-testid="gdpr-notice">{notice}</p>}
            <SubjectSection person={person} exportStatus={exporter.status} onExport={() => void exporter.run()}
              onErase={() => setIsConfirming(true)} onClear={() => choose(null)} />
            <InactiveSection inactive={inactive} chosenId={person?.id ?? null} onChoose={(next) => {
              choose(next);
              // The person's actions are above the list: the keyboard goes there.
              requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="gdpr-export"]')?.focus());
            }} />
          </div>
        )}
      </Dialog>
      {isConfirming && person && (
        <ConfirmDialog<PersonErasure> title={t.confirm.title} testId="gdpr-confirm-erase" message={t.confirm.message(person.name)}
          submitLabel={t.confirm.submit}
          typed={{ label: t.confirm.label(person.name), accepts: (typed) => isErasureConfirmed(typed, person.name), mismatch: t.confirm.mismatch(person.name) }}
          onConfirm={() => erasePerson(person.id)} onDone={(erased) => onDone(erased, person.name)}
          onClose={() => setIsConfirming(false)} onSessionExpired={onSessionExpired} />
      )}
    </>
  );
}

function SubjectSection({ person, exportStatus, onExport, onErase, onClear }: {
  person: GdprPerson | null;
  exportStatus: ReturnType<typeof usePersonExport>["status"];
  onExport: () => void;
  onErase: () => void;
  onClear: () => void;
}) {
  const id = useId();
  return (
    <section className="dialog-section" aria-labelledby={`${id}-title`} data-testid="gdpr-subject">
      <h3 id={`${id}-title`} className="dialog-section-title">{t.subject.title}</h3>
      {person === null ? (
        <p className="gdpr-help">{t.subject.none}</p>
      ) : (
        <>
          <p className="gdpr-person" data-testid="gdpr-person" data-actor-id={person.id}>{person.name}</p>
          <div className="gdpr-actions">
            <div className="gdpr-action">
              <button type="button" className="button" data-testid="gdpr-export" disabled={exportStatus.kind === "busy"}
                aria-describedby={`${id}-export-help`} onClick={onExport}>
                {exportStatus.kind === "busy" ? t.subject.exporting : t.subject.export}
              </button>
              <p id={`${id}-export-help`} className="gdpr-help">{t.subject.exportHint}</p>
            </div>
            <div className="gdpr-action">
              <button type="button" className="button button--danger" data-testid="gdpr-erase" aria-describedby={`${id}-erase-help`} onClick={onErase}>
                {t.subject.erase}
              </button>
              <p id={`${id}-erase-help`} className="gdpr-help">{t.subject.eraseHint}</p>
            </div>
          </div>
          <div role="status" aria-live="polite">
            {exportStatus.kind === "done" && <p className="dialog-note dialog-note--ok" data-testid="gdpr-exported">{exportStatus.text}</p>}
          </div>
          {exportStatus.kind === "error" && <p className="field-error" role="alert" data-testid="gdpr-export-error">{exportStatus.text}</p>}
          <button type="button" className="link-button" onClick={onClear}>{t.subject.clear}</button>
        </>
      )}
    </section>
  );
}

function InactiveSection({ inactive, chosenId, onChoose }: {
  inactive: ReturnType<typeof useInactivePeople>;
  chosenId: string | null;
  onChoose: (person: GdprPerson) => void;
}) {
  const id = useId();
  const [text, setText] = useState(String(inactive.years));
  const [isInvalid, setIsInvalid] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const years = parseYears(text);
    setIsInvalid(years === null);
    if (years !== null) inactive.show(years);
  };
  const { report, status, error } = inactive;
  return (
    <section className="dialog-section" aria-labelledby={`${id}-title`} data-testid="gdpr-inactive">
      <h3 id={`${id}-title`} className="dialog-section-title">{t.inactive.title}</h3>
      <form className="gdpr-years" onSubmit={onSubmit} noValidate>
        <div className={`edit-field${isInvalid ? " edit-field--invalid" : ""}`}>
          <label htmlFor={`${id}-years`} className="edit-label">{t.inactive.yearsLabel}</label>
          <input id={`${id}-years`} className="input gdpr-years-input" type="number" inputMode="numeric" min={INACTIVE_YEARS.min} max={INACTIVE_YEARS.max}
            step={1} value={text} data-testid="gdpr-years" aria-invalid={isInvalid}
            aria-describedby={`${id}-years-help${isInvalid ? ` ${id}-years-error` : ""}`}
            onChange={(event) => setText(event.target.value)} />
        </div>
        <button type="submit" className="button" data-testid="gdpr-years-show">{t.inactive.show}</button>
      </form>
      <p id={`${id}-years-help`} className="gdpr-help">{t.inactive.yearsHelp}</p>
      {isInvalid && <p id={`${id}-years-error`} className="field-error" role="alert">{t.inactive.yearsInvalid(INACTIVE_YEARS.min, INACTIVE_YEARS.max)}</p>}
      <div role="status" aria-live="polite">
        {status === "loading" && <p className="gdpr-help">{t.inactive.loading}</p>}
        {status === "ready" && report && (
          <p className="gdpr-summary" data-testid="gdpr-inactive-summary">{t.inactive.summary(report.people.length, formatDate(report.since))}</p>
        )}
      </div>
      {status === "error" && error && !error.needsSignIn && (
        <p className="field-error" role="alert" data-testid="gdpr-inactive-error" data-code={error.code}>{t.errors.reportFailed} {error.text}</p>
      )}
      {report && report.people.length > 0 && (
        <div className="gdpr-table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-title`}>
          <table className="gdpr-table" data-testid="gdpr-inactive-people" aria-busy={status === "loading"}>
            <thead>
              <tr>
                <th scope="col">{t.inactive.columns.name}</th>
                <th scope="col">{t.inactive.columns.category}</th>
                <th scope="col">{t.inactive.columns.lastActivity}</th>
                <th scope="col"><span className="visually-hidden">{t.inactive.columns.action}</span></th>
              </tr>
            </thead>
            <tbody>
              {report.people.map((p) => {
                const name = fullName(p);
                const isChosen = p.id === chosenId;
                return (
                  <tr key={p.id} data-testid="gdpr-inactive-person" data-actor-id={p.id} className={isChosen ? "gdpr-row--chosen" : undefined}>
                    <th scope="row">{name}</th>
                    <td>{[ACTOR_CATEGORY_LABELS[p.category], p.profession].filter(Boolean).join(" · ")}</td>
                    <td data-testid="gdpr-last-activity">{p.lastActivity ? formatDate(p.lastActivity) : t.inactive.never}</td>
                    <td>
                      <button type="button" className="button button--small button--ghost" aria-label={t.inactive.chooseLabel(name)}
                        aria-pressed={isChosen} onClick={() => onChoose({ id: p.id, name })}>
                        {isChosen ? t.inactive.chosen : t.inactive.choose}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
