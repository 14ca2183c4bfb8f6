/**
 * Work groups (networks, working groups, committees) spread over the three contracts, and who
 * takes part: heavy-tailed, clustered by axis and by area, with ties that start and end.
 */
import { AXES, STANDING_COMMITTEES, contractCommitteeNames, deCommune, type AxisDefinition, type AxisKey } from "./catalog.js";
import { dayOf, toDay } from "./dates.js";
import type { ActorDraft, ParticipationDraft, WorkGroupDraft } from "./drafts.js";
import type { Random } from "./random.js";
import { localAxes, type TerritorySpec } from "./spec.js";
import type { CommuneInfo, TerritoryGeography } from "./territory.js";

const axisByKey = new Map(AXES.map((axis) => [axis.key, axis]));

function axisDefinition(key: AxisKey): AxisDefinition {
  const axis = axisByKey.get(key);
  if (axis === undefined) throw new Error(`Unknown axis ${key}`);
  return axis;
}

/** "CA Alès Agglomération" -> "Alès Agglomération", "CC de Cèze Cévennes" -> "Cèze Cévennes". */
export function shortEpciName(name: string): string {
  return name.replace(/^(CA|CC|CU|CU de|Métropole)\s+(de |du |des |d')?/u, "");
}

interface Scope {
  readonly epciCode: string | null;
  readonly areaKey: string | null;
  readonly label: string;
  readonly home: CommuneInfo;
}

function largest(communes: readonly CommuneInfo[]): CommuneInfo {
  const first = communes[0];
  if (first === undefined) throw new Error("No commune");
  return communes.reduce((best, commune) => (commune.population > best.population ? commune : best), first);
}

function scopes(spec: TerritorySpec, geography: TerritoryGeography): { territory: Scope; epcis: Scope[]; areas: { scope: Scope; population: number }[] } {
  const main = geography.communes.find((commune) => commune.code === spec.mainCommuneCode) ?? largest(geography.communes);
  const territory: Scope = { epciCode: null, areaKey: null, label: spec.name, home: main };
  const epcis = geography.epcis.map((epci) => ({
    epciCode: epci.code,
    areaKey: null,
    label: shortEpciName(epci.name),
    home: largest(geography.communes.filter((commune) => commune.epciCode === epci.code)),
  }));
  const byArea = new Map<string, CommuneInfo[]>();
  for (const commune of geography.communes) byArea.set(commune.areaKey, [...(byArea.get(commune.areaKey) ?? []), commune]);
  const areas = [...byArea.entries()].map(([areaKey, communes]) => {
    const home = largest(communes);
    return {
      scope: { epciCode: home.epciCode, areaKey, label: `secteur ${deCommune(home.name)}`, home },
      population: communes.reduce((sum, commune) => sum + commune.population, 0),
    };
  });
  return { territory, epcis, areas: areas.filter((area) => area.population >= 2000) };
}

export function buildWorkGroups(spec: TerritorySpec, geography: TerritoryGeography, random: Random): WorkGroupDraft[] {
  const { territory, epcis, areas } = scopes(spec, geography);
  const contracts = [...spec.contracts].sort((a, b) => a.generation - b.generation);
  const axesAt = (day: number): readonly AxisKey[] => {
    let axes: readonly AxisKey[] = contracts[0]?.axes ?? spec.axes;
    for (const contract of contracts) if (toDay(contract.signedOn) <= day) axes = contract.axes;
    return axes;
  };
  const firstDayOf = (axis: AxisKey): number => {
    const contract = contracts.find((item) => item.axes.includes(axis));
    return toDay(contract?.signedOn ?? "2019-01-01");
  };
  const names = new Set<string>();
  const groups: WorkGroupDraft[] = [];
  const add = (group: WorkGroupDraft): boolean => {
    if (names.has(group.name)) return false;
    names.add(group.name);
    groups.push(group);
    return true;
  };
  const drawScope = (weights: readonly [number, number, number]): Scope => {
    const level = random.weightedIndex(weights);
    if (level === 0) return territory;
    if (level === 1) return random.weightedPick(epcis, (scope) => Math.sqrt(geographyPopulation(geography, scope.epciCode)));
    return random.weightedPick(areas, (area) => area.population).scope;
  };
  const lastDay = dayOf(spec.scale.lastEventYear, 12, 31);

  for (const contract of contracts) {
    const [steering, technical] = contractCommitteeNames(contract.generation);
    for (const name of [steering, technical]) {
      add({
        name,
        kind: "COMMITTEE",
        start: toDay(contract.signedOn),
        end: toDay(contract.endsOn),
        axes: localAxes(spec, ["accessToRights", "primaryCare"]),
        scope: territory,
        homeCommune: territory.home,
        isSelective: true,
      });
    }
  }
  for (const committee of spec.standingCommittees ?? STANDING_COMMITTEES) {
    add({
      name: committee.name,
      kind: "COMMITTEE",
      start: toDay(committee.start),
      end: committee.end === null ? null : toDay(committee.end),
      axes: committee.axes,
      scope: territory,
      homeCommune: territory.home,
      isSelective: true,
    });
  }

  const remaining = spec.scale.workGroups - groups.length;
  const networkCount = Math.round(remaining * 0.28);
  for (const axis of spec.axes) {
    const start = firstDayOf(axis) + random.int(30, 240);
    add({
      name: `Réseau ${axisDefinition(axis).short} – ${territory.label}`,
      kind: "NETWORK",
      start,
      end: null,
      axes: [axis],
      scope: territory,
      homeCommune: territory.home,
      isSelective: false,
    });
  }
  const networksStart = groups.length;
  while (groups.length - networksStart < networkCount - spec.axes.length) {
    const start = random.int(dayOf(2011, 9, 1), dayOf(2022, 12, 31));
    const axis = random.pick(axesAt(start));
    const scope = drawScope([0, 0.35, 0.65]);
    add({
      name: `Réseau ${axisDefinition(axis).short} – ${scope.label}`,
      kind: "NETWORK",
      start,
      end: null,
      axes: [axis],
      scope,
      homeCommune: scope.home,
      isSelective: false,
    });
  }
  // A few networks fade out.
  const areaNetworks = groups.slice(networksStart);
  for (const network of random.weightedSample(areaNetworks, 4, (item) => (item.start < dayOf(2019, 1, 1) ? 1 : 0.2))) {
    const index = groups.indexOf(network);
    const end = random.int(Math.max(network.start + 3 * 365, dayOf(2016, 1, 1)), dayOf(2023, 12, 31));
    groups[index] = { ...network, end };
  }

  const eras: readonly (readonly [number, number, number])[] = [
    [toDay(contracts[0]?.signedOn ?? "2011-06-30"), toDay(contracts[1]?.signedOn ?? "2013-07-01") - 1, 0.26],
    [toDay(contracts[1]?.signedOn ?? "2013-07-01"), dayOf(2018, 12, 31), 0.28],
    [dayOf(2019, 1, 1), dayOf(2025, 10, 31), 0.46],
  ];
  while (groups.length < spec.scale.workGroups) {
    const [from, to] = eras[random.weightedIndex(eras.map((era) => era[2]))] ?? [dayOf(2019, 1, 1), dayOf(2025, 10, 31)];
    const start = random.int(from, to);
    const available = axesAt(start);
    const axis = random.pick(available);
    const second = random.chance(0.35) ? random.pick(available.filter((item) => item !== axis)) : undefined;
    const years = [1, 2, 3, 4, 5, 6][random.weightedIndex([0.15, 0.25, 0.25, 0.15, 0.1, 0.1])] ?? 3;
    const endDay = start + Math.round(years * 365.25) + random.int(-60, 60);
    const scope = drawScope([0.3, 0.25, 0.45]);
    const theme = random.pick(axisDefinition(axis).themes);
    add({
      name: `Groupe de travail « ${theme} » – ${scope.label}`,
      kind: "WORK_GROUP",
      start,
      end: endDay > lastDay ? null : endDay,
      axes: second === undefined ? [axis] : [axis, second],
      scope,
      homeCommune: scope.home,
      isSelective: false,
    });
  }
  return groups.sort((a, b) => a.start - b.start || a.name.localeCompare(b.name, "fr"));
}

function geographyPopulation(geography: TerritoryGeography, epciCode: string | null): number {
  return geography.epcis.find((epci) => epci.code === epciCode)?.population ?? 1;
}

const END_OF_TIME = Number.POSITIVE_INFINITY;

function overlapDays(actor: ActorDraft, group: WorkGroupDraft, horizon: number): number {
  const start = Math.max(actor.since, group.start);
  const end = Math.min(actor.until ?? horizon, group.end ?? horizon);
  return end - start;
}

export function axisFit(actor: ActorDraft, axes: readonly AxisKey[]): number {
  if (actor.isGeneralist) return 1.5;
  return axes.some((axis) => actor.axes.has(axis)) ? 5 : 0.3;
}

export function placeFit(actor: ActorDraft, scope: { epciCode: string | null; areaKey: string | null }): number {
  let fit: number;
  if (scope.epciCode === null) fit = 1;
  else if (scope.areaKey === null) fit = scope.epciCode === actor.place.epciCode ? 2 : 0.08;
  else if (scope.areaKey === actor.place.areaKey) fit = 4;
  else fit = scope.epciCode === actor.place.epciCode ? 0.6 : 0.04;
  return actor.isHub ? Math.max(fit, 0.5) : fit;
}

const isOpenTo = (actor: ActorDraft): boolean =>
  actor.isGeneralist || actor.isHub || actor.row.category === "INSTITUTIONAL" || actor.row.category === "ELECTED";

export function assignParticipations(spec: TerritorySpec, groups: readonly WorkGroupDraft[], actors: readonly ActorDraft[], random: Random): ParticipationDraft[] {
  const horizon = dayOf(spec.scale.lastEventYear, 12, 31);
  const sizes = groups.map(() => 0);
  const members = groups.map(() => new Set<ActorDraft>());
  const participations: ParticipationDraft[] = [];
  const join = (actor: ActorDraft, groupIndex: number): void => {
    const group = groups[groupIndex];
    if (group === undefined) return;
    const start = Math.max(actor.since, group.start);
    const end = Math.min(actor.until ?? END_OF_TIME, group.end ?? END_OF_TIME);
    const lastPossible = Math.min(end, horizon);
    const isFounder = start === group.start && random.chance(0.6);
    const since = isFounder ? start : Math.min(lastPossible, start + random.int(0, Math.max(0, Math.min(540, Math.floor((lastPossible - start) / 2)))));
    let until: number | null = end === END_OF_TIME ? null : end;
    const span = lastPossible - since;
    if (span > 2 * 365 && random.chance(0.25)) until = since + random.int(365, span - 180);
    participations.push({ actor, groupIndex, role: "MEMBER", since, until });
    sizes[groupIndex] = (sizes[groupIndex] ?? 0) + 1;
    members[groupIndex]?.add(actor);
  };
  const weight = (actor: ActorDraft, index: number): number => {
    const group = groups[index];
    if (group === undefined || members[index]?.has(actor)) return 0;
    const overlap = overlapDays(actor, group, horizon);
    if (overlap < 60) return 0;
    const kindFit = group.isSelective ? (isOpenTo(actor) ? 3 : 0.02) : 1;
    const capacity = 1 / (1 + (sizes[index] ?? 0) / 18);
    return axisFit(actor, group.axes) * placeFit(actor, group.scope) * kindFit * capacity * Math.min(2.5, Math.sqrt(overlap / 365));
  };

  const indexes = groups.map((_group, index) => index);
  for (const actor of random.shuffle(actors)) {
    if (actor.isIsolated || actor.groupTarget === 0) continue;
    for (const index of random.weightedSample(indexes, actor.groupTarget, (item) => weight(actor, item))) join(actor, index);
  }
  // Every group needs a handful of people.
  const eligible = actors.filter((actor) => !actor.isIsolated);
  groups.forEach((_group, index) => {
    const missing = 5 - (sizes[index] ?? 0);
    if (missing <= 0) return;
    for (const actor of random.weightedSample(eligible, missing, (item) => weight(item, index))) join(actor, index);
  });
  assignRoles(groups, participations, random);
  return participations;
}

function assignRoles(groups: readonly WorkGroupDraft[], participations: readonly ParticipationDraft[], random: Random): void {
  const byGroup = groups.map(() => [] as ParticipationDraft[]);
  for (const participation of participations) byGroup[participation.groupIndex]?.push(participation);
  byGroup.forEach((list, index) => {
    const group = groups[index];
    if (group === undefined || list.length === 0) return;
    const early = list.filter((item) => item.since <= group.start + 365);
    const pool = early.length > 0 ? early : list;
    const influence = (item: ParticipationDraft): number => (1 + item.actor.groupTarget) ** 2 * (item.actor.isHub ? 2 : 1);
    const [pilot] = random.weightedSample(pool, 1, influence);
    if (pilot !== undefined) pilot.role = "PILOT";
    const coPilots = random.weightedSample(
      list.filter((item) => item !== pilot),
      group.kind === "COMMITTEE" ? 1 : random.int(0, 2),
      influence,
    );
    for (const coPilot of coPilots) coPilot.role = "CO_PILOT";
  });
}
