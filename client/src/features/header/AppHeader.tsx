import type { Territory } from "../../api/network";
import { fr } from "../../i18n/fr";

interface AppHeaderProps {
  territories: readonly Territory[];
  territory: Territory | null;
  counts: { nodes: number; ties: number } | null;
  onChooseTerritory: (id: string) => void;
}

export function AppHeader({ territories, territory, counts, onChooseTerritory }: AppHeaderProps) {
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
      {counts && (
        <p className="counts" data-testid="network-counts">
          {fr.app.counts(counts.nodes, counts.ties)}
        </p>
      )}
    </header>
  );
}
