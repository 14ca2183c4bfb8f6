// The entry of the analysis worker threads (analysisPool.ts). Piscina starts it in plain Node,
// which does not read TypeScript wherever the main thread got its loader from (tsx's command line,
// vitest): tsx's API loads the task, written in TypeScript, the same way everywhere.
import { tsImport } from "tsx/esm/api";

const { runAnalysisTask } = await tsImport("./analysisTask.ts", import.meta.url);

export default runAnalysisTask;
