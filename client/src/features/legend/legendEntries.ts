import type { NetworkNode } from "../../api/network";
import { CATEGORIES, CATEGORY_COLOURS, CATEGORY_SHAPES, categoryOf, darken, type NodeCategory, type NodeShape } from "../../graph/palette";

export interface LegendEntry {
  category: NodeCategory;
  colour: string;
  borderColour: string;
  shape: NodeShape;
  count: number;
}

/**
 * One entry per category, in the palette's order, with how many nodes are drawn. `categories` lists
 * the rows to show even when empty (a sector hidden by a filter keeps its row, with 0).
 */
export function legendEntries(nodes: readonly NetworkNode[], categories?: readonly NodeCategory[]): LegendEntry[] {
  const counts = new Map<NodeCategory, number>();
  for (const node of nodes) {
    const category = categoryOf(node);
    counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  return CATEGORIES.flatMap((category) => {
    const count = counts.get(category) ?? 0;
    if (count === 0 && !categories?.includes(category)) return [];
    const colour = CATEGORY_COLOURS[category];
    return [{ category, colour, borderColour: darken(colour, 0.4), shape: CATEGORY_SHAPES[category], count }];
  });
}
