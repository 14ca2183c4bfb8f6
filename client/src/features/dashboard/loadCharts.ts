/** Every chart of the Tableau de bord for a territory, period and filter, as the page draws them (for the PowerPoint). */
import { fetchDashboardCoverage, fetchDashboardTrends, fetchNetworkShape } from "../../api/dashboard";
import type { Epci, NetworkQueryFilter, TimeWindow } from "../../api/network";
import { axesChart, coverageHeatmap, shapeCharts, trendCharts, type ChartSpec } from "./charts";
import { dashboardYear } from "./period";
import { dashboardTexts as t } from "./texts";

export interface DashboardChartsInput {
  territory: { id: string; name: string; isDemo: boolean; epcis: readonly Epci[] };
  window: TimeWindow;
  windowText: string;
  filter: NetworkQueryFilter;
  axisId: string | null;
  today: Date;
}

export async function loadDashboardCharts({ territory, window, windowText, filter, axisId, today }: DashboardChartsInput): Promise<ChartSpec[]> {
  const day = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long" }).format(today);
  const context = { period: windowText, source: t.source(territory.name, day) + (territory.isDemo ? t.demoSource : "") };
  const [trends, coverage, shape] = await Promise.all([
    fetchDashboardTrends(territory.id, dashboardYear(window, today), filter),
    fetchDashboardCoverage(territory.id, window, axisId),
    fetchNetworkShape(territory.id, window, filter),
  ]);
  return [
    ...trendCharts(trends, context),
    coverageHeatmap(coverage, territory.epcis, "population", context),
    axesChart(coverage, context),
    ...shapeCharts(shape, context),
  ];
}
