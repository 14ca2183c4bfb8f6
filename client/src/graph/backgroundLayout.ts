import type { ElementDefinition } from "cytoscape";
import { computeLayout, type LayoutQuality, type Positions } from "./layout";
import type { LayoutResponse } from "./layout.worker";

export interface LayoutJob {
  positions: Promise<Positions>;
  cancel: () => void;
}

/**
 * A worker started ahead of need: loading and compiling its script (Cytoscape and fcose) takes as
 * long as the layout itself, so it happens while the network is still being fetched.
 */
let warmWorker: Worker | null = null;

function createWorker(): Worker {
  return new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
}

export function prepareLayoutWorker(): void {
  if (typeof Worker !== "undefined" && warmWorker === null) warmWorker = createWorker();
}

function takeWorker(): Worker {
  const worker = warmWorker ?? createWorker();
  warmWorker = null;
  return worker;
}

/** Computes the layout in a worker (main thread when workers are unavailable); cancel drops the job. */
export function startLayout(elements: readonly ElementDefinition[], quality: LayoutQuality = "full"): LayoutJob {
  if (typeof Worker === "undefined") {
    return { positions: Promise.resolve().then(() => computeLayout(elements, quality)), cancel: () => undefined };
  }
  const worker = takeWorker();
  const positions = new Promise<Positions>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      worker.terminate();
      if ("positions" in event.data) resolve(event.data.positions);
      else reject(new Error(event.data.error));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
  });
  // Element definitions are plain data: they cross the worker boundary by structured clone.
  worker.postMessage({ elements: elements.map((e) => ({ group: e.group, data: e.data })), quality });
  // The next network (another period, another territory) gets a warm worker too.
  prepareLayoutWorker();
  return { positions, cancel: () => worker.terminate() };
}
