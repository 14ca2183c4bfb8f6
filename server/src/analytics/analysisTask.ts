import { UndirectedGraph } from "graphology";
import { AppError } from "../errors.js";
import type { NetworkGraph, NodeAttributes, TieAttributes } from "../network/index.js";
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
 * A built and measured network as it crosses threads (structured clone): the graph serialised by
 * graphology, the rest of the collaboration graph as it is (plain values and maps), the measures.
 */
export interface AnalysisTaskResult {
  readonly graph: ReturnType<NetworkGraph["export"]>;
  readonly network: Omit<CollaborationGraph, "graph">;
  readonly measures: ComputedMeasures;
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
  const { graph, ...network } = analysis.network;
  return { graph: graph.export(), network, measures: analysis.computed() };
}

/** The Analysis on this side of the thread boundary: the graph imported back, the measures as computed. */
export function restoreAnalysis(result: AnalysisTaskResult): Analysis {
  const graph: NetworkGraph = new UndirectedGraph<NodeAttributes, TieAttributes>();
  graph.import(result.graph);
  return new Analysis({ ...result.network, graph }, result.measures);
}
