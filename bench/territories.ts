/**
 * Extra fictitious territories for the benchmark's "10 territories loaded" measures. A Commune
 * belongs to one EPCI and an EPCI to the territories it is PART_OF (cypher/seed), so two
 * territories cannot share real communes without sharing their organisations: each extra
 * territory gets a real EPCI of its own, from the départements whose contours are in
 * seed/data/geo (Gard, Hérault, Lozère, Ardèche), that no demo territory uses. The rest of
 * the spec (scale, axes, contracts, institutions) is a demo territory's, alternately the large
 * and the small one (the large one while an EPCI has towns big enough for its structures), with its own id, name and seed; institutions and anchor structures stand in
 * the EPCI's most populated commune.
 */
import { createRequire } from "node:module";
import { STRUCTURE_KINDS } from "../seed/src/catalog.js";
import { DEMO_TERRITORIES, GORGES_CAUSSES_CEVENNES, PAYS_CEVENNES, type TerritorySpec } from "../seed/src/index.js";

const require = createRequire(import.meta.url);
const DEPARTEMENTS = new Set(["07", "30", "34", "48"]);
/** The départements whose commune contours seed/data/geo holds (Ardèche, Gard, Hérault, Lozère, and the four Breton ones). */
export const CONTOUR_DEPARTEMENTS: ReadonlySet<string> = new Set(["07", "22", "29", "30", "34", "35", "48", "56"]);

interface Commune {
  readonly code: string;
  readonly departement: string;
  readonly region: string;
  readonly population: number;
}

