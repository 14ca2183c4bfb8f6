/**
 * Events (about `eventsPerYear` a year) organised mostly by work groups active at that date,
 * attended mostly by the group's participants; volunteer hours calibrated on the yearly figure.
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
  WORK_GROUP: [0.65, 0.12, 0.18, 0.05],
  NETWORK: [0.45, 0.2, 0.25, 0.1],
  COMMITTEE: [0.95, 0, 0, 0.05],
  STRUCTURE: [0.1, 0.25, 0.5, 0.15],
};
const KINDS: readonly EventKind[] = ["MEETING", "TRAINING", "PUBLIC_ACTION", "CONFERENCE"];

const DURATIONS: Record<EventKind, readonly number[]> = {
  MEETING: [1.5, 2, 2, 2.5, 3],
  TRAINING: [3, 3.5, 6, 7],
  PUBLIC_ACTION: [2, 3, 3, 4, 5, 6],
  CONFERENCE: [2, 2.5, 3, 6],
};

/** Guests from outside the organiser: [min, max] by kind. */
const OUTSIDERS: Record<EventKind, readonly [number, number]> = {
  MEETING: [0, 3],
  TRAINING: [5, 16],
  PUBLIC_ACTION: [3, 12],
  CONFERENCE: [15, 45],
};

/** Chance that an active participant comes, for a group of about ten; scaled down for larger groups. */
const ATTENDANCE: Record<EventKind, number> = { MEETING: 0.6, TRAINING: 0.35, PUBLIC_ACTION: 0.45, CONFERENCE: 0.5 };

interface EventDraft {
  readonly row: Omit<EventRow, "id">;
  readonly year: number;
  readonly attendees: { readonly actor: ActorDraft; readonly isLead: boolean }[];
}

function drawDate(random: Random, year: number): number {
  for (;;) {
    const month = random.weightedIndex(MONTH_WEIGHTS) + 1;
    const first = dayOf(year, month, 1);
    const length = dayOf(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - first;
    const day = first + random.int(0, length - 1);
    const weekday = weekdayOf(day);
    // Public actions sometimes fall on a Saturday; nothing happens on Sundays and public holidays.
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

  for (let year = spec.scale.firstEventYear; year <= spec.scale.lastEventYear; year += 1) {
    const count = Math.round(spec.scale.eventsPerYear * (0.97 + 0.06 * random.next()));
    for (let index = 0; index < count; index += 1) {
      const byStructure = random.chance(0.12);
      const date = drawDate(random, year);
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
      if (!byStructure && hasGroup) {
        const chosen = candidates[random.weightedIndex(activity)];
        if (chosen === undefined) throw new Error("No organiser");
        const { group, groupIndex } = chosen;
        kind = KINDS[random.weightedIndex(KIND_WEIGHTS[group.kind])] ?? "MEETING";
        eventAxes = group.axes.length > 1 && random.chance(0.4) ? [random.pick(group.axes)] : group.axes;
        commune =
          random.chance(kind === "MEETING" ? 0.8 : 0.5) || group.scope.epciCode === null
            ? group.homeCommune
            : random.weightedPick(
                communes.filter((item) => (group.scope.areaKey ?? item.areaKey) === item.areaKey && group.scope.epciCode === item.epciCode),
                (item) => item.population ** 0.7,
              );
        const active = activeParticipants(groupIndex);
        const scale = Math.min(1, 10 / active.length);
        attendees = active
          .filter((item) => random.chance(item.role === "MEMBER" ? ATTENDANCE[kind] * scale : 0.9))
          .map((item) => ({ actor: item.actor, isLead: item.role !== "MEMBER" }));
        row = {
          title: title(random, kind, eventAxes, group.name, commune),
          kind,
          date: fromDay(date),
          durationHours: random.pick(DURATIONS[kind]),
          organiserId: groupIds[groupIndex] ?? "",
          organiserLabel: "WorkGroup",
          communeCode: commune.code,
          axisIds: eventAxes.map((axis) => axisIds.get(axis) ?? axis),
        };
      } else {
        const structure = random.weightedPick(organisingStructures, (item) => (item.isHub ? 12 : item.isGeneralist ? 2 : 1));
        kind = KINDS[random.weightedIndex(KIND_WEIGHTS.STRUCTURE)] ?? "PUBLIC_ACTION";
        const ownAxes = [...structure.axes].filter((axis) => spec.axes.includes(axis));
        eventAxes = [random.pick(ownAxes.length > 0 ? ownAxes : spec.axes)];
        commune = structure.commune;
        attendees = (membersOf.get(structure.id) ?? [])
          .filter((member) => isActiveOn(date, member.since, member.until) && random.chance(0.5))
          .slice(0, 8)
          .map((member) => ({ actor: member.actor, isLead: true }));
        row = {
          title: title(random, kind, eventAxes, structure.structure?.name ?? structure.id, commune),
          kind,
          date: fromDay(date),
          durationHours: random.pick(DURATIONS[kind]),
          organiserId: structure.id,
          organiserLabel: "Structure",
          communeCode: commune.code,
          axisIds: eventAxes.map((axis) => axisIds.get(axis) ?? axis),
        };
      }
      const [low, high] = OUTSIDERS[kind];
      const taken = new Set(attendees.map((item) => item.actor));
      const place = { epciCode: commune.epciCode, areaKey: commune.areaKey };
      const guests = random.weightedSample(eligibleActors, random.int(low, high), (actor) => {
        if (taken.has(actor) || !isActiveOn(date, actor.since, actor.until)) return 0;
        const giver = actor.row.category === "VOLUNTEER" || actor.row.category === "ELECTED";
        const categoryFit = kind === "PUBLIC_ACTION" && giver ? 3 : 1;
        return axisFit(actor, eventAxes) * placeFit(actor, place) * categoryFit * (1 + Math.min(actor.groupTarget, 10) / 10);
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
    const target = spec.scale.volunteerHoursPerYear * (0.97 + 0.06 * random.next());
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
