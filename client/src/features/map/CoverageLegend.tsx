/**
 * The legend of the coverage mode, built from the same classes as the map's fills so that it always
 * matches what is drawn; white zones show the map's hatching.
 */
import { fr } from "../../i18n/fr";
import { coverageLegend, ZONE_BLANCHE_FILL, type CoverageUnit } from "./coverage";

interface CoverageLegendProps {
  /** The highest count drawn: the one the fills were computed with. */
  maxCount: number;
  unit: CoverageUnit;
}

export function CoverageLegend({ maxCount, unit }: CoverageLegendProps) {
  const rows = coverageLegend(maxCount, unit);
  return (
    <section className="map-legend" aria-labelledby="map-legend-title">
      <h2 id="map-legend-title" className="panel-title">
        {fr.map.coverageTitle[unit]}
      </h2>
      <ul className="map-legend-list">
        {rows.map((row) => (
          <li key={row.key} className="map-legend-item" data-fill={row.fill}>
            <span
              className={`map-legend-swatch${row.isZoneBlanche ? " map-legend-swatch--zone-blanche" : ""}`}
              style={row.isZoneBlanche && row.fill === ZONE_BLANCHE_FILL ? undefined : { backgroundColor: row.fill }}
              aria-hidden="true"
            />
            <span>{row.label}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What the map view says when the server has no contours: the grouped view is shown instead. */
export function NoContoursNotice() {
  return (
    <div className="map-notice" role="status">
      <p className="map-notice-text">{fr.map.noContours}</p>
      <p className="map-notice-help">{fr.map.noContoursHelp}</p>
    </div>
  );
}
