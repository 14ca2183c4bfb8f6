import {
  buildGraph,
  disparitySignificance,
  intersectSpans,
  projectOrganisationsDated,
  projectPeopleDated,
  sdsmSignificance,
  type DatedActivity,
  type DatedMembership,
  type NetworkGraph,
  type NodeInfo,
  type Span,
  type Tie,
  type TwoModeDegrees,
} from "../network/index.js";
import type { BackboneMethod, NetworkFilter, NetworkLevel } from "./filters.js";

export interface OrganisationRow {
  readonly id: string;
  readonly name: string;
  readonly kind: "STRUCTURE" | "INSTITUTION";
  readonly sector: string | null;
  readonly type: string;
  readonly communeCode: string | null;
  readonly communeName: string | null;
  readonly epciCode: string | null;
  /** Members whose membership overlaps the window. */
  readonly memberCount: number;
}

/** A work group or an event, with its participants in the window: one "affiliation" group. */
export interface GroupRow {
  readonly id: string;
  readonly kind: "WORK_GROUP" | "EVENT";
  readonly axisIds: readonly string[];
  readonly actorIds: readonly string[];
  /** Events: the date (YYYY-MM-DD); work groups: null. */
  readonly date: string | null;
  /** Work groups: each participation in the window with its dates (null bounds open); events: empty. */
  readonly spans: readonly { readonly actorId: string; readonly from: string | null; readonly to: string | null }[];
}

export interface ActorRow {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly category: string;
  readonly profession: string | null;
  /** Organisations of the territory the actor belongs to in the window. */
  readonly organisationIds: readonly string[];
  /** The actor's memberships overlapping the window, with their dates (null bounds open). */
  readonly memberships: readonly { readonly organisationId: string; readonly from: string | null; readonly to: string | null }[];
}

export interface CollaborationData {
  readonly organisations: readonly OrganisationRow[];
  readonly groups: readonly GroupRow[];
  readonly actors: readonly ActorRow[];
  /** The window the rows were read for: work-group participations are clipped to it. */
  readonly window: Span;
}

/** A node of an analysed network, with what the API may show about it (no contact details). */
export interface AnalysedNode {
  readonly id: string;
  readonly kind: "ACTOR" | "STRUCTURE" | "INSTITUTION";
  /** Organisation name; null for an actor (the API shows a display name or a pseudonym). */
  readonly name: string | null;
  /** Personal data of an actor, for viewers allowed to see it; null for organisations. */
  readonly person: { readonly firstName: string; readonly lastName: string } | null;
  readonly sector: string | null;
  /** Organisation kind in French, or the actor's profession. */
  readonly type: string | null;
  readonly category: string | null;
  readonly communeCode: string | null;
  readonly communeName: string | null;
  readonly epciCode: string | null;
  /** Organisations: members in the window; actors: null. */
  readonly memberCount: number | null;
  /** Organisations: members who took part in a counted work group or event; actors: null. */
  readonly activeMemberCount: number | null;
  /** Axes of the work groups and events the node (or its members) took part in, sorted. */
  readonly axisIds: readonly string[];
  /** Organisations the actor belongs to (empty for organisations). */
  readonly organisationIds: readonly string[];
}

export interface CollaborationGraph {
  readonly graph: NetworkGraph;
  /** The graph's ties, sorted by (source, target): kept from the projection rather than re-read. */
  readonly ties: readonly Tie[];
  /** Significance (p-value of the backbone's method, SDSM by default) of each of `ties` (same order), computed on every tie of the window and filter. */
  readonly significance: readonly number[];
  /** Ties before the backbone and `minWeight` were applied. */
  readonly allTieCount: number;
  /**
   * The ties listed to clients: `ties`, plus (with `backbone.listUpTo` above alpha) the ties with
   * significance below listUpTo, sorted like `ties`, with their p-values in `listedSignificance`.
   */
  readonly listedTies: readonly Tie[];
  readonly listedSignificance: readonly number[];
  /** Every node of the graph, by id. */
  readonly nodes: ReadonlyMap<string, AnalysedNode>;
}

const matches = (allowed: readonly string[] | null, value: string | null): boolean =>
  allowed === null || (value !== null && allowed.includes(value));

function organisationPasses(filter: NetworkFilter, organisation: OrganisationRow): boolean {
  return (
    matches(filter.sectors, organisation.sector) &&
    matches(filter.epciCodes, organisation.epciCode) &&
    matches(filter.communeCodes, organisation.communeCode)
  );
}

