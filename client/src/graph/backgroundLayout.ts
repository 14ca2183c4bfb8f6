import type { ElementDefinition } from "cytoscape";
import { computeLayout, type Positions } from "./layout";
import type { LayoutResponse } from "./layout.worker";

export interface LayoutJob {
  positions: Promise<Positions>;
  cancel: () => void;
}

/** Computes the layout in a worker (main thread when workers are unavailable); cancel drops the job. */
export function startLayout(elements: readonly ElementDefinition[]): LayoutJob {
  if (typeof Worker === "undefined") {
    return { positions: Promise.resolve().then(() => computeLayout(elements)), cancel: () => undefined };
  }
  const worker = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
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
  worker.postMessage({ elements: elements.map((e) => ({ group: e.group, data: e.data })) });
  return { positions, cancel: () => worker.terminate() };
}
