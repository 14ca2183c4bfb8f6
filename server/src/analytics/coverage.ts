export interface CoverageCommune {
  readonly code: string;
  readonly name: string;
  readonly population: number;
  readonly epciCode: string;
}

export interface CoverageAxis {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
}

/**
 * How a commune is covered on an axis: someone works on it there (a work group on the axis, or a
 * structure organising its events), people there only came to its events, or nobody (a white zone).
 */
export type CoverageLevel = "WORKING" | "ATTENDING" | "NONE";

export interface CoverageCell {
  readonly communeCode: string;
  readonly axisId: string;
  /** Structures located in the commune working on the axis in the window (level 1). */
  readonly workingStructures: number;
  /** Actors working on the axis, members of an organisation located in the commune (level 1). */
  readonly workingActors: number;
  /** Structures of the commune whose members only attended events on the axis (level 2). */
  readonly attendingStructures: number;
  /** Actors of the commune who only attended events on the axis (level 2). */
  readonly attendingActors: number;
  /** workingStructures + attendingStructures: every structure present on the axis. */
  readonly structures: number;
  /** workingActors + attendingActors. */
  readonly actors: number;
  /** Events on the axis held in the commune in the window. */
  readonly events: number;
  readonly level: CoverageLevel;
  /** True when someone works on the axis in the commune (level WORKING). */
  readonly isCovered: boolean;
}

export interface WhiteZone {
  readonly commune: CoverageCommune;
  /** Axes on which nobody works in the commune, in the order of `axes`. */
  readonly missingAxes: readonly CoverageAxis[];
  /** True when nobody works in the commune on any axis considered. */
  readonly isUncovered: boolean;
}

export interface Coverage {
  readonly communes: readonly CoverageCommune[];
  readonly axes: readonly CoverageAxis[];
  /** Every commune × axis, communes by INSEE code then axes by id. */
  readonly cells: readonly CoverageCell[];
  /** Communes with at least one uncovered axis, uncovered communes first, then by code. */
  readonly whiteZones: readonly WhiteZone[];
  readonly cellCount: number;
  /** Cells where someone works on the axis. */
  readonly coveredCellCount: number;
  /** Cells where people only attended events on the axis. */
  readonly attendedOnlyCellCount: number;
  /** coveredCellCount / cellCount (0 without cells). */
  readonly coverageShare: number;
  readonly uncoveredCommuneCount: number;
}

export interface ActivityCount {
  readonly communeCode: string;
  readonly axisId: string;
  readonly workingStructures?: number;
  readonly workingActors?: number;
  readonly attendingStructures?: number;
  readonly attendingActors?: number;
  readonly events?: number;
}

interface Totals {
  workingStructures: number;
  workingActors: number;
  attendingStructures: number;
  attendingActors: number;
  events: number;
}

/** The level of a cell: working wins over attending; events held there alone make no level. */
export function coverageLevel(total: Pick<Totals, "workingStructures" | "workingActors" | "attendingStructures" | "attendingActors">): CoverageLevel {
  if (total.workingStructures + total.workingActors > 0) return "WORKING";
  if (total.attendingStructures + total.attendingActors > 0) return "ATTENDING";
  return "NONE";
}

/**
 * The full commune × axis matrix from the non-empty counts, and its white zones. A cell is covered
 * when at least one structure or actor works on the axis there; a white zone is a commune with at
 * least one uncovered axis (people who only attended an event, or events held there, do not cover
 * it). Counts for communes outside the territory are ignored (an actor may belong to an
 * organisation elsewhere).
 */
export function buildCoverage(communes: readonly CoverageCommune[], axes: readonly CoverageAxis[], counts: readonly ActivityCount[]): Coverage {
  const sortedCommunes = [...communes].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const sortedAxes = [...axes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const key = (communeCode: string, axisId: string): string => `${communeCode}\u0000${axisId}`;
  const empty = (): Totals => ({ workingStructures: 0, workingActors: 0, attendingStructures: 0, attendingActors: 0, events: 0 });
  const totals = new Map<string, Totals>();
  for (const count of counts) {
    const cell = totals.get(key(count.communeCode, count.axisId)) ?? empty();
    cell.workingStructures += count.workingStructures ?? 0;
    cell.workingActors += count.workingActors ?? 0;
    cell.attendingStructures += count.attendingStructures ?? 0;
    cell.attendingActors += count.attendingActors ?? 0;
    cell.events += count.events ?? 0;
    totals.set(key(count.communeCode, count.axisId), cell);
  }
  const cells: CoverageCell[] = [];
  const whiteZones: WhiteZone[] = [];
  for (const commune of sortedCommunes) {
    const missingAxes: CoverageAxis[] = [];
    for (const axis of sortedAxes) {
      const total = totals.get(key(commune.code, axis.id)) ?? empty();
      const level = coverageLevel(total);
      cells.push({
        communeCode: commune.code,
        axisId: axis.id,
        ...total,
        structures: total.workingStructures + total.attendingStructures,
        actors: total.workingActors + total.attendingActors,
        level,
        isCovered: level === "WORKING",
      });
      if (level !== "WORKING") missingAxes.push(axis);
    }
    if (missingAxes.length > 0) {
      whiteZones.push({ commune, missingAxes, isUncovered: missingAxes.length === sortedAxes.length });
    }
  }
  whiteZones.sort((a, b) => Number(b.isUncovered) - Number(a.isUncovered) || (a.commune.code < b.commune.code ? -1 : 1));
  const coveredCellCount = cells.filter((cell) => cell.isCovered).length;
  return {
    communes: sortedCommunes,
    axes: sortedAxes,
    cells,
    whiteZones,
    cellCount: cells.length,
    coveredCellCount,
    attendedOnlyCellCount: cells.filter((cell) => cell.level === "ATTENDING").length,
    coverageShare: cells.length === 0 ? 0 : coveredCellCount / cells.length,
    uncoveredCommuneCount: whiteZones.filter((zone) => zone.isUncovered).length,
  };
}
