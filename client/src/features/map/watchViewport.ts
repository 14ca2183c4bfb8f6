/**
 * Calls back at most once per animation frame while Cytoscape's view moves: a wheel or a drag
 * fires many `viewport` events per frame, and the map needs drawing only once per frame.
 */
import type { Core } from "cytoscape";

export interface FrameScheduler {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

export const animationFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export interface ViewportWatch {
  /** Asks for a redraw in the next frame (e.g. the data changed, the canvas was resized). */
  schedule(): void;
  /** Removes the listeners and drops any pending frame; safe after `cy` was destroyed. */
  stop(): void;
}

/** `resize`: cy.resize() changes what is on screen without moving the viewport. */
const EVENTS = "viewport resize";

export function watchViewport(cy: Core | null, onFrame: () => void, frames: FrameScheduler = animationFrames): ViewportWatch {
  let pending: number | null = null;
  let stopped = false;
  const run = () => {
    pending = null;
    if (!stopped) onFrame();
  };
  const schedule = () => {
    if (stopped || pending !== null) return;
    pending = frames.request(run);
  };
  cy?.on(EVENTS, schedule);
  return {
    schedule,
    stop() {
      stopped = true;
      if (pending !== null) frames.cancel(pending);
      pending = null;
      if (cy && !cy.destroyed()) cy.off(EVENTS, schedule);
    },
  };
}
