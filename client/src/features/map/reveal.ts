import type { ModelPoint } from "./types";

/** How far inside the canvas's edges a commune's middle must lie to count as in view (a share of each side). */
export const REVEAL_MARGIN = 0.12;

export interface RevealView {
  readonly zoom: number;
  readonly pan: ModelPoint;
  /** The canvas's size as Cytoscape knows it: its pan is relative to this. */
  readonly width: number;
  readonly height: number;
  /** The canvas's size on the page now, smaller than `width` while a panel that just opened waits to be measured. */
  readonly visibleWidth: number;
  readonly visibleHeight: number;
}

/**
 * The pan that puts `point` (model coordinates) in the middle of the view, or null when it is
 * already well inside what the page shows. The middle is Cytoscape's (`width` × `height`): when
 * the canvas is then resized for a panel, the canvas keeps that middle in the middle.
 */
export function panToReveal(view: RevealView, point: ModelPoint): ModelPoint | null {
  const x = point.x * view.zoom + view.pan.x;
  const y = point.y * view.zoom + view.pan.y;
  const mx = view.visibleWidth * REVEAL_MARGIN;
  const my = view.visibleHeight * REVEAL_MARGIN;
  const shownLeft = (view.width - view.visibleWidth) / 2;
  const shownTop = (view.height - view.visibleHeight) / 2;
  // After the resize, Cytoscape's middle is the page's middle: the part shown is centred on it.
  const inside = x >= shownLeft + mx && x <= shownLeft + view.visibleWidth - mx && y >= shownTop + my && y <= shownTop + view.visibleHeight - my;
  if (inside) return null;
  return { x: view.width / 2 - point.x * view.zoom, y: view.height / 2 - point.y * view.zoom };
}
