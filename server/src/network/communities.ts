import { UndirectedGraph } from "graphology";
import louvainModule from "graphology-communities-louvain";
import { cjsDefault } from "./interop.js";
import { compareIds } from "./order.js";
import { mulberry32 } from "./prng.js";
import { graphTies, isCanonical } from "./projection.js";
import type { NetworkGraph, NodeAttributes, TieAttributes } from "./types.js";

const louvain = cjsDefault(louvainModule);

export const DEFAULT_COMMUNITY_SEED = 20_190_101;

export interface CommunityOptions {
  /** Seed of the PRNG that drives Louvain's visiting order; same seed + same data → same result. */
  seed?: number;
  /** Louvain resolution (1 = classic modularity; higher → more, smaller communities). */
  resolution?: number;
  /** Node attributes to summarise per community (e.g. "sector", "axes"). */
  attributes?: readonly string[];
  /** How many dominant values to keep per attribute (default 3). */
  top?: number;
}

export interface ValueCount {
  value: string;
  count: number;
}

export interface CommunitySummary {
  /** 0 is the largest community; ties broken by smallest member id. */
  id: number;
  size: number;
  /** Member ids, sorted. */
  members: string[];
  /** Per requested attribute, the most frequent values, most frequent first (ties by value). */
  dominant: Record<string, ValueCount[]>;
}

export interface CommunityResult {
  /** Node id → community id. */
  assignment: Map<string, number>;
  communities: CommunitySummary[];
  /** Weighted modularity of the partition found. */
  modularity: number;
}

/**
 * The same nodes and ties inserted in id order: Louvain's result depends on iteration order, so this
 * makes it depend on the data alone, even for graphs not built by `buildGraph`.
 */
function canonicalCopy(graph: NetworkGraph): NetworkGraph {
  if (isCanonical(graph)) return graph;
  const copy: NetworkGraph = new UndirectedGraph<NodeAttributes, TieAttributes>();
  for (const node of graph.nodes().sort(compareIds)) copy.addNode(node);
  for (const tie of graphTies(graph)) copy.addEdge(tie.source, tie.target, { weight: tie.weight });
  return copy;
}

/**
 * Categorical values of an attribute: a string (or number/boolean) is one value, an array is several
 * (a person working on many axes); null, undefined and anything else are not counted.
 */
function categoricalValues(value: unknown): string[] {
  const one = (v: unknown): string | null =>
    typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : null;
  if (Array.isArray(value)) return [...new Set(value.map(one).filter((v): v is string => v !== null))];
  const single = one(value);
  return single === null ? [] : [single];
}

function dominantValues(graph: NetworkGraph, members: readonly string[], attribute: string, top: number): ValueCount[] {
  const counts = new Map<string, number>();
  for (const member of members) {
    for (const value of categoricalValues(graph.getNodeAttribute(member, attribute))) {
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || compareIds(a.value, b.value))
    .slice(0, top);
}

/**
 * Weighted Louvain communities, reproducible: a seeded PRNG replaces Math.random and the graph is
 * visited in id order. Communities are renumbered largest first (ties by smallest member id), so
 * ids mean the same thing whatever labels Louvain happened to use. Isolated nodes form their own
 * singleton communities.
 */
export function detectCommunities(graph: NetworkGraph, options: CommunityOptions = {}): CommunityResult {
  const top = options.top ?? 3;
  const canonical = canonicalCopy(graph);
  const detailed =
    canonical.size === 0
      ? null
      : louvain.detailed(canonical, {
          getEdgeWeight: "weight",
          resolution: options.resolution ?? 1,
          rng: mulberry32(options.seed ?? DEFAULT_COMMUNITY_SEED),
        });

  const membersByLabel = new Map<string, string[]>();
  for (const node of canonical.nodes()) {
    // Without ties Louvain has nothing to do: every node is alone.
    const label = detailed ? String(detailed.communities[node]) : node;
    const members = membersByLabel.get(label);
    if (members) members.push(node);
    else membersByLabel.set(label, [node]);
  }

  const groups = [...membersByLabel.values()]
    .map((members) => members.sort(compareIds))
    .sort((a, b) => b.length - a.length || compareIds(a[0] ?? "", b[0] ?? ""));

  const assignment = new Map<string, number>();
  const communities = groups.map((members, id): CommunitySummary => {
    for (const member of members) assignment.set(member, id);
    const dominant: Record<string, ValueCount[]> = {};
    for (const attribute of options.attributes ?? []) dominant[attribute] = dominantValues(graph, members, attribute, top);
    return { id, size: members.length, members, dominant };
  });

  return { assignment, communities, modularity: detailed?.modularity ?? 0 };
}
