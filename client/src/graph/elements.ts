import type { ElementDefinition } from "cytoscape";
import type { NodeKind } from "../api/network";
import { layoutBackbone } from "./backbone";
import type { NetworkModel } from "./model";
import { CATEGORY_COLOURS, CATEGORY_SHAPES, categoryOf, darken, type NodeCategory } from "./palette";

export const NODE_SIZE = { min: 10, max: 44 } as const;
export const TIE_WIDTH = { min: 0.8, max: 9 } as const;
export const TIE_OPACITY = { min: 0.14, max: 0.6 } as const;
/** Share of nodes (the largest ones) whose label is always drawn; others show it on hover or selection. */
export const LABELLED_SHARE = 0.06;
export const MIN_LABELLED = 5;

export interface NodeData {
  id: string;
  label: string;
  kind: NodeKind;
  category: NodeCategory;
  colour: string;
  borderColour: string;
  shape: "ellipse" | "diamond";
  size: number;
  memberCount: number;
}

export interface TieData {
  id: string;
  source: string;
  target: string;
  weight: number;
  width: number;
  opacity: number;
}

/** Square-root scale from [0, domainMax] to [min, max]: areas, not radii, grow with the value. */
export function sqrtScale(value: number, domainMax: number, min: number, max: number): number {
  if (domainMax <= 0) return min;
  const ratio = Math.sqrt(Math.min(Math.max(value, 0), domainMax) / domainMax);
  return min + (max - min) * ratio;
}

const round = (value: number) => Math.round(value * 100) / 100;

export function tieId(source: string, target: string): string {
  return `${source}→${target}`;
}

/** Ids of the nodes whose labels are always drawn: the largest by member count. */
export function labelledNodeIds(model: NetworkModel): Set<string> {
  const count = Math.max(MIN_LABELLED, Math.ceil(model.nodes.length * LABELLED_SHARE));
  const largest = [...model.nodes]
    .filter((n) => n.memberCount > 0)
    .sort((a, b) => b.memberCount - a.memberCount || a.id.localeCompare(b.id))
    .slice(0, count);
  return new Set(largest.map((n) => n.id));
}

function maxOf(values: Iterable<number>): number {
  let max = 0;
  for (const value of values) if (value > max) max = value;
  return max;
}

/**
 * Maps the network to Cytoscape element definitions (nodes first, then ties); pure. Sizes and
 * widths are scaled on `reference` (the loaded network), so that filtering never resizes what stays.
 */
export function toElements(model: NetworkModel, reference: NetworkModel = model): ElementDefinition[] {
  const maxMembers = maxOf(reference.nodes.map((n) => n.memberCount));
  const maxWeight = maxOf(reference.ties.map((t) => t.weight));
  const labelled = labelledNodeIds(model);

  const nodes = model.nodes.map((node): ElementDefinition => {
    const category = categoryOf(node);
    const data: NodeData = {
      id: node.id,
      label: node.name,
      kind: node.kind,
      category,
      colour: CATEGORY_COLOURS[category],
      borderColour: darken(CATEGORY_COLOURS[category], 0.4),
      shape: CATEGORY_SHAPES[category],
      size: round(sqrtScale(node.memberCount, maxMembers, NODE_SIZE.min, NODE_SIZE.max)),
      memberCount: node.memberCount,
    };
    const classes = [node.kind === "INSTITUTION" ? "institution" : "structure"];
    if (labelled.has(node.id)) classes.push("labelled");
    return { group: "nodes", data, classes: classes.join(" ") };
  });

  const ties = model.ties.map((tie): ElementDefinition => {
    const data: TieData = {
      id: tieId(tie.source, tie.target),
      source: tie.source,
      target: tie.target,
      weight: tie.weight,
      width: round(sqrtScale(tie.weight, maxWeight, TIE_WIDTH.min, TIE_WIDTH.max)),
      opacity: round(sqrtScale(tie.weight, maxWeight, TIE_OPACITY.min, TIE_OPACITY.max)),
    };
    return { group: "edges", data };
  });

  return [...nodes, ...ties];
}

/** What the layout needs: every node with its size, and only the backbone of the ties. */
export function toLayoutElements(model: NetworkModel): ElementDefinition[] {
  const maxMembers = maxOf(model.nodes.map((n) => n.memberCount));
  const nodes = model.nodes.map((node): ElementDefinition => ({
    group: "nodes",
    data: { id: node.id, size: round(sqrtScale(node.memberCount, maxMembers, NODE_SIZE.min, NODE_SIZE.max)) },
  }));
  const ties = layoutBackbone(model.ties).map((tie): ElementDefinition => ({
    group: "edges",
    data: { id: tieId(tie.source, tie.target), source: tie.source, target: tie.target, weight: tie.weight },
  }));
  return [...nodes, ...ties];
}
