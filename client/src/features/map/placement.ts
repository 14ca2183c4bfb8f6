/**
 * Places the network's nodes on the territory map: each node near the middle of its commune, on a
 * phyllotaxis (sunflower) spiral, which packs any number of nodes evenly around a point without a
 * layout run. Nodes are sorted by id first, so the same data always gives the same picture.
 */
import { projectCommunes, type Projection } from "./projection";
import type { MapCommune, ModelPoint } from "./types";

export interface PlaceableNode {
  id: string;
  communeCode: string | null;
}

/** Distance scale of the spiral, in model units: the n-th node sits SPACING × √n from the centre. */
export const NODE_SPACING = 16;
/** Nodes without a known place: in rows below the map, this far apart. */
export const UNPLACED_SPACING = 32;
/** ~137.5°: consecutive nodes never line up, so the spiral fills a disc evenly. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** The offset of the `index`-th node from its commune's centre. */
export function spiralOffset(index: number, spacing: number = NODE_SPACING): ModelPoint {
  const radius = spacing * Math.sqrt(index);
  const angle = index * GOLDEN_ANGLE;
  return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
}

const byId = (a: PlaceableNode, b: PlaceableNode) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Model positions for every node. A node whose commune is unknown (no code, a code outside the
 * territory, or a commune with neither centroid nor contour) goes in a row below the map, so that it
 * stays visible and its ties still cross the map.
 */
export function placeInCommunes(
  nodes: readonly PlaceableNode[],
  communes: readonly MapCommune[],
  projection: Projection,
): Record<string, ModelPoint> {
  const anchors = new Map<string, ModelPoint>();
  for (const commune of projectCommunes(communes, projection)) {
    if (commune.anchor) anchors.set(commune.code, commune.anchor);
  }
  const byCommune = new Map<string, PlaceableNode[]>();
  const unplaced: PlaceableNode[] = [];
  for (const node of [...nodes].sort(byId)) {
    const code = node.communeCode;
    if (code === null || !anchors.has(code)) {
      unplaced.push(node);
      continue;
    }
    const list = byCommune.get(code);
    if (list) list.push(node);
    else byCommune.set(code, [node]);
  }

  const positions: Record<string, ModelPoint> = {};
  for (const [code, members] of byCommune) {
    const anchor = anchors.get(code);
    if (!anchor) continue;
    members.forEach((node, index) => {
      const offset = spiralOffset(index);
      positions[node.id] = { x: anchor.x + offset.x, y: anchor.y + offset.y };
    });
  }

  const { minX, maxX, maxY } = projection.bounds;
  const perRow = Math.max(1, Math.floor((maxX - minX) / UNPLACED_SPACING) + 1);
  unplaced.forEach((node, index) => {
    positions[node.id] = {
      x: minX + (index % perRow) * UNPLACED_SPACING,
      y: maxY + 2 * UNPLACED_SPACING + Math.floor(index / perRow) * UNPLACED_SPACING,
    };
  });
  return positions;
}
