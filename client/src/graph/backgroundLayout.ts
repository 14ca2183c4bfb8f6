import type { ElementDefinition } from "cytoscape";
import { computeLayout, type LayoutQuality, type Positions } from "./layout";
import type { LayoutMessage, LayoutRequest, LayoutResponse } from "./layout.worker";

export interface LayoutJob {
  positions: Promise<Positions>;
  /** Starts a job begun with `hold` (no effect otherwise). */
  go: () => void;
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

/**
 * Computes the layout in a worker (main thread when workers are unavailable); cancel drops the job.
 * With `hold`, the elements are handed over now (copying them is the main thread's part of the
 * work) and the worker computes once `go()` is called.
 */
export function startLayout(elements: readonly ElementDefinition[], quality: LayoutQuality = "full", options: { hold?: boolean } = {}): LayoutJob {
  if (typeof Worker === "undefined") {
    let release: () => void = () => undefined;
    const released = options.hold === true ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
    return { positions: released.then(() => computeLayout(elements, quality)), go: () => release(), cancel: () => undefined };
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
  const request: LayoutRequest = { elements: elements.map((e) => ({ group: e.group, data: e.data })), quality, hold: options.hold === true };
  worker.postMessage(request);
  // The next network (another period, another territory) gets a warm worker too.
  prepareLayoutWorker();
  let started = options.hold !== true;
  return {
    positions,
    go: () => {
      if (started) return;
      started = true;
      worker.postMessage({ go: true } satisfies LayoutMessage);
    },
    cancel: () => worker.terminate(),
  };
}
