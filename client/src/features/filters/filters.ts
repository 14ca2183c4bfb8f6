import type { ActorCategory, Epci, NetworkQueryFilter, ParticipationRole, Weighting } from "../../api/network";
import type { AxisSummary, CatalogCommune, CatalogWorkGroup } from "../../api/explorer";
import { createNetworkModel, type NetworkModel } from "../../graph/model";
import { CATEGORIES, categoryOf, type NodeCategory } from "../../graph/palette";
import { ACTOR_CATEGORY_LABELS, CATEGORY_LABELS, fr, ROLE_FILTER_LABELS } from "../../i18n/fr";

import { ROLE_FILTERS, type RoleFilter } from "./roleFilter";

export { ROLE_FILTERS, type RoleFilter };

export interface Filters {
  /** Ties shared by fewer work groups and events are not drawn (nodes stay: an isolated node is a finding). */
  minWeight: number;
  /** Categories (sectors, "institution", "work group") unchecked in the legend. */
  hiddenCategories: readonly NodeCategory[];
  /** Only organisations (or members of organisations) located in this intercommunality; null for all. */
  epciCode: string | null;
  /** Only those located in this commune; null for all. */
  communeCode: string | null;
  /** Only collaborations on this priority axis; null for every axis. */
  axisId: string | null;
  /** Only collaborations within this work group (and its events); null for all. */
  workGroupId: string | null;
  /** Only actors of these categories (empty: all). */
  actorCategories: readonly ActorCategory[];
  role: RoleFilter;
  /** What tie weights add up (asked of the API: it changes the ties' weights and significance). */
  weighting: Weighting;
  /**
   * Significance level of the backbone drawn (SDSM): ties whose p-value is not below it
   * are hidden, on the page, from the ties' p-values; null: every tie.
   */
  alpha: number | null;
}

/** The backbone's default level, and the one the API computes the measures on. */
export const DEFAULT_ALPHA = 0.05;
/** The slider's loosest level: the API lists the ties up to it, so that the slider needs no request. */
export const MAX_ALPHA = 0.2;
/** The slider's stops, strictest first. */
export const ALPHA_STEPS: readonly number[] = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2];

/**
 * Two shared work groups or events by default for organisations: a single shared plenary meeting
 * ties almost everyone and hides who really works together.
 */
export const DEFAULT_MIN_WEIGHT = 2;

export const NO_FILTERS: Filters = {
  minWeight: 1,
  hiddenCategories: [],
  epciCode: null,
  communeCode: null,
  axisId: null,
  workGroupId: null,
  actorCategories: [],
  role: "ALL",
  weighting: "COUNT",
  alpha: null,
};
export const DEFAULT_FILTERS: Filters = { ...NO_FILTERS, minWeight: DEFAULT_MIN_WEIGHT, alpha: DEFAULT_ALPHA };

export type FilterKey = "minWeight" | "categories" | "epci" | "commune" | "axis" | "workGroup" | "actorCategories" | "role" | "backbone" | "weighting";

export interface FilterChip {
  key: FilterKey;
  label: string;
}

