import cytoscape, { type Core, type CytoscapeOptions, type ElementDefinition, type NodeSingular, type Position, type StylesheetJson } from "cytoscape";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { fr } from "../i18n/fr";
import { prepareLayoutWorker, startLayout, type LayoutJob } from "./backgroundLayout";
import type { Positions } from "./layout";
import type { CanvasLabel, LayoutPlan } from "./layoutPlan";
import { addToEmpty, patchCanvasRenderer, patchCytoscape, resizeOnlyWhenResized, sameSize } from "./cytoscapePatch";
import { declutterCanvas, declutterElements } from "./declutter";
import { labelScale, stylesheetForZoom } from "./style";
import { applyElements, applyGroupHighlight, applySelection } from "./sync";
import { bandPositions } from "./untiedBand";
import { fitSavedViewport, type CanvasViewport } from "./viewport";

declare global {
  interface Window {
    /** The Cytoscape instance, for the console in development builds and for `?bench=1` (bench/). */
    __maillageCy?: Core;
  }
}

const FIT_PADDING = 48;
const NONE: readonly string[] = [];
/** A small network fitted to the screen would be drawn huge; beyond this zoom it is centred instead. */
const MAX_FIT_ZOOM = 1.6;
/** Labels are resized once zooming pauses, not on every wheel step. */
const LABEL_RESIZE_DELAY_MS = 120;
/**
 * A force layout that lands after the first, quick places waits this long before moving the
 * nodes: a reader who has started working with the picture (a click, a drag, the wheel, a search)
 * is asked before it moves, and a click just after the first picture is not held up by it.
 */
const REFINE_GRACE_MS = 800;
/** A canvas that draws no frame (hidden) is marked ready after this. */
const DRAWN_FALLBACK_MS = 3_000;

/** Where a selection came from: the canvas keeps the view still for its own taps; search centres. */
export type SelectionSource = "canvas" | "panel" | "search";

export interface CanvasSelection {
  id: string;
  source: SelectionSource;
}

/** Drawn under the network, given the Cytoscape instance (null until created): the map's contours. */
export type CanvasUnderlay = (cy: Core | null) => ReactNode;

interface NetworkCanvasProps {
  elements: readonly ElementDefinition[];
  /** How nodes are placed; a new key means a new layout. */
  layoutPlan: LayoutPlan | null;
  selection: CanvasSelection | null;
  /** Nodes marked and brought into view together (a commune's structures chosen from the search). */
  highlighted?: readonly string[];
  ariaLabel: string;
  underlay?: CanvasUnderlay | null;
  onSelectNode: (id: string) => void;
  onClearSelection: () => void;
  /** A tap on the background, in model coordinates (the map finds the commune there). */
  onTapBackground?: (point: Position) => void;
  /** Handed the instance once created (exports read it), and null when it is destroyed. */
  onReady?: (cy: Core | null) => void;
}

interface DrawnState {
  state: "layout" | "ready" | "error";
  /** False while a large network waits for its force layout at its first, quick places. */
  settled: boolean;
  /** The force layout is done but waits for the reader's go (they started working with the picture). */
  refinedWaiting: boolean;
  nodeCount: number;
  edgeCount: number;
}

