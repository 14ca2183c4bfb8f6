import {
  buildGraph,
  projectAffiliations,
  type Affiliation,
  type NetworkGraph,
  type NodeInfo,
  type Tie,
} from "../network/index.js";
import type { NetworkFilter, NetworkLevel } from "./filters.js";

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
}

export interface ActorRow {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly category: string;
  readonly profession: string | null;
  /** Organisations of the territory the actor belongs to in the window. */
  readonly organisationIds: readonly string[];
}

export interface CollaborationData {
  readonly organisations: readonly OrganisationRow[];
  readonly groups: readonly GroupRow[];
  readonly actors: readonly ActorRow[];
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
 * Turns the raw material of a window into a weighted graph with the projections of
 * server/src/network. ACTOR: two actors are tied by the work groups and events they shared
 * (weight = how many). STRUCTURE: two organisations are tied when members of both took part in the
 * same work group or event (weight = how many such groups and events, as in structureNetwork):
 * the same one-mode projection, run on organisation × group affiliations. Node filters keep an induced subgraph: at ACTOR level, sectors and places
 * apply to the actors' organisations; at STRUCTURE level, categories choose whose collaborations
 * count. Actor nodes are the actors who took part in something counted; organisation nodes are
 * all the territory's organisations passing the filters, isolated ones included.
 */
export function buildCollaborationGraph(data: CollaborationData, level: NetworkLevel, filter: NetworkFilter): CollaborationGraph {
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

  const affiliations: Affiliation[] = [];
  const axesOfActor = new Map<string, Set<string>>();
  for (const group of groups) {
    for (const actorId of group.actorIds) {
      const actor = actors.get(actorId);
      if (actor === undefined || !actorCounts(actor)) continue;
      affiliations.push({ personId: actorId, groupId: group.id });
      const axes = axesOfActor.get(actorId) ?? new Set<string>();
      for (const axisId of axesOfGroup.get(group.id) ?? []) axes.add(axisId);
      axesOfActor.set(actorId, axes);
    }
  }

  const nodes = new Map<string, AnalysedNode>();
  let ties: Tie[];
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
    ties = projectAffiliations(affiliations);
  } else {
    const organisationAffiliations: Affiliation[] = [];
    for (const { personId, groupId } of affiliations) {
      for (const organisationId of actors.get(personId)?.organisationIds ?? []) {
        organisationAffiliations.push({ personId: organisationId, groupId });
      }
    }
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
    ties = projectAffiliations(organisationAffiliations);
  }

  const kept = ties.filter((tie) => tie.weight >= filter.minWeight && nodes.has(tie.source) && nodes.has(tie.target));
  const infos: NodeInfo[] = [...nodes.values()].map((node) => ({ id: node.id, sector: node.sector, axes: node.axisIds }));
  return { graph: buildGraph(infos, kept), ties: kept, nodes };
}
