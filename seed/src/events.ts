/**
 * Events from the first contract on (about `eventsPerYear` a year once activity is full, fewer in
 * earlier years), organised mostly by work groups active at that date, attended mostly by the
 * group's participants, heavy-tailed in size; volunteer hours calibrated on the yearly figure.
 */
import { AXES, aCommune, type AxisKey } from "./catalog.js";
import { dayOf, fromDay, toDay, weekdayOf } from "./dates.js";
import { isActiveOn, type ActorDraft, type OrganisationDraft, type ParticipationDraft, type WorkGroupDraft } from "./drafts.js";
import type { AttendanceRow, EventKind, EventRow } from "./model.js";
import type { Random } from "./random.js";
import type { TerritorySpec } from "./spec.js";
import type { CommuneInfo } from "./territory.js";
import { axisFit, placeFit } from "./workGroups.js";

const axisByKey = new Map(AXES.map((axis) => [axis.key, axis]));

/** Fixed-date public holidays (MM-DD). */
const HOLIDAYS: ReadonlySet<string> = new Set(["01-01", "05-01", "05-08", "07-14", "08-15", "11-01", "11-11", "12-25"]);

const MONTH_WEIGHTS = [1, 1.1, 1.1, 1.1, 1, 1.1, 0.7, 0.15, 1, 1.2, 1.2, 0.9] as const;

const KIND_WEIGHTS: Record<"NETWORK" | "WORK_GROUP" | "COMMITTEE" | "STRUCTURE", readonly number[]> = {
  // MEETING, TRAINING, PUBLIC_ACTION, CONFERENCE
  WORK_GROUP: [0.75, 0.1, 0.13, 0.02],
  NETWORK: [0.55, 0.18, 0.22, 0.05],
  COMMITTEE: [0.96, 0, 0, 0.04],
  STRUCTURE: [0.2, 0.3, 0.44, 0.06],
};
const KINDS: readonly EventKind[] = ["MEETING", "TRAINING", "PUBLIC_ACTION", "CONFERENCE"];

const DURATIONS: Record<EventKind, readonly number[]> = {
  MEETING: [1.5, 2, 2, 2.5, 3],
  TRAINING: [3, 3.5, 6, 7],
  PUBLIC_ACTION: [2, 3, 3, 4, 5, 6],
  CONFERENCE: [2, 2.5, 3, 6],
};

/**
 * How many people come, heavy-tailed: most meetings gather 3-8 people, some 10-25; trainings and
 * public actions a dozen or so, a few public actions many more; plenaries and conferences 40-120
 * (most near 40).
 */
export function drawEventSize(random: Random, kind: EventKind): number {
  switch (kind) {
    case "MEETING":
      return random.chance(0.85) ? random.int(3, 8) : random.int(10, 25);
    case "TRAINING":
      return random.int(8, 20);
    case "PUBLIC_ACTION":
      return random.chance(0.94) ? random.int(5, 15) : random.int(25, 60);
    case "CONFERENCE":
      return 40 + Math.floor(80 * random.next() ** 3);
  }
}

/** Guests a work group's meeting invites at most beyond its members (it still reaches 3 people). */
const MEETING_GUESTS = 3;

/**
 * The share of the yearly figures (`eventsPerYear`, `volunteerHoursPerYear`) reached in `year`:
 * 1 from `fullActivityYear` on, growing linearly from 0.2 in `firstEventYear` before it.
 */
export function activityShare(spec: TerritorySpec, year: number): number {
  const { firstEventYear, fullActivityYear } = spec.scale;
  if (year >= fullActivityYear) return 1;
  if (fullActivityYear <= firstEventYear) return 1;
  return 0.2 + (0.7 * (year - firstEventYear)) / (fullActivityYear - firstEventYear);
}

/** True when the actor is a member of some organisation on that day (a mover may be between two). */
const isMemberOn = (actor: ActorDraft, iso: string): boolean =>
  actor.memberships.some((membership) => membership.since <= iso && (membership.until === null || iso <= membership.until));

interface EventDraft {
  readonly row: Omit<EventRow, "id">;
  readonly year: number;
  readonly attendees: { readonly actor: ActorDraft; readonly isLead: boolean }[];
}

