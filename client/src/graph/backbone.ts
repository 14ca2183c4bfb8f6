import type { NetworkTie } from "../api/network";

/** Ties per node kept for the layout: enough to hold groups together, few enough to stay fast. */
export const BACKBONE_TIES_PER_NODE = 4;

const byStrength = (a: NetworkTie, b: NetworkTie): number =>
  b.weight - a.weight || a.source.localeCompare(b.source) || a.target.localeCompare(b.target);

/** Union-find over node ids, for the spanning forest. */
function createForest() {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(id, root);
    return root;
  };
  return {
    join(a: string, b: string): boolean {
      const ra = find(a);
      const rb = find(b);
      if (ra === rb) return false;
      parent.set(ra, rb);
      return true;
    },
  };
}

/**
 * The ties the force layout runs on: each node's strongest ties plus a maximum spanning forest (so
 * every connected group stays connected). The layout then costs about the number of nodes, not the
 * number of ties (the demo has 50 times more ties than nodes); every tie is still drawn.
 */
export function layoutBackbone(ties: readonly NetworkTie[], perNode = BACKBONE_TIES_PER_NODE): NetworkTie[] {
  const sorted = [...ties].sort(byStrength);
  const kept = new Set<NetworkTie>();

  const forest = createForest();
  for (const tie of sorted) if (forest.join(tie.source, tie.target)) kept.add(tie);

  const taken = new Map<string, number>();
  for (const tie of sorted) {
    const a = taken.get(tie.source) ?? 0;
    const b = taken.get(tie.target) ?? 0;
    if (a >= perNode && b >= perNode) continue;
    kept.add(tie);
    taken.set(tie.source, a + 1);
    taken.set(tie.target, b + 1);
  }
  return sorted.filter((t) => kept.has(t));
}
