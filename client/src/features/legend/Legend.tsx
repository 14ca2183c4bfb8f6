import type { NetworkNode } from "../../api/network";
import type { ColourMode, SizeMetric } from "../../graph/elements";
import { COMMUNITY_COLOURS, METRIC_RAMP, OTHER_COMMUNITY_COLOUR, type NodeCategory } from "../../graph/palette";
import { GAINED_COLOUR, LOST_COLOUR, PATH_COLOUR } from "../../graph/style";
import { CATEGORY_LABELS, formatCount, fr } from "../../i18n/fr";
import type { CoverageLegendRow } from "../map/coverage";
import { legendEntries } from "./legendEntries";

interface LegendProps {
  /** Nodes drawn: counts are what the canvas shows. */
  nodes: readonly NetworkNode[];
  /** Categories of the loaded network: each keeps its row (and checkbox) even when hidden. */
  categories: readonly NodeCategory[];
  hiddenCategories: readonly NodeCategory[];
  colourBy: ColourMode;
  sizeBy: SizeMetric;
  isComparing: boolean;
  hasPath: boolean;
  isParticipation: boolean;
  /** Map coverage mode: the commune classes drawn. */
  coverage: { title: string; rows: readonly CoverageLegendRow[] } | null;
  onToggleCategory: (category: NodeCategory) => void;
}

function Swatch({ colour, shape = "ellipse", dashed = false, line = false }: { colour: string; shape?: string; dashed?: boolean; line?: boolean }) {
  if (line) return <span className={`legend-line${dashed ? " legend-line--dashed" : ""}`} style={{ borderTopColor: colour }} aria-hidden="true" />;
  return <span className={`legend-swatch legend-swatch--${shape}`} style={{ backgroundColor: colour }} aria-hidden="true" />;
}

/** Colours and shapes of exactly what is drawn; in sector mode each row's checkbox shows or hides it. */
export function Legend({ nodes, categories, hiddenCategories, colourBy, sizeBy, isComparing, hasPath, isParticipation, coverage, onToggleCategory }: LegendProps) {
  const entries = legendEntries(nodes, categories);
  const communities = new Map<number, number>();
  for (const node of nodes) {
    if (node.metrics) communities.set(node.metrics.community, (communities.get(node.metrics.community) ?? 0) + 1);
  }
  const namedCommunities = [...communities.keys()].filter((c) => c < COMMUNITY_COLOURS.length).sort((a, b) => a - b);
  const otherCount = [...communities.entries()].filter(([c]) => c >= COMMUNITY_COLOURS.length).reduce((sum, [, n]) => sum + n, 0);
  return (
    <section className="legend" aria-labelledby="legend-title" data-testid="legend" data-colour-by={colourBy}>
      <h2 id="legend-title" className="panel-title">
        {fr.legend.title}
      </h2>
      <ul className="legend-list">
        {entries.map((entry) => {
          const isHidden = hiddenCategories.includes(entry.category);
          const colour = colourBy === "category" ? entry.colour : "#FFFFFF";
          return (
            <li key={entry.category} className={`legend-item${isHidden ? " legend-item--hidden" : ""}`}>
              <label className="legend-toggle">
                <input type="checkbox" checked={!isHidden} data-category={entry.category}
                  onChange={() => onToggleCategory(entry.category)} />
                <span className={`legend-swatch legend-swatch--${entry.shape}`}
                  style={{ backgroundColor: colour, borderColor: colourBy === "category" ? entry.borderColour : "#4B5563" }} aria-hidden="true" />
                <span className="legend-label">{CATEGORY_LABELS[entry.category]}</span>
                <span className="legend-count">{isHidden ? fr.legend.hidden : formatCount(entry.count)}</span>
              </label>
            </li>
          );
        })}
      </ul>
      <p className="legend-filter-hint">{fr.legend.filterHint}</p>
      {colourBy === "community" && (
        <div className="legend-block" data-testid="legend-communities">
          <h3 className="legend-subtitle">{fr.legend.communities}</h3>
          <ul className="legend-list legend-list--plain">
            {namedCommunities.map((c) => (
              <li key={c} className="legend-item">
                <Swatch colour={COMMUNITY_COLOURS[c] ?? OTHER_COMMUNITY_COLOUR} />
                <span className="legend-label">{fr.legend.community(c)}</span>
                <span className="legend-count">{formatCount(communities.get(c) ?? 0)}</span>
              </li>
            ))}
            {otherCount > 0 && (
              <li className="legend-item">
                <Swatch colour={OTHER_COMMUNITY_COLOUR} />
                <span className="legend-label">{fr.legend.otherCommunities}</span>
                <span className="legend-count">{formatCount(otherCount)}</span>
              </li>
            )}
          </ul>
        </div>
      )}
      {(colourBy === "betweenness" || colourBy === "degree") && (
        <div className="legend-block" data-testid="legend-ramp">
          <h3 className="legend-subtitle">{fr.legend.metricRamp(fr.metrics.colours[colourBy])}</h3>
          <div className="legend-ramp" aria-hidden="true">
            {METRIC_RAMP.map((colour) => (
              <span key={colour} style={{ backgroundColor: colour }} />
            ))}
          </div>
          <div className="legend-ramp-ends">
            <span>{fr.legend.low}</span>
            <span>{fr.legend.high}</span>
          </div>
        </div>
      )}
      {isComparing && (
        <div className="legend-block" data-testid="legend-comparison">
          <h3 className="legend-subtitle">{fr.legend.comparison}</h3>
          <ul className="legend-list legend-list--plain">
            <li className="legend-item"><span className="legend-ring" style={{ borderColor: GAINED_COLOUR }} aria-hidden="true" /><span className="legend-label">{fr.legend.joined}</span></li>
            <li className="legend-item"><span className="legend-ring legend-ring--dashed" style={{ borderColor: LOST_COLOUR }} aria-hidden="true" /><span className="legend-label">{fr.legend.left}</span></li>
            <li className="legend-item"><Swatch colour={GAINED_COLOUR} line /><span className="legend-label">{fr.legend.gained}</span></li>
            <li className="legend-item"><Swatch colour={LOST_COLOUR} line dashed /><span className="legend-label">{fr.legend.lost}</span></li>
          </ul>
        </div>
      )}
      {hasPath && (
        <ul className="legend-list legend-list--plain">
          <li className="legend-item"><Swatch colour={PATH_COLOUR} line /><span className="legend-label">{fr.legend.path}</span></li>
        </ul>
      )}
      {coverage && (
        <div className="legend-block" data-testid="legend-coverage">
          <h3 className="legend-subtitle">{coverage.title}</h3>
          <ul className="legend-list legend-list--plain">
            {coverage.rows.map((row) => (
              <li key={row.key} className="legend-item">
                <span className={`legend-swatch legend-swatch--square${row.isZoneBlanche ? " legend-swatch--hatched" : ""}`} style={{ backgroundColor: row.fill }} aria-hidden="true" />
                <span className="legend-label">{row.label}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ul className="legend-hints">
        <li>
          <span className="legend-hint-icon legend-hint-icon--size" aria-hidden="true" />
          {fr.legend.sizeBy(fr.metrics.sizes[sizeBy].toLowerCase())}
        </li>
        <li>
          <span className="legend-hint-icon legend-hint-icon--width" aria-hidden="true" />
          {isParticipation ? fr.legend.participationHint : fr.legend.widthHint}
        </li>
      </ul>
    </section>
  );
}
