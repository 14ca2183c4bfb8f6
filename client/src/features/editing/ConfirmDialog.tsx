import type { FormEvent } from "react";
import type { EditResult } from "../../api/editing";
import { fr } from "../../i18n/fr";
import { Dialog } from "./Dialog";
import { FormActions } from "./FormActions";
import { useSave } from "./useSave";

interface ConfirmDialogProps {
  message: string;
  onConfirm: () => Promise<EditResult>;
  onDone: (result: EditResult) => void;
  onClose: () => void;
  onSessionExpired: () => void;
}

/** "Are you sure?" before a deletion; the deletion's refusal (e.g. CONFLICT) is said here. */
export function ConfirmDialog({ message, onConfirm, onDone, onClose, onSessionExpired }: ConfirmDialogProps) {
  const save = useSave([], onDone, onSessionExpired);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save.run(onConfirm);
  };
  return (
    <Dialog title={fr.editing.confirmDelete.title} testId="confirm-delete" isBusy={save.isBusy} onClose={onClose}>
      {() => (
        <form className="edit-form" onSubmit={onSubmit} aria-busy={save.isBusy}>
          <p className="edit-confirm-text">{message}</p>
          <FormActions isBusy={save.isBusy} formError={save.formError} submitLabel={fr.editing.confirmDelete.confirm} isDanger onCancel={onClose} />
        </form>
      )}
    </Dialog>
  );
}
