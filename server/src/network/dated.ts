import { compareIds } from "./order.js";
import type { TwoModeDegrees } from "./sdsm.js";
import type { Tie } from "./types.js";

/**
 * Dated one-mode projections of the people × activity network (the tie definition of docs/api.md,
 * "What a tie is"). Plain values in, plain ties out; dates are ISO strings (YYYY-MM-DD), which
 * compare as dates.
 */

/** A period, bounds included; a null bound is open-ended. */
export interface Span {
  readonly from: string | null;
  readonly to: string | null;
}

/** How much an activity adds to a pair. */
export type Weighting = "COUNT" | "NEWMAN";

export interface ActivityParticipant {
  readonly personId: string;
  /** When the person took part (work groups: participations already clipped to the window; events: ignored). */
  readonly spans: readonly Span[];
}

/** A work group (date null: people are tied when their spans overlap) or an event (on `date`: every attendee). */
export interface DatedActivity {
  readonly id: string;
  readonly date: string | null;
  readonly participants: readonly ActivityParticipant[];
}

export interface DatedMembership {
  readonly organisationId: string;
  readonly span: Span;
}

/** The overlap of two spans, or null when they do not meet. */
export function intersectSpans(a: Span, b: Span): Span | null {
  const from = a.from === null ? b.from : b.from === null ? a.from : a.from > b.from ? a.from : b.from;
  const to = a.to === null ? b.to : b.to === null ? a.to : a.to < b.to ? a.to : b.to;
  if (from !== null && to !== null && from > to) return null;
  return { from, to };
}

/** Every non-empty overlap of one list of spans with another. */
function overlaps(a: readonly Span[], b: readonly Span[]): Span[] {
  const result: Span[] = [];
  for (const x of a) for (const y of b) {
    const both = intersectSpans(x, y);
    if (both !== null) result.push(both);
  }
  return result;
}

/** Pair weights keyed by number pair, dense while small. */
class PairSums {
  private readonly dense: Float64Array | null;
  private readonly sparse: Map<number, number> | null;

  constructor(private readonly n: number) {
    this.dense = n <= 2048 ? new Float64Array(n * n) : null;
    this.sparse = this.dense === null ? new Map() : null;
  }

  add(a: number, b: number, weight: number): void {
    const key = a < b ? a * this.n + b : b * this.n + a;
    if (this.dense !== null) this.dense[key] = (this.dense[key] as number) + weight;
    else this.sparse?.set(key, (this.sparse.get(key) ?? 0) + weight);
  }

  ties(ids: readonly string[]): Tie[] {
    const ties: Tie[] = [];
    const { n } = this;
    if (this.dense !== null) {
      for (let i = 0; i < n; i++) {
        for (let j = i + 1, key = i * n + j; j < n; j++, key++) {
          const weight = this.dense[key] as number;
          if (weight > 0) ties.push({ source: ids[i] as string, target: ids[j] as string, weight });
        }
      }
      return ties;
    }
    const sparse = this.sparse ?? new Map<number, number>();
    for (const key of [...sparse.keys()].sort((a, b) => a - b)) {
      ties.push({ source: ids[Math.floor(key / n)] as string, target: ids[key % n] as string, weight: sparse.get(key) as number });
    }
    return ties;
  }
}

/**
 * A projection: its ties, each tie's number of shared activities (`counts`, whatever the
 * weighting), and the two-mode degrees behind it (for the SDSM backbone, server/src/network/sdsm.ts).
 */
export interface Projection {
  readonly ties: Tie[];
  readonly counts: number[];
  readonly degrees: TwoModeDegrees;
}

/** Pair sums of both weights and counts (one accumulator when they are the same). */
function accumulators(n: number, weighting: Weighting): { weights: PairSums; counts: PairSums } {
  const weights = new PairSums(n);
  return { weights, counts: weighting === "COUNT" ? weights : new PairSums(n) };
}

function finish(ids: readonly string[], sums: { weights: PairSums; counts: PairSums }, degrees: TwoModeDegrees): Projection {
  const ties = sums.weights.ties(ids);
  const counts = sums.counts === sums.weights ? ties.map((tie) => tie.weight) : sums.counts.ties(ids).map((tie) => tie.weight);
  return { ties, counts, degrees };
}

/** What one activity adds to each tied pair: 1 (COUNT), or 1/(n − 1) for n participants (NEWMAN). */
const share = (weighting: Weighting, n: number): number => (weighting === "COUNT" ? 1 : n > 1 ? 1 / (n - 1) : 0);

/** Distinct people of an activity with their spans merged into one list each. */
function participantsOf(activity: DatedActivity): Map<string, Span[]> {
  const people = new Map<string, Span[]>();
  for (const { personId, spans } of activity.participants) people.set(personId, [...(people.get(personId) ?? []), ...spans]);
  return people;
}

