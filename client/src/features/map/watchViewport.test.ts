import cytoscape from "cytoscape";
import { describe, expect, it, vi } from "vitest";
import { watchViewport, type FrameScheduler } from "./watchViewport";

/** Frames that run only when the test says so. */
function manualFrames() {
  const queue = new Map<number, () => void>();
  let next = 1;
  const frames: FrameScheduler = {
    request(callback) {
      queue.set(next, callback);
      return next++;
    },
    cancel(handle) {
      queue.delete(handle);
    },
  };
  const flush = () => {
    const callbacks = [...queue.values()];
    queue.clear();
    for (const callback of callbacks) callback();
  };
  return { frames, flush, pending: () => queue.size };
}

function headless() {
  return cytoscape({ headless: true, styleEnabled: false, elements: [{ data: { id: "a" } }] });
}

describe("watchViewport", () => {
  it("draws once per frame however many times the view moves in it", () => {
    const cy = headless();
    const { frames, flush, pending } = manualFrames();
    let draws = 0;
    watchViewport(cy, () => (draws += 1), frames);
    cy.pan({ x: 10, y: 0 });
    cy.zoom(2);
    cy.panBy({ x: 5, y: 5 });
    expect(pending()).toBe(1);
    flush();
    expect(draws).toBe(1);
    cy.zoom(3);
    flush();
    expect(draws).toBe(2);
  });

  it("stops listening and drops the pending frame when stopped", () => {
    const cy = headless();
    const { frames, flush, pending } = manualFrames();
    let draws = 0;
    const watch = watchViewport(cy, () => (draws += 1), frames);
    cy.pan({ x: 10, y: 0 });
    watch.stop();
    expect(pending()).toBe(0);
    cy.pan({ x: 20, y: 0 });
    watch.schedule();
    flush();
    expect(draws).toBe(0);
  });

  it("removes exactly the listener it added", () => {
    const cy = headless();
    const on = vi.spyOn(cy, "on");
    const off = vi.spyOn(cy, "off");
    const watch = watchViewport(cy, () => undefined, manualFrames().frames);
    watch.stop();
    expect(on).toHaveBeenCalledTimes(1);
    expect(off).toHaveBeenCalledTimes(1);
    expect(off.mock.calls[0]).toEqual(on.mock.calls[0]);
  });

  it("can be stopped after Cytoscape was destroyed, as on unmount", () => {
    const cy = headless();
    const { frames } = manualFrames();
    const watch = watchViewport(cy, () => undefined, frames);
    cy.destroy();
    expect(() => watch.stop()).not.toThrow();
  });

  it("still redraws on request without a Cytoscape instance", () => {
    const { frames, flush } = manualFrames();
    let draws = 0;
    const watch = watchViewport(null, () => (draws += 1), frames);
    watch.schedule();
    watch.schedule();
    flush();
    expect(draws).toBe(1);
  });
});
