/**
 * The territory map under the network: a canvas placed before the Cytoscape container, in the same
 * frame, redrawn whenever Cytoscape pans or zooms so that contours and nodes move together. It reads
 * the Cytoscape instance and never changes it.
 */
import type { Core } from "cytoscape";
import { useEffect, useMemo, useRef } from "react";
import { drawMap, type MapStyleOptions } from "./drawMap";
import { projectCommunes, type Projection } from "./projection";
import { panToReveal } from "./reveal";
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
  canvas.dataset.fills = drawn.drawn.map((code) => `${code}=${options.fills[code] ?? ""}`).join(" ");
  const selected = inputs.selectedCode === null ? undefined : projected.find((commune) => commune.code === inputs.selectedCode)?.anchor;
  const at = selected ? { x: selected.x * cy.zoom() + cy.pan().x, y: selected.y * cy.zoom() + cy.pan().y } : null;
  canvas.dataset.selectedAt = at ? `${Math.round(at.x)},${Math.round(at.y)}` : "";
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

  // A commune chosen out of view (from the search, or a filter) is brought to the middle. When its
  // panel has just narrowed the canvas, that waits for Cytoscape to take the new size.
  useEffect(() => {
    if (!cy || selectedCode === null) return undefined;
    const anchor = projected.find((commune) => commune.code === selectedCode)?.anchor;
    if (!anchor) return undefined;
    const reveal = (): void => {
      if (cy.destroyed()) return;
      const container = cy.container();
      const pan = panToReveal(
        { zoom: cy.zoom(), pan: cy.pan(), width: cy.width(), height: cy.height(), visibleWidth: container?.clientWidth ?? cy.width(), visibleHeight: container?.clientHeight ?? cy.height() },
        anchor,
      );
      if (pan) cy.animate({ pan }, { duration: window.matchMedia("(prefers-reduced-motion: reduce)").matches ? 0 : 300 });
    };
    const container = cy.container();
    const resizing = container !== null && (Math.abs(container.clientWidth - cy.width()) > 1 || Math.abs(container.clientHeight - cy.height()) > 1);
    if (!resizing) {
      reveal();
      return undefined;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fallback = setTimeout(reveal, 500);
    // The canvas moves its pan right after Cytoscape's resize event: reveal after that.
    const afterResize = (): void => {
      clearTimeout(fallback);
      timer = setTimeout(reveal, 0);
    };
    cy.one("resize", afterResize);
    return () => {
      cy.off("resize", afterResize);
      clearTimeout(timer);
      clearTimeout(fallback);
    };
  }, [cy, selectedCode, projected]);

  return <canvas ref={canvasRef} className="map-underlay" data-testid="map-underlay" aria-hidden="true" />;
}
