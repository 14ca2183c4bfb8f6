import { COLOUR_MODES, SIZE_METRICS, type ColourMode, type SizeMetric } from "../../graph/elements";
import { fr } from "../../i18n/fr";
import { LAYOUT_KINDS, type LayoutKind } from "../views/views";

interface MetricsPanelProps {
  sizeBy: SizeMetric;
  colourBy: ColourMode;
  layout: LayoutKind;
  layouts: readonly LayoutKind[];
  /** False in the two-mode view: the API computes no metrics there. */
  hasMetrics: boolean;
  onDraw: (draw: { sizeBy?: SizeMetric; colourBy?: ColourMode }) => void;
  onLayout: (layout: LayoutKind) => void;
}

/** How the network is drawn: node size and colour by a metric, and the layout. */
export function MetricsPanel({ sizeBy, colourBy, layout, layouts, hasMetrics, onDraw, onLayout }: MetricsPanelProps) {
  return (
    <section className="metrics" aria-labelledby="metrics-title">
      <h2 id="metrics-title" className="panel-title">
        {fr.metrics.title}
      </h2>
      {hasMetrics ? (
        <>
          <label className="filter-field">
            <span className="filter-label">{fr.metrics.sizeBy}</span>
            <select className="select" data-testid="size-by" value={sizeBy} onChange={(event) => onDraw({ sizeBy: event.target.value as SizeMetric })}>
              {SIZE_METRICS.map((metric) => (
                <option key={metric} value={metric}>
                  {fr.metrics.sizes[metric]}
                </option>
              ))}
            </select>
          </label>
          <label className="filter-field">
            <span className="filter-label">{fr.metrics.colourBy}</span>
            <select className="select" data-testid="colour-by" value={colourBy} onChange={(event) => onDraw({ colourBy: event.target.value as ColourMode })}>
              {COLOUR_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {fr.metrics.colours[mode]}
                </option>
              ))}
            </select>
          </label>
        </>
      ) : (
        <p className="filter-help">{fr.metrics.unavailable}</p>
      )}
      {layouts.length > 1 && (
        <label className="filter-field">
          <span className="filter-label">{fr.layouts.title}</span>
          <select className="select" data-testid="layout" value={layout} onChange={(event) => onLayout(event.target.value as LayoutKind)}>
            {LAYOUT_KINDS.filter((kind) => layouts.includes(kind)).map((kind) => (
              <option key={kind} value={kind}>
                {fr.layouts.names[kind]}
              </option>
            ))}
          </select>
        </label>
      )}
    </section>
  );
}
