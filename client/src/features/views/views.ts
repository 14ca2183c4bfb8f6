import type { NetworkLevel } from "../../api/network";

/** The views of one network: organisations, people, people in work groups, and the territory map. */
export const VIEW_KINDS = ["structures", "actors", "participation", "map"] as const;
export type ViewKind = (typeof VIEW_KINDS)[number];

export const LAYOUT_KINDS = ["force", "concentric", "geographic", "axis"] as const;
export type LayoutKind = (typeof LAYOUT_KINDS)[number];

export interface ViewDefinition {
  /** The analytics level behind the view; null for the two-mode network. */
  level: NetworkLevel | null;
  /**
   * Threshold first applied to tie weights: 1 (none). The page opens on the backbone instead
   * (`Filters.alpha`, the SDSM backbone at 0.05): a weight threshold cut the demo's current
   * contract to 5,400 organisation ties and still drew a hairball, while the backbone keeps the ties
   * that matter to at least one of their ends, whatever the territory's size. The slider stays.
   */
  defaultMinWeight: number;
  /** Whether the tie-weight slider applies (the two-mode view has one tie per participation). */
  hasWeights: boolean;
  layouts: readonly LayoutKind[];
  defaultLayout: LayoutKind;
}

export const VIEWS: Readonly<Record<ViewKind, ViewDefinition>> = {
  structures: { level: "STRUCTURE", defaultMinWeight: 1, hasWeights: true, layouts: LAYOUT_KINDS, defaultLayout: "force" },
  actors: { level: "ACTOR", defaultMinWeight: 1, hasWeights: true, layouts: LAYOUT_KINDS, defaultLayout: "force" },
  participation: { level: null, defaultMinWeight: 1, hasWeights: false, layouts: ["force", "concentric", "axis"], defaultLayout: "force" },
  map: { level: "STRUCTURE", defaultMinWeight: 1, hasWeights: true, layouts: ["geographic"], defaultLayout: "geographic" },
};

export function isViewKind(value: unknown): value is ViewKind {
  return typeof value === "string" && (VIEW_KINDS as readonly string[]).includes(value);
}

/** The layout to use in a view: the one asked for when the view offers it, else the view's default. */
export function layoutFor(view: ViewKind, wanted: LayoutKind): LayoutKind {
  const definition = VIEWS[view];
  return definition.layouts.includes(wanted) ? wanted : definition.defaultLayout;
}
