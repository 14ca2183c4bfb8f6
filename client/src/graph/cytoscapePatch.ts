import cytoscape from "cytoscape";

/** What the patch reads of Cytoscape's elements (internals of 3.34; the test checks them). */
interface ElementInternals {
  _private: { styleCache: unknown; edges?: readonly ElementInternals[] };
  isNode(): boolean;
}

interface CollectionInternals extends ArrayLike<ElementInternals> {
  cy(): cytoscape.Core & { hasCompoundNodes(): boolean };
  dirtyStyleCache(this: CollectionInternals): CollectionInternals;
  parallelEdges(this: CollectionInternals, ...args: unknown[]): unknown;
  emitAndNotify(this: CollectionInternals, event: string, extraParams?: unknown): CollectionInternals;
}

/** What the first-style patch reads of Cytoscape's stylesheet object (3.34). */
interface StyleInternals {
  checkTriggers(this: StyleInternals, ele: StyledInternals, name: string, fromValue: unknown, toValue: unknown): void;
  checkZOrderTrigger(this: StyleInternals, ele: StyledInternals, name: string, fromValue: unknown, toValue: unknown): void;
}

interface StyledInternals {
  _private: { appliedInitStyle?: boolean; bbCache: unknown };
  cy(): { hasCompoundNodes(): boolean };
  dirtyStyleCache(): void;
}

let patched = false;

/**
 * Cytoscape forgets an element's cached style values every time one of its style properties
 * changes (`checkTriggers` → `dirtyStyleCache`): once per property, so twenty times per node on
 * the first style pass. Without compound nodes it builds a collection of the node's ties each
 * time, which was a third of the first draw of the actors view (14,000 ties). This does the same
 * work on the arrays Cytoscape keeps (a node's `_private.edges`); graphs with compound nodes keep
 * Cytoscape's own code. The first style pass also stops announcing bounds (`quietFirstStyle`), and
 * so does adding elements to an empty graph (`addToEmpty`).
 */
export function patchCytoscape(): void {
  if (patched) return;
  patched = true;
  const probe = cytoscape({ headless: true, styleEnabled: true });
  const prototype = Object.getPrototypeOf(probe.collection()) as CollectionInternals;
  quietFirstStyle(Object.getPrototypeOf(probe.style()) as StyleInternals);
  quietAddToEmpty(prototype);
  probe.destroy();
  const original = prototype.dirtyStyleCache;
  prototype.dirtyStyleCache = function dirtyStyleCache(this: CollectionInternals) {
    if (this.length === 0 || this.cy().hasCompoundNodes()) return original.call(this);
    for (let i = 0; i < this.length; i += 1) {
      const element = this[i];
      if (element === undefined) continue;
      element._private.styleCache = null;
      if (!element.isNode()) continue;
      for (const edge of element._private.edges ?? []) edge._private.styleCache = null;
    }
    return this;
  };
}

/** Set while `addToEmpty` adds elements to a graph that had none. */
let addingToEmpty = false;

/**
 * Adds elements to a graph that has none (a new network, a new layout) without two things
 * Cytoscape's add does for elements that join others (a third of adding the actors view's 15,500
 * elements): for each tie, gathering its parallel ties into a collection to forget what they had
 * cached about their neighbours, and announcing `bounds` for every element. In an empty graph no
 * element had cached anything, and every new element is queued for the renderer by its `add` and
 * `style` announcements anyway. Compound nodes and graphs with elements go through Cytoscape's add.
 */
export function addToEmpty(cy: cytoscape.Core, elements: readonly cytoscape.ElementDefinition[]): void {
  if (cy.elements().nonempty() || elements.some((element) => element.data.parent !== undefined)) {
    cy.add([...elements]);
    return;
  }
  addingToEmpty = true;
  try {
    cy.add([...elements]);
  } finally {
    addingToEmpty = false;
  }
}

