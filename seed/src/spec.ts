/**
 * Demo territories: what to generate, at what scale. Adding a territory is adding a spec.
 */
import type { AxisKey, CommitteeDefinition, StructureKindKey } from "./catalog.js";

export interface InstitutionSpec {
  /** Short key, part of the id (`pays-cevennes-i-ars`). */
  readonly key: string;
  readonly name: string;
  /** Kind of institution (`ARS`, `DEPARTEMENT`...). */
  readonly kind: string;
  readonly communeCode: string;
  readonly members: number;
  /** Generations of the contracts it signed. */
  readonly signs: readonly number[];
  /** Its members sit on many groups (steering committees, technical committees). */
  readonly isHub: boolean;
}

export interface ContractSpec {
  readonly generation: number;
  readonly signedOn: string;
  readonly endsOn: string;
  readonly axes: readonly AxisKey[];
}

export interface AnchorStructureSpec {
  readonly kind: StructureKindKey;
  readonly communeCode: string;
  /** Its members are hubs of the network (the hospital, the coordination association). */
  readonly isHub: boolean;
  /** Fixed name, instead of one drawn from the kind's name variants. */
  readonly name?: string;
}

export interface TerritoryScale {
  readonly structures: number;
  readonly actors: number;
  readonly workGroups: number;
  readonly eventsPerYear: number;
  readonly volunteerHoursPerYear: number;
  /** Events start in this year, on the first contract's signing day at the earliest. */
  readonly firstEventYear: number;
  /**
   * From this year on, `eventsPerYear` and `volunteerHoursPerYear` hold; before it activity grows
   * year by year from a fifth of them (events.ts, `activityShare`).
   */
  readonly fullActivityYear: number;
  readonly lastEventYear: number;
  /** Structures whose members take part in nothing. */
  readonly isolatedStructures: number;
  readonly partnerships: number;
}

export interface TerritorySpec {
  /** Slug, also the prefix of every id. */
  readonly id: string;
  readonly name: string;
  readonly epciCodes: readonly string[];
  readonly seed: number;
  /** Checks against the official geography; generation throws when they fail. */
  readonly expected: { readonly communes: number; readonly population: number };
  /** The main town, where the anchors and most institutions stand. */
  readonly mainCommuneCode: string;
  readonly axes: readonly AxisKey[];
  readonly contracts: readonly ContractSpec[];
  readonly institutions: readonly InstitutionSpec[];
  readonly anchors: readonly AnchorStructureSpec[];
  /** Structures placed by population, by kind; associations fill up to `scale.structures`. */
  readonly structureCounts: Readonly<Partial<Record<StructureKindKey, number>>>;
  readonly scale: TerritoryScale;
  /**
   * Where the catalog's axes (those of structure kinds and committees, written for Pays Cévennes)
   * land among this territory's own axes; catalog axes neither listed nor in `axes` are dropped.
   * Absent: the catalog's axes are used as they are.
   */
  readonly axisAliases?: Readonly<Partial<Record<AxisKey, AxisKey>>>;
  /** Standing committees besides each contract's committees (default: the catalog's, Pays Cévennes). */
  readonly standingCommittees?: readonly CommitteeDefinition[];
}

/**
 * The catalog's axes seen from a territory: translated through `axisAliases`, restricted to the
 * territory's axes, without duplicates. Without aliases the keys are returned unchanged, so a
 * territory written against the catalog (Pays Cévennes) draws exactly what it always drew.
 */
export function localAxes(spec: TerritorySpec, keys: readonly AxisKey[]): readonly AxisKey[] {
  const aliases = spec.axisAliases;
  if (aliases === undefined) return keys;
  const local = keys.map((key) => aliases[key] ?? key).filter((key) => spec.axes.includes(key));
  return [...new Set(local)];
}

const ALES = "30007";
const SAINT_AMBROIX = "30227";

