import { useMemo, useState } from "react";
import {
  fetchDashboardComparison,
  fetchDashboardCoverage,
  fetchDashboardTrends,
  fetchNetworkShape,
  MEASURE_FIELD,
  type DashboardTrends,
  type HeadlineFigure,
} from "../../api/dashboard";
import type { Epci, NetworkQueryFilter, TimeWindow } from "../../api/network";
import { formatCount } from "../../i18n/fr";
import { ChartFigure } from "./ChartFigure";
import { axesChart, comparisonCharts, coverageHeatmap, MAX_DEPENDENCIES_DRAWN, shapeCharts, trendCharts, type ChartContext } from "./charts";
import { dashboardYear } from "./period";
import { sparkline } from "./plotChart";
import { dashboardTexts as t, formatMeasure, formatPercent } from "./texts";
import { usePanel, type PanelState } from "./usePanel";
import "./dashboard.css";

export interface DashboardProps {
  territory: { id: string; name: string; isDemo: boolean; epcis: readonly Epci[] };
  /** Territories the viewer may read: compared side by side for an analyst reading several. */
  comparedTerritoryIds: readonly string[];
  window: TimeWindow;
  windowText: string;
  /** The explorer's filters as the API takes them (axes, work group, categories, roles, places). */
  filter: NetworkQueryFilter & { epciCodes?: string[]; communeCodes?: string[] };
  axisId: string | null;
  onSessionExpired: () => void;
}

function Panel<T>({ title, id, state, children }: { title: string; id: string; state: PanelState<T> & { retry: () => void }; children: (data: T) => React.ReactNode }) {
  return (
    <section className="dashboard-panel" aria-labelledby={`panel-${id}`} data-panel={id} data-status={state.status} aria-busy={state.status === "loading"}>
      <h2 id={`panel-${id}`} className="dashboard-panel-title">{title}</h2>
      {state.status === "error" && (
        <p className="dashboard-error" role="alert">
          {t.failed} <button type="button" onClick={state.retry}>{t.retry}</button>
        </p>
      )}
      {state.data === null && state.status === "loading" && <p className="dashboard-loading" role="status">{t.loading}</p>}
      {state.data !== null && children(state.data)}
    </section>
  );
}

function Sparkline({ values, years, label }: { values: number[]; years: number[]; label: string }) {
  return (
    <span className="dashboard-sparkline" role="img" aria-label={label}
      ref={(element) => { if (element) element.replaceChildren(sparkline(values, years)); }} />
  );
}

function changeText(figure: HeadlineFigure): string {
  if (figure.change === null || figure.previousContract === null) return t.noPrevious;
  const sign = figure.change > 0 ? "+" : figure.change < 0 ? "−" : "±";
  return t.change(sign, formatMeasure(figure.measure, Math.abs(figure.change)), figure.previousContract);
}

