import type { Positions } from "../../graph/layout";
import type { NetworkModel } from "../../graph/model";
import type { CanvasViewport as SavedViewport } from "../../graph/viewport";

export { fitSavedViewport } from "../../graph/viewport";

/** What `restoreView` waits to apply until the saved view's network is loaded. */
export interface PendingRestore {
  /** Bumped for every opening, so that opening the same view twice places the nodes again. */
  serial: number;
  positions: Readonly<Record<string, readonly [number, number]>>;
  viewport: SavedViewport;
}

/** How the network differs from what was saved: the page says so. */
export interface RestoreReport {
  serial: number;
  /** Saved nodes that are no longer in the network (or no longer let through). */
  dropped: number;
  /** Nodes that were not in the saved view, placed beside their neighbours. */
  added: number;
}

export interface RestoredPlacement {
  positions: Positions;
  dropped: number;
  added: number;
}

/**
 * Saved places for the nodes that are still there; a new node goes beside its placed neighbours
 * (their centre, nudged so that two newcomers do not overlap), or on a row under the picture when
 * none of them is placed. `model` is what is drawn; `known` every node of the network, drawn or not
 * (untied nodes hidden behind their chip had no place to save, and are neither new nor dropped).
 */
export function restorePlacement(saved: PendingRestore["positions"], model: NetworkModel, known: NetworkModel = model): RestoredPlacement {
  const positions: Positions = {};
  let [minX, maxX, maxY] = [Infinity, -Infinity, -Infinity];
  for (const node of model.nodes) {
    const xy = saved[node.id];
    if (!xy) continue;
    positions[node.id] = { x: xy[0], y: xy[1] };
    minX = Math.min(minX, xy[0]);
    maxX = Math.max(maxX, xy[0]);
    maxY = Math.max(maxY, xy[1]);
  }
  // Dropped: saved nodes the network no longer has (`known`: drawn or not, e.g. untied ones hidden).
  const dropped = Object.keys(saved).filter((id) => !known.nodesById.has(id)).length;
  if (!Number.isFinite(minX)) [minX, maxX, maxY] = [0, 0, 0];
  let added = 0;
  let orphans = 0;
  for (const node of model.nodes) {
    if (positions[node.id]) continue;
    added += 1;
    const placed = (model.adjacency.get(node.id) ?? []).map((n) => saved[n.id]).filter((xy) => xy !== undefined);
    if (placed.length > 0) {
      const x = placed.reduce((sum, xy) => sum + xy[0], 0) / placed.length;
      const y = placed.reduce((sum, xy) => sum + xy[1], 0) / placed.length;
      const angle = added * 2.399;
      positions[node.id] = { x: x + 40 * Math.cos(angle), y: y + 40 * Math.sin(angle) };
    } else {
      positions[node.id] = { x: minX + (orphans % 20) * 40, y: maxY + 80 + Math.floor(orphans / 20) * 40 };
      orphans += 1;
    }
  }
  return { positions, dropped, added };
}

/** The saved viewport on a canvas of another size: same zoom, same point at the centre. */