function prefersReducedMotion(): boolean {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/**
 * `?renderer=webgl` uses Cytoscape's WebGL renderer (3.31+). bench/ measures both; the canvas
 * renderer stays the default (see bench/RESULTS.md), and the browser tests read its node layer.
 */
function rendererOptions(): Partial<CytoscapeOptions> {
  const webgl = new URLSearchParams(window.location.search).get("renderer") === "webgl";
  return webgl ? ({ renderer: { name: "canvas", webgl: true } } as Partial<CytoscapeOptions>) : {};
}

/**
 * How far labels may drift from their size on screen when a layout arrives before the stylesheet
 * is swapped: a swap restyles every element (a second, as long as the first draw, on 14,000 ties).
 */
const LABEL_DRIFT = 1.5;

function restyle(cy: Core, current: { sheet: StylesheetJson | null; zoom: number }, tolerance = 1): void {
  const zoom = cy.zoom();
  const drift = labelScale(zoom) / labelScale(current.zoom);
  if (drift <= tolerance && drift >= 1 / tolerance) return;
  const sheet = stylesheetForZoom(zoom);
  current.zoom = zoom;
  if (sheet === current.sheet) return;
  current.sheet = sheet;
  cy.style(sheet);
  // Labels changed size against the distances between nodes: the same frame draws the new choice.
  declutterCanvas(cy, labelScale(zoom));
}

/** The label scale of the stylesheet in use (it may lag the zoom, see LABEL_DRIFT). */
const appliedLabelScale = (current: { zoom: number }): number => labelScale(current.zoom);

const drawnNodes = (cy: Core) => cy.nodes().not(".canvas-label, .map-group");

function counts(cy: Core): Pick<DrawnState, "nodeCount" | "edgeCount"> {
  return { nodeCount: drawnNodes(cy).length, edgeCount: cy.edges().length };
}

/**
 * Fits the view to the node positions. `cy.fit()` measures every element's bounding box, ties and
 * labels included: 2.5 s for 14,000 ties; the positions are already known here.
 */
function fitView(cy: Core, positions: Positions): void {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { x, y } of Object.values(positions)) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  if (!Number.isFinite(minX)) return;
  // Room for the largest node and a label under the outermost ones.
  const margin = 40;
  const width = Math.max(1, cy.width() - 2 * FIT_PADDING);
  const height = Math.max(1, cy.height() - 2 * FIT_PADDING);
  const zoom = Math.min(MAX_FIT_ZOOM, width / (maxX - minX + 2 * margin), height / (maxY - minY + 2 * margin));
  cy.viewport({
    zoom,
    pan: { x: cy.width() / 2 - ((minX + maxX) / 2) * zoom, y: cy.height() / 2 - ((minY + maxY) / 2) * zoom },
  });
}

function placeNodes(cy: Core, positions: Positions): void {
  cy.batch(() => {
    cy.nodes().not(".map-group").positions((node) => positions[node.id()] ?? node.position());
  });
  fitView(cy, positions);
}

/** Nodes that arrive without a place (expanding a focus) go beside the neighbours already placed. */
function placeNewcomers(cy: Core, positions: Positions): void {
  drawnNodes(cy).forEach((node) => {
    if (positions[node.id()]) return;
    const placed = node.neighborhood("node").filter((n) => positions[n.id()] !== undefined);
    if (placed.empty()) return;
    let x = 0;
    let y = 0;
    placed.forEach((n) => {
      const p = positions[n.id()];
      x += p?.x ?? 0;
      y += p?.y ?? 0;
    });
    const angle = (node.id().length * 2.399) % (2 * Math.PI);
    const position = { x: x / placed.length + 40 * Math.cos(angle), y: y / placed.length + 40 * Math.sin(angle) };
    positions[node.id()] = position;
    node.position(position);
  });
}

/** Node elements without a place that are neither a group box nor a title: the untied nodes shown. */
function unplacedElements(elements: readonly ElementDefinition[], positions: Positions): { id: string; size: number }[] {
  const parents = new Set<string>();
  for (const element of elements) if (typeof element.data.parent === "string") parents.add(element.data.parent);
  return elements
    .filter((e) => e.group === "nodes" && e.data.id !== undefined && !positions[e.data.id] && !parents.has(e.data.id) && e.classes !== "canvas-label")
    .map((e) => ({ id: e.data.id ?? "", size: Number(e.data.size ?? 0) }));
}

/** The positions with the untied nodes shown placed in a band under the network. */
function withBand(elements: readonly ElementDefinition[], positions: Positions): Positions {
  const missing = unplacedElements(elements, positions);
  return missing.length === 0 ? positions : { ...positions, ...bandPositions(missing, positions) };
}

/** On the canvas: nodes still without a place (no placed neighbour either) go to the band. */
function placeInBand(cy: Core, positions: Positions): void {
  const missing = drawnNodes(cy).nodes().filter((node) => !positions[node.id()] && !node.isParent());
  if (missing.empty()) return;
  const band = bandPositions(missing.map((node) => ({ id: node.id(), size: Number(node.data("size") ?? 0) })), positions);
  cy.batch(() => {
    missing.forEach((node) => {
      const place = band[node.id()];
      if (!place) return;
      positions[node.id()] = place;
      node.position(place);
    });
  });
}

