import type { Network, NetworkNode, NetworkTie } from "../api/network";

export interface Neighbour {
  id: string;
  weight: number;
}

/** The network as the view uses it: nodes by id, valid undirected ties, and who is tied to whom. */
export interface NetworkModel {
  nodes: readonly NetworkNode[];
  nodesById: ReadonlyMap<string, NetworkNode>;
  ties: readonly NetworkTie[];
  adjacency: ReadonlyMap<string, readonly Neighbour[]>;
}

export interface Partner {
  node: NetworkNode;
  /** Number of work groups and events the two share (1 for a participation in the two-mode view). */
  weight: number;
}

function tieKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/**
 * Keeps ties whose two ends are known, distinct nodes; a pair reported twice (in either direction)
 * becomes one tie with the larger weight.
 */
export function createNetworkModel(network: Network): NetworkModel {
  const nodesById = new Map(network.nodes.map((n) => [n.id, n]));
  const byPair = new Map<string, NetworkTie>();
  for (const tie of network.ties) {
    if (tie.source === tie.target || !nodesById.has(tie.source) || !nodesById.has(tie.target)) continue;
    const key = tieKey(tie.source, tie.target);
    const known = byPair.get(key);
    if (!known || known.weight < tie.weight) byPair.set(key, tie);
  }
  const ties = [...byPair.values()];

  const adjacency = new Map<string, Neighbour[]>(network.nodes.map((n) => [n.id, []]));
  for (const tie of ties) {
    adjacency.get(tie.source)?.push({ id: tie.target, weight: tie.weight });
    adjacency.get(tie.target)?.push({ id: tie.source, weight: tie.weight });
  }
  return { nodes: network.nodes, nodesById, ties, adjacency };
}

const collator = new Intl.Collator("fr", { sensitivity: "base" });

/** Partners of a node, strongest tie first, then by name (French collation). */
export function listPartners(model: NetworkModel, nodeId: string): Partner[] {
  const partners: Partner[] = [];
  for (const { id, weight } of model.adjacency.get(nodeId) ?? []) {
    const node = model.nodesById.get(id);
    if (node) partners.push({ node, weight });
  }
  return partners.sort((a, b) => b.weight - a.weight || collator.compare(a.node.name, b.node.name));
}

export function degreeOf(model: NetworkModel, nodeId: string): number {
  return model.adjacency.get(nodeId)?.length ?? 0;
}
