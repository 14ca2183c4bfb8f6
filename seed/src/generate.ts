/**
 * The demo territory generator: spec in, DemoData out. Pure and deterministic: no I/O besides
 * reading the official geography shipped with @etalab/decoupage-administratif, no clock, no Math.random.
 */
import { buildActors, sizeOrganisations } from "./actors.js";
import { AXES, PARTNERSHIP_KINDS, slugify, type AxisKey } from "./catalog.js";
import { dayOf, fromDay } from "./dates.js";
import type { OrganisationDraft } from "./drafts.js";
import { buildEvents } from "./events.js";
import type { AxisRow, ContractRow, DemoData, PartnershipRow, WorkGroupRow } from "./model.js";
import { buildInstitutions, buildStructures } from "./organisations.js";
import { createRandom, type Random } from "./random.js";
import type { TerritorySpec } from "./spec.js";
import { readTerritoryGeography } from "./territory.js";
import { assignParticipations, buildWorkGroups } from "./workGroups.js";

export function generateDemoData(spec: TerritorySpec): DemoData {
  const geography = readTerritoryGeography(spec);
  const random = createRandom(spec.seed);

  const axisIds = new Map<AxisKey, string>();
  const axes: AxisRow[] = AXES.filter((axis) => spec.axes.includes(axis.key)).map((axis) => {
    const id = `${spec.id}-${slugify(axis.name)}`;
    axisIds.set(axis.key, id);
    return { id, name: axis.name, kind: axis.kind };
  });
  const axisId = (key: AxisKey): string => {
    const id = axisIds.get(key);
    if (id === undefined) throw new Error(`${spec.id}: axis ${key} is not one of the territory's axes`);
    return id;
  };

  const institutions = buildInstitutions(spec, geography);
  const contracts: ContractRow[] = spec.contracts.map((contract) => ({
    id: `${spec.id}-cls${contract.generation}`,
    name: `CLS ${contract.generation}`,
    generation: contract.generation,
    signedOn: contract.signedOn,
    endsOn: contract.endsOn,
    axisIds: contract.axes.map(axisId),
    signatoryIds: spec.institutions
      .filter((institution) => institution.signs.includes(contract.generation))
      .map((institution) => `${spec.id}-i-${institution.key}`),
  }));

  const structures = buildStructures(spec, geography, random.fork("structures"));
  sizeOrganisations(spec, institutions.drafts, structures.drafts);
  const { actors, memberships } = buildActors(spec, [...institutions.drafts, ...structures.drafts], random.fork("actors"));

  const groups = buildWorkGroups(spec, geography, random.fork("work-groups"));
  const groupIds = groups.map((_group, index) => `${spec.id}-wg-${String(index + 1).padStart(3, "0")}`);
  const workGroups: WorkGroupRow[] = groups.map((group, index) => ({
    id: groupIds[index] ?? "",
    name: group.name,
    kind: group.kind,
    startedOn: fromDay(group.start),
    endedOn: group.end === null ? null : fromDay(group.end),
    axisIds: group.axes.map(axisId),
  }));
  const participationDrafts = assignParticipations(spec, groups, actors, random.fork("participations"));
  const participations = participationDrafts
    .map((item) => ({
      actorId: item.actor.row.id,
      workGroupId: groupIds[item.groupIndex] ?? "",
      role: item.role,
      since: fromDay(item.since),
      until: item.until === null ? null : fromDay(item.until),
    }))
    .sort((a, b) => a.workGroupId.localeCompare(b.workGroupId) || a.actorId.localeCompare(b.actorId));

  const { events, attendances } = buildEvents(
    spec,
    {
      communes: geography.communes,
      groups,
      groupIds,
      participations: participationDrafts,
      actors,
      structures: structures.drafts,
      axisIds,
    },
    random.fork("events"),
  );

  return {
    territory: { id: spec.id, name: spec.name, isDemo: true },
    epcis: geography.epcis,
    communes: geography.communes.map(({ code, name, population, departement, epciCode }) => ({ code, name, population, departement, epciCode })),
    axes,
    contracts,
    institutions: institutions.rows,
    structures: structures.rows,
    actors: actors.map((actor) => actor.row),
    memberships,
    workGroups,
    participations,
    events,
    attendances,
    partnerships: buildPartnerships(spec, structures.drafts, random.fork("partnerships")),
  };
}

/** Formal agreements, mostly around the hubs and between structures sharing an axis and an EPCI. */
function buildPartnerships(spec: TerritorySpec, structures: readonly OrganisationDraft[], random: Random): PartnershipRow[] {
  const open = structures.filter((structure) => !structure.isIsolated);
  const pairs = new Set<string>();
  const rows: PartnershipRow[] = [];
  for (let attempt = 0; rows.length < spec.scale.partnerships && attempt < spec.scale.partnerships * 20; attempt += 1) {
    const from = random.weightedPick(open, (item) => (item.isHub ? 10 : 1));
    const to = random.weightedPick(open, (item) => {
      if (item === from) return 0;
      const sharesAxis = [...item.axes].some((axis) => from.axes.has(axis));
      return (sharesAxis ? 3 : 0.2) * (item.commune.epciCode === from.commune.epciCode ? 3 : 1) * (item.isHub ? 3 : 1);
    });
    const key = [from.id, to.id].sort().join("|");
    if (pairs.has(key)) continue;
    pairs.add(key);
    const since = random.int(dayOf(2012, 1, 1), dayOf(2024, 12, 31));
    const until = random.chance(0.3) && since + 3 * 365 < dayOf(2026, 12, 31) ? since + 3 * 365 : null;
    rows.push({ fromId: from.id, toId: to.id, kind: random.pick(PARTNERSHIP_KINDS), since: fromDay(since), until: until === null ? null : fromDay(until) });
  }
  return rows.sort((a, b) => a.fromId.localeCompare(b.fromId) || a.toId.localeCompare(b.toId));
}
