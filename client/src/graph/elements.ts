import type { ElementDefinition } from "cytoscape";
import type { NetworkNode } from "../api/network";
import { layoutBackbone } from "./backbone";
import type { NetworkModel } from "./model";
import {
  CATEGORY_COLOURS,
  CATEGORY_SHAPES,
  categoryOf,
  communityColour,
  darken,
  rampColour,
  type NodeCategory,
  type NodeShape,
} from "./palette";

export const NODE_SIZE = { min: 10, max: 44 } as const;
export const TIE_WIDTH = { min: 0.8, max: 9 } as const;
export const TIE_OPACITY = { min: 0.14, max: 0.6 } as const;
export const PARTICIPATION_WIDTH = 1;
export const PARTICIPATION_OPACITY = 0.35;
/** Share of nodes (the largest ones) whose label is always drawn; others show it on hover or selection. */
export const LABELLED_SHARE = 0.06;
/** A large network labelled at 6 % is a wall of text: never more than this many permanent labels. */
export const MAX_LABELLED = 30;
export const MIN_LABELLED = 5;

/** What node size stands for. */
export const SIZE_METRICS = ["members", "degree", "weightedDegree", "betweenness"] as const;
export type SizeMetric = (typeof SIZE_METRICS)[number];

/** What node colour stands for. */
export const COLOUR_MODES = ["category", "community", "betweenness", "degree"] as const;
export type ColourMode = (typeof COLOUR_MODES)[number];

/** Comparison of two periods: where a node or tie stands. */
export type ChangeStatus = "joined" | "left" | "stayed";
export type TieChange = "gained" | "lost" | "kept";

export interface DrawOptions {
  sizeBy: SizeMetric;
  colourBy: ColourMode;
  /** Comparison mode: node and tie statuses (absent: no comparison). */
  nodeChanges?: ReadonlyMap<string, ChangeStatus>;
  tieChanges?: ReadonlyMap<string, TieChange>;
}

export const DEFAULT_DRAW_OPTIONS: DrawOptions = { sizeBy: "members", colourBy: "category" };

