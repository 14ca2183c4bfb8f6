import type { ElementDefinition } from "cytoscape";
import { computeLayout, type LayoutQuality, type Positions } from "./layout";

export interface LayoutRequest {
  elements: ElementDefinition[];
  quality: LayoutQuality;
}

export type LayoutResponse = { positions: Positions } | { error: string };

// Typed by hand: the client's lib is DOM, not WebWorker.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage: (message: LayoutResponse) => void;
};

scope.onmessage = (event) => {
  try {
    scope.postMessage({ positions: computeLayout(event.data.elements, event.data.quality) });
  } catch (error) {
    scope.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
