import { useEffect, useId, useRef, type ReactNode } from "react";
import { fr } from "../../i18n/fr";
import "./editing.css";

interface DialogProps {
  title: string;
  testId: string;
  isBusy?: boolean;
  onClose: () => void;
  children: (titleId: string) => ReactNode;
}

/**
 * A modal dialog (native <dialog>: focus stays inside, the page behind is inert). Escape closes it
 * without also closing the details panel underneath, which listens for Escape on the document.
 */
export function Dialog({ title, testId, isBusy = false, onClose, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className="modal-dialog edit-dialog" aria-labelledby={titleId} data-testid={testId}
      onCancel={(event) => event.preventDefault()}
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        if (!isBusy) onClose();
      }}>
      <div className="modal-dialog-header edit-dialog-header">
        <h2 id={titleId} className="modal-dialog-title edit-dialog-title">{title}</h2>
        <button type="button" className="icon-button" aria-label={fr.editing.close} title={fr.editing.close} onClick={onClose} disabled={isBusy}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div className="edit-dialog-body">{children(titleId)}</div>
    </dialog>
  );
}
