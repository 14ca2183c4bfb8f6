import { NetworkInputError } from "./errors.js";
import { compareIds } from "./order.js";
import type { Membership, Tie } from "./types.js";

// The coordinator's lists in one place; isolated nodes are computed with the graph metrics.
export { isolatedNodes } from "./metrics.js";

export interface Broker {
  id: string;
  betweenness: number;
}

/**
 * The `limit` nodes with the highest betweenness (as given: normalised or raw), highest first, ties
 * by id. Nodes with zero betweenness are left out: they bridge nothing, whatever their rank.
 */
export function topBrokers(scores: readonly Broker[], limit: number): Broker[] {
  if (!Number.isInteger(limit) || limit < 0) {
    throw new NetworkInputError("INVALID_ARGUMENT", "The number of brokers must be a non-negative integer.", { limit });
  }
  return scores
    .filter((s) => s.betweenness > 0)
    .map(({ id, betweenness }) => ({ id, betweenness }))
    .sort((a, b) => b.betweenness - a.betweenness || compareIds(a.id, b.id))
    .slice(0, limit);
}

export interface SinglePersonStructure {
  organisationId: string;
  /** The one member through whom every tie to other organisations passes. */
  personId: string;
  /** Members of the organisation in the window (1 means a one-person structure). */
  memberCount: number;
  /** The organisations reached through that person, sorted. */
  partnerOrganisations: string[];
}

/**
 * Structures tied to the rest of the network through a single person: organisations that have at
 * least one tie to another organisation (in the sense of `projectOrganisations`) and whose every
 * such tie goes through the same one of their members. Losing that person cuts them off.
 * Organisations with no tie at all are not listed (they are isolated, a different list).
 */
export function singlePersonStructures(memberships: readonly Membership[], personTies: readonly Tie[]): SinglePersonStructure[] {
  const organisationsByPerson = new Map<string, Set<string>>();
  const membersByOrganisation = new Map<string, Set<string>>();
  for (const { personId, organisationId } of memberships) {
    organisationsByPerson.set(personId, (organisationsByPerson.get(personId) ?? new Set()).add(organisationId));
    membersByOrganisation.set(organisationId, (membersByOrganisation.get(organisationId) ?? new Set()).add(personId));
  }

  // organisation → member carrying ties → partner organisations reached through that member
  const carriers = new Map<string, Map<string, Set<string>>>();
  const carry = (organisation: string, person: string, partner: string): void => {
    let byPerson = carriers.get(organisation);
    if (!byPerson) {
      byPerson = new Map();
      carriers.set(organisation, byPerson);
    }
    byPerson.set(person, (byPerson.get(person) ?? new Set()).add(partner));
  };

  for (const { source, target } of personTies) {
    for (const a of organisationsByPerson.get(source) ?? []) {
      for (const b of organisationsByPerson.get(target) ?? []) {
        if (a === b) continue;
        carry(a, source, b);
        carry(b, target, a);
      }
    }
  }

  const result: SinglePersonStructure[] = [];
  for (const [organisationId, byPerson] of carriers) {
    if (byPerson.size !== 1) continue;
    const [personId, partners] = [...byPerson][0] as [string, Set<string>];
    result.push({
      organisationId,
      personId,
      memberCount: membersByOrganisation.get(organisationId)?.size ?? 0,
      partnerOrganisations: [...partners].sort(compareIds),
    });
  }
  return result.sort((x, y) => compareIds(x.organisationId, y.organisationId));
}