export const PAYS_CEVENNES: TerritorySpec = {
  id: "pays-cevennes",
  name: "Pays Cévennes",
  epciCodes: ["200066918", "200035129"],
  seed: 1998,
  expected: { communes: 94, population: 156_691 },
  mainCommuneCode: ALES,
  axes: [
    "perinatality",
    "youth",
    "elderly",
    "disability",
    "mentalHealth",
    "addictions",
    "nutrition",
    "chronicDiseases",
    "accessToRights",
    "primaryCare",
    "environment",
  ],
  contracts: [
    { generation: 1, signedOn: "2011-06-30", endsOn: "2013-06-30", axes: ["youth", "elderly", "mentalHealth", "addictions", "accessToRights", "primaryCare"] },
    { generation: 2, signedOn: "2013-07-01", endsOn: "2018-12-31", axes: ["perinatality", "youth", "elderly", "mentalHealth", "addictions", "nutrition", "chronicDiseases", "accessToRights", "primaryCare"] },
    { generation: 3, signedOn: "2019-06-27", endsOn: "2025-12-31", axes: ["perinatality", "youth", "elderly", "disability", "mentalHealth", "addictions", "nutrition", "chronicDiseases", "accessToRights", "primaryCare", "environment"] },
  ],
  institutions: [
    { key: "ars", name: "ARS Occitanie – délégation départementale du Gard", kind: "ARS", communeCode: ALES, members: 6, signs: [1, 2, 3], isHub: true },
    { key: "departement", name: "Conseil départemental du Gard", kind: "DEPARTEMENT", communeCode: ALES, members: 7, signs: [1, 2, 3], isHub: true },
    { key: "region", name: "Région Occitanie", kind: "REGION", communeCode: ALES, members: 3, signs: [2, 3], isHub: false },
    { key: "cpam", name: "CPAM du Gard", kind: "CPAM", communeCode: ALES, members: 5, signs: [2, 3], isHub: true },
    { key: "caf", name: "CAF du Gard", kind: "CAF", communeCode: ALES, members: 4, signs: [2, 3], isHub: false },
    { key: "msa", name: "MSA Languedoc", kind: "MSA", communeCode: ALES, members: 3, signs: [3], isHub: false },
    { key: "prefecture", name: "Préfecture du Gard", kind: "PREFECTURE", communeCode: ALES, members: 2, signs: [1, 2, 3], isHub: false },
    { key: "sous-prefecture", name: "Sous-préfecture d'Alès", kind: "SOUS_PREFECTURE", communeCode: ALES, members: 3, signs: [], isHub: false },
    { key: "dsden", name: "DSDEN du Gard", kind: "EDUCATION_NATIONALE", communeCode: ALES, members: 5, signs: [2, 3], isHub: true },
    { key: "ddets", name: "DDETS du Gard", kind: "DDETS", communeCode: ALES, members: 3, signs: [3], isHub: false },
    { key: "carsat", name: "Carsat Languedoc-Roussillon", kind: "CARSAT", communeCode: ALES, members: 2, signs: [3], isHub: false },
    { key: "ales-agglo", name: "Alès Agglomération", kind: "EPCI", communeCode: ALES, members: 6, signs: [2, 3], isHub: true },
    { key: "ceze-cevennes", name: "Communauté de communes de Cèze Cévennes", kind: "EPCI", communeCode: SAINT_AMBROIX, members: 4, signs: [3], isHub: false },
    { key: "petr", name: "PETR Pays Cévennes", kind: "PAYS", communeCode: ALES, members: 4, signs: [1, 2, 3], isHub: true },
  ],
  anchors: [
    { kind: "hospital", communeCode: ALES, isHub: true },
    { kind: "coordination", communeCode: ALES, isHub: true },
    { kind: "clinic", communeCode: ALES, isHub: false },
    { kind: "cmp", communeCode: ALES, isHub: false },
    { kind: "csapa", communeCode: ALES, isHub: false },
    { kind: "missionLocale", communeCode: ALES, isHub: false },
    { kind: "mda", communeCode: ALES, isHub: false },
    { kind: "cpts", communeCode: ALES, isHub: true },
    { kind: "franceTravail", communeCode: ALES, isHub: false },
    { kind: "justiceHouse", communeCode: ALES, isHub: false },
    { kind: "spip", communeCode: ALES, isHub: false },
    { kind: "pjj", communeCode: ALES, isHub: false },
    { kind: "victims", communeCode: ALES, isHub: false },
    { kind: "cmp", communeCode: SAINT_AMBROIX, isHub: false },
  ],
  structureCounts: {
    pharmacy: 30,
    msp: 9,
    healthCentre: 3,
    nursing: 14,
    medicalPractice: 10,
    physio: 6,
    ehpad: 14,
    ssiad: 4,
    saad: 5,
    ime: 2,
    esat: 2,
    sessad: 2,
    fam: 1,
    cms: 4,
    pmi: 3,
    nursery: 10,
    rpe: 4,
    school: 22,
    college: 10,
    lycee: 5,
    ccas: 14,
    townHall: 28,
    socialCentre: 7,
    pij: 3,
    foodBank: 4,
  },
  scale: {
    structures: 277,
    actors: 1600,
    workGroups: 120,
    eventsPerYear: 1000,
    volunteerHoursPerYear: 8900,
    firstEventYear: 2011,
    fullActivityYear: 2019,
    lastEventYear: 2026,
    isolatedStructures: 14,
    partnerships: 40,
  },
};

