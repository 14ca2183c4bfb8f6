import type { AxisSummary, CatalogCommune, CatalogWorkGroup } from "../../api/explorer";
import { ACTOR_CATEGORIES, type Epci } from "../../api/network";
import { ACTOR_CATEGORY_LABELS, fr, ROLE_FILTER_LABELS } from "../../i18n/fr";
import { BackboneControls } from "./BackboneControls";
import { ChoiceSelect } from "./ChoiceSelect";
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
  /** The view's default threshold. */
  defaultMinWeight: number;
  onChange: (filters: Filters) => void;
}

/** The slider never goes so far that a handful of ties is all that is left to move it over. */
const SLIDER_CAP = 60;

export function FilterPanel({ filters, maxWeight, epcis, communes, axes, workGroups, showsActors, defaultMinWeight, onChange }: FilterPanelProps) {
  // The slider reaches the strongest tie drawn (capped), and never less than the view's default or
  // the current value: a threshold that was reachable stays reachable after a lower one loaded less.
  const max = maxWeight === null ? 2 : Math.max(2, Math.min(SLIDER_CAP, Math.max(maxWeight, 2 * defaultMinWeight)), filters.minWeight, defaultMinWeight);
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
      {maxWeight !== null && <BackboneControls filters={filters} onChange={onChange} />}
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
        <ChoiceSelect label={fr.filters.axis} testId="axis-filter" value={filters.axisId} allLabel={fr.filters.allAxes}
          options={axes.map((axis) => ({ value: axis.id, label: axis.name }))}
          onChange={(axisId) => onChange({ ...filters, axisId, workGroupId: null })} />
      )}
      {workGroups.length > 0 && (
        <ChoiceSelect label={fr.filters.workGroup} testId="work-group-filter" value={filters.workGroupId} allLabel={fr.filters.allWorkGroups}
          options={groupChoices.map((group) => ({ value: group.id, label: group.name }))}
          onChange={(workGroupId) => onChange({ ...filters, workGroupId })} />
      )}
      {epcis.length > 1 && (
        <ChoiceSelect label={fr.filters.epci} testId="epci-filter" value={filters.epciCode} allLabel={fr.filters.allEpcis}
          options={epcis.map((epci) => ({ value: epci.code, label: epci.name }))}
          onChange={(epciCode) => onChange({ ...filters, epciCode, communeCode: null })} />
      )}
      {communes.length > 0 && (
        <ChoiceSelect label={fr.filters.commune} testId="commune-filter" value={filters.communeCode} allLabel={fr.filters.allCommunes}
          options={communeChoices.map((commune) => ({ value: commune.code, label: commune.name }))}
          onChange={(communeCode) => onChange({ ...filters, communeCode })} />
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
