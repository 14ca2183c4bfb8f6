/**
 * The dashboard's charts as plain data, built from the API's answers without computing anything the
 * API answers: the page draws them (plotChart.ts), the data tables list them, the PowerPoint writes
 * them as native charts (export/slides.ts). One spec per chart.
 */
import { DASHBOARD_MEASURES, MEASURE_FIELD, type ComparedTerritory, type DashboardCoverage, type DashboardTrends, type NetworkShape } from "../../api/dashboard";
import { dashboardTexts as t } from "./texts";

export interface ChartText {
  /** Stable id (file names, test hooks). */
  id: string;
  title: string;
  unit: string;
  period: string;
  source: string;
}

/** Categories (x: years, degrees; y: names) with one or more series of values. */
export interface SeriesChart extends ChartText {
  kind: "line" | "hbar" | "degree";
  categoryLabel: string;
  categories: string[];
  series: { name: string; values: number[] }[];
  /** Line charts: contracts' first years, drawn as rules. */
  marks: { label: string; category: string }[];
}

/** Communes × axes: structures working on the axis (0: white zone). */
export interface HeatmapChart extends ChartText {
  kind: "heatmap";
  columns: { key: string; label: string }[];
  /** Communes grouped by EPCI (in the order given), each group's communes in the order chosen. */
  groups: { label: string; rows: { key: string; label: string; population: number; values: number[] }[] }[];
}

export type ChartSpec = SeriesChart | HeatmapChart;

export interface ChartContext {
  period: string;
  source: string;
}

export function trendCharts(trends: DashboardTrends, context: ChartContext): SeriesChart[] {
  const years = trends.years.map((y) => String(y.year));
  const first = trends.years[0]?.year;
  const last = trends.years.at(-1)?.year;
  const period = first === undefined || last === undefined ? context.period : t.years(first, last);
  const marks = trends.contracts.filter((c) => years.includes(String(c.firstYear))).map((c) => ({ label: c.name, category: String(c.firstYear) }));
  return DASHBOARD_MEASURES.map((measure) => ({
    kind: "line",
    id: `trend-${measure.toLowerCase()}`,
    title: t.measures[measure],
    unit: t.units[measure],
    period,
    source: context.source,
    categoryLabel: "Année",
    categories: years,
    series: [{ name: t.measures[measure], values: trends.years.map((y) => y[MEASURE_FIELD[measure]]) }],
    marks,
  }));
}

/** Communes of each EPCI (EPCIs in the order of `epcis`), by population (largest first) or by name. */
export function coverageHeatmap(
  coverage: DashboardCoverage,
  epcis: readonly { code: string; name: string }[],
  order: "population" | "name",
  context: ChartContext,
): HeatmapChart {
  const columns = coverage.axes.map((axis) => ({ key: axis.id, label: axis.name }));
  const value = new Map(coverage.cells.map((cell) => [`${cell.communeCode}|${cell.axisId}`, cell.workingStructures]));
  const compare = order === "population"
    ? (a: { population: number; name: string }, b: { population: number; name: string }) => b.population - a.population || a.name.localeCompare(b.name, "fr")
    : (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "fr");
  const known = new Set(epcis.map((e) => e.code));
  const groups = [...epcis.map((e) => ({ code: e.code, label: t.epci(e.name) })), { code: null, label: t.unknownEpci }]
    .map((group) => ({
      label: group.label,
      rows: coverage.communes
        .filter((c) => (group.code === null ? !known.has(c.epciCode) : c.epciCode === group.code))
        .sort(compare)
        .map((c) => ({ key: c.code, label: c.name, population: c.population, values: columns.map((axis) => value.get(`${c.code}|${axis.key}`) ?? 0) })),
    }))
    .filter((group) => group.rows.length > 0);
  return { kind: "heatmap", id: "coverage-heatmap", title: t.coverageTitle, unit: t.coverageUnit, period: context.period, source: context.source, columns, groups };
}

/**
 * Axes by structures working on them: each structure is located in one commune, so the communes'
 * counts on an axis add up to the territory's (the coverage query counts per commune).
 */
export function axesChart(coverage: DashboardCoverage, context: ChartContext): SeriesChart {
  const totals = coverage.axes.map((axis) => ({
    name: axis.name,
    value: coverage.cells.filter((cell) => cell.axisId === axis.id).reduce((sum, cell) => sum + cell.workingStructures, 0),
  }));
  totals.sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, "fr"));
  return {
    kind: "hbar", id: "coverage-axes", title: t.axesTitle, unit: t.axesUnit, period: context.period, source: context.source,
    categoryLabel: "Axe", categories: totals.map((x) => x.name), series: [{ name: t.axesUnit, values: totals.map((x) => x.value) }], marks: [],
  };
}

/** Dependencies drawn at most (the API lists them all, most partners first). */
export const MAX_DEPENDENCIES_DRAWN = 25;

export function shapeCharts(shape: NetworkShape, context: ChartContext): SeriesChart[] {
  const shown = shape.dependencies.slice(0, MAX_DEPENDENCIES_DRAWN);
  const base = { period: context.period, source: context.source, marks: [] };
  return [
    {
      ...base, kind: "degree", id: "shape-degrees", title: t.degreeTitle, unit: t.degreeUnit, categoryLabel: t.degreeX,
      categories: shape.degreeDistribution.map((d) => String(d.degree)),
      series: [{ name: t.degreeY, values: shape.degreeDistribution.map((d) => d.count) }],
    },
    {
      ...base, kind: "hbar", id: "shape-top", title: t.topTitle, unit: t.topUnit, categoryLabel: "Structure",
      categories: shape.topNodes.map((n) => n.label), series: [{ name: t.topUnit, values: shape.topNodes.map((n) => n.degree) }],
    },
    {
      ...base, kind: "hbar", id: "shape-dependencies", title: t.dependencyTitle, unit: t.dependencyUnit, categoryLabel: "Structure",
      categories: shown.map((d) => d.label), series: [{ name: t.dependencyUnit, values: shown.map((d) => d.partnerCount) }],
    },
  ];
}

const COMPARED = ["activeActors", "structures", "events", "volunteerHours", "activeWorkGroups"] as const;

export function comparisonCharts(territories: readonly ComparedTerritory[], context: ChartContext): SeriesChart[] {
  return COMPARED.map((field) => ({
    kind: "hbar",
    id: `comparison-${field}`,
    title: t.comparisonTitle(t.comparisonMeasures[field]),
    unit: t.comparisonUnit,
    period: context.period,
    source: context.source,
    categoryLabel: "Territoire",
    categories: territories.map((x) => x.territoryName),
    series: [{ name: t.comparisonMeasures[field], values: territories.map((x) => x.perTenThousand[field]) }],
    marks: [],
  }));
}