const FLORAC = "48061";

/**
 * CC Gorges Causses Cévennes (Lozère): a real CLS territory, one EPCI of 17 mountain communes and
 * about 6,900 inhabitants, with other axes than Pays Cévennes. Its network is fictitious and scaled
 * down; it exists so that every query is tested against two territories in one database.
 */
export const GORGES_CAUSSES_CEVENNES: TerritorySpec = {
  id: "gorges-causses-cevennes",
  name: "CC Gorges Causses Cévennes",
  epciCodes: ["200069151"],
  seed: 2017,
  expected: { communes: 17, population: 6_908 },
  mainCommuneCode: FLORAC,
  axes: ["accessToCare", "medicalAttractiveness", "frailty", "healthyBehaviours", "mentalHealth"],
  axisAliases: {
    accessToRights: "accessToCare",
    chronicDiseases: "accessToCare",
    primaryCare: "medicalAttractiveness",
    elderly: "frailty",
    disability: "frailty",
    perinatality: "healthyBehaviours",
    youth: "healthyBehaviours",
    addictions: "healthyBehaviours",
    nutrition: "healthyBehaviours",
    environment: "healthyBehaviours",
  },
  standingCommittees: [
    { name: "Comité de coordination gérontologique des Causses", axes: ["frailty"], start: "2014-03-11", end: null },
    { name: "Conseil local de santé mentale Cévennes-Gorges", axes: ["mentalHealth"], start: "2021-02-02", end: null },
  ],
  contracts: [
    { generation: 1, signedOn: "2012-10-01", endsOn: "2014-06-30", axes: ["accessToCare", "medicalAttractiveness", "frailty"] },
    { generation: 2, signedOn: "2014-07-01", endsOn: "2019-12-31", axes: ["accessToCare", "medicalAttractiveness", "frailty", "healthyBehaviours"] },
    { generation: 3, signedOn: "2020-09-15", endsOn: "2026-12-31", axes: ["accessToCare", "medicalAttractiveness", "frailty", "healthyBehaviours", "mentalHealth"] },
  ],
  institutions: [
    { key: "ars", name: "ARS Occitanie – délégation départementale de la Lozère", kind: "ARS", communeCode: FLORAC, members: 3, signs: [1, 2, 3], isHub: true },
    { key: "departement", name: "Conseil départemental de la Lozère", kind: "DEPARTEMENT", communeCode: FLORAC, members: 3, signs: [1, 2, 3], isHub: true },
    { key: "cpam", name: "CPAM de la Lozère", kind: "CPAM", communeCode: FLORAC, members: 2, signs: [2, 3], isHub: false },
    { key: "msa", name: "MSA du Languedoc – Lozère", kind: "MSA", communeCode: FLORAC, members: 2, signs: [3], isHub: false },
    { key: "sous-prefecture", name: "Sous-préfecture de Florac", kind: "SOUS_PREFECTURE", communeCode: FLORAC, members: 1, signs: [], isHub: false },
    { key: "cc", name: "Communauté de communes Gorges Causses Cévennes", kind: "EPCI", communeCode: FLORAC, members: 3, signs: [1, 2, 3], isHub: true },
  ],
  anchors: [
    { kind: "hospital", communeCode: FLORAC, isHub: true, name: "Hôpital local de Florac" },
    { kind: "coordination", communeCode: FLORAC, isHub: true, name: "Association Santé Gorges Causses Cévennes" },
    { kind: "cmp", communeCode: FLORAC, isHub: false },
  ],
  structureCounts: {
    pharmacy: 3,
    msp: 1,
    nursing: 3,
    medicalPractice: 2,
    physio: 1,
    ehpad: 2,
    ssiad: 1,
    saad: 1,
    nursery: 1,
    school: 5,
    ccas: 1,
    townHall: 4,
    foodBank: 1,
  },
  scale: {
    structures: 40,
    actors: 250,
    workGroups: 25,
    eventsPerYear: 150,
    volunteerHoursPerYear: 1300,
    firstEventYear: 2012,
    fullActivityYear: 2020,
    lastEventYear: 2026,
    isolatedStructures: 3,
    partnerships: 6,
  },
};

export const DEMO_TERRITORIES: readonly TerritorySpec[] = [PAYS_CEVENNES, GORGES_CAUSSES_CEVENNES];
