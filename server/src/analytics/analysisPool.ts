import os from "node:os";
import { Piscina } from "piscina";
import type { Analysis } from "./analysis.js";
import { restoreAnalysis, runAnalysisTask, type AnalysisTask, type AnalysisTaskResult } from "./analysisTask.js";

/**
 * Worker threads for the pure, CPU-heavy part of an analysis (projection, metrics, communities):
 * a large network takes seconds to measure, and on the main thread that would hold every other
 * request (and /health) for as long. The Cypher reading stays on the main thread. By default one
 * thread fewer than the machine has cores (at least one), so that the main thread keeps a core
 * (`ANALYSIS_THREADS` in config.ts sets the number; 0 runs the analysis on the main thread).
 */
export function defaultAnalysisThreads(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

export interface AnalysisRunner {
  /** Builds and measures one network. */
  run(task: AnalysisTask): Promise<Analysis>;
  /** Stops the threads (waiting tasks are rejected). */
  close(): Promise<void>;
}

/** On the main thread: for `ANALYSIS_THREADS=0`. */
export const INLINE_RUNNER: AnalysisRunner = {
  run: async (task) => restoreAnalysis(runAnalysisTask(task)),
  close: async () => undefined,
};

/** A pool of `threads` worker threads, started on the first task and kept (idle threads stay ready: their code is compiled). */
export function createAnalysisPool(threads: number): AnalysisRunner {
  if (threads <= 0) return INLINE_RUNNER;
  let pool: Piscina<AnalysisTask, AnalysisTaskResult> | undefined;
  return {
    async run(task) {
      pool ??= new Piscina<AnalysisTask, AnalysisTaskResult>({
        filename: new URL("./analysisWorker.mjs", import.meta.url).href,
        minThreads: threads,
        maxThreads: threads,
        idleTimeout: Number.POSITIVE_INFINITY,
      });
      return restoreAnalysis(await pool.run(task));
    },
    async close() {
      const running = pool;
      pool = undefined;
      await running?.close({ force: true });
    },
  };
}

const shared = new Map<number, AnalysisRunner>();

/** The process's pool of that many threads, shared by every AnalyticsService that asks for it. */
export function sharedAnalysisPool(threads: number = defaultAnalysisThreads()): AnalysisRunner {
  let runner = shared.get(threads);
  if (runner === undefined) {
    runner = createAnalysisPool(threads);
    shared.set(threads, runner);
  }
  return runner;
}