function Figures({ trends }: { trends: DashboardTrends }) {
  const years = trends.years.map((y) => y.year);
  return (
    <ul className="dashboard-figures">
      {trends.headline.map((figure) => {
        const values = trends.years.map((y) => y[MEASURE_FIELD[figure.measure]]);
        return (
          <li key={figure.measure} className="dashboard-figure" data-measure={figure.measure} data-value={figure.value} tabIndex={0}>
            <span className="dashboard-figure-value">{formatMeasure(figure.measure, figure.value)}</span>
            <span className="dashboard-figure-label">{t.measures[figure.measure]} {t.yearOf(trends.year)}</span>
            <Sparkline values={values} years={years} label={t.sparkline(t.measures[figure.measure])} />
            <span className={`dashboard-figure-change${figure.change !== null && figure.change < 0 ? " dashboard-figure-change--down" : ""}`}>{changeText(figure)}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** The Tableau de bord: figures, trends, coverage, network shape and (for an analyst of several territories) comparison. */
export function Dashboard({ territory, comparedTerritoryIds, window, windowText, filter, axisId, onSessionExpired }: DashboardProps) {
  const [order, setOrder] = useState<"population" | "name">("population");
  const year = dashboardYear(window, new Date());
  const filterKey = JSON.stringify(filter);
  const windowKey = `${window.from}|${window.to}`;
  const today = useMemo(() => new Intl.DateTimeFormat("fr-FR", { dateStyle: "long" }).format(new Date()), []);
  const context: ChartContext = { period: windowText, source: t.source(territory.name, today) + (territory.isDemo ? t.demoSource : "") };

  const trends = usePanel(`${territory.id}|${year}|${filterKey}`, (signal) => fetchDashboardTrends(territory.id, year, filter, { signal }), onSessionExpired);
  const coverage = usePanel(`${territory.id}|${windowKey}|${axisId}`, (signal) => fetchDashboardCoverage(territory.id, window, axisId, { signal }), onSessionExpired);
  const shape = usePanel(`${territory.id}|${windowKey}|${filterKey}`, (signal) => fetchNetworkShape(territory.id, window, filter, { signal }), onSessionExpired);
  const compared = comparedTerritoryIds.length > 1 ? comparedTerritoryIds.slice(0, 20) : [];
  const comparison = usePanel(`${compared.join(",")}|${year}`, (signal) => (compared.length > 1 ? fetchDashboardComparison(compared, year, { signal }) : Promise.resolve([])), onSessionExpired);

  return (
    <div className="dashboard" role="region" aria-label={t.regionLabel} data-testid="dashboard" data-territory={territory.id}
      data-year={year} data-window-from={window.from ?? ""} data-window-to={window.to ?? ""} data-compared={compared.join(" ")}>
      <header className="dashboard-header">
        <h1 className="dashboard-title">{t.title(territory.name)}</h1>
        <p className="dashboard-period">{windowText}</p>
        <p className="dashboard-filters-note">{t.filtersNote}</p>
      </header>
      <Panel title={t.panels.figures} id="figures" state={trends}>{(data) => <Figures trends={data} />}</Panel>
      <Panel title={t.panels.trends} id="trends" state={trends}>
        {(data) => (
          <div className="dashboard-grid">
            {trendCharts(data, context).map((chart) => <ChartFigure key={chart.id} chart={chart} territoryName={territory.name} />)}
          </div>
        )}
      </Panel>
      <Panel title={t.panels.coverage} id="coverage" state={coverage}>
        {(data) => (
          <>
            <p className="dashboard-panel-note">
              {t.coverageShare(formatPercent(data.coverageShare))}{" · "}
              <label>
                {t.sortBy}{" "}
                <select value={order} onChange={(event) => setOrder(event.target.value === "name" ? "name" : "population")} data-testid="coverage-order">
                  <option value="population">{t.sortPopulation}</option>
                  <option value="name">{t.sortName}</option>
                </select>
              </label>
            </p>
            <div className="dashboard-grid dashboard-grid--coverage">
              <ChartFigure chart={coverageHeatmap(data, territory.epcis, order, context)} territoryName={territory.name} />
              <ChartFigure chart={axesChart(data, context)} territoryName={territory.name} />
            </div>
          </>
        )}
      </Panel>
      <Panel title={t.panels.shape} id="shape" state={shape}>
        {(data) => {
          const [degrees, top, dependencies] = shapeCharts(data, context);
          const note = t.topShare(formatPercent(data.topTieShare), formatCount(data.topTieCount), formatCount(data.tieCount));
          return (
            <div className="dashboard-grid">
              {degrees && <ChartFigure chart={degrees} territoryName={territory.name} />}
              {top && <ChartFigure chart={top} territoryName={territory.name} note={note} />}
              {dependencies && (
                <ChartFigure chart={dependencies} territoryName={territory.name}
                  note={data.dependencies.length > 0 ? t.dependencyNote(data.dependencies.length, Math.min(data.dependencies.length, MAX_DEPENDENCIES_DRAWN)) : undefined} />
              )}
            </div>
          );
        }}
      </Panel>
      {compared.length > 1 && (
        <Panel title={t.panels.comparison} id="comparison" state={comparison}>
          {(data) => (
            <div className="dashboard-grid">
              {comparisonCharts(data, { period: String(year), source: t.comparedSource(today) }).map((chart) => <ChartFigure key={chart.id} chart={chart} territoryName={territory.name} />)}
            </div>
          )}
        </Panel>
      )}
    </div>
  );
}
