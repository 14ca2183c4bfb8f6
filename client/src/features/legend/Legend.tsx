import type { NetworkNode } from "../../api/network";
import type { NodeCategory } from "../../graph/palette";
import { CATEGORY_LABELS, formatCount, fr } from "../../i18n/fr";
import { legendEntries } from "./legendEntries";

interface LegendProps {
  /** Nodes drawn: counts are what the canvas shows. */
  nodes: readonly NetworkNode[];
  /** Categories of the loaded network: each keeps its row (and checkbox) even when hidden. */
  categories: readonly NodeCategory[];
  hiddenCategories: readonly NodeCategory[];
  onToggleCategory: (category: NodeCategory) => void;
}

/** Colours and shapes of what is drawn; each row's checkbox shows or hides its sector. */
export function Legend({ nodes, categories, hiddenCategories, onToggleCategory }: LegendProps) {
  const entries = legendEntries(nodes, categories);
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title" className="panel-title">
        {fr.legend.title}
      </h2>
      <ul className="legend-list">
        {entries.map((entry) => {
          const isHidden = hiddenCategories.includes(entry.category);
          return (
            <li key={entry.category} className={`legend-item${isHidden ? " legend-item--hidden" : ""}`}>
              <label className="legend-toggle">
                <input type="checkbox" checked={!isHidden} data-category={entry.category}
                  onChange={() => onToggleCategory(entry.category)} />
                <span
                  className={`legend-swatch legend-swatch--${entry.shape}`}
                  style={{ backgroundColor: entry.colour, borderColor: entry.borderColour }}
                  aria-hidden="true"
                />
                <span className="legend-label">{CATEGORY_LABELS[entry.category]}</span>
                <span className="legend-count">{isHidden ? fr.legend.hidden : formatCount(entry.count)}</span>
              </label>
            </li>
          );
        })}
      </ul>
      <p className="legend-filter-hint">{fr.legend.filterHint}</p>
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
