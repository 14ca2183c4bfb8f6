import type { AxisSummary } from "../api/explorer";
import type { Positions } from "./layout";
import type { NetworkModel } from "./model";

/** Layouts computed directly (no force run): fast, deterministic, and each says one thing. */

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Sunflower packing around (cx, cy): the i-th item at spacing·√i. */
function spiral(count: number, cx: number, cy: number, spacing: number): { x: number; y: number }[] {
  return Array.from({ length: count }, (_, i) => {
    const radius = spacing * Math.sqrt(i);
    return { x: cx + radius * Math.cos(i * GOLDEN_ANGLE), y: cy + radius * Math.sin(i * GOLDEN_ANGLE) };
  });
}

/**
 * Concentric rings by a value, highest in the middle: each ring holds as many nodes as fit on its
 * circumference, so the hubs of the chosen metric are the first thing one sees.
 */
export function concentricPositions(model: NetworkModel, value: (id: string) => number, spacing = 34): Positions {
  const ordered = [...model.nodes].sort((a, b) => value(b.id) - value(a.id) || (a.id < b.id ? -1 : 1));
  const positions: Positions = {};
  let ring = 0;
  let index = 0;
  while (index < ordered.length) {
    const radius = ring * spacing * 1.6;
    const capacity = ring === 0 ? 1 : Math.max(6, Math.floor((2 * Math.PI * radius) / spacing));
    const members = ordered.slice(index, index + capacity);
    members.forEach((node, i) => {
      const angle = (2 * Math.PI * i) / members.length - Math.PI / 2 + ring * 0.35;
      positions[node.id] = { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
    });
    index += members.length;
    ring += 1;
  }
  return positions;
}

export interface AxisGroup {
  /** Axis id, or null for nodes without any axis. */
  axisId: string | null;
  label: string;
  /** Where the group's title is drawn (above its nodes). */
  labelPosition: { x: number; y: number };
  nodeIds: string[];
}

/**
 * Groups by priority axis: each node goes to the first of the territory's axes it works on (the
 * territory's axis order), groups sit on a large circle, each packed as a sunflower.
 */
export function axisGroups(model: NetworkModel, axes: readonly AxisSummary[], noAxisLabel: string, spacing = 22): { positions: Positions; groups: AxisGroup[] } {
  const order = new Map(axes.map((axis, i) => [axis.id, i]));
  const members = new Map<string | null, string[]>();
  for (const node of [...model.nodes].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const main = [...node.axisIds].filter((id) => order.has(id)).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))[0] ?? null;
    const list = members.get(main) ?? [];
    list.push(node.id);
    members.set(main, list);
  }
  const keys = [...axes.map((a) => a.id).filter((id) => members.has(id)), ...(members.has(null) ? [null] : [])];
  const largest = Math.max(1, ...keys.map((k) => members.get(k)?.length ?? 0));
  const groupRadius = spacing * Math.sqrt(largest) + 40;
  const circle = keys.length <= 1 ? 0 : (groupRadius * 2.2 * keys.length) / (2 * Math.PI);
  const positions: Positions = {};
  const groups: AxisGroup[] = keys.map((axisId, k) => {
    const angle = (2 * Math.PI * k) / Math.max(1, keys.length) - Math.PI / 2;
    const cx = circle * Math.cos(angle);
    const cy = circle * Math.sin(angle);
    const ids = members.get(axisId) ?? [];
    spiral(ids.length, cx, cy, spacing).forEach((point, i) => {
      const id = ids[i];
      if (id !== undefined) positions[id] = point;
    });
    const radius = spacing * Math.sqrt(ids.length);
    return {
      axisId,
      label: axisId === null ? noAxisLabel : (axes.find((a) => a.id === axisId)?.name ?? axisId),
      labelPosition: { x: cx, y: cy - radius - 36 },
      nodeIds: ids,
    };
  });
  return { positions, groups };
}

/**
 * Communities (from the API's seeded Louvain) as sunflower clusters, the largest in the middle and
 * the others spiralling out: an instant, readable first picture of a large network while the force
 * layout runs. Nodes without metrics form one group.
 */
export function communityClusters(model: NetworkModel, spacing = 14): Positions {
  const members = new Map<number, string[]>();
  for (const node of [...model.nodes].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const community = node.metrics?.community ?? -1;
    const list = members.get(community) ?? [];
    list.push(node.id);
    members.set(community, list);
  }
  const groups = [...members.values()].sort((a, b) => b.length - a.length || ((a[0] ?? "") < (b[0] ?? "") ? -1 : 1));
  const positions: Positions = {};
  let ring = 0;
  let angle = 0;
  groups.forEach((ids, k) => {
    const radius = spacing * Math.sqrt(ids.length);
    const first = groups[0]?.length ?? 1;
    if (k > 0) {
      ring = Math.max(ring, spacing * Math.sqrt(first) + radius + spacing * 2);
      angle += (radius * 2.4) / Math.max(1, ring);
      if (angle > 2 * Math.PI) {
        angle = 0;
        ring += radius * 2.4;
      }
    }
    const cx = k === 0 ? 0 : ring * Math.cos(angle);
    const cy = k === 0 ? 0 : ring * Math.sin(angle);
    spiral(ids.length, cx, cy, spacing).forEach((point, i) => {
      const id = ids[i];
      if (id !== undefined) positions[id] = point;
    });
  });
  return positions;
}
