import type { ExportFormat, ExportView } from "./model.js";

const VIEW_SLUGS: Readonly<Record<ExportView, string>> = { STRUCTURES: "structures", ACTORS: "acteurs", PARTICIPATION: "participation" };

const SUFFIXES: Readonly<Record<ExportFormat, string>> = {
  GEXF: ".gexf",
  GRAPHML: ".graphml",
  CSV_NODES: "_noeuds.csv",
  CSV_TIES: "_liens.csv",
  CYTOSCAPE_JSON: ".cyjs",
};

/** Lower-case ASCII words joined by hyphens: "Pays Cévennes" → "pays-cevennes". */
export function slug(text: string): string {
  const ascii = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/œ/g, "oe")
    .replace(/Œ/g, "OE")
    .replace(/æ/g, "ae")
    .replace(/Æ/g, "AE")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return ascii === "" ? "territoire" : ascii;
}

const PARIS_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day in France (YYYY-MM-DD): a file made at 00:30 in Alès is dated that day, not the day before. */
export function frenchDay(date: Date): string {
  return PARIS_DATE.format(date);
}

/** `maillage_<territory>_<view>_<YYYY-MM-DD>.<ext>`: what the file is, without opening it. */
export function fileName(territoryName: string, view: ExportView, format: ExportFormat, date: Date): string {
  return `maillage_${slug(territoryName)}_${VIEW_SLUGS[view]}_${frenchDay(date)}${SUFFIXES[format]}`;
}
