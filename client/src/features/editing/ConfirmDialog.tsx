import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { EditResult } from "../../api/editing";
import { fr } from "../../i18n/fr";
import { Dialog } from "./Dialog";
import { FormActions } from "./FormActions";
import { useSave } from "./useSave";

/** A confirmation that must be typed (a name, a word) before an irreversible action. */
export interface TypedConfirmation {
  label: string;
  accepts: (typed: string) => boolean;
  /** Said when the confirmation is submitted with something else typed. */
  mismatch: string;
}

interface ConfirmDialogProps<T> {
  message: string;
  onConfirm: () => Promise<T>;
  onDone: (result: T) => void;
  onClose: () => void;
  onSessionExpired: () => void;
  title?: string;
  submitLabel?: string;
  testId?: string;
  typed?: TypedConfirmation;
}

/** "Are you sure?" before a deletion; the deletion's refusal (e.g. CONFLICT) is said here. */
export function ConfirmDialog<T = EditResult>({ message, onConfirm, onDone, onClose, onSessionExpired, title, submitLabel, testId, typed }: ConfirmDialogProps<T>) {
  const save = useSave<T>([], onDone, onSessionExpired);
  const [value, setValue] = useState("");
  const [isMismatch, setIsMismatch] = useState(false);
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  // After the dialog's showModal (a parent's effect runs after this one), which focuses its first button.
  useEffect(() => {
    const frame = requestAnimationFrame(() => inputRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (typed && !typed.accepts(value)) {
      setIsMismatch(true);
      return;
    }
    void save.run(onConfirm);
  };
  return (
    <Dialog title={title ?? fr.editing.confirmDelete.title} testId={testId ?? "confirm-delete"} isBusy={save.isBusy} onClose={onClose}>
      {() => (
        <form className="edit-form" onSubmit={onSubmit} aria-busy={save.isBusy}>
          <p className="edit-confirm-text">{message}</p>
          {typed && (
            <div className={`edit-field${isMismatch ? " edit-field--invalid" : ""}`} data-field="confirmation">
              <label htmlFor={inputId} className="edit-label">{typed.label}</label>
              <input id={inputId} className="input" type="text" autoComplete="off" spellCheck={false} value={value} ref={inputRef}
                aria-invalid={isMismatch} aria-describedby={isMismatch ? `${inputId}-error` : undefined} disabled={save.isBusy}
                onChange={(event) => {
                  setValue(event.target.value);
                  setIsMismatch(false);
                }} />
              {isMismatch && <p id={`${inputId}-error`} className="field-error" data-testid="error-confirmation" role="alert">{typed.mismatch}</p>}
            </div>
          )}
          <FormActions isBusy={save.isBusy} formError={save.formError} submitLabel={submitLabel ?? fr.editing.confirmDelete.confirm} isDanger onCancel={onClose} />
        </form>
      )}
    </Dialog>
  );
}
