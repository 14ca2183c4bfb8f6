import { describe, expect, it } from "vitest";
import { PAGE_NETWORKS } from "../../../../server/src/analytics/pageNetworks";
import { VIEWS } from "./views";

describe("the server's preloaded page networks", () => {
  it("are the page's network views at their default minimum tie weight", () => {
    const byKey = (v: { level: string; minWeight: number }) => `${v.level}:${v.minWeight}`;
    const pageViews = Object.values(VIEWS).flatMap((view) => (view.level === null ? [] : [byKey({ level: view.level, minWeight: view.defaultMinWeight })]));
    expect([...new Set(pageViews)].sort()).toEqual(PAGE_NETWORKS.map(byKey).sort());
  });
});
