import { createNetworkModel, type NetworkModel } from "../../graph/model";

/** Hops shown around a focused node. */
export const MAX_FOCUS_DEPTH = 3;

/**
 * What the view concentrates on. `ego`: a node and its neighbours up to `depth` hops, only those
 * drawn, plus neighbours brought in by expanding a node; `path`: a shortest chain of ties between
 * two nodes, drawn over the faded network.
 */
export type Focus =
  | { kind: "ego"; centerId: string; depth: number; expandedIds: readonly string[]; collapsedIds: readonly string[] }
  | { kind: "path"; fromId: string; toId: string; pathIds: readonly string[] | null };

/** Distances (in hops) from `centerId`, up to `depth`. */
export function egoDistances(model: NetworkModel, centerId: string, depth: number): Map<string, number> {
  const distances = new Map<string, number>();
  if (!model.nodesById.has(centerId)) return distances;
  distances.set(centerId, 0);
  let frontier = [centerId];
  for (let hop = 1; hop <= depth && frontier.length > 0; hop += 1) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const neighbour of model.adjacency.get(id) ?? []) {
        if (distances.has(neighbour.id)) continue;
        distances.set(neighbour.id, hop);
        next.push(neighbour.id);
      }
    }
    frontier = next;
  }
  return distances;
}

/**
 * The node ids an ego focus draws: the ego network, plus the neighbours of expanded nodes, minus,
 * for each collapsed node, the neighbours that hang on it alone among what is drawn (the centre
 * always stays).
 */
export function egoMembers(model: NetworkModel, focus: Extract<Focus, { kind: "ego" }>): Set<string> {
  const members = new Set(egoDistances(model, focus.centerId, focus.depth).keys());
  for (const id of focus.expandedIds) {
    if (!members.has(id)) continue;
    for (const neighbour of model.adjacency.get(id) ?? []) members.add(neighbour.id);
  }
  for (const id of focus.collapsedIds) {
    if (!members.has(id)) continue;
    for (const neighbour of model.adjacency.get(id) ?? []) {
      if (neighbour.id === focus.centerId || !members.has(neighbour.id)) continue;
      const tiedElsewhere = (model.adjacency.get(neighbour.id) ?? []).some((n) => n.id !== id && members.has(n.id));
      if (!tiedElsewhere) members.delete(neighbour.id);
    }
  }
  return members;
}

/** A shortest path in hops (breadth-first, neighbours in id order so the answer is stable), or null. */
export function shortestPath(model: NetworkModel, fromId: string, toId: string): string[] | null {
  if (!model.nodesById.has(fromId) || !model.nodesById.has(toId)) return null;
  if (fromId === toId) return [fromId];
  const previous = new Map<string, string>([[fromId, fromId]]);
  let frontier = [fromId];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      const neighbours = [...(model.adjacency.get(id) ?? [])].map((n) => n.id).sort();
      for (const neighbour of neighbours) {
        if (previous.has(neighbour)) continue;
        previous.set(neighbour, id);
        if (neighbour === toId) {
          const path = [toId];
          let step = toId;
          while (step !== fromId) {
            step = previous.get(step) ?? fromId;
            path.unshift(step);
          }
          return path;
        }
        next.push(neighbour);
      }
    }
    frontier = next;
  }
  return null;
}

/** The model restricted to the focus: an ego focus keeps its members; a path focus keeps everything. */
export function applyFocus(model: NetworkModel, focus: Focus | null): NetworkModel {
  if (focus?.kind !== "ego") return model;
  const ids = egoMembers(model, focus);
  return createNetworkModel({
    nodes: model.nodes.filter((n) => ids.has(n.id)),
    ties: model.ties.filter((t) => ids.has(t.source) && ids.has(t.target)),
  });
}

export function expandNode(focus: Focus | null, id: string): Focus | null {
  if (focus?.kind !== "ego") return focus;
  return {
    ...focus,
    expandedIds: focus.expandedIds.includes(id) ? focus.expandedIds : [...focus.expandedIds, id],
    collapsedIds: focus.collapsedIds.filter((c) => c !== id),
  };
}

export function collapseNode(focus: Focus | null, id: string): Focus | null {
  if (focus?.kind !== "ego") return focus;
  return {
    ...focus,
    expandedIds: focus.expandedIds.filter((e) => e !== id),
    collapsedIds: focus.collapsedIds.includes(id) ? focus.collapsedIds : [...focus.collapsedIds, id],
  };
}
