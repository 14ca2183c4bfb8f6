import type { SavedViewLegendEntry } from "../../api/savedViews";
import type { NetworkNode } from "../../api/network";
import type { ColourMode } from "../../graph/elements";
import { COMMUNITY_COLOURS, OTHER_COMMUNITY_COLOUR, type NodeCategory } from "../../graph/palette";
import { CATEGORY_LABELS, fr } from "../../i18n/fr";
import { legendEntries } from "../legend/legendEntries";

/** The legend saved with a view: the categories as drawn, and the communities in community mode. */
export function savedLegend(nodes: readonly NetworkNode[], categories: readonly NodeCategory[], colourBy: ColourMode): SavedViewLegendEntry[] {
  const rows = legendEntries(nodes, categories).map((entry) => ({
    label: CATEGORY_LABELS[entry.category],
    // Colours stand for something else than the sector: the legend's rows keep the shapes only.
    colour: colourBy === "category" ? entry.colour : "#FFFFFF",
    shape: entry.shape,
  }));
  if (colourBy !== "community") return rows;
  const communities = new Set<number>();
  for (const node of nodes) if (node.metrics) communities.add(node.metrics.community);
  const named = [...communities].filter((c) => c < COMMUNITY_COLOURS.length).sort((a, b) => a - b);
  const more = [...communities].some((c) => c >= COMMUNITY_COLOURS.length);
  return [
    ...rows,
    ...named.map((c) => ({ label: fr.legend.community(c), colour: COMMUNITY_COLOURS[c] ?? OTHER_COMMUNITY_COLOUR, shape: "ellipse" })),
    ...(more ? [{ label: fr.legend.otherCommunities, colour: OTHER_COMMUNITY_COLOUR, shape: "ellipse" }] : []),
  ];
}
