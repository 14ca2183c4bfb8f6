import { useEffect, useRef, useState } from "react";
import type { ChartSpec } from "./charts";
import { exportChartPng, exportChartSvg } from "./exportChart";
import { renderChart } from "./plotChart";
import { dashboardTexts as t } from "./texts";

interface ChartFigureProps {
  chart: ChartSpec;
  territoryName: string;
  /** A sentence under the title (e.g. the top-10 share). */
  note?: string | undefined;
}

/** What the chart draws, as raw numbers (the browser tests compare them with the API's answer). */
function chartData(chart: ChartSpec): string {
  if (chart.kind === "heatmap") {
    return JSON.stringify({ columns: chart.columns.map((c) => c.key), rows: chart.groups.flatMap((g) => g.rows.map((r) => ({ key: r.key, values: r.values }))) });
  }
  return JSON.stringify({ categories: chart.categories, values: chart.series.map((s) => s.values) });
}

const numberCell = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 4 });

function DataTable({ chart }: { chart: ChartSpec }) {
  if (chart.kind === "heatmap") {
    return (
      <table className="dashboard-table">
        <thead>
          <tr><th scope="col">Commune</th>{chart.columns.map((c) => <th key={c.key} scope="col">{c.label}</th>)}</tr>
        </thead>
        <tbody>
          {chart.groups.flatMap((g) => g.rows.map((r) => (
            <tr key={r.key}><th scope="row">{r.label}</th>{r.values.map((v, i) => <td key={chart.columns[i]?.key ?? i}>{numberCell.format(v)}</td>)}</tr>
          )))}
        </tbody>
      </table>
    );
  }
  return (
    <table className="dashboard-table">
      <thead>
        <tr><th scope="col">{chart.categoryLabel}</th>{chart.series.map((s) => <th key={s.name} scope="col">{s.name}</th>)}</tr>
      </thead>
      <tbody>
        {chart.categories.map((category, i) => (
          <tr key={`${category}-${i}`}><th scope="row">{category}</th>{chart.series.map((s) => <td key={s.name}>{numberCell.format(s.values[i] ?? 0)}</td>)}</tr>
        ))}
      </tbody>
    </table>
  );
}

/** One chart with its title, unit, period and source, drawn with Observable Plot; exports as SVG and PNG. */
export function ChartFigure({ chart, territoryName, note }: ChartFigureProps) {
  const holder = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);
  const isEmpty = chart.kind === "heatmap" ? chart.groups.length === 0 : chart.categories.length === 0;

  useEffect(() => {
    const element = holder.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(([entry]) => {
      const next = Math.floor(entry?.contentRect.width ?? 0);
      setWidth((current) => (Math.abs(current - next) > 8 ? next : current));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [isEmpty]);

  useEffect(() => {
    const element = holder.current;
    if (!element || width === 0 || isEmpty) return undefined;
    const drawn = renderChart(chart, width);
    element.replaceChildren(drawn);
    element.dataset.drawn = "true";
    return () => {
      element.replaceChildren();
      delete element.dataset.drawn;
    };
  }, [chart, width, isEmpty]);

  const drawnElement = (): Element | null => holder.current?.firstElementChild ?? null;
  const titleId = `chart-title-${chart.id}`;

  return (
    <figure className="dashboard-chart" data-chart={chart.id} data-series={chartData(chart)} aria-labelledby={titleId}>
      <div className="dashboard-chart-head">
        <div>
          <h3 id={titleId} className="dashboard-chart-title">{chart.title}</h3>
          <p className="dashboard-chart-meta">{t.unit(chart.unit)} · {t.period(chart.period)}</p>
          {note && <p className="dashboard-chart-note">{note}</p>}
        </div>
        {!isEmpty && (
          <div className="dashboard-chart-actions">
            <button type="button" className="dashboard-export" aria-label={t.exportHint(chart.title, t.exportSvg)} title={t.exportHint(chart.title, t.exportSvg)}
              onClick={() => { const drawn = drawnElement(); if (drawn) exportChartSvg(drawn, chart, territoryName); }}>
              {t.exportSvg}
            </button>
            <button type="button" className="dashboard-export" aria-label={t.exportHint(chart.title, t.exportPng)} title={t.exportHint(chart.title, t.exportPng)}
              onClick={() => { const drawn = drawnElement(); if (drawn) void exportChartPng(drawn, chart, territoryName); }}>
              {t.exportPng}
            </button>
          </div>
        )}
      </div>
      {isEmpty ? (
        <p className="dashboard-empty">{chart.id === "shape-dependencies" ? t.noDependency : "—"}</p>
      ) : (
        <div ref={holder} className="dashboard-plot" role="img" tabIndex={0} aria-label={t.chartLabel(chart.title, chart.period)} />
      )}
      <figcaption className="dashboard-source">{chart.source}</figcaption>
      {!isEmpty && (
        <details className="dashboard-data">
          <summary>{t.dataTable}</summary>
          <DataTable chart={chart} />
        </details>
      )}
    </figure>
  );
}