interface Epci {
  readonly code: string;
  readonly name: string;
  readonly communes: readonly Commune[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

function officialEpcis(): Epci[] {
  const rawCommunes: unknown = require("@etalab/decoupage-administratif/data/communes.json");
  const rawEpcis: unknown = require("@etalab/decoupage-administratif/data/epci.json");
  if (!Array.isArray(rawCommunes) || !Array.isArray(rawEpcis)) throw new Error("@etalab/decoupage-administratif: unexpected data layout");
  const communes = new Map<string, Commune>();
  for (const item of rawCommunes) {
    if (!isRecord(item) || item.type !== "commune-actuelle" || typeof item.code !== "string") continue;
    communes.set(item.code, {
      code: item.code,
      departement: typeof item.departement === "string" ? item.departement : "",
      region: typeof item.region === "string" ? item.region : "",
      population: typeof item.population === "number" ? item.population : 0,
    });
  }
  return rawEpcis.flatMap((item: unknown): Epci[] => {
    if (!isRecord(item) || typeof item.code !== "string" || typeof item.nom !== "string" || !Array.isArray(item.membres)) return [];
    const members = item.membres.flatMap((member: unknown) => {
      const commune = isRecord(member) && typeof member.code === "string" ? communes.get(member.code) : undefined;
      return commune === undefined ? [] : [commune];
    });
    // An EPCI listing a commune the data does not know would fail the seed's own check.
    if (members.length !== item.membres.length) return [];
    return [{ code: item.code, name: item.nom, communes: members }];
  });
}

/** Whether the seed can place the base spec's structures: enough communes above each kind's population floor. */
function fits(base: TerritorySpec, epci: Epci): boolean {
  return STRUCTURE_KINDS.every((kind) => {
    const count = base.structureCounts[kind.key] ?? 0;
    const candidates = epci.communes.filter((commune) => commune.population >= kind.minPopulation).length;
    return count === 0 || candidates >= (kind.isMultiple ? 1 : count);
  });
}

/**
 * `count` territories with ids `bench-territory-1`... on EPCI of 10 to 80 communes, each the first
 * in code order that fits its base spec (the same ones on every run).
 */
export function benchTerritories(count: number): TerritorySpec[] {
  const taken = new Set(DEMO_TERRITORIES.flatMap((spec) => spec.epciCodes));
  const candidates = officialEpcis()
    .filter((epci) => !taken.has(epci.code))
    .filter((epci) => epci.communes.length >= 10 && epci.communes.length <= 80)
    .filter((epci) => epci.communes.every((commune) => DEPARTEMENTS.has(commune.departement)))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  return Array.from({ length: count }, (_, index): TerritorySpec => {
    // Alternately large and small; the large one needs towns few EPCI have, so it yields when none is left.
    const bases = index % 2 === 0 ? [PAYS_CEVENNES, GORGES_CAUSSES_CEVENNES] : [GORGES_CAUSSES_CEVENNES];
    const base = bases.find((spec) => candidates.some((epci) => fits(spec, epci)));
    if (base === undefined) throw new Error(`no EPCI left for bench territory ${index + 1}`);
    const at = candidates.findIndex((epci) => fits(base, epci));
    const epci = candidates[at] as Epci;
    candidates.splice(at, 1);
    const main = [...epci.communes].sort((a, b) => b.population - a.population || (a.code < b.code ? -1 : 1))[0] as Commune;
    const number = index + 1;
    return {
      ...base,
      id: `bench-territory-${number}`,
      name: `Territoire fictif ${number} (${epci.name})`,
      epciCodes: [epci.code],
      seed: base.seed + 1000 * number,
      expected: { communes: epci.communes.length, population: epci.communes.reduce((sum, commune) => sum + commune.population, 0) },
      mainCommuneCode: main.code,
      institutions: base.institutions.map((institution) => ({ ...institution, communeCode: main.code })),
      anchors: base.anchors.map((anchor) => ({ ...anchor, communeCode: main.code })),
    };
  });
}

/**
 * A small CLS: 15 structures, 60 actors, 6 work groups, 24 events a year from 2020, one contract
 * signed in 2021; small enough that a hundred load in minutes, large enough that every page query
 * finds a network, key figures and details to show.
 */
const SMALL: TerritorySpec = {
  ...GORGES_CAUSSES_CEVENNES,
  contracts: [{ generation: 1, signedOn: "2021-03-01", endsOn: "2026-12-31", axes: GORGES_CAUSSES_CEVENNES.axes }],
  institutions: [
    { key: "ars", name: "ARS – délégation départementale", kind: "ARS", communeCode: "", members: 2, signs: [1], isHub: true },
    { key: "departement", name: "Conseil départemental", kind: "DEPARTEMENT", communeCode: "", members: 2, signs: [1], isHub: true },
    { key: "epci", name: "Communauté de communes", kind: "EPCI", communeCode: "", members: 2, signs: [1], isHub: false },
  ],
  anchors: [{ kind: "coordination", communeCode: "", isHub: true, name: "Association de coordination en santé" }],
  structureCounts: { pharmacy: 1, nursing: 1, school: 2, townHall: 2 },
  standingCommittees: [{ name: "Comité de pilotage santé", axes: ["accessToCare", "frailty"], start: "2021-03-01", end: null }],
  scale: {
    structures: 15,
    actors: 60,
    workGroups: 6,
    eventsPerYear: 24,
    volunteerHoursPerYear: 150,
    firstEventYear: 2020,
    fullActivityYear: 2021,
    lastEventYear: 2026,
    isolatedStructures: 1,
    partnerships: 2,
  },
};

/** What the scale bench needs of a territory beyond its spec: which contour file, if any, holds its communes. */
export interface ScaleTerritory {
  readonly spec: TerritorySpec;
  readonly region: string;
  /** The commune contours' département when seed/data/geo has them for every commune of the EPCI, else null (seeded without contours). */
  readonly contourDepartement: string | null;
}

/**
 * `count` small fictitious territories (ids `scale-territory-1`...), each on a real EPCI of 5 to 60
 * communes of its own that no demo territory uses, taken in turn from every région of metropolitan
 * France (the same ones on every run); within a région, EPCI whose communes all lie in a
 * département with contours in seed/data/geo come first, so that Occitanie and Bretagne's have
 * contours and the others none.
 */
export function scaleTerritories(count: number): ScaleTerritory[] {
  const taken = new Set(DEMO_TERRITORIES.flatMap((spec) => spec.epciCodes));
  const byRegion = new Map<string, Epci[]>();
  for (const epci of officialEpcis()) {
    if (taken.has(epci.code) || epci.communes.length < 5 || epci.communes.length > 60 || !fits(SMALL, epci)) continue;
    const regions = new Set(epci.communes.map((commune) => commune.region));
    const [region] = regions;
    // One région each, metropolitan (overseas régions' codes are 01 to 06).
    if (regions.size !== 1 || region === undefined || region < "10") continue;
    byRegion.set(region, [...(byRegion.get(region) ?? []), epci]);
  }
  const contourOf = (epci: Epci): string | null => {
    const departements = new Set(epci.communes.map((commune) => commune.departement));
    const [only] = departements;
    return departements.size === 1 && only !== undefined && CONTOUR_DEPARTEMENTS.has(only) ? only : null;
  };
  for (const list of byRegion.values()) {
    list.sort((a, b) => Number(contourOf(b) !== null) - Number(contourOf(a) !== null) || (a.code < b.code ? -1 : 1));
  }
  const regions = [...byRegion.keys()].sort();
  const picked: { epci: Epci; region: string }[] = [];
  for (let round = 0; picked.length < count; round += 1) {
    const before = picked.length;
    for (const region of regions) {
      const epci = byRegion.get(region)?.[round];
      if (epci !== undefined && picked.length < count) picked.push({ epci, region });
    }
    if (picked.length === before) throw new Error(`only ${picked.length} EPCI fit a small territory`);
  }
  return picked.map(({ epci, region }, index): ScaleTerritory => {
    const main = [...epci.communes].sort((a, b) => b.population - a.population || (a.code < b.code ? -1 : 1))[0] as Commune;
    const number = index + 1;
    return {
      region,
      contourDepartement: contourOf(epci),
      spec: {
        ...SMALL,
        id: `scale-territory-${number}`,
        name: `Territoire fictif ${number} (${epci.name})`,
        epciCodes: [epci.code],
        seed: 7000 + number,
        expected: { communes: epci.communes.length, population: epci.communes.reduce((sum, commune) => sum + commune.population, 0) },
        mainCommuneCode: main.code,
        institutions: SMALL.institutions.map((institution) => ({ ...institution, communeCode: main.code })),
        anchors: SMALL.anchors.map((anchor) => ({ ...anchor, communeCode: main.code })),
      },
    };
  });
}
