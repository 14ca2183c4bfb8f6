import { useMenuButton } from "../menus/useMenuButton";
import "../menus/menu.css";
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
  const { isOpen, close, menuId, buttonProps, panelProps } = useMenuButton<HTMLUListElement>({ items: "button", closesOnTab: true });

  return (
    <div className="tools-menu">
      <button {...buttonProps} type="button" className="button button--quiet menu-button" data-testid={testId} title={hint}>
        {label}
        <span className="menu-caret" aria-hidden="true">▾</span>
      </button>
      {isOpen && (
        <ul {...panelProps} className="menu-panel tools-menu-panel" aria-label={label}>
          {items.map((item) => (
            <li key={item.id}>
              <button type="button" className="menu-item tools-menu-item" data-testid={item.testId} aria-haspopup="dialog" aria-describedby={`${menuId}-${item.id}`}
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