const hasPlaceOrSectorFilter = (filter: NetworkFilter): boolean =>
  filter.sectors !== null || filter.epciCodes !== null || filter.communeCodes !== null;

/**
 * Turns the raw material of a window into a weighted graph with the dated projections of
 * server/src/network/dated.ts (the definition of docs/api.md, "What a tie is"). ACTOR: two actors
 * are tied through an event both attended, or a work group where their participations overlap
 * inside the window. STRUCTURE: two organisations are tied through an activity when two different
 * people took part, each a member of one of them on the event's date (or, for a work group, during
 * the overlap of the two participations). Weight: shared activities (COUNT) or Newman's
 * 1/(n − 1) per activity (`filter.weighting`). Node filters keep an induced subgraph: at ACTOR
 * level, sectors and places apply to the actors' organisations; at STRUCTURE level, categories
 * choose whose collaborations count. Actor nodes are the actors who took part in something
 * counted; organisation nodes are all the territory's organisations passing the filters, isolated
 * ones included. `minWeight` is NOT applied here (the caller applies it after the backbone's
 * significance is computed on every tie).
 */
export interface CollaborationTies {
  readonly ties: Tie[];
  /** Shared activities of each tie (its COUNT weight, whatever `filter.weighting`). */
  readonly counts: number[];
  /** The two-mode degrees of the counted activities (the SDSM backbone's null model). */
  readonly degrees: TwoModeDegrees;
  readonly nodes: Map<string, AnalysedNode>;
}

export function buildCollaborationTies(data: CollaborationData, level: NetworkLevel, filter: NetworkFilter): CollaborationTies {
  const organisations = new Map(data.organisations.map((organisation) => [organisation.id, organisation]));
  const groups = data.groups.filter((group) => filter.through.includes(group.kind));
  const axesOfGroup = new Map(groups.map((group) => [group.id, group.axisIds]));
  // Memberships of organisations outside the territory play no part here.
  const actors = new Map(
    data.actors.map((actor) => [actor.id, { ...actor, organisationIds: actor.organisationIds.filter((id) => organisations.has(id)).sort() }]),
  );

  const actorCounts = (actor: ActorRow): boolean => {
    if (!matches(filter.categories, actor.category)) return false;
    if (level === "STRUCTURE" || !hasPlaceOrSectorFilter(filter)) return true;
    return actor.organisationIds.some((id) => {
      const organisation = organisations.get(id);
      return organisation !== undefined && organisationPasses(filter, organisation);
    });
  };

  const activities: DatedActivity[] = [];
  const axesOfActor = new Map<string, Set<string>>();
  for (const group of groups) {
    const participants: { personId: string; spans: Span[] }[] = [];
    for (const actorId of group.actorIds) {
      const actor = actors.get(actorId);
      if (actor === undefined || !actorCounts(actor)) continue;
      const spans = group.spans
        .filter((span) => span.actorId === actorId)
        .map((span) => intersectSpans(span, data.window))
        .filter((span): span is Span => span !== null);
      if (group.date === null && spans.length === 0) continue;
      participants.push({ personId: actorId, spans });
      const axes = axesOfActor.get(actorId) ?? new Set<string>();
      for (const axisId of axesOfGroup.get(group.id) ?? []) axes.add(axisId);
      axesOfActor.set(actorId, axes);
    }
    activities.push({ id: group.id, date: group.date, participants });
  }

  const nodes = new Map<string, AnalysedNode>();
  let projection: ReturnType<typeof projectPeopleDated>;
  if (level === "ACTOR") {
    for (const [actorId, axes] of axesOfActor) {
      const actor = actors.get(actorId);
      if (actor === undefined) continue;
      const home = [...actor.organisationIds].sort().map((id) => organisations.get(id)).find((item) => item !== undefined);
      nodes.set(actorId, {
        id: actorId,
        kind: "ACTOR",
        name: null,
        person: { firstName: actor.firstName, lastName: actor.lastName },
        sector: [...actor.organisationIds].sort().map((id) => organisations.get(id)?.sector ?? null).find((sector) => sector !== null) ?? null,
        type: actor.profession,
        category: actor.category,
        communeCode: home?.communeCode ?? null,
        communeName: home?.communeName ?? null,
        epciCode: home?.epciCode ?? null,
        memberCount: null,
        activeMemberCount: null,
        axisIds: [...axes].sort(),
        organisationIds: [...actor.organisationIds].sort(),
      });
    }
    projection = projectPeopleDated(activities, filter.weighting);
  } else {
    const axesOfOrganisation = new Map<string, Set<string>>();
    const activeMembers = new Map<string, number>();
    for (const actorId of axesOfActor.keys()) {
      for (const organisationId of actors.get(actorId)?.organisationIds ?? []) {
        activeMembers.set(organisationId, (activeMembers.get(organisationId) ?? 0) + 1);
        const axes = axesOfOrganisation.get(organisationId) ?? new Set<string>();
        for (const axisId of axesOfActor.get(actorId) ?? []) axes.add(axisId);
        axesOfOrganisation.set(organisationId, axes);
      }
    }
    for (const organisation of data.organisations) {
      if (!organisationPasses(filter, organisation)) continue;
      nodes.set(organisation.id, {
        id: organisation.id,
        kind: organisation.kind,
        name: organisation.name,
        person: null,
        sector: organisation.sector,
        type: organisation.type,
        category: null,
        communeCode: organisation.communeCode,
        communeName: organisation.communeName,
        epciCode: organisation.epciCode,
        memberCount: organisation.memberCount,
        activeMemberCount: activeMembers.get(organisation.id) ?? 0,
        axisIds: [...(axesOfOrganisation.get(organisation.id) ?? [])].sort(),
        organisationIds: [],
      });
    }
    const membershipsOf = new Map<string, DatedMembership[]>();
    for (const actor of data.actors) {
      membershipsOf.set(actor.id, actor.memberships.map((m) => ({ organisationId: m.organisationId, span: { from: m.from, to: m.to } })));
    }
    projection = projectOrganisationsDated(activities, membershipsOf, [...nodes.keys()], filter.weighting);
  }
  const ties: Tie[] = [];
  const counts: number[] = [];
  projection.ties.forEach((tie, index) => {
    if (!nodes.has(tie.source) || !nodes.has(tie.target)) return;
    ties.push(tie);
    counts.push(projection.counts[index] as number);
  });
  return { ties, counts, degrees: projection.degrees, nodes };
}