/**
 * People × people: two people are tied through an event when both attended it, through a work
 * group when their participations overlap (spans as given: clip them to the window first). Each
 * activity counts once per pair; NEWMAN: n = the activity's participants (people). Ties sorted,
 * source < target.
 */
export function projectPeopleDated(activities: readonly DatedActivity[], weighting: Weighting): Projection {
  const ids = [...new Set(activities.flatMap((activity) => activity.participants.map((p) => p.personId)))].sort(compareIds);
  const numberOf = new Map(ids.map((id, index) => [id, index]));
  const sums = accumulators(ids.length, weighting);
  const nodeActivities = new Map<string, number>();
  const activitySizes: number[] = [];
  for (const activity of activities) {
    const people = [...participantsOf(activity)];
    for (const [personId] of people) nodeActivities.set(personId, (nodeActivities.get(personId) ?? 0) + 1);
    activitySizes.push(people.length);
    const add = share(weighting, people.length);
    for (let i = 0; i < people.length; i++) {
      const [a, spansA] = people[i] as [string, Span[]];
      for (let j = i + 1; j < people.length; j++) {
        const [b, spansB] = people[j] as [string, Span[]];
        if (activity.date === null && overlaps(spansA, spansB).length === 0) continue;
        const x = numberOf.get(a) as number;
        const y = numberOf.get(b) as number;
        sums.weights.add(x, y, add);
        if (sums.counts !== sums.weights) sums.counts.add(x, y, 1);
      }
    }
  }
  return finish(ids, sums, { nodeActivities, activitySizes });
}

/**
 * Organisations × organisations: two organisations are tied through an activity when two
 * different people took part in it, one a member of each — on the event's date, or (work groups)
 * at some time during the overlap of the two people's participations. A person with two
 * memberships ties nothing alone. Each activity counts once per pair; NEWMAN: n = the
 * organisations represented in the activity (by a participant who was a member on the date, or
 * during their participation). Memberships of organisations missing from `organisationIds` are
 * ignored. Ties sorted, source < target.
 */
export function projectOrganisationsDated(
  activities: readonly DatedActivity[],
  membershipsOf: ReadonlyMap<string, readonly DatedMembership[]>,
  organisationIds: readonly string[],
  weighting: Weighting,
): Projection {
  const ids = [...new Set(organisationIds)].sort(compareIds);
  const numberOf = new Map(ids.map((id, index) => [id, index]));
  const sums = accumulators(ids.length, weighting);
  const nodeActivities = new Map<string, number>();
  const activitySizes: number[] = [];
  /** The organisations (numbers) of a person whose membership meets one of the spans. */
  const organisationsDuring = (personId: string, spans: readonly Span[]): number[] => {
    const result = new Set<number>();
    for (const membership of membershipsOf.get(personId) ?? []) {
      const number = numberOf.get(membership.organisationId);
      if (number !== undefined && spans.some((span) => intersectSpans(span, membership.span) !== null)) result.add(number);
    }
    return [...result];
  };
  for (const activity of activities) {
    const people = [...participantsOf(activity)];
    const pairs = new Set<number>();
    const represented = new Set<number>();
    if (activity.date !== null) {
      const date = activity.date;
      const day: Span[] = [{ from: date, to: date }];
      const orgs = people.map(([personId]) => organisationsDuring(personId, day));
      for (const list of orgs) for (const o of list) represented.add(o);
      for (let i = 0; i < orgs.length; i++) {
        for (let j = i + 1; j < orgs.length; j++) {
          for (const a of orgs[i] as number[]) for (const b of orgs[j] as number[]) if (a !== b) pairs.add(a < b ? a * ids.length + b : b * ids.length + a);
        }
      }
    } else {
      for (const [personId, spans] of people) for (const o of organisationsDuring(personId, spans)) represented.add(o);
      for (let i = 0; i < people.length; i++) {
        const [a, spansA] = people[i] as [string, Span[]];
        for (let j = i + 1; j < people.length; j++) {
          const [b, spansB] = people[j] as [string, Span[]];
          const together = overlaps(spansA, spansB);
          if (together.length === 0) continue;
          const left = organisationsDuring(a, together);
          if (left.length === 0) continue;
          const right = organisationsDuring(b, together);
          for (const x of left) for (const y of right) if (x !== y) pairs.add(x < y ? x * ids.length + y : y * ids.length + x);
        }
      }
    }
    for (const o of represented) nodeActivities.set(ids[o] as string, (nodeActivities.get(ids[o] as string) ?? 0) + 1);
    activitySizes.push(represented.size);
    const add = share(weighting, represented.size);
    for (const key of pairs) {
      const x = Math.floor(key / ids.length);
      const y = key % ids.length;
      sums.weights.add(x, y, add);
      if (sums.counts !== sums.weights) sums.counts.add(x, y, 1);
    }
  }
  return finish(ids, sums, { nodeActivities, activitySizes });
}
