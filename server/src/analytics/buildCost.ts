import type { NetworkLevel } from "./filters.js";

/** Ties per cost unit: a network costs 1 unit, plus 1 per this many ties. */
export const TIES_PER_COST_UNIT = 25_000;
/** The most one network counts, so that any single network can always be asked for. */
export const MAX_UNITS_PER_NETWORK = 4;
/** Before a territory's network at a level has been built once: actor networks are the larger. */
const UNKNOWN_SIZE_UNITS: Readonly<Record<NetworkLevel, number>> = { STRUCTURE: 1, ACTOR: 2 };

/** Units of a network of `ties` ties. */
export const unitsForTies = (ties: number): number => Math.min(MAX_UNITS_PER_NETWORK, 1 + Math.floor(ties / TIES_PER_COST_UNIT));

/**
 * The expected size of a network not built yet, in cost units: the tie count of the territory's
 * network at that level built last (any window or filter), or a default per level.
 */
export class BuildSizes {
  private readonly lastTies = new Map<string, number>();

  private static key(territoryId: string, level: NetworkLevel): string {
    return JSON.stringify([territoryId, level]);
  }

  record(territoryId: string, level: NetworkLevel, ties: number): void {
    this.lastTies.set(BuildSizes.key(territoryId, level), ties);
  }

  units(territoryId: string, level: NetworkLevel): number {
    const ties = this.lastTies.get(BuildSizes.key(territoryId, level));
    return ties === undefined ? UNKNOWN_SIZE_UNITS[level] : unitsForTies(ties);
  }
}

/** Without a service to ask (what is cached, what sizes were seen): every network counts, by level. */
export const defaultBuildCost = (request: { readonly level: NetworkLevel }): number => UNKNOWN_SIZE_UNITS[request.level];
