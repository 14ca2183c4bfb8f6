import type { Weighting } from "../../api/network";
import { fr } from "../../i18n/fr";
import { ALPHA_STEPS, DEFAULT_ALPHA, type Filters } from "./filters";

interface BackboneControlsProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
}

const stepOf = (alpha: number): number => {
  const index = ALPHA_STEPS.findIndex((step) => step >= alpha);
  return index < 0 ? ALPHA_STEPS.length - 1 : index;
};

/**
 * The backbone's level (a slider over the ties' p-values: applied on the page, no request) and the
 * weighting of the ties (asked of the API). Measures stay those of the default level.
 */
export function BackboneControls({ filters, onChange }: BackboneControlsProps) {
  const alpha = filters.alpha;
  const value = fr.filters.alphaValue(alpha ?? DEFAULT_ALPHA);
  return (
    <>
      <div className="filter-field">
        <label className="filter-label" htmlFor="backbone-alpha">
          {fr.filters.backbone} <strong data-testid="backbone-alpha-value">{alpha === null ? fr.filters.allTies : value}</strong>
        </label>
        <input id="backbone-alpha" data-testid="backbone-alpha" type="range" className="range" min={0} max={ALPHA_STEPS.length - 1} step={1}
          value={stepOf(alpha ?? DEFAULT_ALPHA)} disabled={alpha === null} aria-describedby="backbone-help" aria-valuetext={value}
          onChange={(event) => onChange({ ...filters, alpha: ALPHA_STEPS[Number(event.target.value)] ?? DEFAULT_ALPHA })} />
        <label className="filter-check">
          <input type="checkbox" data-testid="backbone-all-ties" checked={alpha === null}
            onChange={(event) => onChange({ ...filters, alpha: event.target.checked ? null : DEFAULT_ALPHA })} />
          {fr.filters.allTies}
        </label>
        <span id="backbone-help" className="filter-help">
          {fr.filters.backboneHelp(fr.filters.alphaValue(DEFAULT_ALPHA))}
        </span>
      </div>
      <label className="filter-field">
        <span className="filter-label">{fr.filters.weighting}</span>
        <select className="select" data-testid="weighting" value={filters.weighting} aria-describedby="weighting-help"
          onChange={(event) => onChange({ ...filters, weighting: event.target.value as Weighting })}>
          <option value="COUNT">{fr.filters.weightingCount}</option>
          <option value="NEWMAN">{fr.filters.weightingNewman}</option>
        </select>
        <span id="weighting-help" className="filter-help">
          {fr.filters.weightingHelp}
        </span>
      </label>
    </>
  );
}
