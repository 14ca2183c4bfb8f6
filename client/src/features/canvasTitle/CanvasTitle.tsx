import type { NetworkNode } from "../../api/network";
import { CATEGORY_LABELS, fr } from "../../i18n/fr";
import { legendEntries } from "../legend/legendEntries";
import type { NodeCategory } from "../../graph/palette";

interface CanvasTitleProps {
  /** Territory · view · period · rule for ties. */
  parts: readonly string[];
  /** The nodes drawn: the compact legend names the categories present, with their colour and shape. */
  nodes: readonly NetworkNode[];
  categories: readonly NodeCategory[];
  /** Extra rows of the compact legend (comparison, path), already in words. */
  extra: readonly { key: string; label: string; className: string }[];
}

/**
 * The title band and the compact legend on the canvas (as Kumu draws them): what is shown, when,
 * and by which rule, without scrolling the sidebar. Both fold away with one click.
 */
export function CanvasTitle({ parts, nodes, categories, extra }: CanvasTitleProps) {
  const entries = legendEntries(nodes, categories).filter((entry) => entry.count > 0);
  return (
    <details className="canvas-title" data-testid="canvas-title" open>
      <summary className="canvas-title-text" title={fr.canvasTitle.fold}>
        {parts.map((part, index) => (
          <span key={index} className={index === 0 ? "canvas-title-territory" : "canvas-title-part"}>
            {part}
          </span>
        ))}
      </summary>
      <ul className="canvas-legend" data-testid="canvas-legend" aria-label={fr.legend.title}>
        {entries.map((entry) => (
          <li key={entry.category} className="canvas-legend-item">
            <span className={`legend-swatch legend-swatch--${entry.shape}`} style={{ backgroundColor: entry.colour, borderColor: entry.borderColour }} aria-hidden="true" />
            {CATEGORY_LABELS[entry.category]}
          </li>
        ))}
        {extra.map((row) => (
          <li key={row.key} className="canvas-legend-item">
            <span className={row.className} aria-hidden="true" />
            {row.label}
          </li>
        ))}
      </ul>
    </details>
  );
}
