import { SECTORS, type NetworkNode, type Sector } from "../api/network";

/** What a node's colour and shape stand for: a structure's sector, or "institution". */
export type NodeCategory = Sector | "INSTITUTION";

export const CATEGORIES: readonly NodeCategory[] = [...SECTORS, "INSTITUTION"];

/**
 * Okabe–Ito palette (safe for the common colour-vision deficiencies). Institutions also get a
 * distinct shape, so colour is never the only cue.
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
};

export const CATEGORY_SHAPES: Readonly<Record<NodeCategory, "ellipse" | "diamond">> = {
  CARE: "ellipse",
  PREVENTION: "ellipse",
  SOCIAL: "ellipse",
  MEDICO_SOCIAL: "ellipse",
  EDUCATION: "ellipse",
  JUSTICE: "ellipse",
  LOCAL_AUTHORITY: "ellipse",
  INSTITUTION: "diamond",
};

export function categoryOf(node: NetworkNode): NodeCategory {
  return node.kind === "INSTITUTION" ? "INSTITUTION" : node.sector;
}

/** Darker shade used for node borders: light fills (yellow, sky blue) need it to stand out on white. */
export function darken(hex: string, amount: number): string {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match?.[1]) throw new Error(`Couleur invalide : ${hex}`);
  const value = Number.parseInt(match[1], 16);
  const channel = (shift: number) => Math.round(((value >> shift) & 0xff) * (1 - amount));
  return `#${[16, 8, 0].map((s) => channel(s).toString(16).padStart(2, "0")).join("")}`.toUpperCase();
}
