import { describe, expect, it } from "vitest";
import { createNetworkModel } from "../../graph/model";
import { CATEGORY_COLOURS } from "../../graph/palette";
import { sampleNetwork } from "../../graph/testNetwork";
import { savedLegend } from "./describe";

describe("savedLegend", () => {
  const nodes = createNetworkModel(sampleNetwork()).nodes;

  it("names the categories in French with their colours and shapes", () => {
    const legend = savedLegend(nodes, [], "category");
    expect(legend.length).toBeGreaterThan(0);
    expect(legend).toContainEqual({ label: "Institution", colour: CATEGORY_COLOURS.INSTITUTION, shape: "diamond" });
  });

  it("adds the communities, and keeps only shapes for the categories, when colours show communities", () => {
    const legend = savedLegend(nodes, [], "community");
    expect(legend.some((row) => row.label === "Communauté 1")).toBe(true);
    expect(legend.filter((row) => row.label === "Institution").map((row) => row.colour)).toEqual(["#FFFFFF"]);
  });
});