/**
 * Each tie's significance under the backbone's method (SDSM when none is asked: the page's
 * method), computed on every tie of the window and filter.
 */
export function tieSignificance(built: CollaborationTies, method: BackboneMethod): number[] {
  return method === "DISPARITY" ? disparitySignificance(built.ties) : sdsmSignificance(built.ties, built.counts, built.degrees);
}

/**
 * The network as shown: `buildCollaborationTies`, each tie's significance (`tieSignificance`) computed on
 * all of them, then the backbone (`filter.backbone`: significance < alpha) and `filter.minWeight`
 * applied. Every node stays, isolated ones included, so node set, density and isolates are the
 * same for every question on the same request.
 */
export function buildCollaborationGraph(data: CollaborationData, level: NetworkLevel, filter: NetworkFilter): CollaborationGraph {
  const built = buildCollaborationTies(data, level, filter);
  const { ties: all, nodes } = built;
  const pValues = tieSignificance(built, filter.backbone?.method ?? "SDSM");
  const alpha = filter.backbone?.alpha ?? Number.POSITIVE_INFINITY;
  const listUpTo = filter.backbone?.listUpTo ?? Number.POSITIVE_INFINITY;
  const ties: Tie[] = [];
  const significance: number[] = [];
  const listedTies: Tie[] = [];
  const listedSignificance: number[] = [];
  all.forEach((tie, index) => {
    const p = pValues[index] as number;
    if (tie.weight < filter.minWeight) return;
    if (p < alpha) {
      ties.push(tie);
      significance.push(p);
    }
    if (p < alpha || p < listUpTo) {
      listedTies.push(tie);
      listedSignificance.push(p);
    }
  });
  const institutions = new Set(data.organisations.filter((o) => o.kind === "INSTITUTION").map((o) => o.id));
  // Brokerage compares groups: sectors, with institutions (and people only in institutions) as their own.
  const brokerageGroup = (node: AnalysedNode): string | null =>
    node.kind === "INSTITUTION" ? "institution" : node.sector ?? (node.organisationIds.some((id) => institutions.has(id)) ? "institution" : null);
  const infos: NodeInfo[] = [...nodes.values()].map((node) => ({ id: node.id, sector: node.sector, axes: node.axisIds, brokerageGroup: brokerageGroup(node) }));
  return { graph: buildGraph(infos, ties), ties, significance, allTieCount: all.length, listedTies, listedSignificance, nodes };
}
