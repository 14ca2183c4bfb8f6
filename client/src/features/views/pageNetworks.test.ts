import { describe, expect, it } from "vitest";
import { PAGE_BACKBONE, PAGE_NETWORKS } from "../../../../server/src/analytics/pageNetworks";
import { DEFAULT_FILTERS, toQueryFilter } from "../filters/filters";
import { VIEWS } from "./views";

describe("the server's preloaded page networks", () => {
  it("are the page's network views at their default minimum tie weight", () => {
    const byKey = (v: { level: string; minWeight: number }) => `${v.level}:${v.minWeight}`;
    const pageViews = Object.values(VIEWS).flatMap((view) => (view.level === null ? [] : [byKey({ level: view.level, minWeight: view.defaultMinWeight })]));
    expect([...new Set(pageViews)].sort()).toEqual(PAGE_NETWORKS.map(byKey).sort());
  });

  it("are on the backbone the page asks for", () => {
    expect(toQueryFilter(DEFAULT_FILTERS, true).backbone).toEqual({ alpha: PAGE_BACKBONE.alpha, listUpTo: PAGE_BACKBONE.listUpTo });
  });
});
