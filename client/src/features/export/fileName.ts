import type { ViewKind } from "../views/views";

/** The view's word in file names: short, French, without accents. */
export const VIEW_FILE_WORDS: Readonly<Record<ViewKind, string>> = {
  structures: "structures",
  actors: "acteurs",
  participation: "participation",
  map: "carte",
};

/** "Pays Cévennes" → "pays-cevennes"; "CC Gorges Causses Cévennes" → "cc-gorges-causses-cevennes". */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/œ/gi, "oe")
    .replace(/æ/gi, "ae")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "territoire";
}

/** The local date as YYYY-MM-DD (the day the user exports, not UTC's). */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * `maillage_<territory>_<view>_<YYYY-MM-DD>[_<variant>].<ext>`: what, where and when, readable in a
 * downloads folder. The variant tells sizes apart (`4x`, `a4`, `16-9`).
 */
export function exportFileName(territoryName: string, view: ViewKind | "presentation", date: Date, extension: string, variant?: string): string {
  const viewWord = view === "presentation" ? "presentation" : VIEW_FILE_WORDS[view];
  const suffix = variant ? `_${slugify(variant)}` : "";
  return `maillage_${slugify(territoryName)}_${viewWord}_${isoDay(date)}${suffix}.${extension}`;
}
