/**
 * The 5× territory of the explorer benchmark: Pays Cévennes' spec with every count multiplied,
 * placed on other real communes of the Gard. Communes and EPCI are unique in the graph and an EPCI
 * belongs to its territories (cypher/schema, cypher/queries/territoryEpcis.cypher): a copy on the same communes
 * would make the demo's structures part of the copy's network too.
 */
import { PAYS_CEVENNES, type TerritorySpec } from "../seed/src/index.js";

export interface Placement {
  readonly id: string;
  readonly name: string;
  readonly epciCodes: readonly string[];
  readonly expected: { readonly communes: number; readonly population: number };
  /** Replaces the base's main commune (anchors, most institutions, territory-wide groups). */
  readonly mainCommuneCode: string;
  /** Replaces every other commune the base names (a second town's anchors and institutions). */
  readonly otherCommuneCode: string;
}

/** Five EPCI of the Gard that share no commune with Pays Cévennes: 167 communes, Nîmes first. */
export const GARD_WITHOUT_CEVENNES: Placement = {
  id: "banc-pays-cevennes-x5",
  name: "Pays Cévennes ×5 (banc d'essai)",
  epciCodes: ["243000643", "200034692", "200034379", "200034411", "243000684"],
  expected: { communes: 167, population: 418_096 },
  mainCommuneCode: "30189",
  otherCommuneCode: "30028",
};

const times = (value: number, factor: number): number => Math.round(value * factor);

/** The base spec with `factor` times its structures, actors, work groups, events and partnerships. */
export function scaledTerritory(base: TerritorySpec, factor: number, placement: Placement): TerritorySpec {
  if (!(factor >= 1)) throw new RangeError(`scale factor must be at least 1, got ${factor}`);
  const commune = (code: string): string => (code === base.mainCommuneCode ? placement.mainCommuneCode : placement.otherCommuneCode);
  const structureCounts = Object.fromEntries(
    Object.entries(base.structureCounts).map(([kind, count]) => [kind, times(count ?? 0, factor)]),
  ) as TerritorySpec["structureCounts"];
  return {
    ...base,
    id: placement.id,
    name: placement.name,
    epciCodes: placement.epciCodes,
    expected: placement.expected,
    mainCommuneCode: placement.mainCommuneCode,
    seed: base.seed + 5,
    institutions: base.institutions.map((institution) => ({
      ...institution,
      communeCode: commune(institution.communeCode),
      members: times(institution.members, factor),
    })),
    anchors: base.anchors.map((anchor) => ({ ...anchor, communeCode: commune(anchor.communeCode) })),
    structureCounts,
    scale: {
      ...base.scale,
      structures: times(base.scale.structures, factor),
      actors: times(base.scale.actors, factor),
      workGroups: times(base.scale.workGroups, factor),
      eventsPerYear: times(base.scale.eventsPerYear, factor),
      volunteerHoursPerYear: times(base.scale.volunteerHoursPerYear, factor),
      isolatedStructures: times(base.scale.isolatedStructures, factor),
      partnerships: times(base.scale.partnerships, factor),
    },
  };
}

export const PAYS_CEVENNES_X5: TerritorySpec = scaledTerritory(PAYS_CEVENNES, 5, GARD_WITHOUT_CEVENNES);
