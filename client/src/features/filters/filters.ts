import type { Epci } from "../../api/network";
import { createNetworkModel, type NetworkModel } from "../../graph/model";
import { CATEGORIES, categoryOf, type NodeCategory } from "../../graph/palette";
import { CATEGORY_LABELS, fr } from "../../i18n/fr";

export interface Filters {
  /** Ties shared by fewer work groups are not drawn (nodes stay: an isolated structure is a finding). */
  minWeight: number;
  /** Categories (sectors, and "institution") unchecked in the legend. */
  hiddenCategories: readonly NodeCategory[];
  /** Only organisations located in this intercommunality; null for all. */
  epciCode: string | null;
}

/**
 * Two shared work groups by default: about two thirds of the demo's ties come from a single shared
 * group (often one large plenary meeting), and drawing them hides who really works together.
 */
export const DEFAULT_MIN_WEIGHT = 2;

export const DEFAULT_FILTERS: Filters = { minWeight: DEFAULT_MIN_WEIGHT, hiddenCategories: [], epciCode: null };
export const NO_FILTERS: Filters = { minWeight: 1, hiddenCategories: [], epciCode: null };

export type FilterKey = "minWeight" | "categories" | "epci";

export interface FilterChip {
  key: FilterKey;
  label: string;
}

export function isCategoryHidden(filters: Filters, category: NodeCategory): boolean {
  return filters.hiddenCategories.includes(category);
}

export function toggleCategory(filters: Filters, category: NodeCategory): Filters {
  const hidden = isCategoryHidden(filters, category)
    ? filters.hiddenCategories.filter((c) => c !== category)
    : [...filters.hiddenCategories, category];
  // Kept in palette order so that chips and comparisons do not depend on click order.
  return { ...filters, hiddenCategories: CATEGORIES.filter((c) => hidden.includes(c)) };
}

/** The loaded network reduced to what the filters let through; the result is a model like any other. */
export function applyFilters(model: NetworkModel, filters: Filters): NetworkModel {
  const nodes = model.nodes.filter(
    (node) =>
      !isCategoryHidden(filters, categoryOf(node)) && (filters.epciCode === null || node.epciCode === filters.epciCode),
  );
  const kept = new Set(nodes.map((n) => n.id));
  const ties = model.ties.filter((t) => t.weight >= filters.minWeight && kept.has(t.source) && kept.has(t.target));
  return createNetworkModel({ nodes, ties });
}

export function removeFilter(filters: Filters, key: FilterKey): Filters {
  switch (key) {
    case "minWeight":
      return { ...filters, minWeight: NO_FILTERS.minWeight };
    case "categories":
      return { ...filters, hiddenCategories: [] };
    case "epci":
      return { ...filters, epciCode: null };
  }
}

/**
 * The active filters in words, one chip each. Sectors read as what is shown ("Secteur : Soin")
 * unless fewer are hidden than shown ("Secteur : tout sauf Justice").
 */
export function filterChips(filters: Filters, categories: readonly NodeCategory[], epcis: readonly Epci[]): FilterChip[] {
  const chips: FilterChip[] = [];
  if (filters.minWeight > 1) chips.push({ key: "minWeight", label: fr.filters.chipMinWeight(filters.minWeight) });
  const hidden = categories.filter((c) => isCategoryHidden(filters, c));
  if (hidden.length > 0) {
    const shown = categories.filter((c) => !isCategoryHidden(filters, c));
    const label =
      shown.length === 0
        ? fr.filters.chipNoCategory
        : shown.length <= hidden.length
          ? fr.filters.chipCategories(shown.map((c) => CATEGORY_LABELS[c]))
          : fr.filters.chipCategoriesExcept(hidden.map((c) => CATEGORY_LABELS[c]));
    chips.push({ key: "categories", label });
  }
  if (filters.epciCode !== null) {
    const name = epcis.find((e) => e.code === filters.epciCode)?.name ?? filters.epciCode;
    chips.push({ key: "epci", label: fr.filters.chipEpci(name) });
  }
  return chips;
}

/** Categories present in the loaded network, in palette order: the legend's rows. */
export function presentCategories(model: NetworkModel): NodeCategory[] {
  const present = new Set(model.nodes.map(categoryOf));
  return CATEGORIES.filter((c) => present.has(c));
}
