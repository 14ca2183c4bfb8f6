/**
 * What saving takes from the canvas: node places, the viewport, and a PNG of the viewport as on
 * screen (the map under the network included), small enough for the server's limit.
 */
import type { Core } from "cytoscape";
import { SAVED_VIEW_LIMITS } from "../../api/savedViews";
import type { PictureMap as CanvasMap } from "../export/picture";
import type { Positions } from "../../graph/layout";
import { drawMap } from "../map/drawMap";
import { projectCommunes } from "../map/projection";
import type { CanvasCapture } from "./snapshot";

/** Widest picture kept: enough for a 16:9 slide, small enough to list a dozen views. */
const MAX_PICTURE_WIDTH = 1600;
/** Tried in turn until the PNG fits the server's limit. */
const SCALES = [1, 0.75, 0.5, 0.35, 0.25] as const;

/** True once the canvas shows its final places (no force layout still running). */
export function isCanvasSettled(cy: Core): boolean {
  const container = cy.container();
  return container !== null && container.dataset.state === "ready" && container.dataset.settled === "true";
}

export function captureCanvas(cy: Core): CanvasCapture {
  const positions: Positions = {};
  cy.nodes()
    .not(".canvas-label, .map-group")
    .forEach((node) => {
      const { x, y } = node.position();
      positions[node.id()] = { x, y };
    });
  const pan = cy.pan();
  return { positions, viewport: { zoom: cy.zoom(), pan: { x: pan.x, y: pan.y }, width: cy.width(), height: cy.height() } };
}

async function render(cy: Core, map: CanvasMap | null, scale: number): Promise<string> {
  const width = cy.width();
  const height = cy.height();
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext("2d");
  if (!context) throw new Error("no 2D context");
  context.fillStyle = "#FFFFFF";
  context.fillRect(0, 0, canvas.width, canvas.height);
  if (map) {
    context.save();
    context.setTransform(scale, 0, 0, scale, 0, 0);
    drawMap(context, { zoom: cy.zoom(), pan: cy.pan(), width, height }, projectCommunes(map.communes, map.projection), {
      fills: map.fills,
      selectedCode: map.selectedCode,
      showLabels: true,
    });
    context.restore();
  }
  const blob = await cy.png({ output: "blob-promise", full: false, scale, bg: undefined });
  const image = await createImageBitmap(blob);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  image.close();
  return canvas.toDataURL("image/png");
}

/** A PNG data URL of the viewport under the server's size limit, or null when none fits. */
export async function capturePicture(cy: Core, map: CanvasMap | null, maxLength: number = SAVED_VIEW_LIMITS.pictureLength): Promise<string | null> {
  if (!(cy.width() > 0 && cy.height() > 0)) return null;
  const widest = Math.min(1, MAX_PICTURE_WIDTH / cy.width());
  for (const scale of SCALES) {
    if (scale > widest && scale !== SCALES[SCALES.length - 1]) continue;
    const url = await render(cy, map, Math.min(scale, widest));
    if (url.length <= maxLength) return url;
  }
  return null;
}
