import type { Epci } from "../../api/network";
import { fr } from "../../i18n/fr";
import type { Filters } from "./filters";

interface FilterPanelProps {
  filters: Filters;
  /** Strongest tie of the loaded network: the slider's end. */
  maxWeight: number;
  epcis: readonly Epci[];
  onChange: (filters: Filters) => void;
}

/** The slider never goes so far that a handful of ties is all that is left to move it over. */
const SLIDER_CAP = 12;

export function FilterPanel({ filters, maxWeight, epcis, onChange }: FilterPanelProps) {
  const max = Math.max(2, Math.min(SLIDER_CAP, maxWeight));
  return (
    <section className="filters" aria-labelledby="filters-title">
      <h2 id="filters-title" className="panel-title">
        {fr.filters.title}
      </h2>
      <label className="filter-field" htmlFor="min-weight">
        <span className="filter-label">
          {fr.filters.minWeight} <strong data-testid="min-weight-value">{fr.filters.minWeightValue(filters.minWeight)}</strong>
        </span>
        <input id="min-weight" type="range" className="range" min={1} max={max} step={1}
          value={Math.min(filters.minWeight, max)} aria-describedby="min-weight-help"
          aria-valuetext={fr.filters.minWeightValue(filters.minWeight)}
          onChange={(event) => onChange({ ...filters, minWeight: Number(event.target.value) })} />
        <span id="min-weight-help" className="filter-help">
          {fr.filters.minWeightHelp}
        </span>
      </label>
      {epcis.length > 1 && (
        <label className="filter-field">
          <span className="filter-label">{fr.filters.epci}</span>
          <select className="select" data-testid="epci-filter" value={filters.epciCode ?? ""}
            onChange={(event) => onChange({ ...filters, epciCode: event.target.value || null })}>
            <option value="">{fr.filters.allEpcis}</option>
            {epcis.map((epci) => (
              <option key={epci.code} value={epci.code}>
                {epci.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </section>
  );
}
