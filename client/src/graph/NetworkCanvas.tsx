import cytoscape, { type Core, type CytoscapeOptions, type ElementDefinition, type NodeSingular, type StylesheetJson } from "cytoscape";
import { useEffect, useRef, useState } from "react";
import { fr } from "../i18n/fr";
import { prepareLayoutWorker, startLayout, type LayoutJob } from "./backgroundLayout";
import type { Positions } from "./layout";
import type { NetworkViewState } from "./store";
import { stylesheetForZoom } from "./style";
import { applyElements, applySelection } from "./sync";

declare global {
  interface Window {
    /** The Cytoscape instance, for the console in development builds and for `?bench=1` (bench/). */
    __maillageCy?: Core;
  }
}

const FIT_PADDING = 48;
/** A small network fitted to the screen would be drawn huge; beyond this zoom it is centred instead. */
const MAX_FIT_ZOOM = 1.6;
/** Labels are resized once zooming pauses, not on every wheel step. */
const LABEL_RESIZE_DELAY_MS = 120;

interface NetworkCanvasProps {
  elements: readonly ElementDefinition[];
  /** Nodes and backbone ties to lay out; a new array means a new network, hence a new layout. */
  layoutElements: readonly ElementDefinition[];
  selection: NetworkViewState["selection"];
  ariaLabel: string;
  onSelectNode: (id: string) => void;
  onClearSelection: () => void;
}

interface DrawnState {
  state: "layout" | "ready" | "error";
  nodeCount: number;
  edgeCount: number;
}

function prefersReducedMotion(): boolean {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/**
 * `?renderer=webgl` tries Cytoscape's WebGL renderer (3.31+), to measure it against the canvas on a
 * machine with a GPU. Not the default: it is not measured yet (TODO issue 3), and the browser tests
 * read the canvas renderer's node layer.
 */
function rendererOptions(): Partial<CytoscapeOptions> {
  const webgl = new URLSearchParams(window.location.search).get("renderer") === "webgl";
  return webgl ? ({ renderer: { name: "canvas", webgl: true } } as Partial<CytoscapeOptions>) : {};
}

function restyle(cy: Core, current: { sheet: StylesheetJson | null }): void {
  const sheet = stylesheetForZoom(cy.zoom());
  if (sheet === current.sheet) return;
  current.sheet = sheet;
  cy.style(sheet);
}

function placeNodes(cy: Core, positions: Positions): void {
  cy.batch(() => {
    cy.nodes().positions((node) => positions[node.id()] ?? { x: 0, y: 0 });
  });
  cy.fit(undefined, FIT_PADDING);
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center();
  }
}

/** Pans to a node chosen outside the canvas: always for a search, only when out of view otherwise. */
function reveal(cy: Core, node: NodeSingular, always: boolean): void {
  const extent = cy.extent();
  const box = node.boundingBox();
  const inView = box.x1 >= extent.x1 && box.x2 <= extent.x2 && box.y1 >= extent.y1 && box.y2 <= extent.y2;
  if (inView && !always) return;
  cy.animate({ center: { eles: node } }, { duration: prefersReducedMotion() ? 0 : 300 });
}

/**
 * The only component that owns the Cytoscape instance: creates it on mount, applies the store's
 * elements and selection to it, turns its events into callbacks, destroys it on unmount. The layout
 * runs once per loaded network; filtering adds and removes elements at their computed places.
 */
