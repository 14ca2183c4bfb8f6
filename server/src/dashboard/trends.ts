/**
 * The dashboard's years and contracts, pure: which contract a year belongs to, and each figure's
 * change since the previous contract. No driver, no GraphQL.
 */

/** Measures followed year by year (DashboardMeasure in dashboard.graphql). */
export const TREND_MEASURES = [
  "activeActors",
  "activeStructures",
  "events",
  "volunteerHours",
  "activeWorkGroups",
  "density",
  "largestComponentSize",
] as const;
export type TrendMeasure = (typeof TREND_MEASURES)[number];

export interface DashboardContract {
  readonly name: string;
  readonly signedOn: string;
  readonly endsOn: string | null;
  /** The first year counted for this contract: its signature year. */
  readonly firstYear: number;
}

export interface DashboardYear extends Readonly<Record<TrendMeasure, number>> {
  readonly year: number;
  /** The contract the year belongs to (the latest signed by the year's end); null before the first one. */
  readonly contract: string | null;
  /** Organisations of the structure network of the year (isolated ones included). */
  readonly structureCount: number;
  /** Ties of the structure network of the year. */
  readonly structureTies: number;
}

export interface HeadlineFigure {
  readonly measure: TrendMeasure;
  readonly year: number;
  readonly value: number;
  /** The contract before the year's one; null when the year's contract is the first. */
  readonly previousContract: string | null;
  /** The mean per year of the measure over the previous contract's years; null without one. */
  readonly previousValue: number | null;
  /** value − previousValue; null without a previous contract. */
  readonly change: number | null;
}

const yearOf = (isoDate: string): number => Number(isoDate.slice(0, 4));

/**
 * The years the dashboard follows: from the first contract's signature year to the last contract's
 * end year (or `currentYear` when it has none or ends later); empty without a contract.
 */
export function dashboardYears(contracts: readonly DashboardContract[], currentYear: number): number[] {
  const first = contracts[0];
  if (first === undefined) return [];
  const ends = contracts.map((contract) => (contract.endsOn === null ? currentYear : Math.min(currentYear, yearOf(contract.endsOn))));
  const last = Math.max(first.firstYear, ...ends);
  return Array.from({ length: last - first.firstYear + 1 }, (_, index) => first.firstYear + index);
}

/** The contract a year belongs to: the latest one signed by the year's end (contracts in signature order). */
export function contractOfYear(contracts: readonly DashboardContract[], year: number): DashboardContract | null {
  let found: DashboardContract | null = null;
  for (const contract of contracts) if (contract.firstYear <= year) found = contract;
  return found;
}

/**
 * Each measure of `year` with its change since the previous contract: the year's value against the
 * mean per year of the previous contract's years (the years that belong to it, see contractOfYear).
 */
export function headlineFigures(contracts: readonly DashboardContract[], years: readonly DashboardYear[], year: number): HeadlineFigure[] {
  const current = contractOfYear(contracts, year);
  const index = current === null ? -1 : contracts.indexOf(current);
  const previous = index > 0 ? (contracts[index - 1] ?? null) : null;
  const row = years.find((each) => each.year === year);
  const previousYears = previous === null ? [] : years.filter((each) => each.contract === previous.name);
  return TREND_MEASURES.map((measure) => {
    const value = row?.[measure] ?? 0;
    const previousValue = previousYears.length === 0 ? null : previousYears.reduce((sum, each) => sum + each[measure], 0) / previousYears.length;
    return {
      measure,
      year,
      value,
      previousContract: previousValue === null ? null : (previous?.name ?? null),
      previousValue,
      change: previousValue === null ? null : value - previousValue,
    };
  });
}