function quietAddToEmpty(prototype: CollectionInternals): void {
  const parallelEdges = prototype.parallelEdges;
  prototype.parallelEdges = function parallelEdgesOutsideAddToEmpty(...args) {
    return addingToEmpty ? this.cy().collection() : parallelEdges.apply(this, args);
  };
  const emitAndNotify = prototype.emitAndNotify;
  prototype.emitAndNotify = function emitAndNotifyOutsideAddToEmpty(event, extraParams) {
    if (addingToEmpty && event === "bounds") return this;
    return emitAndNotify.call(this, event, extraParams);
  };
}

/**
 * The first time an element gets its style, each property that sizes it (width, border, label...)
 * empties its bounding box and, on a node, the boxes of all its ties, each time announcing
 * `bounds` for them: a score of times per node, and the node's ties gathered into a collection
 * each time. An element styled for the first time has never been measured (measuring reads its
 * style), nor has any of its ties (they read their ends' style), so there is nothing to empty:
 * its z-order change is still announced, and Cytoscape's own checks run for every later change.
 * Graphs with compound nodes keep Cytoscape's code.
 */
function quietFirstStyle(style: StyleInternals): void {
  const checkTriggers = style.checkTriggers;
  style.checkTriggers = function checkFirstStyleTriggers(ele, name, fromValue, toValue) {
    const own = ele._private;
    if (own.appliedInitStyle === true || own.bbCache !== null || fromValue != null || ele.cy().hasCompoundNodes()) {
      checkTriggers.call(this, ele, name, fromValue, toValue);
      return;
    }
    ele.dirtyStyleCache();
    this.checkZOrderTrigger(ele, name, fromValue, toValue);
  };
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  w: number;
  h: number;
}

/** What the renderer patch reads of Cytoscape's canvas renderer (3.34). */
interface CanvasRendererInternals {
  data: { eleTxrCache: TextureCache; lblTxrCache: TextureCache };
  drawCachedElement(this: CanvasRendererInternals, context: unknown, ele: EdgeInternals, pxRatio: number, extent: Box | null, lvl?: number, requestHighQuality?: boolean): void;
  drawCachedElementPortion(this: CanvasRendererInternals, context: unknown, ele: EdgeInternals, cache: unknown, pxRatio: number, lvl: number | undefined, reason: unknown, rotation: () => number, opacity: (r: unknown, ele: EdgeInternals) => number): void;
  drawElementUnderlay(context: unknown, ele: EdgeInternals): void;
  drawElementOverlay(context: unknown, ele: EdgeInternals): void;
  drawNode(this: CanvasRendererInternals, context: unknown, node: NodeInternals, ...rest: unknown[]): void;
  drawCachedElements(this: CanvasRendererInternals, context: CanvasRenderingContext2D, eles: ArrayLike<EdgeInternals>, pxRatio: number, extent: Box | null): void;
}

interface NodeInternals {
  _private: { backgrounding: boolean };
  pstyle(name: string): { value?: unknown };
}

interface TextureCache {
  reasons: { highQuality: unknown };
  getBoundingBox(ele: EdgeInternals): Box;
  getElement(ele: EdgeInternals, bb: Box, pxRatio: number, lvl: number | undefined, reason: unknown): unknown;
}

/** What the quiet drawing patches of the collections' methods (3.34). */
interface EventInternals {
  emitAndNotify(this: EventInternals, event: string, extraParams?: unknown): EventInternals;
  updateStyle(this: EventInternals, notifyRenderer?: boolean): EventInternals;
}

interface EdgeInternals {
  _private: { bbCache: unknown; rscratch: { allpts?: readonly number[] | null; badLine?: boolean; edgeType?: string } };
  isEdge(): boolean;
  boundingBox(): Box;
  visible(): boolean;
  effectiveOpacity(): number;
  pstyle(name: string): { strValue?: string; value?: unknown; pfValue?: unknown };
}

const intersects = (a: Box, b: Box): boolean => a.x1 <= b.x2 && b.x1 <= a.x2 && a.y1 <= b.y2 && b.y1 <= a.y2;
const noRotation = (): number => 0;
const opacityOf = (_renderer: unknown, ele: EdgeInternals): number => ele.effectiveOpacity();
const unlabelled = (ele: EdgeInternals): boolean => !ele.pstyle("label").strValue && !ele.pstyle("source-label").strValue && !ele.pstyle("target-label").strValue;

