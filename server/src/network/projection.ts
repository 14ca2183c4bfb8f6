import { UndirectedGraph } from "graphology";
import { NetworkInputError } from "./errors.js";
import { compareIds, compareTies, orderedPair } from "./order.js";
import type { Affiliation, Membership, NetworkGraph, NodeAttributes, NodeInfo, Tie } from "./types.js";

/** Nested pair counter keyed by the smaller id first; avoids building string keys for pairs. */
class PairWeights {
  private readonly bySource = new Map<string, Map<string, number>>();

  add(a: string, b: string, weight: number): void {
    const [source, target] = orderedPair(a, b);
    let targets = this.bySource.get(source);
    if (!targets) {
      targets = new Map();
      this.bySource.set(source, targets);
    }
    targets.set(target, (targets.get(target) ?? 0) + weight);
  }

  toTies(): Tie[] {
    const ties: Tie[] = [];
    for (const [source, targets] of this.bySource) {
      for (const [target, weight] of targets) ties.push({ source, target, weight });
    }
    return ties.sort(compareTies);
  }
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string, valueOf: (item: T) => string): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const item of items) {
    const key = keyOf(item);
    let values = groups.get(key);
    if (!values) {
      values = new Set();
      groups.set(key, values);
    }
    values.add(valueOf(item));
  }
  return groups;
}

/** Above this many people, pair counts go to a Map instead of an n × n matrix (16 MiB at 2,048). */
const DENSE_PAIR_LIMIT = 2048;

/**
 * One-mode projection of the person × group network: two people are tied when they took part in
 * at least one common group, weight = number of distinct shared groups. Repeated affiliations are
 * counted once. Ties come sorted by (source, target) with source < target.
 */
export function projectAffiliations(affiliations: readonly Affiliation[]): Tie[] {
  // People are numbered in id order, so pairs counted by number come out in tie order without a
  // sort, and the hot loop adds to a typed array rather than to nested string-keyed maps.
  const people = [...new Set(affiliations.map((a) => a.personId))].sort(compareIds);
  const n = people.length;
  const numberOf = new Map<string, number>();
  people.forEach((id, index) => numberOf.set(id, index));
  const membersByGroup = groupBy(affiliations, (a) => a.groupId, (a) => a.personId);
  const dense = n <= DENSE_PAIR_LIMIT ? new Uint32Array(n * n) : null;
  const sparse = dense === null ? new Map<number, number>() : null;
  for (const members of membersByGroup.values()) {
    const numbers = Int32Array.from(members, (id) => numberOf.get(id) as number).sort();
    for (let i = 0; i < numbers.length; i++) {
      const row = (numbers[i] as number) * n;
      for (let j = i + 1; j < numbers.length; j++) {
        const key = row + (numbers[j] as number);
        if (dense !== null) dense[key] = (dense[key] as number) + 1;
        else sparse?.set(key, (sparse.get(key) ?? 0) + 1);
      }
    }
  }
  const ties: Tie[] = [];
  if (dense !== null) {
    for (let i = 0; i < n; i++) {
      for (let j = i + 1, key = i * n + j; j < n; j++, key++) {
        const weight = dense[key] as number;
        if (weight > 0) ties.push({ source: people[i] as string, target: people[j] as string, weight });
      }
    }
    return ties;
  }
  for (const key of [...(sparse?.keys() ?? [])].sort((a, b) => a - b)) {
    ties.push({ source: people[Math.floor(key / n)] as string, target: people[key % n] as string, weight: sparse?.get(key) as number });
  }
  return ties;
}

/**
 * Organisation–organisation ties through their members: each person–person tie (p, q, w) adds w to
 * every pair (organisation of p, organisation of q) with distinct organisations, once per pair even
 * when p and q share several memberships. So the weight counts the shared groups between members
 * of the two organisations. Belonging to two organisations does not by itself tie them (membership
 * is not collaboration), and ties of people with no membership are left out.
 */
