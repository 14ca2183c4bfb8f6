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

export interface CoverageCell {
  readonly communeCode: string;
  readonly axisId: string;
  /** Structures located in the commune with a member active on the axis in the window. */
  readonly structures: number;
  /** Actors active on the axis, members of an organisation located in the commune. */
  readonly actors: number;
  /** Events on the axis held in the commune in the window. */
  readonly events: number;
  readonly isCovered: boolean;
}

export interface WhiteZone {
  readonly commune: CoverageCommune;
  /** Axes on which nothing happens in or from the commune, in the order of `axes`. */
  readonly missingAxes: readonly CoverageAxis[];
  /** True when the commune is uncovered on every axis considered. */
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
  readonly coveredCellCount: number;
  /** coveredCellCount / cellCount (0 without cells). */
  readonly coverageShare: number;
  readonly uncoveredCommuneCount: number;
}

export interface ActivityCount {
  readonly communeCode: string;
  readonly axisId: string;
  readonly structures?: number;
  readonly actors?: number;
  readonly events?: number;
}

/**
 * The full commune × axis matrix from the non-empty counts, and its white zones. A cell is covered
 * when at least one structure, actor or event is there; a white zone is a commune with at least one
 * uncovered axis. Counts for communes outside the territory are ignored (an actor may belong to an
 * organisation elsewhere).
 */
export function buildCoverage(communes: readonly CoverageCommune[], axes: readonly CoverageAxis[], counts: readonly ActivityCount[]): Coverage {
  const sortedCommunes = [...communes].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const sortedAxes = [...axes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const key = (communeCode: string, axisId: string): string => `${communeCode}\u0000${axisId}`;
  const totals = new Map<string, { structures: number; actors: number; events: number }>();
  for (const count of counts) {
    const cell = totals.get(key(count.communeCode, count.axisId)) ?? { structures: 0, actors: 0, events: 0 };
    cell.structures += count.structures ?? 0;
    cell.actors += count.actors ?? 0;
    cell.events += count.events ?? 0;
    totals.set(key(count.communeCode, count.axisId), cell);
  }
  const cells: CoverageCell[] = [];
  const whiteZones: WhiteZone[] = [];
  for (const commune of sortedCommunes) {
    const missingAxes: CoverageAxis[] = [];
    for (const axis of sortedAxes) {
      const total = totals.get(key(commune.code, axis.id)) ?? { structures: 0, actors: 0, events: 0 };
      const isCovered = total.structures + total.actors + total.events > 0;
      cells.push({ communeCode: commune.code, axisId: axis.id, ...total, isCovered });
      if (!isCovered) missingAxes.push(axis);
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
    coverageShare: cells.length === 0 ? 0 : coveredCellCount / cells.length,
    uncoveredCommuneCount: whiteZones.filter((zone) => zone.isUncovered).length,
  };
}
