/**
 * The open modal dialogs, newest (topmost) last, and what keeps the keyboard with the topmost.
 *
 * A focused control that gets disabled (a button while its request runs) or removed drops the
 * focus to the page's body: Escape pressed there never reaches the dialog, and Chromium then closes
 * the dialog natively on a second press, behind React's back. So, while a dialog is open:
 * - focus that falls to the body is parked on the topmost dialog, and goes back to the control it
 *   left once that control is enabled again (if the keyboard has not moved meanwhile);
 * - Escape pressed outside every dialog is the topmost dialog's, before the page's own listeners
 *   (the details panel closes on Escape) hear it.
 * Escape pressed inside a dialog is left to the dialog, so that its controls may claim it first.
 */

interface OpenDialog {
  element: HTMLDialogElement;
  onEscape: () => void;
}

const open: OpenDialog[] = [];

/** Where focus went back to the page's body, waiting for its control to be enabled again. */
let parked: { dialog: HTMLDialogElement; observer: MutationObserver } | null = null;

function topmost(): OpenDialog | undefined {
  return open.findLast((entry) => entry.element.isConnected && entry.element.open);
}

const isFocusLost = (): boolean => document.activeElement === null || document.activeElement === document.body;

function unpark(): void {
  parked?.observer.disconnect();
  parked = null;
}

function park(dialog: HTMLDialogElement, left: HTMLElement | null): void {
  unpark();
  dialog.focus({ preventScroll: true });
  if (left === null) return;
  const observer = new MutationObserver(() => {
    if (document.activeElement !== dialog || !left.isConnected) unpark();
    else if (!left.matches(":disabled")) {
      unpark();
      left.focus();
    }
  });
  observer.observe(left, { attributes: true, attributeFilter: ["disabled"] });
  parked = { dialog, observer };
}

function onFocusOut(event: FocusEvent): void {
  // Focus going to another element, or the window losing it (the element stays active), is no loss.
  if (event.relatedTarget !== null) return;
  const left = event.target instanceof HTMLElement ? event.target : null;
  queueMicrotask(() => {
    const dialog = topmost()?.element;
    if (dialog === undefined || !isFocusLost()) return;
    park(dialog, left !== null && left !== dialog && dialog.contains(left) ? left : null);
  });
}

function onKeyDown(event: KeyboardEvent): void {
  if (event.key !== "Escape" || event.defaultPrevented) return;
  const dialog = topmost();
  if (dialog === undefined || (event.target instanceof Node && dialog.element.contains(event.target))) return;
  event.preventDefault();
  dialog.onEscape();
}

/**
 * Registers a dialog just opened with showModal (so the newest is the topmost one, as in the
 * browser's top layer); returns its unregistration.
 */
export function registerModalDialog(element: HTMLDialogElement, onEscape: () => void): () => void {
  if (open.length === 0) {
    document.addEventListener("focusout", onFocusOut, true);
    document.addEventListener("keydown", onKeyDown, true);
  }
  const entry: OpenDialog = { element, onEscape };
  open.push(entry);
  return () => {
    const index = open.indexOf(entry);
    if (index >= 0) open.splice(index, 1);
    if (parked?.dialog === element) unpark();
    if (open.length === 0) {
      document.removeEventListener("focusout", onFocusOut, true);
      document.removeEventListener("keydown", onKeyDown, true);
    }
  };
}
