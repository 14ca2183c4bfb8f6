import type { TimeWindow } from "../../api/network";

/** The year of the headline figures: the window's last year, or this year for an open window (never a future year). */
export function dashboardYear(window: TimeWindow, today: Date): number {
  const thisYear = today.getFullYear();
  const end = window.to ? Number(window.to.slice(0, 4)) : thisYear;
  return Number.isFinite(end) ? Math.min(end, thisYear) : thisYear;
}
