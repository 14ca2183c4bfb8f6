import type { ElementDefinition } from "cytoscape";
import { computeLayout, type LayoutQuality, type Positions } from "./layout";

export interface LayoutRequest {
  elements: ElementDefinition[];
  quality: LayoutQuality;
  /** Wait for a `{ go: true }` message before computing (the page is still drawing its first picture). */
  hold?: boolean;
}

export type LayoutMessage = LayoutRequest | { go: true };

export type LayoutResponse = { positions: Positions } | { error: string };

// Typed by hand: the client's lib is DOM, not WebWorker.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutMessage>) => void) | null;
  postMessage: (message: LayoutResponse) => void;
};

let held: LayoutRequest | null = null;

function run(request: LayoutRequest): void {
  try {
    scope.postMessage({ positions: computeLayout(request.elements, request.quality) });
  } catch (error) {
    scope.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  if ("go" in message) {
    const request = held;
    held = null;
    if (request) run(request);
    return;
  }
  if (message.hold === true) held = message;
  else run(message);
};
