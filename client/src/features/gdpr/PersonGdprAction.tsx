import { gdprTexts as t } from "./texts";

/** The details panel's action on a person: opens the GDPR tools on them. */
export function PersonGdprAction({ name, onOpen }: { name: string; onOpen: () => void }) {
  return (
    <button type="button" className="button button--small button--ghost" data-testid="person-gdpr" title={t.fromPanelHint(name)}
      aria-haspopup="dialog" onClick={onOpen}>
      {t.fromPanel}
    </button>
  );
}
