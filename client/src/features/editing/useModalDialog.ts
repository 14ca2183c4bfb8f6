import { useEffect, useRef, type KeyboardEvent, type RefObject, type SyntheticEvent } from "react";
import { registerModalDialog } from "./modalDialogs";

/**
 * Opens `ref`'s <dialog> as a modal on mount and closes it on unmount. `onEscape` runs for Escape
 * wherever the focus is (inside the dialog, or lost to the page while it is the topmost one) and for
 * the browser's own close requests; it decides whether the dialog closes. The dialog must also hand
 * its own Escape key presses to `onKeyDown`.
 */
export function useModalDialog(ref: RefObject<HTMLDialogElement | null>, onEscape: () => void) {
  const latest = useRef(onEscape);
  latest.current = onEscape;
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return undefined;
    if (!dialog.open) dialog.showModal();
    const unregister = registerModalDialog(dialog, () => latest.current());
    return () => {
      unregister();
      dialog.close();
    };
  }, [ref]);
  return {
    // Focus falling to the body is parked here (see modalDialogs.ts); the dialog itself is not a tab stop.
    tabIndex: -1,
    onCancel: (event: SyntheticEvent<HTMLDialogElement>) => {
      // Escape is handled as a key (cancelling it spares the native close); other close requests land here.
      event.preventDefault();
      latest.current();
    },
    onKeyDown: (event: KeyboardEvent<HTMLDialogElement>) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      // The details panel underneath listens for Escape on the document: a handled Escape is cancelled.
      event.preventDefault();
      latest.current();
    },
  };
}
