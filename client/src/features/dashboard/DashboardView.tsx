import { lazy, Suspense } from "react";
import type { Role } from "../../api/auth";
import type { Territory, TimeWindow } from "../../api/network";
import { fr } from "../../i18n/fr";
import { toQueryFilter, type Filters } from "../filters/filters";
import { LoadingMessage } from "../status/StatusMessage";

// Observable Plot and the charts load with the dashboard, not with the page.
const Dashboard = lazy(() => import("./Dashboard").then((module) => ({ default: module.Dashboard })));

interface DashboardViewProps {
  role: Role;
  territory: Territory;
  territories: readonly Territory[];
  window: TimeWindow;
  windowText: string;
  filters: Filters;
  onSessionExpired: () => void;
}

/** The Tableau de bord over the canvas, with the explorer's period and filters (places included). */
export function DashboardView({ role, territory, territories, window, windowText, filters, onSessionExpired }: DashboardViewProps) {
  const filter = {
    ...toQueryFilter(filters, false),
    ...(filters.epciCode ? { epciCodes: [filters.epciCode] } : {}),
    ...(filters.communeCode ? { communeCodes: [filters.communeCode] } : {}),
  };
  // An ARS analyst reading several territories compares them; others see their own.
  const compared = role === "ANALYST" ? territories.map((t) => t.id) : [];
  return (
    <Suspense fallback={<LoadingMessage text={fr.app.loading} />}>
      <Dashboard territory={territory} comparedTerritoryIds={compared} window={window} windowText={windowText}
        filter={filter} axisId={filters.axisId} onSessionExpired={onSessionExpired} />
    </Suspense>
  );
}
