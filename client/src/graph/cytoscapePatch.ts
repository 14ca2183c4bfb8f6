import cytoscape from "cytoscape";

/** What the patch reads of Cytoscape's elements (internals of 3.34; the test checks them). */
interface ElementInternals {
  _private: { styleCache: unknown; edges?: readonly ElementInternals[] };
  isNode(): boolean;
}

interface CollectionInternals extends ArrayLike<ElementInternals> {
  cy(): cytoscape.Core & { hasCompoundNodes(): boolean };
  dirtyStyleCache(this: CollectionInternals): CollectionInternals;
}

let patched = false;

/**
 * Cytoscape forgets an element's cached style values every time one of its style properties
 * changes (`checkTriggers` → `dirtyStyleCache`): once per property, so twenty times per node on
 * the first style pass. Without compound nodes it builds a collection of the node's ties each
 * time, which was a third of the first draw of the actors view (14,000 ties). This does the same
 * work on the arrays Cytoscape keeps (a node's `_private.edges`); graphs with compound nodes keep
 * Cytoscape's own code.
 */
export function patchCytoscape(): void {
  if (patched) return;
  patched = true;
  const probe = cytoscape({ headless: true, styleEnabled: false });
  const prototype = Object.getPrototypeOf(probe.collection()) as CollectionInternals;
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
  data: { eleTxrCache: { reasons: { highQuality: unknown } } };
  drawCachedElement(this: CanvasRendererInternals, context: unknown, ele: EdgeInternals, pxRatio: number, extent: Box | null, lvl?: number, requestHighQuality?: boolean): void;
  drawCachedElementPortion(this: CanvasRendererInternals, context: unknown, ele: EdgeInternals, cache: unknown, pxRatio: number, lvl: number | undefined, reason: unknown, rotation: () => number, opacity: (r: unknown, ele: EdgeInternals) => number): void;
  drawElementUnderlay(context: unknown, ele: EdgeInternals): void;
  drawElementOverlay(context: unknown, ele: EdgeInternals): void;
}

interface EdgeInternals {
  isEdge(): boolean;
  boundingBox(): Box;
  visible(): boolean;
  effectiveOpacity(): number;
  pstyle(name: string): { strValue?: string };
}

const intersects = (a: Box, b: Box): boolean => a.x1 <= b.x2 && b.x1 <= a.x2 && a.y1 <= b.y2 && b.y1 <= a.y2;
const noRotation = (): number => 0;
const opacityOf = (_renderer: unknown, ele: EdgeInternals): number => ele.effectiveOpacity();
const unlabelled = (ele: EdgeInternals): boolean => !ele.pstyle("label").strValue && !ele.pstyle("source-label").strValue && !ele.pstyle("target-label").strValue;

const patchedRenderers = new WeakSet<object>();

/**
 * Cytoscape's canvas renderer draws each element in four portions (the element, its label, its
 * source and target labels), measuring a bounding box for each, also for ties that have no label:
 * on 14,000 ties that is most of a frame. An unlabelled tie is drawn here with its one portion,
 * exactly as Cytoscape's `drawCachedElement` does it; everything else keeps Cytoscape's code.
 */
export function patchCanvasRenderer(cy: cytoscape.Core): void {
  const renderer = (cy as unknown as { renderer(): object | undefined }).renderer();
  if (renderer === undefined) return;
  const prototype = Object.getPrototypeOf(renderer) as CanvasRendererInternals;
  if (patchedRenderers.has(prototype) || typeof prototype.drawCachedElement !== "function") return;
  patchedRenderers.add(prototype);
  const original = prototype.drawCachedElement;
  prototype.drawCachedElement = function drawCachedElement(context, ele, pxRatio, extent, lvl, requestHighQuality) {
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
}
