import type { NetworkNode } from "../../api/network";
import { CATEGORY_LABELS, formatCount, fr } from "../../i18n/fr";
import { legendEntries } from "./legendEntries";

interface LegendProps {
  nodes: readonly NetworkNode[];
}

export function Legend({ nodes }: LegendProps) {
  const entries = legendEntries(nodes);
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title" className="panel-title">
        {fr.legend.title}
      </h2>
      <ul className="legend-list">
        {entries.map((entry) => (
          <li key={entry.category} className="legend-item">
            <span
              className={`legend-swatch legend-swatch--${entry.shape}`}
              style={{ backgroundColor: entry.colour, borderColor: entry.borderColour }}
              aria-hidden="true"
            />
            <span className="legend-label">{CATEGORY_LABELS[entry.category]}</span>
            <span className="legend-count">{formatCount(entry.count)}</span>
          </li>
        ))}
      </ul>
      <ul className="legend-hints">
        <li>
          <span className="legend-hint-icon legend-hint-icon--size" aria-hidden="true" />
          {fr.legend.sizeHint}
        </li>
        <li>
          <span className="legend-hint-icon legend-hint-icon--width" aria-hidden="true" />
          {fr.legend.widthHint}
        </li>
      </ul>
    </section>
  );
}
