/**
 * What surrounds the picture in an export: title, subtitle (period, filters, focus), legend, source
 * line and the demo notice. Plain data built from what the page shows, so that PNG, SVG, PDF and
 * PPTX say the same thing.
 */
import type { NetworkNode } from "../../api/network";
import type { ColourMode, SizeMetric } from "../../graph/elements";
import { COMMUNITY_COLOURS, METRIC_RAMP, OTHER_COMMUNITY_COLOUR, type NodeCategory, type NodeShape } from "../../graph/palette";
import { GAINED_COLOUR, LOST_COLOUR, PATH_COLOUR } from "../../graph/style";
import { CATEGORY_LABELS, formatCount, fr } from "../../i18n/fr";
import { legendEntries } from "../legend/legendEntries";
import { ZONE_BLANCHE_HATCH, type CoverageLegendRow } from "../map/coverage";

export type LegendSymbol =
  | { kind: "node"; shape: NodeShape; fill: string; stroke: string }
  | { kind: "line"; colour: string; dashed: boolean }
  | { kind: "ring"; colour: string; dashed: boolean }
  | { kind: "area"; fill: string; hatch: string | null }
  | { kind: "ramp"; colours: readonly string[] };

export interface LegendRow {
  symbol: LegendSymbol;
  label: string;
  count: string | null;
}

export interface LegendSection {
  title: string | null;
  rows: LegendRow[];
}

export interface ExportFrame {
  title: string;
  subtitle: string;
  legendTitle: string;
  legend: LegendSection[];
  /** What sizes and widths mean. */
  notes: string[];
  source: string;
  /** "Données fictives" for the demo territory, else null. */
  demo: string | null;
}

/** What the page's Legend is given, minus its checkboxes. */
export interface LegendInput {
  nodes: readonly NetworkNode[];
  categories: readonly NodeCategory[];
  hiddenCategories: readonly NodeCategory[];
  colourBy: ColourMode;
  sizeBy: SizeMetric;
  isComparing: boolean;
  hasPath: boolean;
  isParticipation: boolean;
  coverage: { title: string; rows: readonly CoverageLegendRow[] } | null;
}

export interface FrameInput {
  territoryName: string;
  viewName: string;
  isDemo: boolean;
  /** The period in words (describeWindow). */
  windowText: string;
  /** The active filter chips' labels. */
  filterLabels: readonly string[];
  /** The focus banner's text, when a focus is active. */
  focusText: string | null;
  legend: LegendInput;
  date: Date;
}

const dateFormat = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric" });

/** The legend of exactly what is drawn: hidden sectors and empty rows are left out. */
export function legendSections(input: LegendInput): LegendSection[] {
  const sections: LegendSection[] = [];
  const entries = legendEntries(input.nodes).filter((e) => e.count > 0 && !input.hiddenCategories.includes(e.category));
  const byCategory = input.colourBy === "category";
  sections.push({
    title: null,
    rows: entries.map((entry) => ({
      symbol: { kind: "node", shape: entry.shape, fill: byCategory ? entry.colour : "#FFFFFF", stroke: byCategory ? entry.borderColour : "#4B5563" },
      label: CATEGORY_LABELS[entry.category],
      count: formatCount(entry.count),
    })),
  });
  if (input.colourBy === "community") {
    const counts = new Map<number, number>();
    for (const node of input.nodes) {
      if (node.metrics) counts.set(node.metrics.community, (counts.get(node.metrics.community) ?? 0) + 1);
    }
    const named = [...counts.keys()].filter((c) => c < COMMUNITY_COLOURS.length).sort((a, b) => a - b);
    const other = [...counts.entries()].filter(([c]) => c >= COMMUNITY_COLOURS.length).reduce((sum, [, n]) => sum + n, 0);
    const rows: LegendRow[] = named.map((c) => ({
      symbol: { kind: "node", shape: "ellipse", fill: COMMUNITY_COLOURS[c] ?? OTHER_COMMUNITY_COLOUR, stroke: "#4B5563" },
      label: fr.legend.community(c),
      count: formatCount(counts.get(c) ?? 0),
    }));
    if (other > 0) rows.push({ symbol: { kind: "node", shape: "ellipse", fill: OTHER_COMMUNITY_COLOUR, stroke: "#4B5563" }, label: fr.legend.otherCommunities, count: formatCount(other) });
    sections.push({ title: fr.legend.communities, rows });
  }
  if (input.colourBy === "betweenness" || input.colourBy === "degree") {
    sections.push({
      title: fr.legend.metricRamp(fr.metrics.colours[input.colourBy]),
      rows: [{ symbol: { kind: "ramp", colours: METRIC_RAMP }, label: `${fr.legend.low} → ${fr.legend.high}`, count: null }],
    });
  }
  if (input.isComparing) {
    sections.push({
      title: fr.legend.comparison,
      rows: [
        { symbol: { kind: "ring", colour: GAINED_COLOUR, dashed: false }, label: fr.legend.joined, count: null },
        { symbol: { kind: "ring", colour: LOST_COLOUR, dashed: true }, label: fr.legend.left, count: null },
        { symbol: { kind: "line", colour: GAINED_COLOUR, dashed: false }, label: fr.legend.gained, count: null },
        { symbol: { kind: "line", colour: LOST_COLOUR, dashed: true }, label: fr.legend.lost, count: null },
      ],
    });
  }
  if (input.hasPath) {
    sections.push({ title: null, rows: [{ symbol: { kind: "line", colour: PATH_COLOUR, dashed: false }, label: fr.legend.path, count: null }] });
  }
  if (input.coverage) {
    sections.push({
      title: input.coverage.title,
      rows: input.coverage.rows.map((row) => ({
        symbol: { kind: "area", fill: row.fill, hatch: row.isZoneBlanche ? ZONE_BLANCHE_HATCH : null },
        label: row.label,
        count: null,
      })),
    });
  }
  return sections.filter((s) => s.rows.length > 0);
}

export function buildFrame(input: FrameInput): ExportFrame {
  const parts = [input.windowText];
  if (input.focusText) parts.push(input.focusText);
  parts.push(input.filterLabels.length > 0 ? input.filterLabels.join(" · ") : fr.exports.noFilter);
  return {
    title: fr.exports.title(input.territoryName, input.viewName),
    subtitle: parts.join(" · "),
    legendTitle: fr.legend.title,
    legend: legendSections(input.legend),
    notes: [
      fr.legend.sizeBy(fr.metrics.sizes[input.legend.sizeBy].toLowerCase()),
      input.legend.isParticipation ? fr.legend.participationHint : fr.legend.widthHint,
    ],
    source: fr.exports.source(dateFormat.format(input.date)),
    demo: input.isDemo ? fr.app.demoBadge : null,
  };
}
