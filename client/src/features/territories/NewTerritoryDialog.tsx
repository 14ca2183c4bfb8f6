import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { isUnauthenticated } from "../../api/graphql";
import { AXIS_KINDS, createTerritory, type AxisKind, type EpciCandidate, type TerritoryCreation } from "../../api/territories";
import { fr } from "../../i18n/fr";
import {
  addAxis,
  addContract,
  addEpci,
  checkDraft,
  describeCreateError,
  emptyDraft,
  fieldIds,
  removeAxis,
  removeContract,
  removeEpci,
  totals,
  updateAxis,
  updateContract,
  type DraftProblem,
  type TerritoryDraft,
} from "./newTerritory";
import { useEpciSearch, type EpciSearchState } from "./useEpciSearch";
import { useModalDialog } from "../editing/useModalDialog";
import "./newTerritory.css";

const t = fr.newTerritory;

interface NewTerritoryDialogProps {
  /** The territory was written: the explorer reloads its list and opens it. */
  onCreated: (territoryId: string) => void;
  onSessionExpired: () => void;
  onClose: () => void;
}

/** The administrators' "Nouveau territoire" form, as a modal dialog: EPCI, name, contracts, axes. */
export function NewTerritoryDialog({ onCreated, onSessionExpired, onClose }: NewTerritoryDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [draft, setDraft] = useState<TerritoryDraft>(emptyDraft);
  const [showProblems, setShowProblems] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<TerritoryCreation | null>(null);
  const problemsRef = useRef<HTMLDivElement>(null);

  const modal = useModalDialog(dialogRef, () => {
    if (!isBusy) onClose();
  });
  // After showModal (the hook's effect runs first): the first thing to do is to find the EPCI, so
  // start there rather than on the close button.
  useEffect(() => {
    document.getElementById(fieldIds.search)?.focus();
  }, []);

  const { problems, input } = checkDraft(draft);
  const shownProblems = showProblems ? problems : [];
  const problemOf = (field: string): DraftProblem | undefined => shownProblems.find((p) => p.field === field);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    setFailure(null);
    if (!input) {
      setShowProblems(true);
      // After the summary renders: screen readers read it, the keyboard starts from it.
      requestAnimationFrame(() => problemsRef.current?.focus());
      return;
    }
    setIsBusy(true);
    try {
      const result = await createTerritory(input);
      setCreated(result);
      onCreated(result.id);
    } catch (error) {
      if (isUnauthenticated(error)) onSessionExpired();
      else setFailure(describeCreateError(error));
    } finally {
      setIsBusy(false);
    }
  };

  const restart = () => {
    setDraft(emptyDraft());
    setCreated(null);
    setShowProblems(false);
    setFailure(null);
  };

  return (
    <dialog ref={dialogRef} className="modal-dialog territory-dialog" aria-labelledby={titleId} data-testid="new-territory-dialog" {...modal}>
      <div className="modal-dialog-header territory-dialog-header">
        <h2 id={titleId} className="modal-dialog-title territory-dialog-title">{t.title}</h2>
        <button type="button" className="icon-button" aria-label={t.close} onClick={onClose} disabled={isBusy}>×</button>
      </div>
      <div className="territory-dialog-body">
        {created ? (
          <CreatedReport created={created} onAnother={restart} onClose={onClose} />
        ) : (
          <form className="territory-form" noValidate onSubmit={(event) => void onSubmit(event)} aria-busy={isBusy}>
            <p className="dialog-intro">{t.intro}</p>
            <EpciStep draft={draft} problem={problemOf(fieldIds.search)} onChange={setDraft} onSessionExpired={onSessionExpired} />
            <section className="dialog-section" aria-labelledby={`${titleId}-name`}>
              <h3 id={`${titleId}-name`} className="dialog-section-title">{t.nameTitle}</h3>
              <Field id={fieldIds.name} label={t.nameLabel} help={t.nameHelp} problem={problemOf(fieldIds.name)} isRequired>
                {(props) => (
                  <input {...props} className="input territory-name-input" type="text" autoComplete="off" maxLength={200}
                    value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} />
                )}
              </Field>
            </section>
            <ContractsStep draft={draft} problemOf={problemOf} onChange={setDraft} />
            <AxesStep draft={draft} problemOf={problemOf} onChange={setDraft} />
            {shownProblems.length > 0 && (
              <div ref={problemsRef} className="territory-problems" role="alert" tabIndex={-1} data-testid="new-territory-problems">
                <p className="territory-problems-title">{t.problemsTitle}</p>
                <ul>
                  {shownProblems.map((problem) => (
                    <li key={`${problem.field}-${problem.message}`}>
                      <a href={`#${problem.field}`} onClick={(event) => {
                        event.preventDefault();
                        document.getElementById(problem.field)?.focus();
                      }}>{problem.message}</a>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {failure && <p className="dialog-error" role="alert" data-testid="new-territory-failure">{failure}</p>}
            <div className="territory-actions">
              <button type="submit" className="button" data-testid="new-territory-submit" disabled={isBusy}>{t.submit}</button>
              <p className="territory-help" role="status" aria-live="polite">{isBusy ? t.submitting : ""}</p>
            </div>
          </form>
        )}
      </div>
    </dialog>
  );
}

interface FieldInputProps {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": boolean;
  "aria-required": boolean | undefined;
}

/** A label, its input (rendered by `children`), a help text and the field's problem, tied together for screen readers. */
function Field({ id, label, help, problem, isRequired, children }: {
  id: string;
  label: string;
  help?: string;
  problem: DraftProblem | undefined;
  isRequired?: boolean;
  children: (props: FieldInputProps) => ReactNode;
}) {
  const describedBy = [help ? `${id}-help` : null, problem ? `${id}-problem` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="territory-field">
      <label htmlFor={id} className="territory-label">
        {label}
        {isRequired && <span className="visually-hidden"> ({t.required})</span>}
      </label>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": problem !== undefined, "aria-required": isRequired })}
      {help && <p id={`${id}-help`} className="territory-help">{help}</p>}
      {problem && <p id={`${id}-problem`} className="field-error">{problem.message}</p>}
    </div>
  );
}

function EpciStep({ draft, problem, onChange, onSessionExpired }: {
  draft: TerritoryDraft;
  problem: DraftProblem | undefined;
  onChange: (draft: TerritoryDraft) => void;
  onSessionExpired: () => void;
}) {
  const id = useId();
  const [search, setSearch] = useState("");
  const found = useEpciSearch(search, onSessionExpired);
  const sum = totals(draft.epcis);
  return (
    <section className="dialog-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="dialog-section-title">{t.epcisTitle}</h3>
      <Field id={fieldIds.search} label={t.searchLabel} help={t.searchHelp} problem={problem} isRequired>
        {(props) => (
          <input {...props} className="input territory-search-input" type="search" autoComplete="off" value={search}
            data-testid="new-territory-search" onChange={(event) => setSearch(event.target.value)} />
        )}
      </Field>
      <SearchResults state={found} chosen={draft.epcis} onAdd={(epci) => onChange(addEpci(draft, epci))} />
      <h4 className="territory-subtitle">{t.chosenLabel}</h4>
      {draft.epcis.length === 0 ? (
        <p className="territory-help">{t.noneChosen}</p>
      ) : (
        <ul className="territory-epcis territory-epcis--chosen" aria-label={t.chosenLabel} data-testid="new-territory-chosen">
          {draft.epcis.map((epci) => (
            <li key={epci.code} className="territory-epci" data-code={epci.code}>
              <EpciText epci={epci} />
              <button type="button" className="icon-button" aria-label={t.removeLabel(epci.name)} onClick={() => onChange(removeEpci(draft, epci.code))}>×</button>
            </li>
          ))}
        </ul>
      )}
      <p className="territory-totals" data-testid="new-territory-totals" aria-live="polite">
        {draft.epcis.length > 0 ? t.totals(sum.communes, sum.population) : ""}
      </p>
    </section>
  );
}

function EpciText({ epci }: { epci: EpciCandidate }) {
  return (
    <span className="territory-epci-text">
      <span className="territory-epci-name">{epci.name}</span>
      <span className="territory-help">{t.epciFacts(epci.code, epci.communeCount, epci.population)}</span>
    </span>
  );
}

function SearchResults({ state, chosen, onAdd }: { state: EpciSearchState; chosen: readonly EpciCandidate[]; onAdd: (epci: EpciCandidate) => void }) {
  const status =
    state.status === "searching" ? t.searching
      : state.status === "failed" ? t.searchFailed
        : state.status === "done" ? (state.candidates.length === 0 ? t.noMatch(state.search) : t.found(state.candidates.length))
          : "";
  return (
    <>
      <p className="territory-help" role="status" aria-live="polite" data-testid="new-territory-search-status">{status}</p>
      {state.status === "done" && state.candidates.length > 0 && (
        <ul className="territory-epcis" aria-label={t.resultsLabel} data-testid="new-territory-results">
          {state.candidates.map((epci) => {
            const isChosen = chosen.some((c) => c.code === epci.code);
            return (
              <li key={epci.code} className="territory-epci" data-code={epci.code}>
                <EpciText epci={epci} />
                {epci.territoryId !== null ? (
                  <span className="territory-taken">{t.alreadyIn(epci.territoryName ?? epci.territoryId)}</span>
                ) : (
                  <button type="button" className="button button--quiet" disabled={isChosen} aria-label={isChosen ? t.addedLabel(epci.name) : t.addLabel(epci.name)} onClick={() => onAdd(epci)}>
                    {isChosen ? t.added : t.add}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

function ContractsStep({ draft, problemOf, onChange }: {
  draft: TerritoryDraft;
  problemOf: (field: string) => DraftProblem | undefined;
  onChange: (draft: TerritoryDraft) => void;
}) {
  const id = useId();
  return (
    <section className="dialog-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="dialog-section-title">{t.contractsTitle}</h3>
      <p className="territory-help">{t.contractsHelp}</p>
      {draft.contracts.map((contract, index) => {
        const field = (part: "generation" | "signedOn" | "endsOn") => fieldIds.contract(contract.key, part);
        return (
          <fieldset key={contract.key} className="territory-row" data-testid="new-territory-contract">
            <legend className="territory-row-legend">{t.contractLegend(index + 1)}</legend>
            <Field id={field("generation")} label={t.generation} problem={problemOf(field("generation"))} isRequired>
              {(props) => (
                <input {...props} className="input territory-generation" type="number" min={1} max={20} step={1} inputMode="numeric"
                  value={contract.generation} onChange={(event) => onChange(updateContract(draft, contract.key, { generation: event.target.value }))} />
              )}
            </Field>
            <Field id={field("signedOn")} label={t.signedOn} problem={problemOf(field("signedOn"))} isRequired>
              {(props) => (
                <input {...props} className="input" type="date" value={contract.signedOn}
                  onChange={(event) => onChange(updateContract(draft, contract.key, { signedOn: event.target.value }))} />
              )}
            </Field>
            <Field id={field("endsOn")} label={t.endsOn} problem={problemOf(field("endsOn"))}>
              {(props) => (
                <input {...props} className="input" type="date" value={contract.endsOn}
                  onChange={(event) => onChange(updateContract(draft, contract.key, { endsOn: event.target.value }))} />
              )}
            </Field>
            {draft.contracts.length > 1 && (
              <button type="button" className="icon-button territory-row-remove" aria-label={t.removeContract(index + 1)}
                onClick={() => onChange(removeContract(draft, contract.key))}>×</button>
            )}
          </fieldset>
        );
      })}
      <button id="new-territory-add-contract" type="button" className="button button--quiet" onClick={() => onChange(addContract(draft))}>
        {t.addContract}
      </button>
    </section>
  );
}

function AxesStep({ draft, problemOf, onChange }: {
  draft: TerritoryDraft;
  problemOf: (field: string) => DraftProblem | undefined;
  onChange: (draft: TerritoryDraft) => void;
}) {
  const id = useId();
  return (
    <section className="dialog-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="dialog-section-title">{t.axesTitle}</h3>
      <p className="territory-help">{t.axesHelp}</p>
      {draft.axes.map((axis, index) => {
        const field = (part: "name" | "kind") => fieldIds.axis(axis.key, part);
        return (
          <fieldset key={axis.key} className="territory-row" data-testid="new-territory-axis">
            <legend className="territory-row-legend">{t.axisLegend(index + 1)}</legend>
            <Field id={field("name")} label={t.axisName} problem={problemOf(field("name"))} isRequired>
              {(props) => (
                <input {...props} className="input territory-axis-name" type="text" autoComplete="off" maxLength={200} value={axis.name}
                  onChange={(event) => onChange(updateAxis(draft, axis.key, { name: event.target.value }))} />
              )}
            </Field>
            <Field id={field("kind")} label={t.axisKind} problem={undefined}>
              {(props) => (
                <select {...props} className="select" value={axis.kind}
                  onChange={(event) => onChange(updateAxis(draft, axis.key, { kind: event.target.value as AxisKind }))}>
                  {AXIS_KINDS.map((kind) => <option key={kind} value={kind}>{t.axisKinds[kind]}</option>)}
                </select>
              )}
            </Field>
            {draft.axes.length > 1 && (
              <button type="button" className="icon-button territory-row-remove" aria-label={t.removeAxis(index + 1)}
                onClick={() => onChange(removeAxis(draft, axis.key))}>×</button>
            )}
          </fieldset>
        );
      })}
      <button id="new-territory-add-axis" type="button" className="button button--quiet" onClick={() => onChange(addAxis(draft))}>
        {t.addAxis}
      </button>
    </section>
  );
}

function CreatedReport({ created, onAnother, onClose }: { created: TerritoryCreation; onAnother: () => void; onClose: () => void }) {
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  const d = t.done;
  return (
    <section className="dialog-section territory-done" data-testid="new-territory-done" data-territory-id={created.id}>
      <h3 ref={titleRef} tabIndex={-1} className="dialog-section-title">{d.title(created.name)}</h3>
      <p>{d.facts(created.communeCount, created.population)}</p>
      {created.contourSource === "READ" && <p>{d.contours(created.communesWithContour, created.communeCount)}</p>}
      {created.contourSource === "UNAVAILABLE" && <p className="territory-warning">{d.unavailable}</p>}
      {created.contourSource === "NONE" && <p className="territory-warning">{d.none}</p>}
      {created.contourSource === "READ" && created.communesWithoutContour.length > 0 && (
        <div className="territory-warning" data-testid="new-territory-missing-contours">
          <p>{d.missing(created.communesWithoutContour.length)}</p>
          <ul className="territory-missing">
            {created.communesWithoutContour.map((c) => <li key={c.code}>{c.name} ({c.code})</li>)}
          </ul>
        </div>
      )}
      <p>{d.opened}</p>
      <div className="territory-actions">
        <button type="button" className="button button--quiet" onClick={onAnother}>{d.another}</button>
        <button type="button" className="button" data-testid="new-territory-close" onClick={onClose}>{t.close}</button>
      </div>
    </section>
  );
}