export function NetworkCanvas({
  elements,
  layoutElements,
  selection,
  ariaLabel,
  onSelectNode,
  onClearSelection,
}: NetworkCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const styleRef = useRef<{ sheet: StylesheetJson | null }>({ sheet: null });
  const positionsRef = useRef<Positions | null>(null);
  const handlers = useRef({ onSelectNode, onClearSelection });
  const [drawn, setDrawn] = useState<DrawnState>({ state: "layout", nodeCount: 0, edgeCount: 0 });

  useEffect(() => {
    handlers.current = { onSelectNode, onClearSelection };
  }, [onSelectNode, onClearSelection]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    prepareLayoutWorker();
    const styleState = styleRef.current;
    const cy = cytoscape({
      container,
      style: stylesheetForZoom(1),
      elements: [],
      minZoom: 0.05,
      maxZoom: 5,
      boxSelectionEnabled: false,
      autounselectify: true,
      // Thousands of ties: moving the view redraws only the nodes, ties come back when it stops.
      hideEdgesOnViewport: true,
      ...rendererOptions(),
    });
    styleState.sheet = stylesheetForZoom(1);
    cy.on("tap", "node", (event) => handlers.current.onSelectNode((event.target as NodeSingular).id()));
    cy.on("tap", (event) => {
      if (event.target === cy) handlers.current.onClearSelection();
    });
    cy.on("mouseover", "node", (event) => {
      (event.target as NodeSingular).addClass("hovered");
      container.style.cursor = "pointer";
    });
    cy.on("mouseout", "node", (event) => {
      (event.target as NodeSingular).removeClass("hovered");
      container.style.cursor = "";
    });
    let labelTimer: ReturnType<typeof setTimeout> | undefined;
    cy.on("zoom", () => {
      clearTimeout(labelTimer);
      labelTimer = setTimeout(() => restyle(cy, styleState), LABEL_RESIZE_DELAY_MS);
    });
    const resizeObserver = new ResizeObserver(() => cy.resize());
    resizeObserver.observe(container);
    cyRef.current = cy;
    const exposeCy = import.meta.env.DEV || new URLSearchParams(window.location.search).has("bench");
    if (exposeCy) window.__maillageCy = cy;
    return () => {
      clearTimeout(labelTimer);
      resizeObserver.disconnect();
      cy.destroy();
      cyRef.current = null;
      if (exposeCy) delete window.__maillageCy;
    };
  }, []);

  // A new network: lay out its backbone in a worker, then place every node and fit the view. This
  // effect comes first so that the worker computes while the main thread adds the elements.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return undefined;
    const done = () => setDrawn({ state: "ready", nodeCount: cy.nodes().length, edgeCount: cy.edges().length });
    positionsRef.current = null;
    if (layoutElements.length === 0) {
      done();
      return undefined;
    }
    setDrawn((previous) => ({ ...previous, state: "layout" }));
    let job: LayoutJob | null = startLayout(layoutElements);
    job.positions.then(
      (positions) => {
        if (!job || cy.destroyed()) return;
        positionsRef.current = positions;
        placeNodes(cy, positions);
        restyle(cy, styleRef.current);
        done();
      },
      () => {
        if (job) setDrawn((previous) => ({ ...previous, state: "error" }));
      },
    );
    return () => {
      job?.cancel();
      job = null;
    };
  }, [layoutElements]);

  // Filtering: elements come and go at the positions of the current layout; the view does not move.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    applyElements(cy, elements, positionsRef.current);
    setDrawn((previous) =>
      previous.state === "ready" ? { state: "ready", nodeCount: cy.nodes().length, edgeCount: cy.edges().length } : previous,
    );
  }, [elements]);

  // Elements are a dependency too: a filter change must not lose the highlight.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || drawn.state !== "ready") return;
    applySelection(cy, selection?.id ?? null);
  }, [selection, drawn.state, elements]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || drawn.state !== "ready" || !selection || selection.source === "canvas") return;
    const node = cy.getElementById(selection.id);
    if (node.isNode()) reveal(cy, node, selection.source === "search");
  }, [selection, drawn.state]);

  return (
    <div className="canvas-frame" data-layout-state={drawn.state}>
      <div
        ref={containerRef}
        className="network-canvas"
        data-testid="network-canvas"
        data-state={drawn.state}
        data-node-count={drawn.nodeCount}
        data-edge-count={drawn.edgeCount}
        data-selected-id={selection?.id ?? ""}
        role="img"
        aria-label={ariaLabel}
      />
      {drawn.state === "layout" && layoutElements.length > 0 && (
        <div className="status" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" />
          <p className="status-text">{fr.app.layingOut}</p>
        </div>
      )}
      {drawn.state === "error" && (
        <div className="status status--error" role="alert">
          <p className="status-text">{fr.app.layoutFailed}</p>
        </div>
      )}
    </div>
  );
}