const patchedRenderers = new WeakSet<object>();
let drawingQuieted = false;

/**
 * The element being drawn whose bounding box Cytoscape has not measured since it last changed, and
 * the node being drawn that has no background image: what they would announce while drawn is
 * already known (see `quietDrawing`).
 */
let measuring: object | null = null;
let imageless: object | null = null;

/** Runs `work` (which may measure `ele`'s bounding box) with `ele`'s first-measure `bounds` quiet. */
function quietlyMeasured(ele: EdgeInternals, work: () => void): void {
  measuring = ele._private.bbCache === null ? ele : null;
  try {
    work();
  } finally {
    measuring = null;
  }
}

const hasNoImage = (node: NodeInternals): boolean => {
  const urls = node.pstyle("background-image").value;
  return Array.isArray(urls) && urls.every((url) => url === null || url === undefined || url === "none");
};

/**
 * Two things Cytoscape 3.34 announces while it draws, each making the next frame redo the work of
 * this one for the elements concerned (their rendered style, and the layer textures that hold
 * them), which on the actors view was 0.3–0.4 s after the first picture, before a click was
 * answered:
 * - measuring an element's bounding box for the first time since it changed emits `bounds` for
 *   it (`dirtyBoundingBoxCache`), although it was emitted when the box was emptied and the frame
 *   being drawn has just taken the element into account;
 * - drawing a node flips its `backgrounding` state (background images loading) from false to
 *   true when it has no image at all (the second, "outside the border" image pass counts images
 *   that are not there), and each flip restyles the node.
 * Both are skipped for the element being drawn only: `bounds` of any other element, and of this
 * one once its box is measured (it moved, it changed), go out as before.
 */
function quietDrawing(collection: EventInternals): void {
  const emitAndNotify = collection.emitAndNotify;
  collection.emitAndNotify = function quietEmitAndNotify(event, extraParams) {
    if (event === "bounds" && this === measuring) return this;
    return emitAndNotify.call(this, event, extraParams);
  };
  const updateStyle = collection.updateStyle;
  collection.updateStyle = function quietUpdateStyle(notifyRenderer) {
    if (this === imageless) return this;
    return updateStyle.call(this, notifyRenderer);
  };
}

/** A straight tie's stroke as Cytoscape would draw it, or null when it is not that simple. */
interface Stroke {
  readonly key: string;
  readonly colour: string;
  readonly width: number;
  readonly cap: CanvasLineCap;
}

const NO_ARROWS = ["source-arrow-shape", "mid-source-arrow-shape", "target-arrow-shape", "mid-target-arrow-shape"];

/**
 * What drawEdge would do for this tie when it is a plain line: straight or haystack, solid, no
 * arrow, label, outline, ghost, gradient, overlay or underlay. Anything else is drawn by Cytoscape.
 */
function plainStroke(ele: EdgeInternals): Stroke | null {
  const rs = ele._private.rscratch;
  if ((rs.edgeType !== "haystack" && rs.edgeType !== "straight") || rs.badLine || rs.allpts?.length !== 4) return null;
  const style = (name: string) => ele.pstyle(name);
  if (style("line-style").value !== "solid" || style("line-fill").value !== "solid" || style("ghost").value !== "no") return null;
  if (style("line-outline-width").value !== 0 || style("overlay-opacity").value !== 0 || style("underlay-opacity").value !== 0) return null;
  if (!unlabelled(ele) || NO_ARROWS.some((name) => style(name).value !== "none")) return null;
  const rgb = style("line-color").value;
  const opacity = Number(style("opacity").value) * Number(style("line-opacity").value);
  const width = Number(style("width").pfValue);
  const cap = String(style("line-cap").value) as CanvasLineCap;
  if (!Array.isArray(rgb) || !Number.isFinite(opacity) || !Number.isFinite(width) || opacity <= 0 || width <= 0) return null;
  const colour = `rgba(${rgb.join(",")},${opacity})`;
  return { key: `${colour} ${width} ${cap}`, colour, width, cap };
}

