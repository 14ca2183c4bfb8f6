import { useId, useRef, type ReactNode } from "react";
import { fr } from "../../i18n/fr";
import { useModalDialog } from "./useModalDialog";
import "./editing.css";

interface DialogProps {
  title: string;
  testId: string;
  isBusy?: boolean;
  onClose: () => void;
  children: (titleId: string) => ReactNode;
}

/**
 * A modal dialog (native <dialog>: focus stays inside, the page behind is inert). Escape closes it,
 * unless busy, wherever the focus is, without also closing the details panel underneath.
 */
export function Dialog({ title, testId, isBusy = false, onClose, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const modal = useModalDialog(ref, () => {
    if (!isBusy) onClose();
  });
  return (
    <dialog ref={ref} className="modal-dialog edit-dialog" aria-labelledby={titleId} data-testid={testId} {...modal}>
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
