import { fr } from "../../i18n/fr";
import { VIEW_KINDS, type ViewKind } from "./views";

interface ViewSwitcherProps {
  view: ViewKind;
  onChange: (view: ViewKind) => void;
  /** A last button opening another view of the territory (the Tableau de bord); while it is open no view button is pressed. */
  extra?: { label: string; hint: string; isOpen: boolean; onOpen: () => void } | undefined;
}

/** One button per view of the same network (a toolbar of toggle buttons, arrow keys move along it). */
export function ViewSwitcher({ view, onChange, extra }: ViewSwitcherProps) {
  const isExtra = extra?.isOpen === true;
  const count = VIEW_KINDS.length + (extra ? 1 : 0);
  return (
    <div className="view-switcher" role="toolbar" aria-label={fr.views.title}
      onKeyDown={(event) => {
        if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
        const index = isExtra ? VIEW_KINDS.length : VIEW_KINDS.indexOf(view);
        const nextIndex = (index + (event.key === "ArrowRight" ? 1 : count - 1)) % count;
        const next = VIEW_KINDS[nextIndex];
        if (next) onChange(next);
        else extra?.onOpen();
        event.preventDefault();
        event.currentTarget.querySelectorAll<HTMLButtonElement>("button")[nextIndex]?.focus();
      }}>
      {VIEW_KINDS.map((kind) => {
        const isActive = kind === view && !isExtra;
        return (
          <button key={kind} type="button" className={`view-button${isActive ? " view-button--active" : ""}`}
            aria-pressed={isActive} title={fr.views.help[kind]} data-view={kind}
            tabIndex={isActive ? 0 : -1} onClick={() => onChange(kind)}>
            {fr.views.names[kind]}
          </button>
        );
      })}
      {extra && (
        <button type="button" className={`view-button view-button--dashboard${isExtra ? " view-button--active" : ""}`}
          aria-pressed={isExtra} title={extra.hint} data-view="dashboard" tabIndex={isExtra ? 0 : -1} onClick={extra.onOpen}>
          {extra.label}
        </button>
      )}
    </div>
  );
}