/**
 * Draws the plain ties collected since the last other element, grouped by stroke style (colour,
 * opacity, width) in the order the styles first appear: ties are drawn under the nodes, so one
 * run usually holds all of them. Within a style, ties keep Cytoscape's order.
 */
function drawPlainTies(context: CanvasRenderingContext2D, runs: Map<string, { stroke: Stroke; points: number[] }>): void {
  if (runs.size === 0) return;
  context.setLineDash([]);
  for (const { stroke, points } of runs.values()) {
    context.lineWidth = stroke.width;
    context.lineCap = stroke.cap;
    context.strokeStyle = stroke.colour;
    // One stroke per tie, as Cytoscape does: a path of many ties costs more to paint than it
    // saves, and crossings of translucent ties stay darker, as in Cytoscape's picture.
    for (let i = 0; i + 3 < points.length; i += 4) {
      context.beginPath();
      context.moveTo(points[i] ?? 0, points[i + 1] ?? 0);
      context.lineTo(points[i + 2] ?? 0, points[i + 3] ?? 0);
      context.stroke();
    }
  }
  context.lineCap = "butt";
  runs.clear();
}

const outside = (pts: readonly number[], width: number, extent: Box): boolean => {
  const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = pts;
  const pad = width / 2;
  return Math.max(x1, x2) + pad < extent.x1 || Math.min(x1, x2) - pad > extent.x2 || Math.max(y1, y2) + pad < extent.y1 || Math.min(y1, y2) - pad > extent.y2;
};

/**
 * Makes the textures of the nodes (body and label) about to be drawn before drawing any. Cytoscape
 * makes each on first use, in the middle of drawing: a node's texture is painted into a shared
 * canvas, which is then drawn from, then the next node painted into it; the browser copies the
 * shared canvas at each switch. On the first frame of the actors view that was a third of it.
 */
function fillNodeTextures(renderer: CanvasRendererInternals, eles: ArrayLike<EdgeInternals>, pxRatio: number, extent: Box | null): void {
  const caches = [renderer.data.eleTxrCache, renderer.data.lblTxrCache];
  for (let i = 0; i < eles.length; i += 1) {
    const ele = eles[i];
    if (ele === undefined || ele.isEdge() || !ele.visible()) continue;
    quietlyMeasured(ele, () => {
      for (const cache of caches) {
        const box = cache.getBoundingBox(ele);
        if (box.w > 0 && box.h > 0 && (!extent || intersects(box, extent))) cache.getElement(ele, box, pxRatio, undefined, null);
      }
    });
  }
}

/**
 * Patches of Cytoscape's canvas renderer (3.34), for large networks; what they draw is what
 * Cytoscape draws:
 * - an unlabelled tie is drawn with its one portion instead of four (element, label, source and
 *   target labels), each of which measured a bounding box;
 * - runs of plain ties (`plainStroke`) are drawn with one stroke style per style instead of
 *   Cytoscape's per-tie set-up (style lookups, a cached Path2D keyed by a string of its points),
 *   and without measuring their bounding boxes;
 * - node textures are made before drawing (`fillNodeTextures`);
 * - drawing no longer queues work for the next frame (`quietDrawing`).
 * On the actors view (1,484 nodes, 14,032 ties), in script time on this machine: the first frame
 * went from 0.7–0.8 s to 0.4–0.55 s, later full redraws from 0.3–0.45 s to 0.15–0.3 s.
 */
