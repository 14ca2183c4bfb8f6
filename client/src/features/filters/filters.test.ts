import { describe, expect, it } from "vitest";
import { createNetworkModel } from "../../graph/model";
import { sampleNetwork } from "../../graph/testNetwork";
import {
  applyFilters,
  DEFAULT_FILTERS,
  filterChips,
  NO_FILTERS,
  presentCategories,
  removeFilter,
  toggleCategory,
  toQueryFilter,
  type Filters,
} from "./filters";

const model = createNetworkModel(sampleNetwork());
const epcis = [
  { code: "200066918", name: "CA Alès Agglomération" },
  { code: "200035129", name: "CC de Cèze Cévennes" },
];
const categories = presentCategories(model);
const names = { categories, epcis, communes: [{ code: "30007", name: "Alès" }], axes: [{ id: "axis-1", name: "Santé mentale", kind: "POPULATION" }], workGroups: [{ id: "wg-1", name: "Réseau santé mentale" }] };

describe("applyFilters", () => {
  it("keeps everything without filters", () => {
    const filtered = applyFilters(model, NO_FILTERS);
    expect(filtered.nodes).toHaveLength(9);
    expect(filtered.ties).toHaveLength(10);
  });

  it("drops ties below the minimum weight but keeps every node", () => {
    const filtered = applyFilters(model, { ...NO_FILTERS, minWeight: 3 });
    expect(filtered.nodes).toHaveLength(9);
    expect(filtered.ties.map((t) => t.weight).sort()).toEqual([3, 3, 4, 5]);
    expect(filtered.adjacency.get("i-cpam")).toEqual([]);
  });

  it("hides the nodes of an unchecked sector and every tie that touches them", () => {
    const filtered = applyFilters(model, toggleCategory(NO_FILTERS, "CARE"));
    expect(filtered.nodes.map((n) => n.id)).not.toContain("s-ch-ales");
    expect(filtered.nodes.map((n) => n.id)).not.toContain("s-msp-st-ambroix");
    expect(filtered.ties.every((t) => t.source !== "s-ch-ales" && t.target !== "s-ch-ales")).toBe(true);
    expect(filtered.ties).toHaveLength(3);
  });

  it("keeps only the organisations of the chosen EPCI (institutions without one go too)", () => {
    const filtered = applyFilters(model, { ...NO_FILTERS, epciCode: "200035129" });
    expect(filtered.nodes.map((n) => n.id).sort()).toEqual(["s-ehpad", "s-msp-st-ambroix"]);
    expect(filtered.ties).toHaveLength(0);
  });

  it("combines filters", () => {
    const filters: Filters = { ...NO_FILTERS, minWeight: 2, hiddenCategories: ["INSTITUTION"], epciCode: "200066918" };
    const filtered = applyFilters(model, filters);
    expect(filtered.nodes).toHaveLength(5);
    expect(filtered.ties.every((t) => t.weight >= 2)).toBe(true);
    expect(filtered.ties).toHaveLength(4);
  });
});

describe("toQueryFilter", () => {
  it("sends the API only what it applies, and no empty list", () => {
    expect(toQueryFilter(NO_FILTERS, true)).toEqual({});
    expect(toQueryFilter({ ...NO_FILTERS, minWeight: 3, axisId: "a", role: "MEMBERS", actorCategories: ["VOLUNTEER"], epciCode: "x" }, true)).toEqual({
      minWeight: 3, axisIds: ["a"], roles: ["MEMBER"], categories: ["VOLUNTEER"],
    });
    // The two-mode view has no tie weights.
    expect(toQueryFilter({ ...NO_FILTERS, minWeight: 3 }, false)).toEqual({});
  });
});

describe("applyFilters on places", () => {
  it("keeps the organisations of one commune", () => {
    const filtered = applyFilters(model, { ...NO_FILTERS, communeCode: "30243" });
    expect(filtered.nodes.length).toBeGreaterThan(0);
    expect(filtered.nodes.every((n) => n.communeCode === "30243")).toBe(true);
    expect(filtered.nodes.map((n) => n.id)).toContain("s-msp-st-ambroix");
  });
});

describe("toggleCategory", () => {
  it("hides then shows again, keeping palette order whatever the click order", () => {
    const both = toggleCategory(toggleCategory(NO_FILTERS, "SOCIAL"), "CARE");
    expect(both.hiddenCategories).toEqual(["CARE", "SOCIAL"]);
    expect(toggleCategory(both, "CARE").hiddenCategories).toEqual(["SOCIAL"]);
  });
});

