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
