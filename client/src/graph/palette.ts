import { SECTORS, type NetworkNode, type Sector } from "../api/network";

/**
 * What a node's colour and shape stand for by default: its sector (structures, and actors through
 * their structure), "institution" (institutions and their members), or "work group" (two-mode view).
 */
export type NodeCategory = Sector | "INSTITUTION" | "WORK_GROUP";

export const CATEGORIES: readonly NodeCategory[] = [...SECTORS, "INSTITUTION", "WORK_GROUP"];

export type NodeShape = "ellipse" | "diamond" | "round-rectangle";

/**
 * Okabe–Ito palette (safe for the common colour-vision deficiencies). Institutions and work groups
 * also get a distinct shape, so colour is never the only cue.
 */
export const CATEGORY_COLOURS: Readonly<Record<NodeCategory, string>> = {
  CARE: "#0072B2",
  PREVENTION: "#009E73",
  SOCIAL: "#E69F00",
  MEDICO_SOCIAL: "#CC79A7",
  EDUCATION: "#56B4E9",
  JUSTICE: "#D55E00",
  LOCAL_AUTHORITY: "#F0E442",
  INSTITUTION: "#1A1A1A",
  WORK_GROUP: "#6B7280",
};

export const CATEGORY_SHAPES: Readonly<Record<NodeCategory, NodeShape>> = {
  CARE: "ellipse",
  PREVENTION: "ellipse",
  SOCIAL: "ellipse",
  MEDICO_SOCIAL: "ellipse",
  EDUCATION: "ellipse",
  JUSTICE: "ellipse",
  LOCAL_AUTHORITY: "ellipse",
  INSTITUTION: "diamond",
  WORK_GROUP: "round-rectangle",
};

export function categoryOf(node: NetworkNode): NodeCategory {
  if (node.kind === "WORK_GROUP") return "WORK_GROUP";
  if (node.kind === "INSTITUTION") return "INSTITUTION";
  return node.sector ?? "INSTITUTION";
}

/**
 * Communities drawn in their own colour: the largest ones, in Okabe–Ito order (then Paul Tol's
 * muted colours); smaller communities share the "other" grey, said so in the legend.
 */
export const COMMUNITY_COLOURS: readonly string[] = [
  "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#882255", "#44AA99", "#999933",
];
export const OTHER_COMMUNITY_COLOUR = "#C4C9D1";

export function communityColour(community: number): string {
  return COMMUNITY_COLOURS[community] ?? OTHER_COMMUNITY_COLOUR;
}

/** Viridis, five steps from low to high: readable in grey and by the common colour-vision deficiencies. */
export const METRIC_RAMP: readonly string[] = ["#440154", "#3B528B", "#21918C", "#5EC962", "#FDE725"];

/** The ramp colour of `value` in [0, max]. */
export function rampColour(value: number, max: number): string {
  if (max <= 0) return METRIC_RAMP[0] ?? "#440154";
  const step = Math.min(METRIC_RAMP.length - 1, Math.floor((Math.max(0, value) / max) * METRIC_RAMP.length));
  return METRIC_RAMP[step] ?? "#440154";
}

/** Darker shade used for node borders: light fills (yellow, sky blue) need it to stand out on white. */
export function darken(hex: string, amount: number): string {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match?.[1]) throw new Error(`Couleur invalide : ${hex}`);
  const value = Number.parseInt(match[1], 16);
  const channel = (shift: number) => Math.round(((value >> shift) & 0xff) * (1 - amount));
  return `#${[16, 8, 0].map((s) => channel(s).toString(16).padStart(2, "0")).join("")}`.toUpperCase();
}
