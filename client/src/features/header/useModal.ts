import { useCallback, useRef, useState } from "react";

/**
 * Whether a modal dialog of the page is open, and on what (`value`: e.g. the person the GDPR tools
 * act on). The keyboard goes back to what opened it once it closes.
 */
export function useModal<T>(initial: T) {
  const [isOpen, setIsOpen] = useState(false);
  const [value, setValue] = useState<T>(initial);
  const opener = useRef<HTMLElement | null>(null);
  const initialValue = useRef(initial);
  const open = useCallback((next: T) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setValue(next);
    setIsOpen(true);
  }, []);
  const close = useCallback(() => {
    setIsOpen(false);
    setValue(initialValue.current);
    const element = opener.current;
    opener.current = null;
    // Once the dialog is gone: while it is open the rest of the page is inert and cannot take focus.
    if (element) requestAnimationFrame(() => element.isConnected && element.focus());
  }, []);
  return { isOpen, value, open, close, setValue };
}