describe("filterChips", () => {
  it("shows the default minimum weight as an active filter", () => {
    expect(filterChips(DEFAULT_FILTERS, names)).toEqual([
      { key: "minWeight", label: "Liens : au moins 2 groupes ou événements en commun" },
    ]);
  });

  it("has no chip without filters", () => {
    expect(filterChips(NO_FILTERS, names)).toEqual([]);
  });

  it("names the shown sectors when few are left, the hidden ones otherwise", () => {
    const onlyCare = categories.filter((c) => c !== "CARE").reduce(toggleCategory, NO_FILTERS);
    expect(filterChips(onlyCare, names)[0]?.label).toBe("Secteur : Soin");
    expect(filterChips(toggleCategory(NO_FILTERS, "JUSTICE"), { ...names, categories: [...categories, "JUSTICE"] })[0]?.label).toBe(
      "Secteur : tout sauf Justice",
    );
  });

  it("names the commune, the axis, the work group, the actor categories and the role", () => {
    const filters: Filters = { ...NO_FILTERS, communeCode: "30007", axisId: "axis-1", workGroupId: "wg-1", actorCategories: ["ELECTED"], role: "PILOTS" };
    expect(filterChips(filters, names).map((c) => c.label)).toEqual([
      "Commune : Alès",
      "Axe : Santé mentale",
      "Groupe : Réseau santé mentale",
      "Acteurs : Élu·e",
      "Rôle : Pilotes et co-pilotes",
    ]);
  });

  it("names the EPCI", () => {
    expect(filterChips({ ...NO_FILTERS, epciCode: "200066918" }, names)).toEqual([
      { key: "epci", label: "EPCI : CA Alès Agglomération" },
    ]);
  });
});

describe("removeFilter", () => {
  it("resets only the filter of the removed chip", () => {
    const filters: Filters = { ...NO_FILTERS, minWeight: 4, hiddenCategories: ["CARE"], epciCode: "200066918", communeCode: "30007", axisId: "axis-1", role: "PILOTS" };
    expect(removeFilter(filters, "minWeight")).toEqual({ ...filters, minWeight: 1 });
    expect(removeFilter(filters, "categories")).toEqual({ ...filters, hiddenCategories: [] });
    expect(removeFilter(filters, "commune")).toEqual({ ...filters, communeCode: null });
    // A commune belongs to its EPCI: removing the EPCI removes both.
    expect(removeFilter(filters, "epci")).toEqual({ ...filters, epciCode: null, communeCode: null });
    expect(removeFilter(filters, "axis")).toEqual({ ...filters, axisId: null });
    expect(removeFilter(filters, "role")).toEqual({ ...filters, role: "ALL" });
  });
});

describe("the backbone on the page", () => {
  const network = sampleNetwork();
  const withSignificance = createNetworkModel({ ...network, ties: network.ties.map((tie, i) => ({ ...tie, significance: i / 10 })) });

  it("hides the ties whose p-value is not below alpha, without asking the API again", () => {
    expect(applyFilters(withSignificance, { ...NO_FILTERS, alpha: 0.05 }).ties.map((t) => t.significance)).toEqual([0]);
    expect(applyFilters(withSignificance, { ...NO_FILTERS, alpha: 0.2 }).ties).toHaveLength(2);
    expect(applyFilters(withSignificance, NO_FILTERS).ties).toHaveLength(10);
    // The request does not change with alpha: the API lists the ties up to the slider's end.
    expect(toQueryFilter({ ...DEFAULT_FILTERS, alpha: 0.01 }, true)).toEqual(toQueryFilter({ ...DEFAULT_FILTERS, alpha: 0.2 }, true));
  });

  it("says how many significant ties are drawn out of how many, and removing the chip draws every tie", () => {
    const chips = filterChips({ ...NO_FILTERS, alpha: 0.05 }, { ...names, tieCounts: { shown: 612, total: 33342 } });
    expect(chips[0]?.label.replace(/\s/g, " ")).toBe("liens significatifs : 612 sur 33 342");
    expect(removeFilter({ ...NO_FILTERS, alpha: 0.05 }, "backbone").alpha).toBeNull();
    expect(filterChips({ ...NO_FILTERS, weighting: "NEWMAN" }, names).map((c) => c.label)).toEqual(["Pondération de Newman"]);
  });
});
