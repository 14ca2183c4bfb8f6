import type { AxisSummary } from "../../api/explorer";
import type { CoverageMode } from "../../graph/store";
import { fr } from "../../i18n/fr";

interface CoverageControlProps {
  mode: CoverageMode | null;
  axes: readonly AxisSummary[];
  onChange: (mode: CoverageMode | null) => void;
}

/** The map's coverage mode: communes coloured by who works there on an axis; white zones stand out. */
export function CoverageControl({ mode, axes, onChange }: CoverageControlProps) {
  return (
    <section className="coverage-control" aria-labelledby="coverage-title">
      <label className="filter-check" id="coverage-title">
        <input type="checkbox" data-testid="coverage-toggle" checked={mode !== null}
          onChange={(event) => onChange(event.target.checked ? { axisId: null, unit: "structures" } : null)} />
        {fr.map.coverageToggle}
      </label>
      {mode && (
        <>
          <label className="filter-field">
            <span className="filter-label">{fr.filters.axis}</span>
            <select className="select" data-testid="coverage-axis" value={mode.axisId ?? ""}
              onChange={(event) => onChange({ ...mode, axisId: event.target.value || null })}>
              <option value="">{fr.filters.allAxes}</option>
              {axes.map((axis) => (
                <option key={axis.id} value={axis.id}>
                  {axis.name}
                </option>
              ))}
            </select>
          </label>
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
