/** A viewport with the canvas size it was measured on (another screen keeps the same centre). */
export interface CanvasViewport {
  zoom: number;
  pan: { x: number; y: number };
  width: number;
  height: number;
}

/** The same viewport on a canvas of another size: what was at the centre stays there. */
export function fitSavedViewport(saved: CanvasViewport, width: number, height: number): { zoom: number; pan: { x: number; y: number } } {
  return { zoom: saved.zoom, pan: { x: saved.pan.x + (width - saved.width) / 2, y: saved.pan.y + (height - saved.height) / 2 } };
}
