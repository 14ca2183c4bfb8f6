import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import "./toolsMenu.css";

export interface ToolsMenuItem {
  id: string;
  label: string;
  help: string;
  testId: string;
  onSelect: () => void;
}

interface ToolsMenuProps {
  label: string;
  hint: string;
  testId: string;
  items: readonly ToolsMenuItem[];
}

/**
 * A header button opening a short list of tools, each opening its dialog. The list closes on
 * Escape (back to the button), on a click elsewhere, and when a tool is chosen: the keyboard is on
 * the button then, so that the dialog gives it back there.
 */
export function ToolsMenu({ label, hint, testId, items }: ToolsMenuProps) {
  const [isOpen, setIsOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLUListElement>(null);
  const menuId = useId();

  const close = useCallback((refocus: boolean) => {
    setIsOpen(false);
    if (refocus) buttonRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!isOpen) return undefined;
    panelRef.current?.querySelector<HTMLElement>("button")?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (target && !panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) close(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [isOpen, close]);

  const onPanelKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close(true);
      return;
    }
    if (event.key === "Tab") {
      close(false);
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp" && event.key !== "Home" && event.key !== "End") return;
    const buttons = Array.from(panelRef.current?.querySelectorAll<HTMLElement>("button") ?? []);
    if (buttons.length === 0) return;
    event.preventDefault();
    const index = buttons.indexOf(document.activeElement as HTMLElement);
    const next =
      event.key === "Home" ? 0 : event.key === "End" ? buttons.length - 1 : (index + (event.key === "ArrowDown" ? 1 : -1) + buttons.length) % buttons.length;
    buttons[next]?.focus();
  };

  return (
    <div className="tools-menu">
      <button ref={buttonRef} type="button" className="button button--quiet tools-menu-button" data-testid={testId}
        aria-expanded={isOpen} aria-controls={menuId} title={hint}
        onClick={() => setIsOpen((open) => !open)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && !isOpen) {
            event.preventDefault();
            setIsOpen(true);
          }
        }}>
        {label}
        <span className="tools-menu-caret" aria-hidden="true">▾</span>
      </button>
      {isOpen && (
        <ul ref={panelRef} id={menuId} className="tools-menu-panel" aria-label={label} onKeyDown={onPanelKeyDown}>
          {items.map((item) => (
            <li key={item.id}>
              <button type="button" className="tools-menu-item" data-testid={item.testId} aria-haspopup="dialog" aria-describedby={`${menuId}-${item.id}`}
                onClick={() => {
                  close(true);
                  item.onSelect();
                }}>
                <span className="tools-menu-label">{item.label}</span>
                <span id={`${menuId}-${item.id}`} className="tools-menu-help">{item.help}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
