import {
  computeGraphMetrics,
  computeNodeMetrics,
  detectCommunities,
  egoIndex,
  indexedEgoNetwork,
  type EgoIndex,
  type EgoNetwork,
  type CommunityResult,
  type GraphMetrics,
  type NodeMetrics,
  type Tie,
  type ValueCount,
} from "../network/index.js";
import { AppError } from "../errors.js";
import type { AnalysedNode, CollaborationGraph } from "./collaboration.js";

/**
 * Betweenness costs about nodes × ties: past this many ties (an all-time actor network holds
 * ~360,000) a request would hold the server for minutes, so it is refused with advice instead.
 */
export const MAX_TIES_FOR_METRICS = 150_000;

export interface NodeMetricsWithCommunity extends NodeMetrics {
  community: number;
}

/** Measures of a network computed elsewhere (a worker thread: analysisTask.ts), handed to the Analysis that holds it. */
export interface ComputedMeasures {
  readonly graphMetrics?: GraphMetrics | undefined;
  readonly communities?: CommunityResult | undefined;
  readonly nodeMetrics?: Map<string, NodeMetricsWithCommunity> | undefined;
}

/**
 * One collaboration graph with its measures computed on first use and kept: the object the cache
 * holds, so repeated questions on the same network (metrics, communities, ego networks, paths)
 * pay the expensive part once.
 */
export class Analysis {
  private graphMetricsValue: GraphMetrics | undefined;
  private nodeMetricsValue: Map<string, NodeMetricsWithCommunity> | undefined;
  private communitiesValue: CommunityResult | undefined;
  private egoIndexValue: EgoIndex | undefined;

  constructor(
    readonly network: CollaborationGraph,
    computed: ComputedMeasures = {},
  ) {
    this.graphMetricsValue = computed.graphMetrics;
    this.communitiesValue = computed.communities;
    this.nodeMetricsValue = computed.nodeMetrics;
  }

  /** The measures computed so far. */
  computed(): ComputedMeasures {
    return { graphMetrics: this.graphMetricsValue, communities: this.communitiesValue, nodeMetrics: this.nodeMetricsValue };
  }

  get graph() {
    return this.network.graph;
  }

  node(id: string): AnalysedNode | undefined {
    return this.network.nodes.get(id);
  }

  /** Every node id, sorted. */
  nodeIds(): string[] {
    return [...this.network.nodes.keys()].sort();
  }

  /** Every tie, sorted by (source, target): the order ties are paginated in. */
  tieList(): readonly Tie[] {
    return this.network.ties;
  }

  /** The most frequent values of a node attribute (`sector`, `axes`) among some nodes. */
  dominantValues(members: readonly string[], attribute: "sector" | "axes", top: number): ValueCount[] {
    const counts = new Map<string, number>();
    for (const member of members) {
      const value: unknown = this.graph.getNodeAttribute(member, attribute);
      const values = Array.isArray(value) ? value : [value];
      for (const item of new Set(values)) if (typeof item === "string") counts.set(item, (counts.get(item) ?? 0) + 1);
    }
    return [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
      .slice(0, top);
  }

  /** The neighbourhood of a node up to `depth` hops, from an index built on first use. */
  ego(center: string, depth: number): EgoNetwork {
    this.egoIndexValue ??= egoIndex(this.graph);
    return indexedEgoNetwork(this.egoIndexValue, center, depth);
  }

  graphMetrics(): GraphMetrics {
    this.graphMetricsValue ??= computeGraphMetrics(this.graph);
    return this.graphMetricsValue;
  }

  private assertSmallEnough(): void {
    // From the graph measures (computed with the network, off the main thread), not the graph itself.
    const { tieCount } = this.graphMetrics();
    if (tieCount > MAX_TIES_FOR_METRICS) {
      throw new AppError(
        "NETWORK_TOO_LARGE",
        `This network has ${tieCount} ties; metrics are computed up to ${MAX_TIES_FOR_METRICS}. Ask for its backbone (backbone: { method: SDSM, alpha: 0.05 }), which keeps only the significant ties, or narrow the window, filter, or raise filter.minWeight.`,
        // The page says it in words ("Réseau trop grand : 313 331 liens") from these figures.
        { reason: "TOO_MANY_TIES", tieCount, maxTies: MAX_TIES_FOR_METRICS, maximum: MAX_TIES_FOR_METRICS, remedy: "BACKBONE" },
      );
    }
  }

  communities(): CommunityResult {
    this.assertSmallEnough();
    this.communitiesValue ??= detectCommunities(this.graph, { attributes: ["sector", "axes"], top: 3 });
    return this.communitiesValue;
  }

  /** Per-node measures (hop betweenness, Wasserman–Faust closeness, sector brokerage, community). */
  nodeMetrics(): Map<string, NodeMetricsWithCommunity> {
    if (this.nodeMetricsValue === undefined) {
      this.assertSmallEnough();
      const { assignment } = this.communities();
      this.nodeMetricsValue = new Map(
        computeNodeMetrics(this.graph).map((metrics) => [metrics.id, { ...metrics, community: assignment.get(metrics.id) ?? -1 }]),
      );
    }
    return this.nodeMetricsValue;
  }
}
