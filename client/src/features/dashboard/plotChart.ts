/**
 * Draws a chart spec with Observable Plot: SVG, a tip with the exact value under the pointer, axes
 * labelled in French. Each call returns a new element; the caller mounts it.
 */
import * as Plot from "@observablehq/plot";
import { formatCount } from "../../i18n/fr";
import type { ChartSpec, HeatmapChart, SeriesChart } from "./charts";
import { formatDecimal } from "./texts";

const BRAND = "#0B4F6C";
const MUTED = "#6B7280";
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

const format = (value: number): string => (Number.isInteger(value) ? formatCount(value) : formatDecimal(value));
const shorten = (label: string, max = 34): string => (label.length > max ? `${label.slice(0, max - 1)}…` : label);

interface Row {
  category: string;
  value: number;
  index: number;
}

function rows(spec: SeriesChart): Row[] {
  const values = spec.series[0]?.values ?? [];
  return spec.categories.map((category, index) => ({ category, value: values[index] ?? 0, index }));
}

const style = { fontFamily: FONT, fontSize: "12px", background: "white", color: "#1F2937", overflow: "visible" };

function lineChart(spec: SeriesChart, width: number): Element {
  const data = rows(spec).map((row) => ({ ...row, year: Number(row.category) }));
  const ruled = spec.marks.map((mark) => ({ ...mark, year: Number(mark.category) }));
  return Plot.plot({
    width,
    height: 220,
    marginLeft: 56,
    marginTop: 24,
    style,
    x: { label: spec.categoryLabel, tickFormat: "d", ticks: Math.min(data.length, 8) },
    y: { label: spec.unit, grid: true, zero: true, tickFormat: (value: number) => format(value) },
    marks: [
      Plot.ruleX(ruled, { x: "year", stroke: MUTED, strokeDasharray: "3,3" }),
      Plot.text(ruled, { x: "year", text: "label", frameAnchor: "top", dy: -14, fill: MUTED, textAnchor: "start", dx: 3 }),
      Plot.lineY(data, { x: "year", y: "value", stroke: BRAND, strokeWidth: 2 }),
      Plot.dot(data, { x: "year", y: "value", fill: BRAND, r: 3 }),
      Plot.tip(data, Plot.pointerX({ x: "year", y: "value", title: (d: { year: number; value: number }) => `${d.year} : ${format(d.value)} ${spec.unit}` })),
    ],
  });
}

function barChart(spec: SeriesChart, width: number): Element {
  const data = rows(spec);
  // Keys keep equal labels (two structures of the same name) apart; the axis shows the labels.
  const keys = data.map((row) => String(row.index));
  return Plot.plot({
    width,
    height: Math.max(80, 26 * data.length + 40),
    marginLeft: 230,
    marginRight: 48,
    style,
    x: { label: spec.unit, grid: true, tickFormat: (value: number) => format(value) },
    y: { label: null, domain: keys, tickFormat: (key: string) => shorten(data[Number(key)]?.category ?? "") },
    marks: [
      Plot.barX(data, { x: "value", y: (d: Row) => String(d.index), fill: BRAND }),
      Plot.text(data, { x: "value", y: (d: Row) => String(d.index), text: (d: Row) => format(d.value), textAnchor: "start", dx: 4, fill: "#1F2937" }),
      Plot.tip(data, Plot.pointerY({ x: "value", y: (d: Row) => String(d.index), title: (d: Row) => `${d.category} : ${format(d.value)} ${spec.unit}` })),
    ],
  });
}

function degreeChart(spec: SeriesChart, width: number): Element {
  const data = rows(spec).map((row) => ({ ...row, degree: Number(row.category) }));
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 56,
    style,
    x: { label: spec.categoryLabel, grid: true },
    y: { label: spec.series[0]?.name ?? "", type: "log", grid: true, tickFormat: (value: number) => format(value) },
    marks: [
      Plot.ruleX(data, { x: "degree", y1: 1, y2: "value", stroke: "#9CB8C8" }),
      Plot.dot(data, { x: "degree", y: "value", fill: BRAND, r: 3.5 }),
      Plot.tip(data, Plot.pointer({ x: "degree", y: "value", title: (d: { degree: number; value: number }) => `${format(d.value)} structure(s) avec ${d.degree} partenaire(s)` })),
    ],
  });
}

function heatmap(spec: HeatmapChart, width: number): Element {
  const wrapper = document.createElement("div");
  wrapper.className = "dashboard-heatmap";
  const max = Math.max(1, ...spec.groups.flatMap((g) => g.rows.flatMap((r) => r.values)));
  const columns = spec.columns.map((c) => c.key);
  const label = new Map(spec.columns.map((c) => [c.key, c.label]));
  spec.groups.forEach((group, groupIndex) => {
    const cells = group.rows.flatMap((row) => row.values.map((value, i) => ({ commune: row.key, name: row.label, population: row.population, axis: columns[i] ?? "", value })));
    const names = new Map(group.rows.map((row) => [row.key, row.label]));
    const heading = document.createElement("h4");
    heading.className = "dashboard-heatmap-group";
    heading.textContent = group.label;
    wrapper.append(heading);
    const first = groupIndex === 0;
    wrapper.append(
      Plot.plot({
        width,
        height: 16 * group.rows.length + (first ? 150 : 10),
        marginLeft: 170,
        // Room for the last axis name, slanted to the right.
        marginRight: 90,
        marginTop: first ? 140 : 4,
        marginBottom: 4,
        style,
        x: { domain: columns, axis: first ? "top" : null, label: null, tickRotate: -40, tickFormat: (key: string) => shorten(label.get(key) ?? key, 30) },
        y: { domain: group.rows.map((row) => row.key), label: null, tickFormat: (key: string) => shorten(names.get(key) ?? key, 24) },
        color: { type: "sqrt", domain: [0, max], range: ["#DCEAF5", "#08306B"] },
        marks: [
          Plot.cell(cells.filter((c) => c.value === 0), { x: "axis", y: "commune", fill: "white", stroke: "#D1D5DB", inset: 0.5 }),
          Plot.cell(cells.filter((c) => c.value > 0), { x: "axis", y: "commune", fill: "value", inset: 0.5 }),
          Plot.tip(cells, Plot.pointer({
            x: "axis",
            y: "commune",
            title: (c: { name: string; axis: string; value: number; population: number }) =>
              `${c.name} (${formatCount(c.population)} hab.)\n${label.get(c.axis) ?? c.axis} : ${c.value === 0 ? "zone blanche" : `${formatCount(c.value)} structure(s)`}`,
          })),
        ],
      }),
    );
  });
  return wrapper;
}

/** A sparkline: the trend's line and its last point, no axes. */
export function sparkline(values: readonly number[], years: readonly number[]): Element {
  const data = values.map((value, i) => ({ value, year: years[i] ?? i }));
  return Plot.plot({
    width: 140,
    height: 36,
    margin: 4,
    axis: null,
    style: { background: "transparent", overflow: "visible" },
    y: { zero: true },
    marks: [
      Plot.lineY(data, { x: "year", y: "value", stroke: BRAND, strokeWidth: 1.5 }),
      Plot.dot(data.slice(-1), { x: "year", y: "value", fill: BRAND, r: 2.5 }),
    ],
  });
}

export function renderChart(spec: ChartSpec, width: number): Element {
  switch (spec.kind) {
    case "line":
      return lineChart(spec, width);
    case "hbar":
      return barChart(spec, width);
    case "degree":
      return degreeChart(spec, width);
    case "heatmap":
      return heatmap(spec, width);
  }
}
