import type { AxisSummary, CatalogCommune, CatalogWorkGroup } from "../../api/explorer";
import { ACTOR_CATEGORIES, type Epci } from "../../api/network";
import { ACTOR_CATEGORY_LABELS, fr, ROLE_FILTER_LABELS } from "../../i18n/fr";
import { ROLE_FILTERS, type Filters, type RoleFilter } from "./filters";

interface FilterPanelProps {
  filters: Filters;
  /** Strongest tie of the loaded network: the slider's end (null: the view has no tie weights). */
  maxWeight: number | null;
  epcis: readonly Epci[];
  communes: readonly CatalogCommune[];
  axes: readonly AxisSummary[];
  workGroups: readonly CatalogWorkGroup[];
  /** Actor categories and roles apply to the people views. */
  showsActors: boolean;
  onChange: (filters: Filters) => void;
}

/** The slider never goes so far that a handful of ties is all that is left to move it over. */
const SLIDER_CAP = 60;

export function FilterPanel({ filters, maxWeight, epcis, communes, axes, workGroups, showsActors, onChange }: FilterPanelProps) {
  const max = maxWeight === null ? 2 : Math.max(2, Math.min(SLIDER_CAP, maxWeight, Math.max(filters.minWeight, maxWeight)));
  const communeChoices = filters.epciCode ? communes.filter((c) => c.epciCode === filters.epciCode) : communes;
  const groupChoices = filters.axisId ? workGroups.filter((w) => w.axisIds.includes(filters.axisId ?? "")) : workGroups;
  const toggleActorCategory = (category: (typeof ACTOR_CATEGORIES)[number]) => {
    const chosen = filters.actorCategories.includes(category)
      ? filters.actorCategories.filter((c) => c !== category)
      : [...filters.actorCategories, category];
    onChange({ ...filters, actorCategories: ACTOR_CATEGORIES.filter((c) => chosen.includes(c)) });
  };
  return (
    <section className="filters" aria-labelledby="filters-title">
      <h2 id="filters-title" className="panel-title">
        {fr.filters.title}
      </h2>
      {maxWeight !== null && (
        <label className="filter-field" htmlFor="min-weight">
          <span className="filter-label">
            {fr.filters.minWeight} <strong data-testid="min-weight-value">{fr.filters.minWeightLinks(filters.minWeight)}</strong>
          </span>
          <input id="min-weight" type="range" className="range" min={1} max={max} step={1}
            value={Math.min(filters.minWeight, max)} aria-describedby="min-weight-help"
            aria-valuetext={fr.filters.minWeightLinks(filters.minWeight)}
            onChange={(event) => onChange({ ...filters, minWeight: Number(event.target.value) })} />
          <span id="min-weight-help" className="filter-help">
            {fr.filters.minWeightHelp}
          </span>
        </label>
      )}
      {axes.length > 0 && (
        <label className="filter-field">
          <span className="filter-label">{fr.filters.axis}</span>
          <select className="select" data-testid="axis-filter" value={filters.axisId ?? ""}
            onChange={(event) => onChange({ ...filters, axisId: event.target.value || null, workGroupId: null })}>
            <option value="">{fr.filters.allAxes}</option>
            {axes.map((axis) => (
              <option key={axis.id} value={axis.id}>
                {axis.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {workGroups.length > 0 && (
        <label className="filter-field">
          <span className="filter-label">{fr.filters.workGroup}</span>
          <select className="select" data-testid="work-group-filter" value={filters.workGroupId ?? ""}
            onChange={(event) => onChange({ ...filters, workGroupId: event.target.value || null })}>
            <option value="">{fr.filters.allWorkGroups}</option>
            {groupChoices.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {epcis.length > 1 && (
        <label className="filter-field">
          <span className="filter-label">{fr.filters.epci}</span>
          <select className="select" data-testid="epci-filter" value={filters.epciCode ?? ""}
            onChange={(event) => onChange({ ...filters, epciCode: event.target.value || null, communeCode: null })}>
            <option value="">{fr.filters.allEpcis}</option>
            {epcis.map((epci) => (
              <option key={epci.code} value={epci.code}>
                {epci.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {communes.length > 0 && (
        <label className="filter-field">
          <span className="filter-label">{fr.filters.commune}</span>
          <select className="select" data-testid="commune-filter" value={filters.communeCode ?? ""}
            onChange={(event) => onChange({ ...filters, communeCode: event.target.value || null })}>
            <option value="">{fr.filters.allCommunes}</option>
            {communeChoices.map((commune) => (
              <option key={commune.code} value={commune.code}>
                {commune.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {showsActors && (
        <fieldset className="filter-field filter-fieldset">
          <legend className="filter-label">{fr.filters.actorCategories}</legend>
          {ACTOR_CATEGORIES.map((category) => (
            <label key={category} className="filter-check">
              <input type="checkbox" data-actor-category={category}
                checked={filters.actorCategories.length === 0 || filters.actorCategories.includes(category)}
                onChange={() =>
                  filters.actorCategories.length === 0
                    ? onChange({ ...filters, actorCategories: ACTOR_CATEGORIES.filter((c) => c !== category) })
                    : toggleActorCategory(category)
                } />
              {ACTOR_CATEGORY_LABELS[category]}
            </label>
          ))}
        </fieldset>
      )}
      <label className="filter-field">
        <span className="filter-label">{fr.filters.role}</span>
        <select className="select" data-testid="role-filter" value={filters.role} aria-describedby="role-help"
          onChange={(event) => onChange({ ...filters, role: event.target.value as RoleFilter })}>
          {ROLE_FILTERS.map((role) => (
            <option key={role} value={role}>
              {ROLE_FILTER_LABELS[role]}
            </option>
          ))}
        </select>
        <span id="role-help" className="filter-help">
          {fr.filters.roleHelp}
        </span>
      </label>
    </section>
  );
}
