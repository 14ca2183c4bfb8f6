import { fr } from "../../i18n/fr";
import { VIEW_KINDS, type ViewKind } from "./views";

interface ViewSwitcherProps {
  view: ViewKind;
  onChange: (view: ViewKind) => void;
}

/** One button per view of the same network (a toolbar of toggle buttons, arrow keys move along it). */
export function ViewSwitcher({ view, onChange }: ViewSwitcherProps) {
  return (
    <div className="view-switcher" role="toolbar" aria-label={fr.views.title}
      onKeyDown={(event) => {
        if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
        const index = VIEW_KINDS.indexOf(view);
        const next = VIEW_KINDS[(index + (event.key === "ArrowRight" ? 1 : VIEW_KINDS.length - 1)) % VIEW_KINDS.length];
        if (next) {
          onChange(next);
          event.preventDefault();
          const buttons = event.currentTarget.querySelectorAll<HTMLButtonElement>("button");
          buttons[VIEW_KINDS.indexOf(next)]?.focus();
        }
      }}>
      {VIEW_KINDS.map((kind) => (
        <button key={kind} type="button" className={`view-button${kind === view ? " view-button--active" : ""}`}
          aria-pressed={kind === view} title={fr.views.help[kind]} data-view={kind}
          tabIndex={kind === view ? 0 : -1} onClick={() => onChange(kind)}>
          {fr.views.names[kind]}
        </button>
      ))}
    </div>
  );
}
