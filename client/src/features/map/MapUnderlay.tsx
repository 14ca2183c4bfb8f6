/**
 * The territory map under the network: a canvas placed before the Cytoscape container, in the same
 * frame, redrawn whenever Cytoscape pans or zooms so that contours and nodes move together. It reads
 * the Cytoscape instance and never changes it.
 */
import type { Core } from "cytoscape";
import { useEffect, useMemo, useRef } from "react";
import { drawMap, type MapStyleOptions } from "./drawMap";
import { projectCommunes, type Projection } from "./projection";
import type { MapCommune, ProjectedCommune } from "./types";
import { watchViewport, type ViewportWatch } from "./watchViewport";

export interface MapUnderlayProps {
  cy: Core | null;
  communes: readonly MapCommune[];
  /** The projection the nodes were placed with (createProjection of the same communes). */
  projection: Projection;
  /** Fill by INSEE code (coverageFills in coverage mode; `{}` draws every commune neutral). */
  fills: Readonly<Record<string, string>>;
  selectedCode: string | null;
  /** Names of communes big enough on screen; the selected commune's name is always written. */
  showLabels?: boolean;
}

interface Inputs extends MapStyleOptions {
  projected: readonly ProjectedCommune[];
}

function paint(canvas: HTMLCanvasElement, cy: Core | null, inputs: Inputs): void {
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  // Backing store in device pixels, drawing in CSS pixels: sharp lines on HiDPI screens.
  const ratio = window.devicePixelRatio || 1;
  const pixelWidth = Math.max(1, Math.round(width * ratio));
  const pixelHeight = Math.max(1, Math.round(height * ratio));
  if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
  if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
  const context = canvas.getContext("2d");
  if (!context) return;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  if (!cy || cy.destroyed()) {
    context.clearRect(0, 0, width, height);
    canvas.dataset.drawnCount = "0";
    return;
  }
  const { projected, ...options } = inputs;
  const drawn = drawMap(context, { zoom: cy.zoom(), pan: cy.pan(), width, height }, projected, options);
  // Read by the browser tests: what the map shows, without decoding pixels.
  canvas.dataset.drawnCount = String(drawn.drawn.length);
  canvas.dataset.labelled = drawn.labelled.join(" ");
}

export function MapUnderlay({ cy, communes, projection, fills, selectedCode, showLabels = true }: MapUnderlayProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const projected = useMemo(() => projectCommunes(communes, projection), [communes, projection]);
  const inputs = useRef<Inputs>({ projected, fills, selectedCode, showLabels });
  const watch = useRef<ViewportWatch | null>(null);

  useEffect(() => {
    inputs.current = { projected, fills, selectedCode, showLabels };
    watch.current?.schedule();
  }, [projected, fills, selectedCode, showLabels]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    const current = watchViewport(cy, () => paint(canvas, cy, inputs.current));
    const observer = new ResizeObserver(() => current.schedule());
    observer.observe(canvas);
    watch.current = current;
    current.schedule();
    return () => {
      observer.disconnect();
      current.stop();
      if (watch.current === current) watch.current = null;
    };
  }, [cy]);

  return <canvas ref={canvasRef} className="map-underlay" data-testid="map-underlay" aria-hidden="true" />;
}
