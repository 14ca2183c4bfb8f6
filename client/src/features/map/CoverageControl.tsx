import type { AxisSummary } from "../../api/explorer";
import type { CoverageMode } from "./coverageMode";
import { fr } from "../../i18n/fr";
import { ChoiceSelect } from "../filters/ChoiceSelect";

interface CoverageControlProps {
  mode: CoverageMode | null;
  axes: readonly AxisSummary[];
  /** The axis filter's axis: the coverage starts on it. */
  filterAxisId?: string | null;
  onChange: (mode: CoverageMode | null) => void;
}

/** The map's coverage mode: communes coloured by who works there on an axis; white zones stand out. */
export function CoverageControl({ mode, axes, filterAxisId = null, onChange }: CoverageControlProps) {
  return (
    <section className="coverage-control" aria-labelledby="coverage-title">
      <label className="filter-check" id="coverage-title">
        <input type="checkbox" data-testid="coverage-toggle" checked={mode !== null}
          onChange={(event) => onChange(event.target.checked ? { axisId: filterAxisId, unit: "structures" } : null)} />
        {fr.map.coverageToggle}
      </label>
      {mode && (
        <>
          <ChoiceSelect label={fr.filters.axis} testId="coverage-axis" value={mode.axisId} allLabel={fr.filters.allAxes}
            options={axes.map((axis) => ({ value: axis.id, label: axis.name }))}
            onChange={(axisId) => onChange({ ...mode, axisId })} />
          <label className="filter-field">
            <span className="filter-label">{fr.map.coverageUnit}</span>
            <select className="select" data-testid="coverage-unit" value={mode.unit}
              onChange={(event) => onChange({ ...mode, unit: event.target.value === "actors" ? "actors" : "structures" })}>
              <option value="structures">{fr.map.coverageTitle.structures}</option>
              <option value="actors">{fr.map.coverageTitle.actors}</option>
            </select>
          </label>
        </>
      )}
    </section>
  );
}
