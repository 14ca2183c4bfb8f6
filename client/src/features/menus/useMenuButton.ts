import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

interface MenuButtonOptions {
  /** The panel's controls the arrow keys move between; the first one takes the keyboard on opening. */
  items: string;
  /** Tab leaves the panel closed (a list of tools); without it, Tab walks on through the panel's controls. */
  closesOnTab?: boolean;
}

/**
 * A button opening a panel of choices below it. The panel closes on Escape (the keyboard back on the
 * button), on a pointer press outside both, and on `close`, called by a choice: `close(true)` gives
 * the keyboard back to the button, so that a dialog the choice opens returns it there. ArrowDown on
 * the button opens the panel; ArrowUp/ArrowDown (wrapping), Home and End move through its items.
 */
export function useMenuButton<Panel extends HTMLElement>({ items, closesOnTab = false }: MenuButtonOptions) {
  const [isOpen, setIsOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<Panel>(null);
  const menuId = useId();

  const close = useCallback((refocus: boolean) => {
    setIsOpen(false);
    if (refocus) buttonRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!isOpen) return undefined;
    panelRef.current?.querySelector<HTMLElement>(items)?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (target && !panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) close(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [isOpen, close, items]);

  const onPanelKeyDown = (event: KeyboardEvent<Panel>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close(true);
      return;
    }
    if (event.key === "Tab") {
      if (closesOnTab) close(false);
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp" && event.key !== "Home" && event.key !== "End") return;
    const controls = Array.from(panelRef.current?.querySelectorAll<HTMLElement>(items) ?? []);
    if (controls.length === 0) return;
    event.preventDefault();
    const index = controls.indexOf(document.activeElement as HTMLElement);
    const next =
      event.key === "Home" ? 0 : event.key === "End" ? controls.length - 1 : (index + (event.key === "ArrowDown" ? 1 : -1) + controls.length) % controls.length;
    controls[next]?.focus();
  };

  const buttonProps = {
    ref: buttonRef,
    "aria-expanded": isOpen,
    "aria-controls": menuId,
    onClick: () => setIsOpen((open) => !open),
    onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => {
      if (event.key === "ArrowDown" && !isOpen) {
        event.preventDefault();
        setIsOpen(true);
      }
    },
  };
  const panelProps = { ref: panelRef, id: menuId, onKeyDown: onPanelKeyDown };

  return { isOpen, close, menuId, buttonProps, panelProps };
}
