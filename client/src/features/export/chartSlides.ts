/**
 * The dashboard's charts as PowerPoint slides: native, editable charts (PptxGenJS line and bar
 * charts holding the values), the coverage heat map as editable tables (PowerPoint has no heat map
 * chart), a page of communes per slide.
 */
import type { ChartSpec } from "../dashboard/charts";
import { dashboardTexts } from "../dashboard/texts";

export interface NativeChart {
  type: "line" | "bar";
  /** Bars drawn left to right, categories down the side (long names). */
  horizontal: boolean;
  logScale: boolean;
  categoryLabel: string;
  valueLabel: string;
  labels: string[];
  series: { name: string; values: number[] }[];
}

export interface ChartSlide {
  title: string;
  /** Unit and period. */
  subtitle: string;
  source: string;
  chart: NativeChart | null;
  table: { header: string[]; rows: string[][] } | null;
}

/** Communes per heat-map slide. */
export const TABLE_ROWS_PER_SLIDE = 18;

const cell = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

export function chartSlides(spec: ChartSpec): ChartSlide[] {
  const subtitle = `${dashboardTexts.unit(spec.unit)} · ${dashboardTexts.period(spec.period)}`;
  if (spec.kind === "heatmap") {
    const rows = spec.groups.flatMap((group) => group.rows.map((row) => [row.label, group.label, ...row.values.map((v) => (v === 0 ? "" : cell.format(v)))]));
    const pages = Math.max(1, Math.ceil(rows.length / TABLE_ROWS_PER_SLIDE));
    return Array.from({ length: pages }, (_, page) => ({
      title: pages > 1 ? `${spec.title} (${page + 1}/${pages})` : spec.title,
      subtitle,
      source: spec.source,
      chart: null,
      table: { header: ["Commune", "EPCI", ...spec.columns.map((c) => c.label)], rows: rows.slice(page * TABLE_ROWS_PER_SLIDE, (page + 1) * TABLE_ROWS_PER_SLIDE) },
    }));
  }
  if (spec.categories.length === 0) return [];
  return [
    {
      title: spec.title,
      subtitle,
      source: spec.source,
      table: null,
      chart: {
        type: spec.kind === "line" ? "line" : "bar",
        horizontal: spec.kind === "hbar",
        logScale: spec.kind === "degree",
        categoryLabel: spec.categoryLabel,
        valueLabel: spec.unit,
        labels: spec.categories,
        series: spec.series.map((s) => ({ name: s.name, values: [...s.values] })),
      },
    },
  ];
}
