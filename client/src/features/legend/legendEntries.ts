import type { NetworkNode } from "../../api/network";
import { CATEGORIES, CATEGORY_COLOURS, CATEGORY_SHAPES, categoryOf, darken, type NodeCategory } from "../../graph/palette";

export interface LegendEntry {
  category: NodeCategory;
  colour: string;
  borderColour: string;
  shape: "ellipse" | "diamond";
  count: number;
}

/** One entry per category actually drawn, in the palette's order, with how many nodes it has. */
export function legendEntries(nodes: readonly NetworkNode[]): LegendEntry[] {
  const counts = new Map<NodeCategory, number>();
  for (const node of nodes) {
    const category = categoryOf(node);
    counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  return CATEGORIES.flatMap((category) => {
    const count = counts.get(category) ?? 0;
    if (count === 0) return [];
    const colour = CATEGORY_COLOURS[category];
    return [{ category, colour, borderColour: darken(colour, 0.4), shape: CATEGORY_SHAPES[category], count }];
  });
}