export interface NodeData {
  id: string;
  label: string;
  kind: NetworkNode["kind"];
  category: NodeCategory;
  colour: string;
  borderColour: string;
  shape: NodeShape;
  size: number;
  memberCount: number;
  /** Compound parent (grouped layouts), when there is one. */
  parent?: string;
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

/**
 * Tie widths and opacities take one of a few values: Cytoscape computes a style once per distinct
 * set of values, and thousands of ties with all-different widths made the first draw seconds longer.
 */
export const TIE_STEPS = 8;

function stepped(value: number, domainMax: number, min: number, max: number): number {
  const scaled = sqrtScale(value, domainMax, min, max);
  const step = Math.round(((scaled - min) / (max - min || 1)) * (TIE_STEPS - 1));
  return round(min + ((max - min) * step) / (TIE_STEPS - 1));
}

export function tieId(source: string, target: string): string {
  return `${source}→${target}`;
}

/** The value a node is sized by; members for a work group are its participants. */
export function sizeValue(node: NetworkNode, metric: SizeMetric): number {
  switch (metric) {
    case "members":
      return node.memberCount > 0 ? node.memberCount : (node.metrics?.weightedDegree ?? 0);
    case "degree":
      return node.metrics?.degree ?? 0;
    case "weightedDegree":
      return node.metrics?.weightedDegree ?? 0;
    case "betweenness":
      return node.metrics?.betweenness ?? 0;
  }
}

/** Ids of the nodes whose labels are always drawn: the largest by the size metric. */
export function labelledNodeIds(model: NetworkModel, sizeBy: SizeMetric = "members"): Set<string> {
  const count = Math.min(MAX_LABELLED, Math.max(MIN_LABELLED, Math.ceil(model.nodes.length * LABELLED_SHARE)));
  const largest = model.nodes
    .map((node) => ({ node, value: sizeValue(node, sizeBy) }))
    .filter((entry) => entry.value > 0)
    .sort((a, b) => b.value - a.value || a.node.id.localeCompare(b.node.id))
    .slice(0, count);
  return new Set(largest.map((entry) => entry.node.id));
}

function maxOf(values: Iterable<number>): number {
  let max = 0;
  for (const value of values) if (value > max) max = value;
  return max;
}

function colourOf(node: NetworkNode, options: DrawOptions, maxMetric: number): string {
  switch (options.colourBy) {
    case "category":
      return CATEGORY_COLOURS[categoryOf(node)];
    case "community":
      return node.metrics ? communityColour(node.metrics.community) : CATEGORY_COLOURS.WORK_GROUP;
    case "betweenness":
      return rampColour(node.metrics?.betweenness ?? 0, maxMetric);
    case "degree":
      return rampColour(node.metrics?.degree ?? 0, maxMetric);
  }
}

function colourDomain(model: NetworkModel, options: DrawOptions): number {
  if (options.colourBy === "betweenness") return maxOf(model.nodes.map((n) => n.metrics?.betweenness ?? 0));
  if (options.colourBy === "degree") return maxOf(model.nodes.map((n) => n.metrics?.degree ?? 0));
  return 0;
}

/**
 * Maps the network to Cytoscape element definitions (nodes first, then ties); pure. Sizes, widths
 * and colour ramps are scaled on `reference` (the loaded network), so that filtering never resizes
 * or recolours what stays.
 */
export function toElements(
  model: NetworkModel,
  reference: NetworkModel = model,
  options: DrawOptions = DEFAULT_DRAW_OPTIONS,
): ElementDefinition[] {
  const maxSize = maxOf(reference.nodes.map((n) => sizeValue(n, options.sizeBy)));
  const maxWeight = maxOf(reference.ties.map((t) => t.weight));
  const maxMetric = colourDomain(reference, options);
  const labelled = labelledNodeIds(model, options.sizeBy);

  const nodes = model.nodes.map((node): ElementDefinition => {
    const category = categoryOf(node);
    const colour = colourOf(node, options, maxMetric);
    const data: NodeData = {
      id: node.id,
      label: node.name,
      kind: node.kind,
      category,
      colour,
      borderColour: darken(colour, 0.4),
      shape: CATEGORY_SHAPES[category],
      size: round(sqrtScale(sizeValue(node, options.sizeBy), maxSize, NODE_SIZE.min, NODE_SIZE.max)),
      memberCount: node.memberCount,
    };
    const classes = [node.kind.toLowerCase().replace("_", "-")];
    if (labelled.has(node.id)) classes.push("labelled");
    const change = options.nodeChanges?.get(node.id);
    if (change && change !== "stayed") classes.push(change);
    return { group: "nodes", data, classes: classes.join(" ") };
  });

  const ties = model.ties.map((tie): ElementDefinition => {
    const id = tieId(tie.source, tie.target);
    const data: TieData = {
      id,
      source: tie.source,
      target: tie.target,
      weight: tie.weight,
      // A participation (two-mode view) has no strength: a thin line, thicker for pilots (style.ts).
      width: tie.role ? PARTICIPATION_WIDTH : stepped(tie.weight, maxWeight, TIE_WIDTH.min, TIE_WIDTH.max),
      opacity: tie.role ? PARTICIPATION_OPACITY : stepped(tie.weight, maxWeight, TIE_OPACITY.min, TIE_OPACITY.max),
    };
    const classes: string[] = [];
    const change = options.tieChanges?.get(id);
    if (change) classes.push(change);
    if (tie.role === "PILOT" || tie.role === "CO_PILOT") classes.push("pilot");
    return classes.length > 0 ? { group: "edges", data, classes: classes.join(" ") } : { group: "edges", data };
  });

  return [...nodes, ...ties];
}

/** What the force layout needs: every node with its size, and only the backbone of the ties. */
export function toLayoutElements(model: NetworkModel, sizeBy: SizeMetric = "members", separateCommunities = false): ElementDefinition[] {
  const maxSize = maxOf(model.nodes.map((n) => sizeValue(n, sizeBy)));
  const nodes = model.nodes.map((node): ElementDefinition => ({
    group: "nodes",
    data: { id: node.id, size: round(sqrtScale(sizeValue(node, sizeBy), maxSize, NODE_SIZE.min, NODE_SIZE.max)) },
  }));
  // Ties between two communities (the API's, computed on the ties drawn) do not pull: the groups
  // that work together are laid out apart, each a block of the picture, and the ties between them
  // are drawn across (they are the brokers' ties).
  const community = new Map(model.nodes.map((node) => [node.id, node.metrics?.community ?? null]));
  const across = (source: string, target: string): boolean => {
    const [a, b] = [community.get(source) ?? null, community.get(target) ?? null];
    return separateCommunities && a !== null && b !== null && a !== b;
  };
  const ties = layoutBackbone(model.ties)
    .filter((tie) => !across(tie.source, tie.target))
    .map((tie): ElementDefinition => ({
      group: "edges",
      data: { id: tieId(tie.source, tie.target), source: tie.source, target: tie.target, weight: tie.weight },
    }));
  return [...nodes, ...ties];
}