export function patchCanvasRenderer(cy: cytoscape.Core): void {
  const renderer = (cy as unknown as { renderer(): object | undefined }).renderer();
  if (renderer === undefined) return;
  const prototype = Object.getPrototypeOf(renderer) as CanvasRendererInternals;
  if (patchedRenderers.has(prototype) || typeof prototype.drawCachedElement !== "function") return;
  patchedRenderers.add(prototype);
  if (!drawingQuieted) {
    drawingQuieted = true;
    quietDrawing(Object.getPrototypeOf(cy.collection()) as EventInternals);
  }
  const drawNode = prototype.drawNode;
  prototype.drawNode = function quietDrawNode(context, node, ...rest) {
    if (!hasNoImage(node)) {
      drawNode.call(this, context, node, ...rest);
      return;
    }
    imageless = node;
    try {
      drawNode.call(this, context, node, ...rest);
    } finally {
      imageless = null;
      node._private.backgrounding = false;
    }
  };
  const original = prototype.drawCachedElement;
  const drawElement: CanvasRendererInternals["drawCachedElement"] = function (context, ele, pxRatio, extent, lvl, requestHighQuality) {
    if (!ele.isEdge() || !unlabelled(ele)) {
      original.call(this, context, ele, pxRatio, extent, lvl, requestHighQuality);
      return;
    }
    const box = ele.boundingBox();
    if (box.w === 0 || box.h === 0 || !ele.visible()) return;
    if (extent && !intersects(box, extent)) return;
    const cache = this.data.eleTxrCache;
    const reason = requestHighQuality === true ? cache.reasons.highQuality : null;
    this.drawElementUnderlay(context, ele);
    this.drawCachedElementPortion(context, ele, cache, pxRatio, lvl, reason, noRotation, opacityOf);
    this.drawElementOverlay(context, ele);
  };
  const drawEach = prototype.drawCachedElements;
  prototype.drawCachedElements = function drawCachedElements(context, eles, pxRatio, extent) {
    if (typeof context.setLineDash !== "function") {
      drawEach.call(this, context, eles, pxRatio, extent);
      return;
    }
    const runs = new Map<string, { stroke: Stroke; points: number[] }>();
    fillNodeTextures(this, eles, pxRatio, extent);
    for (let i = 0; i < eles.length; i += 1) {
      const ele = eles[i];
      if (ele === undefined) continue;
      const stroke = ele.isEdge() ? plainStroke(ele) : null;
      if (stroke === null) {
        drawPlainTies(context, runs);
        this.drawCachedElement(context, ele, pxRatio, extent);
        continue;
      }
      if (!ele.visible()) continue;
      // Its bounding box is not measured (a sixth of the first frame of the actors view): the
      // points are enough to cull it, ties take no events (hit tests skip them), and Cytoscape
      // measures it itself when something asks for it (an export, its layered texture cache).
      const pts = ele._private.rscratch.allpts ?? [];
      if (extent && outside(pts, stroke.width, extent)) continue;
      let run = runs.get(stroke.key);
      if (run === undefined) {
        run = { stroke, points: [] };
        runs.set(stroke.key, run);
      }
      run.points.push(...pts);
    }
    drawPlainTies(context, runs);
  };
  prototype.drawCachedElement = function drawCachedElement(context, ele, pxRatio, extent, lvl, requestHighQuality) {
    quietlyMeasured(ele, () => drawElement.call(this, context, ele, pxRatio, extent, lvl, requestHighQuality));
  };
}

/**
 * Cytoscape resizes itself (forgets its size, redraws every element) 0.1 s after anything its
 * observers of the container report: any attribute change (the page's `data-state`, the pointer
 * cursor on a node), a ResizeObserver notice (sub-pixel changes too, such as a font swapped in
 * beside the canvas), a window resize. On the actors view that was a full redraw just after the
 * first picture, often under the reader's first click, one per hovered node, and a second one
 * after each real resize, which the page has already applied.
 * `cy.resize()` now only forgets where the container is on the page when its size in pixels is
 * the one Cytoscape has.
 */
export function resizeOnlyWhenResized(cy: cytoscape.Core, container: HTMLElement): void {
  const resize = cy.resize.bind(cy);
  const renderer = (cy as unknown as { renderer(): { invalidateContainerClientCoordsCache?: () => void } | undefined }).renderer();
  cy.resize = function resizeWhenResized(this: cytoscape.Core) {
    if (!sameSize(cy, container)) return resize();
    // The container may have moved on the page: pointer positions are read afresh.
    renderer?.invalidateContainerClientCoordsCache?.();
    return cy;
  };
}

/** The container's size in pixels is the one Cytoscape works with (its container has no padding). */
export const sameSize = (cy: cytoscape.Core, container: HTMLElement): boolean => container.clientWidth === cy.width() && container.clientHeight === cy.height();