/** What the filter chips need to name things. */
export interface FilterNames {
  categories: readonly NodeCategory[];
  epcis: readonly Epci[];
  communes: readonly Pick<CatalogCommune, "code" | "name">[];
  axes: readonly AxisSummary[];
  workGroups: readonly Pick<CatalogWorkGroup, "id" | "name">[];
  /** Ties drawn and ties of the whole network (before the backbone), for the backbone's chip; null when unknown. */
  tieCounts?: { shown: number; total: number } | null;
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

const ROLES_OF: Readonly<Record<RoleFilter, ParticipationRole[]>> = {
  ALL: [],
  PILOTS: ["PILOT", "CO_PILOT"],
  MEMBERS: ["MEMBER"],
};

/** The part of the filters the analytics API applies (it computes the metrics on that network). */
export function toQueryFilter(filters: Filters, withMinWeight: boolean): NetworkQueryFilter {
  return {
    ...(filters.axisId ? { axisIds: [filters.axisId] } : {}),
    ...(filters.workGroupId ? { workGroupIds: [filters.workGroupId] } : {}),
    ...(filters.actorCategories.length > 0 ? { categories: [...filters.actorCategories] } : {}),
    ...(filters.role !== "ALL" ? { roles: ROLES_OF[filters.role] } : {}),
    ...(withMinWeight && filters.minWeight > 1 ? { minWeight: filters.minWeight } : {}),
    // The backbone and the weighting apply to weighted views only (not the two-mode one).
    ...(withMinWeight && filters.weighting !== "COUNT" ? { weighting: filters.weighting } : {}),
    ...(withMinWeight && filters.alpha !== null ? { backbone: { alpha: DEFAULT_ALPHA, listUpTo: MAX_ALPHA } } : {}),
  };
}

/**
 * The loaded network reduced to what the filters let through on the page (legend categories,
 * place, tie weight); the result is a model like any other. Work groups have no place: a place
 * filter keeps them.
 */
export function applyFilters(model: NetworkModel, filters: Filters): NetworkModel {
  const nodes = model.nodes.filter(
    (node) =>
      !isCategoryHidden(filters, categoryOf(node)) &&
      (node.kind === "WORK_GROUP" ||
        ((filters.epciCode === null || node.epciCode === filters.epciCode) &&
          (filters.communeCode === null || node.communeCode === filters.communeCode))),
  );
  const kept = new Set(nodes.map((n) => n.id));
  const alpha = filters.alpha;
  const ties = model.ties.filter(
    (t) =>
      t.weight >= filters.minWeight &&
      (alpha === null || t.significance === null || t.significance === undefined || t.significance < alpha) &&
      kept.has(t.source) &&
      kept.has(t.target),
  );
  return createNetworkModel({ nodes, ties });
}

export function removeFilter(filters: Filters, key: FilterKey): Filters {
  switch (key) {
    case "minWeight":
      return { ...filters, minWeight: NO_FILTERS.minWeight };
    case "categories":
      return { ...filters, hiddenCategories: [] };
    case "epci":
      return { ...filters, epciCode: null, communeCode: null };
    case "commune":
      return { ...filters, communeCode: null };
    case "axis":
      return { ...filters, axisId: null };
    case "workGroup":
      return { ...filters, workGroupId: null };
    case "actorCategories":
      return { ...filters, actorCategories: [] };
    case "role":
      return { ...filters, role: "ALL" };
    case "backbone":
      return { ...filters, alpha: null };
    case "weighting":
      return { ...filters, weighting: "COUNT" };
  }
}

/**
 * The active filters in words, one chip each. Sectors read as what is shown ("Secteur : Soin")
 * unless fewer are hidden than shown ("Secteur : tout sauf Justice").
 */
export function filterChips(filters: Filters, names: FilterNames): FilterChip[] {
  const chips: FilterChip[] = [];
  if (filters.alpha !== null && names.tieCounts) {
    chips.push({ key: "backbone", label: fr.filters.chipBackbone(names.tieCounts.shown, names.tieCounts.total) });
  }
  if (filters.weighting === "NEWMAN") chips.push({ key: "weighting", label: fr.filters.chipNewman });
  if (filters.minWeight > 1) chips.push({ key: "minWeight", label: fr.filters.chipMinWeight(filters.minWeight) });
  const hidden = names.categories.filter((c) => isCategoryHidden(filters, c));
  if (hidden.length > 0) {
    const shown = names.categories.filter((c) => !isCategoryHidden(filters, c));
    const label =
      shown.length === 0
        ? fr.filters.chipNoCategory
        : shown.length <= hidden.length
          ? fr.filters.chipCategories(shown.map((c) => CATEGORY_LABELS[c]))
          : fr.filters.chipCategoriesExcept(hidden.map((c) => CATEGORY_LABELS[c]));
    chips.push({ key: "categories", label });
  }
  if (filters.epciCode !== null) {
    const name = names.epcis.find((e) => e.code === filters.epciCode)?.name ?? filters.epciCode;
    chips.push({ key: "epci", label: fr.filters.chipEpci(name) });
  }
  if (filters.communeCode !== null) {
    const name = names.communes.find((c) => c.code === filters.communeCode)?.name ?? filters.communeCode;
    chips.push({ key: "commune", label: fr.filters.chipCommune(name) });
  }
  if (filters.axisId !== null) {
    const name = names.axes.find((a) => a.id === filters.axisId)?.name ?? filters.axisId;
    chips.push({ key: "axis", label: fr.filters.chipAxis(name) });
  }
  if (filters.workGroupId !== null) {
    const name = names.workGroups.find((w) => w.id === filters.workGroupId)?.name ?? filters.workGroupId;
    chips.push({ key: "workGroup", label: fr.filters.chipWorkGroup(name) });
  }
  if (filters.actorCategories.length > 0) {
    chips.push({ key: "actorCategories", label: fr.filters.chipActorCategories(filters.actorCategories.map((c) => ACTOR_CATEGORY_LABELS[c])) });
  }
  if (filters.role !== "ALL") chips.push({ key: "role", label: fr.filters.chipRole(ROLE_FILTER_LABELS[filters.role]) });
  return chips;
}

/** Categories present in the loaded network, in palette order: the legend's rows. */
export function presentCategories(model: NetworkModel): NodeCategory[] {
  const present = new Set(model.nodes.map(categoryOf));
  return CATEGORIES.filter((c) => present.has(c));
}
