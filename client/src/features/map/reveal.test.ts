import { describe, expect, it } from "vitest";
import { panToReveal, type RevealView } from "./reveal";

const view = (over: Partial<RevealView> = {}): RevealView => ({ zoom: 2, pan: { x: 0, y: 0 }, width: 1000, height: 800, visibleWidth: 1000, visibleHeight: 800, ...over });

describe("panToReveal", () => {
  it("leaves the view alone when the point is well inside it", () => {
    expect(panToReveal(view(), { x: 250, y: 200 })).toBeNull();
  });

  it("centres a point out of view, or too close to an edge", () => {
    // (600, 100) is drawn at (1200, 200): off the right edge.
    expect(panToReveal(view(), { x: 600, y: 100 })).toEqual({ x: 500 - 1200, y: 400 - 200 });
    // (480, 200) is drawn at x = 960, inside but within the margin.
    expect(panToReveal(view(), { x: 480, y: 200 })).toEqual({ x: 500 - 960, y: 0 });
  });

  it("judges by what the page shows when a panel has narrowed the canvas, and centres in Cytoscape's terms", () => {
    // The canvas is 600 px wide on the page, 1000 px for Cytoscape: after the resize the page
    // shows x from 200 to 800 of today's drawing. A point drawn at 850 is then out of view.
    const narrowed = view({ visibleWidth: 600 });
    expect(panToReveal(view(), { x: 425, y: 200 })).toBeNull();
    expect(panToReveal(narrowed, { x: 425, y: 200 })).toEqual({ x: 500 - 850, y: 0 });
    expect(panToReveal(narrowed, { x: 250, y: 200 })).toBeNull();
  });
});
