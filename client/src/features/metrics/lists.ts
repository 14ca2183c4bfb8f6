import type { NetworkNode } from "../../api/network";
import { degreeOf, type NetworkModel } from "../../graph/model";

/** The coordinator's ready lists, computed on the network as drawn. */
export interface CoordinatorLists {
  /** Highest betweenness first (only nodes that bridge something). */
  brokers: NetworkNode[];
  /** Organisations without any tie in the drawn network. */
  isolated: NetworkNode[];
  /** Organisations tied to the network, but through a single active member. */
  singlePerson: NetworkNode[];
}

const collator = new Intl.Collator("fr", { sensitivity: "base" });
const byName = (a: NetworkNode, b: NetworkNode) => collator.compare(a.name, b.name);
const isOrganisation = (node: NetworkNode) => node.kind === "STRUCTURE" || node.kind === "INSTITUTION";

export function coordinatorLists(model: NetworkModel, brokerCount = 10): CoordinatorLists {
  const brokers = model.nodes
    .filter((n) => (n.metrics?.betweenness ?? 0) > 0)
    .sort((a, b) => (b.metrics?.betweenness ?? 0) - (a.metrics?.betweenness ?? 0) || byName(a, b))
    .slice(0, brokerCount);
  const organisations = model.nodes.filter(isOrganisation);
  return {
    brokers,
    isolated: organisations.filter((n) => degreeOf(model, n.id) === 0).sort(byName),
    singlePerson: organisations.filter((n) => n.activeMemberCount === 1 && degreeOf(model, n.id) > 0).sort(byName),
  };
}
