import { UndirectedGraph } from "graphology";
import { AppError } from "../errors.js";
import type { NetworkGraph, NodeAttributes, Tie, TieAttributes } from "../network/index.js";
import { Analysis, type ComputedMeasures } from "./analysis.js";
import { buildCollaborationGraph, type CollaborationData, type CollaborationGraph } from "./collaboration.js";
import type { NetworkFilter, NetworkLevel } from "./filters.js";

/** What a worker thread needs to build and measure one network: the rows Neo4j gave, and the request's level and filter. */
export interface AnalysisTask {
  readonly data: CollaborationData;
  readonly level: NetworkLevel;
  readonly filter: NetworkFilter;
}

/**
 * Ties or edges as columns: the ends as indexes into a list of ids, every other field as a column
 * (numbers in a Float64Array). Hundreds of thousands of ties cross threads as a few arrays instead
 * of as many objects, which the receiving thread would spend seconds rebuilding.
 */
interface PackedLinks {
  readonly count: number;
  readonly sources: Int32Array;
  readonly targets: Int32Array;
  readonly columns: Readonly<Record<string, Float64Array | unknown[]>>;
}

/** A built and measured network as it crosses threads (structured clone). */
export interface AnalysisTaskResult {
  /** Node ids: the graph's, in its order, then any other id a tie names. */
  readonly ids: readonly string[];
  readonly graphNodes: ReadonlyArray<{ readonly key: string; readonly attributes?: NodeAttributes | undefined }>;
  readonly graphEdges: PackedLinks;
  readonly ties: PackedLinks;
  /** The rest of the collaboration graph (its nodes by id...) as it is. */
  readonly network: Omit<CollaborationGraph, "graph" | "ties">;
  readonly measures: ComputedMeasures;
}

interface Link {
  readonly source: string;
  readonly target: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

function pack(links: readonly Link[], indexOf: (id: string) => number): PackedLinks {
  const sources = new Int32Array(links.length);
  const targets = new Int32Array(links.length);
  const keys = new Set<string>();
  for (const link of links) for (const key of Object.keys(link.fields)) keys.add(key);
  const columns: Record<string, Float64Array | unknown[]> = {};
  for (const key of keys) {
    const numeric = links.every((link) => typeof link.fields[key] === "number");
    columns[key] = numeric ? new Float64Array(links.length) : new Array<unknown>(links.length);
  }
  links.forEach((link, i) => {
    sources[i] = indexOf(link.source);
    targets[i] = indexOf(link.target);
    for (const key of keys) {
      const column = columns[key];
      if (column !== undefined) column[i] = link.fields[key] as number;
    }
  });
  return { count: links.length, sources, targets, columns };
}

function unpack(packed: PackedLinks, ids: readonly string[], each: (source: string, target: string, fields: Record<string, unknown>) => void): void {
  const entries = Object.entries(packed.columns);
  for (let i = 0; i < packed.count; i += 1) {
    const fields: Record<string, unknown> = {};
    for (const [key, column] of entries) fields[key] = column[i];
    each(ids[packed.sources[i] ?? -1] ?? "", ids[packed.targets[i] ?? -1] ?? "", fields);
  }
}

/**
 * The CPU-heavy, pure part of an analysis: projection, graph measures and, when the network is
 * small enough for them (MAX_TIES_FOR_METRICS), communities and per-node metrics (betweenness is
 * the costly one), all at once, so that nothing heavy is left for the main thread. Runs in a worker
 * thread (analysisPool.ts), or inline.
 */
export function runAnalysisTask(task: AnalysisTask): AnalysisTaskResult {
  const analysis = new Analysis(buildCollaborationGraph(task.data, task.level, task.filter));
  analysis.graphMetrics();
  try {
    analysis.nodeMetrics();
  } catch (error) {
    // Too many ties: asking for metrics is refused later, on the main thread, with the same advice.
    if (!(error instanceof AppError)) throw error;
  }
  const { graph, ties, ...network } = analysis.network;
  const ids = graph.nodes();
  const index = new Map(ids.map((id, i) => [id, i]));
  const indexOf = (id: string): number => {
    let found = index.get(id);
    if (found === undefined) {
      found = ids.length;
      ids.push(id);
      index.set(id, found);
    }
    return found;
  };
  const edges: Link[] = [];
  graph.forEachEdge((_edge, attributes, source, target) => edges.push({ source, target, fields: { ...attributes } }));
  return {
    ids,
    graphNodes: graph.mapNodes((key, attributes) => ({ key, attributes })),
    graphEdges: pack(edges, indexOf),
    ties: pack(
      ties.map(({ source, target, ...fields }) => ({ source, target, fields })),
      indexOf,
    ),
    network,
    measures: analysis.computed(),
  };
}

/**
 * The Analysis on this side of the thread boundary, with the measures as computed. Its graph and
 * tie list are rebuilt on first use only: answers that need neither (metrics, communities, a
 * node's attributes) never pay for them on the main thread.
 */
export function restoreAnalysis(result: AnalysisTaskResult): Analysis {
  let graph: NetworkGraph | undefined;
  let ties: Tie[] | undefined;
  const network: CollaborationGraph = {
    ...result.network,
    get graph(): NetworkGraph {
      if (graph === undefined) {
        const built: NetworkGraph = new UndirectedGraph<NodeAttributes, TieAttributes>();
        for (const { key, attributes } of result.graphNodes) built.addNode(key, attributes);
        unpack(result.graphEdges, result.ids, (source, target, fields) => built.addEdge(source, target, fields as unknown as TieAttributes));
        graph = built;
      }
      return graph;
    },
    get ties(): Tie[] {
      if (ties === undefined) {
        const list: Tie[] = [];
        unpack(result.ties, result.ids, (source, target, fields) => list.push({ source, target, ...fields } as Tie));
        ties = list;
      }
      return ties;
    },
  };
  return new Analysis(network, result.measures);
}