export function projectOrganisations(memberships: readonly Membership[], personTies: readonly Tie[]): Tie[] {
  const organisationsByPerson = groupBy(memberships, (m) => m.personId, (m) => m.organisationId);
  const pairs = new PairWeights();
  for (const tie of personTies) {
    const left = organisationsByPerson.get(tie.source);
    const right = organisationsByPerson.get(tie.target);
    if (!left || !right) continue;
    const counted = new Set<string>();
    for (const a of left) {
      for (const b of right) {
        if (a === b) continue;
        const [x, y] = orderedPair(a, b);
        const key = JSON.stringify([x, y]);
        if (counted.has(key)) continue;
        counted.add(key);
        pairs.add(x, y, tie.weight);
      }
    }
  }
  return pairs.toTies();
}

/**
 * An undirected weighted graph (edge attribute `weight`). Nodes and ties are inserted in id order,
 * whatever the input order, so every traversal downstream (and Louvain) sees the same graph.
 * Throws `NetworkInputError` on a duplicate node, a tie to an unknown node, a self-tie, a repeated
 * pair or a weight that is not a positive finite number.
 */
export function buildGraph(nodes: readonly NodeInfo[], ties: readonly Tie[]): NetworkGraph {
  const graph: NetworkGraph = new UndirectedGraph<NodeAttributes, { weight: number }>();
  for (const { id, ...attributes } of [...nodes].sort((a, b) => compareIds(a.id, b.id))) {
    if (graph.hasNode(id)) throw new NetworkInputError("DUPLICATE_NODE", `Node "${id}" is given twice.`, { id });
    graph.addNode(id, attributes);
  }
  const normalised = ties.map((tie) => {
    const [source, target] = orderedPair(tie.source, tie.target);
    return { source, target, weight: tie.weight };
  });
  let previous: Tie | undefined;
  for (const tie of normalised.sort(compareTies)) {
    for (const end of [tie.source, tie.target]) {
      if (!graph.hasNode(end)) throw new NetworkInputError("UNKNOWN_NODE", `Tie refers to unknown node "${end}".`, { ...tie });
    }
    if (tie.source === tie.target) throw new NetworkInputError("INVALID_TIE", `Node "${tie.source}" is tied to itself.`, { ...tie });
    if (!(Number.isFinite(tie.weight) && tie.weight > 0)) {
      throw new NetworkInputError("INVALID_TIE", "A tie weight must be a positive finite number.", { ...tie });
    }
    // Sorted, a repeated pair sits next to its twin: no need to ask the graph.
    if (previous !== undefined && previous.source === tie.source && previous.target === tie.target) {
      throw new NetworkInputError("DUPLICATE_TIE", `The pair "${tie.source}"–"${tie.target}" is given twice.`, { ...tie });
    }
    graph.addEdge(tie.source, tie.target, { weight: tie.weight });
    previous = tie;
  }
  markCanonical(graph);
  return graph;
}

const canonicalGraphs = new WeakSet<NetworkGraph>();

/**
 * Remembers that `graph` holds its nodes and ties in id order (as `buildGraph` inserts them) until
 * its structure changes: order-sensitive algorithms (Louvain) can then use it without a copy.
 */
function markCanonical(graph: NetworkGraph): void {
  canonicalGraphs.add(graph);
  const forget = (): void => {
    canonicalGraphs.delete(graph);
  };
  for (const event of ["nodeAdded", "edgeAdded", "nodeDropped", "edgeDropped", "cleared", "edgesCleared"] as const) graph.once(event, forget);
}

/** True while a graph built by `buildGraph` has not gained or lost a node or a tie. */
export function isCanonical(graph: NetworkGraph): boolean {
  return canonicalGraphs.has(graph);
}

/** The ties of a graph as plain values, sorted, source < target. */
export function graphTies(graph: NetworkGraph): Tie[] {
  return graph
    .mapEdges((_edge, attributes, a, b) => {
      const [source, target] = orderedPair(a, b);
      return { source, target, weight: attributes.weight };
    })
    .sort(compareTies);
}