function drawDate(random: Random, year: number, firstDay: number): number {
  for (;;) {
    const month = random.weightedIndex(MONTH_WEIGHTS) + 1;
    const first = dayOf(year, month, 1);
    const length = dayOf(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - first;
    const day = first + random.int(0, length - 1);
    const weekday = weekdayOf(day);
    // Public actions sometimes fall on a Saturday; nothing happens on Sundays and public holidays.
    if (day < firstDay) continue;
    if (weekday !== 0 && (weekday !== 6 || random.chance(0.08)) && !HOLIDAYS.has(fromDay(day).slice(5))) return day;
  }
}

function title(random: Random, kind: EventKind, axes: readonly AxisKey[], organiserName: string, commune: CommuneInfo): string {
  const axis = axisByKey.get(axes[0] ?? "accessToRights");
  if (axis === undefined) return organiserName;
  switch (kind) {
    case "MEETING":
      return `Réunion : ${organiserName}`;
    case "TRAINING":
      return `Formation « ${random.pick(axis.trainings)} »`;
    case "PUBLIC_ACTION":
      return `${random.pick(axis.publicActions)} ${aCommune(commune.name)}`;
    case "CONFERENCE":
      return `Conférence « ${random.pick(axis.conferences)} »`;
  }
}

export interface EventsResult {
  readonly events: EventRow[];
  readonly attendances: AttendanceRow[];
}

export function buildEvents(
  spec: TerritorySpec,
  context: {
    readonly communes: readonly CommuneInfo[];
    readonly groups: readonly WorkGroupDraft[];
    readonly groupIds: readonly string[];
    readonly participations: readonly ParticipationDraft[];
    readonly actors: readonly ActorDraft[];
    readonly structures: readonly OrganisationDraft[];
    readonly axisIds: ReadonlyMap<AxisKey, string>;
  },
  random: Random,
): EventsResult {
  const { communes, groups, groupIds, participations, actors, structures, axisIds } = context;
  const byGroup = groups.map(() => [] as ParticipationDraft[]);
  for (const participation of participations) byGroup[participation.groupIndex]?.push(participation);
  const membersOf = new Map<string, { actor: ActorDraft; since: number; until: number | null }[]>();
  for (const actor of actors) {
    for (const membership of actor.memberships) {
      const member = {
        actor,
        since: toDay(membership.since),
        until: membership.until === null ? null : toDay(membership.until),
      };
      membersOf.set(membership.organisationId, [...(membersOf.get(membership.organisationId) ?? []), member]);
    }
  }
  const organisingStructures = structures.filter((structure) => !structure.isIsolated);
  const eligibleActors = actors.filter((actor) => !actor.isIsolated);
  const drafts: EventDraft[] = [];

  const firstDay = Math.min(...spec.contracts.map((contract) => toDay(contract.signedOn)));
  for (let year = spec.scale.firstEventYear; year <= spec.scale.lastEventYear; year += 1) {
    const yearStart = dayOf(year, 1, 1);
    const yearLength = dayOf(year + 1, 1, 1) - yearStart;
    const open = Math.min(1, Math.max(0, (yearStart + yearLength - firstDay) / yearLength));
    const count = Math.round(spec.scale.eventsPerYear * activityShare(spec, year) * open * (0.97 + 0.06 * random.next()));
    for (let index = 0; index < count; index += 1) {
      const byStructure = random.chance(0.12);
      const date = drawDate(random, year, firstDay);
      const iso = fromDay(date);
      const activeParticipants = (groupIndex: number): ParticipationDraft[] =>
        (byGroup[groupIndex] ?? []).filter(
          (item) => isActiveOn(date, item.since, item.until) && isActiveOn(date, item.actor.since, item.actor.until),
        );
      const candidates = byStructure
        ? []
        : groups
            .map((group, groupIndex) => ({ group, groupIndex }))
            .filter(({ group }) => isActiveOn(date, group.start, group.end));
      const activity = candidates.map(({ group, groupIndex }) => {
        const active = activeParticipants(groupIndex).length;
        if (active < 2) return 0;
        return (group.kind === "COMMITTEE" ? 0.25 : group.kind === "NETWORK" ? 1 : 1.3) * Math.sqrt(active);
      });
      const hasGroup = activity.some((value) => value > 0);

      let row: Omit<EventRow, "id">;
      let attendees: { actor: ActorDraft; isLead: boolean }[];
      let eventAxes: readonly AxisKey[];
      let commune: CommuneInfo;
      let kind: EventKind;
      let size: number;
      let guestRoom: number;
      if (!byStructure && hasGroup) {
        const chosen = candidates[random.weightedIndex(activity)];
        if (chosen === undefined) throw new Error("No organiser");
        const { group, groupIndex } = chosen;
        kind = KINDS[random.weightedIndex(KIND_WEIGHTS[group.kind])] ?? "MEETING";
        size = drawEventSize(random, kind);
        eventAxes = group.axes.length > 1 && random.chance(0.4) ? [random.pick(group.axes)] : group.axes;
        commune =
          random.chance(kind === "MEETING" ? 0.8 : 0.5) || group.scope.epciCode === null
            ? group.homeCommune
            : random.weightedPick(
                communes.filter((item) => (group.scope.areaKey ?? item.areaKey) === item.areaKey && group.scope.epciCode === item.epciCode),
                (item) => item.population ** 0.7,
              );
        // Pilots and co-pilots nearly always come; members fill the room up to the event's size.
        const active = activeParticipants(groupIndex);
        const leads = active.filter((item) => item.role !== "MEMBER" && random.chance(0.9));
        const members = random.shuffle(active.filter((item) => item.role === "MEMBER"));
        const fromGroup = [...leads, ...members].slice(0, Math.max(size, Math.min(leads.length, size + 2)));
        attendees = fromGroup.map((item) => ({ actor: item.actor, isLead: item.role !== "MEMBER" }));
        guestRoom = kind === "MEETING" ? Math.max(3 - attendees.length, Math.min(MEETING_GUESTS, size - attendees.length)) : size - attendees.length;
        row = {
          title: title(random, kind, eventAxes, group.name, commune),
          kind,
          date: iso,
          durationHours: random.pick(DURATIONS[kind]),
          organiserId: groupIds[groupIndex] ?? "",
          organiserLabel: "WorkGroup",
          communeCode: commune.code,
          axisIds: eventAxes.map((axis) => axisIds.get(axis) ?? axis),
        };
      } else {
        const structure = random.weightedPick(organisingStructures, (item) => (item.isHub ? 12 : item.isGeneralist ? 2 : 1));
        kind = KINDS[random.weightedIndex(KIND_WEIGHTS.STRUCTURE)] ?? "PUBLIC_ACTION";
        size = drawEventSize(random, kind);
        const ownAxes = [...structure.axes].filter((axis) => spec.axes.includes(axis));
        eventAxes = [random.pick(ownAxes.length > 0 ? ownAxes : spec.axes)];
        commune = structure.commune;
        const hosts = (membersOf.get(structure.id) ?? []).filter((member) => isActiveOn(date, member.since, member.until));
        attendees = random
          .shuffle(hosts)
          .slice(0, Math.min(size, random.int(1, 4)))
          .map((member) => ({ actor: member.actor, isLead: true }));
        guestRoom = size - attendees.length;
        row = {
          title: title(random, kind, eventAxes, structure.structure?.name ?? structure.id, commune),
          kind,
          date: iso,
          durationHours: random.pick(DURATIONS[kind]),
          organiserId: structure.id,
          organiserLabel: "Structure",
          communeCode: commune.code,
          axisIds: eventAxes.map((axis) => axisIds.get(axis) ?? axis),
        };
      }
      const taken = new Set(attendees.map((item) => item.actor));
      const place = { epciCode: commune.epciCode, areaKey: commune.areaKey };
      const guests = random.weightedSample(eligibleActors, Math.max(0, guestRoom), (actor) => {
        if (taken.has(actor) || !isActiveOn(date, actor.since, actor.until) || !isMemberOn(actor, iso)) return 0;
        const giver = actor.row.category === "VOLUNTEER" || actor.row.category === "ELECTED";
        const categoryFit = kind === "PUBLIC_ACTION" && giver ? 3 : 1;
        // A flattened weight: guests lean to the axis, the place and the regulars, yet many people come now and then.
        return (axisFit(actor, eventAxes) * placeFit(actor, place) * categoryFit * (1 + Math.min(actor.groupTarget, 10) / 10)) ** 0.4;
      });
      for (const actor of guests) attendees.push({ actor, isLead: false });
      drafts.push({ row, year, attendees });
    }
  }
  return finish(spec, drafts, random);
}

/** Sorts events by date, gives ids, and calibrates volunteer hours so that each year totals about the spec's figure. */
function finish(spec: TerritorySpec, drafts: EventDraft[], random: Random): EventsResult {
  const events: EventRow[] = [];
  const attendances: AttendanceRow[] = [];
  for (let year = spec.scale.firstEventYear; year <= spec.scale.lastEventYear; year += 1) {
    const ofYear = drafts.filter((draft) => draft.year === year).sort((a, b) => a.row.date.localeCompare(b.row.date));
    const rawHours = (draft: EventDraft, isLead: boolean): number => draft.row.durationHours + (isLead ? 1 : 0);
    let raw = 0;
    for (const draft of ofYear) {
      for (const { actor, isLead } of draft.attendees) if (givesTime(actor)) raw += rawHours(draft, isLead);
    }
    // Hours follow the year's events: the full figure in a full year, less while activity grows.
    const target = spec.scale.volunteerHoursPerYear * (ofYear.length / spec.scale.eventsPerYear) * (0.97 + 0.06 * random.next());
    const factor = raw > 0 ? target / raw : 0;
    ofYear.forEach((draft, index) => {
      const id = `${spec.id}-ev-${year}-${String(index + 1).padStart(4, "0")}`;
      events.push({ id, ...draft.row });
      for (const { actor, isLead } of draft.attendees) {
        const volunteerHours = givesTime(actor) ? Math.max(0.5, Math.round(rawHours(draft, isLead) * factor * 2) / 2) : 0;
        attendances.push({ actorId: actor.row.id, eventId: id, volunteerHours });
      }
    });
  }
  return { events, attendances };
}

const givesTime = (actor: ActorDraft): boolean => actor.row.category === "VOLUNTEER" || actor.row.category === "ELECTED";
