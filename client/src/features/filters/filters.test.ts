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
  type Filters,
} from "./filters";

const model = createNetworkModel(sampleNetwork());
const epcis = [
  { code: "200066918", name: "CA Alès Agglomération" },
  { code: "200035129", name: "CC de Cèze Cévennes" },
];
const categories = presentCategories(model);

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
    const filters: Filters = { minWeight: 2, hiddenCategories: ["INSTITUTION"], epciCode: "200066918" };
    const filtered = applyFilters(model, filters);
    expect(filtered.nodes).toHaveLength(5);
    expect(filtered.ties.every((t) => t.weight >= 2)).toBe(true);
    expect(filtered.ties).toHaveLength(4);
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
    expect(filterChips(DEFAULT_FILTERS, categories, epcis)).toEqual([
      { key: "minWeight", label: "Liens : au moins 2 groupes en commun" },
    ]);
  });

  it("has no chip without filters", () => {
    expect(filterChips(NO_FILTERS, categories, epcis)).toEqual([]);
  });

  it("names the shown sectors when few are left, the hidden ones otherwise", () => {
    const onlyCare = categories.filter((c) => c !== "CARE").reduce(toggleCategory, NO_FILTERS);
    expect(filterChips(onlyCare, categories, epcis)[0]?.label).toBe("Secteur : Soin");
    expect(filterChips(toggleCategory(NO_FILTERS, "JUSTICE"), [...categories, "JUSTICE"], epcis)[0]?.label).toBe(
      "Secteur : tout sauf Justice",
    );
  });

  it("names the EPCI", () => {
    expect(filterChips({ ...NO_FILTERS, epciCode: "200066918" }, categories, epcis)).toEqual([
      { key: "epci", label: "EPCI : CA Alès Agglomération" },
    ]);
  });
});

describe("removeFilter", () => {
  it("resets only the filter of the removed chip", () => {
    const filters: Filters = { minWeight: 4, hiddenCategories: ["CARE"], epciCode: "200066918" };
    expect(removeFilter(filters, "minWeight")).toEqual({ ...filters, minWeight: 1 });
    expect(removeFilter(filters, "categories")).toEqual({ ...filters, hiddenCategories: [] });
    expect(removeFilter(filters, "epci")).toEqual({ ...filters, epciCode: null });
  });
});