function withPositions(elements: readonly ElementDefinition[], positions: Positions): ElementDefinition[] {
  return elements.map((element) => {
    const position = element.group === "nodes" && element.data.id !== undefined ? positions[element.data.id] : undefined;
    return position ? { ...element, position: { ...position } } : element;
  });
}

function labelElements(labels: readonly CanvasLabel[]): ElementDefinition[] {
  return labels.map((l) => ({ group: "nodes", data: { id: l.id, label: l.label }, position: { ...l.position }, classes: "canvas-label", selectable: false, grabbable: false }));
}

/**
 * Marks the node under the pointer (a ring, and its name when the canvas draws none) on an HTML
 * layer over the canvas. Restyling the node instead made Cytoscape redraw every element under the
 * pointer's path: a quarter of a second per node on the actors view, and the z-order of 15,000
 * elements sorted again before the click that followed.
 */
function showHover(hover: HTMLDivElement, node: NodeSingular): void {
  const { x, y } = node.renderedPosition();
  const size = node.renderedOuterWidth();
  const ring = hover.firstElementChild as HTMLElement | null;
  const label = hover.lastElementChild as HTMLElement | null;
  if (!ring || !label) return;
  hover.style.transform = `translate(${x}px, ${y}px)`;
  ring.style.width = ring.style.height = `${size + 6}px`;
  ring.style.borderRadius = node.data("shape") === "ellipse" ? "50%" : "22%";
  const drawn = node.style("label") !== "";
  label.textContent = drawn ? "" : String(node.data("label") ?? "");
  label.hidden = drawn;
  label.style.top = `${size / 2 + 4}px`;
  hover.hidden = false;
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
 * elements and selection to it, turns its events into callbacks, destroys it on unmount. A new
 * layout plan replaces every element and places them; filtering adds and removes elements at
 * their current places.
 */
export function NetworkCanvas({
  elements,
  layoutPlan,
  selection,
  highlighted = NONE,
  ariaLabel,
  underlay = null,
  onSelectNode,
  onClearSelection,
  onTapBackground,
  onReady,
}: NetworkCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const hoverRef = useRef<HTMLDivElement>(null);
  const hideHoverRef = useRef<() => void>(() => undefined);
  const [cy, setCy] = useState<Core | null>(null);
  /** The stylesheet applied, for which zoom; `quiet` while the canvas itself fits a new layout. */
  const styleRef = useRef<{ sheet: StylesheetJson | null; zoom: number; quiet: boolean }>({ sheet: null, zoom: 1, quiet: false });
  const positionsRef = useRef<Positions | null>(null);
  const centredRef = useRef("");
  const planKeyRef = useRef<string | null>(null);
  /** A reopened view's viewport, kept centred while the page around the canvas settles, until the user moves the view. */
  const restoredViewportRef = useRef<CanvasViewport | null>(null);
  const addedRef = useRef<readonly ElementDefinition[] | null>(null);
  const handlers = useRef({ onSelectNode, onClearSelection, onTapBackground, onReady });
  const [drawn, setDrawn] = useState<DrawnState>({ state: "layout", settled: false, refinedWaiting: false, nodeCount: 0, edgeCount: 0 });
  /** The reader has clicked, dragged or wheeled on the canvas since the current layout was drawn. */
  const actedRef = useRef(false);
  /** Moves the nodes to the waiting force layout (the notice's button). */
  const applyRefinedRef = useRef<(() => void) | null>(null);

  useEffect(() => {
    handlers.current = { onSelectNode, onClearSelection, onTapBackground, onReady };
  }, [onSelectNode, onClearSelection, onTapBackground, onReady]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    prepareLayoutWorker();
    patchCytoscape();
    const styleState = styleRef.current;
    const instance = cytoscape({
      container,
      style: stylesheetForZoom(1),
      elements: [],
      minZoom: 0.03,
      maxZoom: 6,
      boxSelectionEnabled: false,
      autounselectify: true,
      // Thousands of ties: moving the view redraws only the nodes, ties come back when it stops.
      hideEdgesOnViewport: true,
      ...rendererOptions(),
    });
    patchCanvasRenderer(instance);
    resizeOnlyWhenResized(instance, container);
    styleState.sheet = stylesheetForZoom(1);
    styleState.zoom = 1;
    instance.on("tap", "node", (event) => {
      const node = event.target as NodeSingular;
      if (node.hasClass("canvas-label") || node.hasClass("map-group")) return;
      handlers.current.onSelectNode(node.id());
    });
    instance.on("tap", (event) => {
      if (event.target !== instance) return;
      handlers.current.onClearSelection();
      handlers.current.onTapBackground?.(event.position);
    });
    const hover = hoverRef.current;
    // Called once per element removed when a network is replaced: it does nothing twice.
    const hideHover = (): void => {
      if (hover && !hover.hidden) hover.hidden = true;
      if (container.style.cursor !== "") container.style.cursor = "";
    };
    instance.on("mouseover", "node", (event) => {
      const node = event.target as NodeSingular;
      if (node.hasClass("canvas-label") || node.hasClass("map-group")) return;
      container.style.cursor = "pointer";
      if (hover) showHover(hover, node);
    });
    instance.on("mouseout", "node", hideHover);
    // A node dragged elsewhere may uncover a label or cover one.
    instance.on("free", "node", () => declutterCanvas(instance, appliedLabelScale(styleState)));
    // The mark stays where the node was drawn: it goes when the view or the node moves.
    instance.on("viewport grab remove", hideHover);
    hideHoverRef.current = hideHover;
    let labelTimer: ReturnType<typeof setTimeout> | undefined;
    instance.on("zoom", () => {
      if (styleState.quiet) return;
      clearTimeout(labelTimer);
      labelTimer = setTimeout(() => restyle(instance, styleState), LABEL_RESIZE_DELAY_MS);
    });
    let size = { width: container.clientWidth, height: container.clientHeight };
    const resizeObserver = new ResizeObserver(() => {
      // Sub-pixel changes leave the canvas as it was (see resizeOnlyWhenResized). The size is
      // compared with the one last handled here, not with Cytoscape's: Cytoscape may have taken
      // the new size already (it resizes itself 0.1 s after an attribute of its container
      // changes, as when a node is selected), and the pan below must still follow.
      if (container.clientWidth === size.width && container.clientHeight === size.height) return;
      const before = size;
      if (!sameSize(instance, container)) instance.resize();
      size = { width: instance.width(), height: instance.height() };
      const restored = restoredViewportRef.current;
      if (restored) {
        instance.viewport(fitSavedViewport(restored, size.width, size.height));
        return;
      }
      // The details panel opening or closing beside the canvas: what was at the centre stays
      // there (Cytoscape keeps the top left corner, which pushed half the network out of view).
      if (before.width === 0 || before.height === 0) return;
      const pan = instance.pan();
      instance.pan({ x: pan.x + (size.width - before.width) / 2, y: pan.y + (size.height - before.height) / 2 });
    });
    resizeObserver.observe(container);
    const forgetRestoredViewport = (): void => {
      restoredViewportRef.current = null;
      actedRef.current = true;
    };
    container.addEventListener("pointerdown", forgetRestoredViewport);
    container.addEventListener("wheel", forgetRestoredViewport, { passive: true });
    setCy(instance);
    handlers.current.onReady?.(instance);
    const exposeCy = import.meta.env.DEV || new URLSearchParams(window.location.search).has("bench");
    if (exposeCy) window.__maillageCy = instance;
    return () => {
      clearTimeout(labelTimer);
      resizeObserver.disconnect();
      container.removeEventListener("pointerdown", forgetRestoredViewport);
      container.removeEventListener("wheel", forgetRestoredViewport);
      handlers.current.onReady?.(null);
      instance.destroy();
      setCy(null);
      if (exposeCy) delete window.__maillageCy;
    };
  }, []);

  // A new layout: every element is replaced, then placed (in a worker for the force layout).
  useEffect(() => {
    if (!cy || !layoutPlan || planKeyRef.current === layoutPlan.key) return undefined;
    planKeyRef.current = layoutPlan.key;
    positionsRef.current = null;
    restoredViewportRef.current = layoutPlan.kind === "preset" ? (layoutPlan.viewport ?? null) : null;
    addedRef.current = elements;
    actedRef.current = false;
    applyRefinedRef.current = null;
    const done = (settled = true) => setDrawn({ state: "ready", settled, refinedWaiting: false, ...counts(cy) });
    let cancelled = false;
    const cleanups: (() => void)[] = [];
    /**
     * Ready once Cytoscape has drawn a frame of what was just placed, not when it was handed the
     * elements: that frame (style pass and drawing) is seconds on large networks, and a click
     * in the meantime would wait for it.
     */
    const doneWhenDrawn = (settled: boolean, then?: () => void) => {
      let fired = false;
      const fire = () => {
        if (fired) return;
        fired = true;
        cy.off("render", fire);
        clearTimeout(fallback);
        if (cancelled || cy.destroyed()) return;
        done(settled);
        then?.();
      };
      // A canvas that draws no frame (hidden) is ready anyway.
      const fallback = setTimeout(fire, DRAWN_FALLBACK_MS);
      cy.on("render", fire);
      cleanups.push(() => {
        clearTimeout(fallback);
        cy.off("render", fire);
      });
    };
    const planned = layoutPlan.kind === "preset" ? layoutPlan.positions : layoutPlan.initial;
    const known = planned ? withBand(elements, planned) : null;
    cy.batch(() => {
      cy.elements().remove();
      if (known) {
        // Viewport and stylesheet first, while the graph is empty: restyling thousands of ties
        // after they are added costs seconds.
        if (layoutPlan.kind === "preset" && layoutPlan.viewport) cy.viewport(fitSavedViewport(layoutPlan.viewport, cy.width(), cy.height()));
        else fitView(cy, known);
        restyle(cy, styleRef.current);
        addToEmpty(cy, declutterElements(withPositions(elements, known), known, appliedLabelScale(styleRef.current)));
      } else {
        addToEmpty(cy, elements);
      }
      if (layoutPlan.kind === "preset") cy.add(labelElements(layoutPlan.labels));
    });
    if (layoutPlan.kind === "preset") {
      positionsRef.current = { ...(known ?? layoutPlan.positions) };
      doneWhenDrawn(true);
      return () => {
        cancelled = true;
        for (const cleanup of cleanups) cleanup();
      };
    }
    const drawnFirst = layoutPlan.initial !== null;
    // A network drawn first gets its force layout once the first picture is on screen: on two
    // cores the worker would otherwise take the CPU the first style pass and drawing need (a
    // second of the actors view). Its elements are handed over now, while nothing is drawn yet.
    let job: LayoutJob | null = startLayout(layoutPlan.elements, layoutPlan.quality, { hold: drawnFirst });
    if (known) {
      // Drawn and usable at once; the force layout moves the nodes when it is done.
      positionsRef.current = { ...known };
      doneWhenDrawn(false, () => job?.go());
    } else {
      setDrawn((previous) => ({ ...previous, state: "layout" }));
    }
    const apply = (laidOut: Positions) => {
      if (cancelled || cy.destroyed()) return;
      const positions = withBand(cy.nodes().map((node) => ({ group: "nodes", data: node.data() as ElementDefinition["data"], classes: node.hasClass("canvas-label") ? "canvas-label" : "" }) as ElementDefinition), laidOut);
      applyRefinedRef.current = null;
      positionsRef.current = { ...positions };
      hideHoverRef.current();
      styleRef.current.quiet = true;
      placeNodes(cy, positions);
      styleRef.current.quiet = false;
      restyle(cy, styleRef.current, LABEL_DRIFT);
      declutterCanvas(cy, appliedLabelScale(styleRef.current));
      doneWhenDrawn(true);
    };
    const landed = (positions: Positions) => {
      if (cancelled || cy.destroyed()) return;
      if (!drawnFirst) {
        apply(positions);
        return;
      }
      const graceTimer = setTimeout(() => {
        if (!actedRef.current) {
          apply(positions);
          return;
        }
        applyRefinedRef.current = () => apply(positions);
        setDrawn((previous) => ({ ...previous, refinedWaiting: true }));
      }, REFINE_GRACE_MS);
      cleanups.push(() => clearTimeout(graceTimer));
    };
    job.positions.then(landed, () => {
      if (!cancelled) setDrawn((previous) => ({ ...previous, state: "error" }));
    });
    return () => {
      cancelled = true;
      for (const cleanup of cleanups) cleanup();
      job?.cancel();
      job = null;
      // The layout was cut short: the next run of this effect must lay out again.
      if (!positionsRef.current) planKeyRef.current = null;
    };
    // Elements are read when the plan changes only; later changes go through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cy, layoutPlan]);

  // Filtering: elements come and go at the positions of the current layout; the view does not move.
  useEffect(() => {
    if (!cy || planKeyRef.current !== layoutPlan?.key) return;
    // The layout effect has just added exactly these elements.
    if (addedRef.current === elements) return;
    addedRef.current = elements;
    const labels = cy.nodes(".canvas-label").map((n) => ({ group: "nodes", data: n.data() as ElementDefinition["data"], position: n.position(), classes: "canvas-label" }) as ElementDefinition);
    applyElements(cy, [...elements, ...labels], positionsRef.current);
    if (positionsRef.current) {
      placeNewcomers(cy, positionsRef.current);
      placeInBand(cy, positionsRef.current);
    }
    declutterCanvas(cy, appliedLabelScale(styleRef.current));
    setDrawn((previous) => (previous.state === "ready" ? { ...previous, ...counts(cy) } : previous));
  }, [cy, elements, layoutPlan]);

  // A node chosen (on the canvas, by the search, in a list) is the reader at work too.
  useEffect(() => {
    if (selection) actedRef.current = true;
  }, [selection]);

  // Elements are a dependency too: a filter change must not lose the highlight. The highlight
  // comes a frame after the panel: on a large network it restyles thousands of ties, and the
  // panel a click opens must not wait for that.
  useEffect(() => {
    if (!cy || drawn.state !== "ready") return undefined;
    const frame = requestAnimationFrame(() => {
      if (cy.destroyed()) return;
      applySelection(cy, selection?.id ?? null);
      // The selected node and its partners name themselves: their names are decluttered too.
      declutterCanvas(cy, appliedLabelScale(styleRef.current));
    });
    return () => cancelAnimationFrame(frame);
  }, [cy, selection, drawn.state, elements]);

  useEffect(() => {
    if (!cy || drawn.state !== "ready") return;
    applyGroupHighlight(cy, highlighted);
    // Brought into view once per group chosen, not again on every filter change.
    const key = highlighted.join(" ");
    if (key === centredRef.current) return;
    centredRef.current = key;
    const group = cy.nodes(".grouped");
    if (group.nonempty()) cy.animate({ center: { eles: group } }, { duration: prefersReducedMotion() ? 0 : 300 });
  }, [cy, highlighted, drawn.state, elements]);

  useEffect(() => {
    if (!cy || drawn.state !== "ready" || !selection || selection.source === "canvas") return;
    const node = cy.getElementById(selection.id);
    if (node.isNode()) reveal(cy, node, selection.source === "search");
  }, [cy, selection, drawn.state]);

  const showLayoutStatus = drawn.state === "layout" && layoutPlan !== null;
  const isRefining = drawn.state === "ready" && !drawn.settled;
  return (
    <div className={`canvas-frame${underlay ? " canvas-frame--map" : ""}`} data-layout-state={drawn.state}>
      {underlay?.(cy)}
      <div
        ref={containerRef}
        className="network-canvas"
        data-testid="network-canvas"
        data-state={layoutPlan ? drawn.state : "layout"}
        data-node-count={drawn.nodeCount}
        data-edge-count={drawn.edgeCount}
        data-selected-id={selection?.id ?? ""}
        data-layout-key={layoutPlan?.key ?? ""}
        data-settled={drawn.settled}
        role="img"
        aria-label={ariaLabel}
      />
      <div ref={hoverRef} className="canvas-hover" data-testid="canvas-hover" aria-hidden="true" hidden>
        <span className="canvas-hover-ring" />
        <span className="canvas-hover-label" />
      </div>
      {showLayoutStatus && (
        <div className="status" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" />
          <p className="status-text">{fr.app.layingOut}</p>
        </div>
      )}
      {isRefining && (
        <p className="canvas-refining" role="status" data-testid="layout-refining">
          {drawn.refinedWaiting ? (
            <>
              {fr.app.refinedWaiting}
              <button type="button" className="button button--small" onClick={() => applyRefinedRef.current?.()}>
                {fr.app.applyRefined}
              </button>
            </>
          ) : (
            <>
              <span className="spinner spinner--small" aria-hidden="true" />
              {fr.app.refining}
            </>
          )}
        </p>
      )}
      {drawn.state === "error" && (
        <div className="status status--error" role="alert">
          <p className="status-text">{fr.app.layoutFailed}</p>
        </div>
      )}
    </div>
  );
}
