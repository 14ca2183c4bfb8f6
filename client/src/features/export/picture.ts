/**
 * The picture exactly as on screen, rasterised: the map under the network (drawn by the page's own
 * drawMap) and Cytoscape's own rendering of the viewport (what `cy.png({ full: false })` draws), at
 * a scale.
 */
import type { Core } from "cytoscape";
import { drawMap } from "../map/drawMap";
import { projectCommunes } from "../map/projection";
import { checkCanvasSize, ExportError } from "./errors";
import type { SceneMap } from "./readScene";

export type PictureMap = SceneMap;

function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const context = canvas.getContext("2d");
  if (!context) throw new ExportError("failed", "no 2D context");
  return context;
}

export function newCanvas(width: number, height: number): { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D } {
  checkCanvasSize(width, height);
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  return { canvas, context: context2d(canvas) };
}

/**
 * `full: false`: the viewport the user framed (pan, zoom, what is off screen stays off), at a size
 * that depends only on the window and the scale, and with the map aligned as on screen. `full: true`
 * would fit the whole graph instead, ignoring the user's framing.
 */
export async function renderPicture(cy: Core, map: PictureMap | null, scale: number, background: string | null): Promise<HTMLCanvasElement> {
  const width = cy.width();
  const height = cy.height();
  if (!(width > 0 && height > 0)) throw new ExportError("not-ready", "empty canvas");
  const { canvas, context } = newCanvas(Math.round(width * scale), Math.round(height * scale));
  if (background) {
    context.fillStyle = background;
    context.fillRect(0, 0, canvas.width, canvas.height);
  }
  if (map) {
    const layer = newCanvas(canvas.width, canvas.height);
    layer.context.setTransform(scale, 0, 0, scale, 0, 0);
    drawMap(layer.context, { zoom: cy.zoom(), pan: cy.pan(), width, height }, projectCommunes(map.communes, map.projection), {
      fills: map.fills,
      selectedCode: map.selectedCode,
      showLabels: true,
    });
    context.drawImage(layer.canvas, 0, 0);
  }
  if (!drawViewport(cy, context, scale)) {
    const blob = await cy.png({ output: "blob-promise", full: false, scale, bg: undefined });
    const image = await createImageBitmap(blob);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    image.close();
  }
  return canvas;
}

/** The two methods of Cytoscape's canvas renderer that `cy.png()` itself draws with. */
interface CanvasRendererDrawing {
  drawElements: (context: CanvasRenderingContext2D, elements: unknown) => void;
  getCachedZSortedEles: () => unknown;
}

function drawingRenderer(cy: Core): CanvasRendererDrawing | null {
  const renderer: unknown = (cy as unknown as { renderer?: () => unknown }).renderer?.();
  if (typeof renderer !== "object" || renderer === null) return null;
  const candidate = renderer as Partial<Record<keyof CanvasRendererDrawing, unknown>>;
  return typeof candidate.drawElements === "function" && typeof candidate.getCachedZSortedEles === "function"
    ? (renderer as CanvasRendererDrawing)
    : null;
}

/**
 * Draws the viewport straight onto the export canvas, as `cy.png({ full: false })` does inside,
 * without what makes it slow on large networks: it measures every element's bounding box (unused
 * for the viewport) and encodes a PNG that would be decoded again here. False when the renderer
 * does not offer these methods (another Cytoscape version): the caller falls back to `cy.png`.
 */
function drawViewport(cy: Core, context: CanvasRenderingContext2D, scale: number): boolean {
  const renderer = drawingRenderer(cy);
  if (!renderer) return false;
  const pan = cy.pan();
  const zoom = cy.zoom();
  context.save();
  context.globalCompositeOperation = "source-over";
  context.translate(pan.x * scale, pan.y * scale);
  context.scale(scale * zoom, scale * zoom);
  renderer.drawElements(context, renderer.getCachedZSortedEles());
  context.restore();
  return true;
}

export function canvasBlob(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new ExportError("too-large", "toBlob gave nothing"))), type, quality);
  });
}

/** Draws an SVG string over a canvas (the frame's text and legend), stretched to the canvas. */
export async function drawSvg(context: CanvasRenderingContext2D, svg: string, width: number, height: number): Promise<void> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.decoding = "async";
    image.src = url;
    await image.decode();
    context.drawImage(image, 0, 0, width, height);
  } finally {
    URL.revokeObjectURL(url);
  }
}
