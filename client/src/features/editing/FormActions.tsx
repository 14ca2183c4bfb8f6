import { fr } from "../../i18n/fr";

interface FormActionsProps {
  isBusy: boolean;
  formError: string | null;
  submitLabel?: string;
  isDanger?: boolean;
  onCancel: () => void;
}

/** Save and cancel, the error that names no field, and a live status while saving. */
export function FormActions({ isBusy, formError, submitLabel = fr.editing.save, isDanger = false, onCancel }: FormActionsProps) {
  return (
    <>
      {formError && (
        <p className="edit-failure field-error" role="alert" tabIndex={-1} data-testid="edit-failure">
          {formError}
        </p>
      )}
      <div className="edit-actions">
        <button type="submit" className={`button${isDanger ? " button--danger" : ""}`} disabled={isBusy} data-testid="edit-submit">
          {isBusy ? fr.editing.saving : submitLabel}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel} disabled={isBusy}>
          {fr.editing.cancel}
        </button>
        <span className="visually-hidden" role="status" aria-live="polite">{isBusy ? fr.editing.saving : ""}</span>
      </div>
    </>
  );
}
