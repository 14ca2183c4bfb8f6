import { useEffect, useRef, type RefObject } from "react";

/**
 * A button disabled while its request runs drops the keyboard focus to the page's body, where a
 * modal dialog no longer hears Escape. When `isBusy` ends with the focus lost, it goes to `target`
 * (the result's message, or the button again).
 */
export function useFocusWhenLost(isBusy: boolean, target: RefObject<HTMLElement | null>): void {
  const wasBusy = useRef(isBusy);
  useEffect(() => {
    const ended = wasBusy.current && !isBusy;
    wasBusy.current = isBusy;
    if (!ended) return;
    const active = document.activeElement;
    if (active === null || active === document.body) target.current?.focus();
  }, [isBusy, target]);
}
