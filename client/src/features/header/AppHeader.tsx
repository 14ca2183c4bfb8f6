import type { ReactNode } from "react";
import type { Role } from "../../api/auth";
import type { Territory } from "../../api/network";
import { fr } from "../../i18n/fr";
import { DevLoginBanner } from "../login/DevLoginBanner";

interface AppHeaderProps {
  territories: readonly Territory[];
  territory: Territory | null;
  /** The active period in words ("CLS 3 · du 27/06/2019 au 31/12/2025"). */
  windowText: string | null;
  role: Role;
  onChooseTerritory: (id: string) => void;
  onSignOut: () => void;
  /** Actions of the signed-in user shown before the role badge (e.g. the import). */
  children?: ReactNode;
}

export function AppHeader({ territories, territory, windowText, role, onChooseTerritory, onSignOut, children }: AppHeaderProps) {
  return (
    <header className="app-header">
      <h1 className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{fr.app.name}</span>
        {territory && <span className="visually-hidden"> — {territory.name}</span>}
      </h1>
      {territory && (
        <div className="territory">
          {territories.length > 1 ? (
            <label className="territory-choice">
              <span className="visually-hidden">{fr.app.territoryLabel}</span>
              <select className="select select--title" value={territory.id}
                onChange={(event) => onChooseTerritory(event.target.value)}>
                {territories.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <p className="territory-name" aria-hidden="true">
              {territory.name}
            </p>
          )}
          {territory.isDemo && (
            <span className="demo-badge" title={fr.app.demoBadgeTitle} data-testid="demo-badge">
              {fr.app.demoBadge}
            </span>
          )}
        </div>
      )}
      {windowText && (
        <p className="active-window" data-testid="active-window" title={windowText}>
          <span className="active-window-label">{fr.timeWindow.label} :</span> {windowText}
        </p>
      )}
      <div className="viewer">
        <DevLoginBanner />
        {children}
        <span className="role-badge" data-testid="role-badge" data-role={role}>
          {fr.login.roleBadge(fr.login.roles[role].name)}
        </span>
        <button type="button" className="button button--quiet" onClick={onSignOut}>
          {fr.login.signOut}
        </button>
      </div>
    </header>
  );
}
