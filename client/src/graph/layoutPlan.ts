import type { ElementDefinition } from "cytoscape";
import { toLayoutElements, type SizeMetric } from "./elements";
import type { Positions } from "./layout";
import type { NetworkModel } from "./model";
import type { LayoutQuality } from "./layout";
import { communityClusters } from "./presetLayouts";
import type { CanvasViewport } from "./viewport";

/**
 * Beyond this many nodes the force layout's polish costs tens of seconds (1,484 actors: 90 s for
 * the full run, 4 s for the spectral draft alone, in Node on this machine): such networks are
 * drawn at once by community, then placed by the draft layout.
 */
export const LARGE_NETWORK = 600;

/** From this many nodes the force layout takes seconds: the network is shown at once by community. */
export const DRAW_FIRST = 150;

export function forcePlan(key: string, model: NetworkModel, drawn: readonly ElementDefinition[], sizeBy: SizeMetric): LayoutPlan {
  return {
    key,
    kind: "force",
    // Communities stand apart only where the force polish runs: the spectral draft alone folds
    // separate groups onto lines (the demo's actors view).
    elements: forceElements(model, drawn, sizeBy, model.nodes.length <= LARGE_NETWORK),
    initial: model.nodes.length > DRAW_FIRST ? communityClusters(model) : null,
    quality: model.nodes.length > LARGE_NETWORK ? "draft" : "full",
  };
}

/** A title drawn on the canvas, not a node: the name of a group in a grouped layout. */
export interface CanvasLabel {
  id: string;
  label: string;
  position: { x: number; y: number };
}

/**
 * How the canvas places nodes for one layout key: a force layout (run in a worker on these
 * elements) or positions computed here. A new key means a new layout; the same key keeps every
 * node where it is (filters and the tie threshold never move the picture).
 */
export type LayoutPlan =
  | {
      key: string;
      kind: "force";
      elements: readonly ElementDefinition[];
      /** Large networks: drawn at once at these places, then moved when the (draft) force layout is done. */
      initial: Positions | null;
      quality: LayoutQuality;
    }
  | {
      key: string;
      kind: "preset";
      positions: Positions;
      labels: readonly CanvasLabel[];
      /** A saved view's viewport, shown instead of fitting the positions to the screen. */
      viewport?: CanvasViewport;
    };

/** Layout elements with their compound parents (the map's EPCI/commune groups without contours). */
function forceElements(model: NetworkModel, drawn: readonly ElementDefinition[], sizeBy: SizeMetric, separateCommunities: boolean): ElementDefinition[] {
  const base = toLayoutElements(model, sizeBy, separateCommunities);
  const parents = drawn.filter((e) => e.group === "nodes" && typeof e.data.level === "string");
  if (parents.length === 0) return base;
  const parentOf = new Map<string, string>();
  for (const element of drawn) {
    const parent: unknown = element.data.parent;
    if (element.group === "nodes" && typeof parent === "string" && element.data.id !== undefined) parentOf.set(element.data.id, parent);
  }
  const withParents = base.map((element) => {
    const parent = element.data.id === undefined ? undefined : parentOf.get(element.data.id);
    return element.group === "nodes" && parent ? { ...element, data: { ...element.data, parent } } : element;
  });
  return [...parents.map((p) => ({ group: "nodes" as const, data: { id: p.data.id, parent: p.data.parent } })), ...withParents];
}
