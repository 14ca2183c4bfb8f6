import { DOMParser, type Element as XmlElement } from "@xmldom/xmldom";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { DashboardCoverage, DashboardTrends, NetworkShape } from "../../api/dashboard";
import type { KeyFigures } from "../../api/keyFigures";
import { axesChart, coverageHeatmap, shapeCharts, trendCharts } from "../dashboard/charts";
import { chartSlides, TABLE_ROWS_PER_SLIDE } from "./chartSlides";
import { writePptx } from "./pptx";
import { buildPresentation } from "./slides";
import { testFrame } from "./testScene";

const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const context = { period: "CLS 3 (2019 à 2025)", source: "Source : Maillage, Pays Test" };

const trends: DashboardTrends = {
  territoryName: "Pays Test",
  year: 2021,
  contracts: [{ name: "CLS 1", firstYear: 2019 }, { name: "CLS 2", firstYear: 2021 }],
  years: [2019, 2020, 2021].map((year, i) => ({
    year, contract: i < 2 ? "CLS 1" : "CLS 2", activeActors: 100 + i * 10, activeStructures: 40 + i, events: 30 * (i + 1), volunteerHours: 250.5 * (i + 1),
    activeWorkGroups: 5 + i, density: 0.05 + i / 100, largestComponentSize: 30 + i,
  })),
  headline: [],
};
const coverage: DashboardCoverage = {
  axes: [{ id: "ax1", name: "Santé mentale" }, { id: "ax2", name: "Nutrition" }],
  communes: Array.from({ length: 20 }, (_, i) => ({ code: `c${i}`, name: `Commune ${i}`, population: 1000 - i, epciCode: i < 12 ? "e1" : "e2" })),
  cells: Array.from({ length: 20 }, (_, i) => [
    { communeCode: `c${i}`, axisId: "ax1", workingStructures: i % 3, attendingStructures: 0 },
    { communeCode: `c${i}`, axisId: "ax2", workingStructures: i % 2, attendingStructures: 0 },
  ]).flat(),
  coverageShare: 0.5,
};
const shape: NetworkShape = {
  nodeCount: 12, tieCount: 9, topTieCount: 8, topTieShare: 8 / 9,
  degreeDistribution: [{ degree: 0, count: 2 }, { degree: 1, count: 6 }, { degree: 3, count: 3 }, { degree: 6, count: 1 }],
  topNodes: [{ id: "s1", label: "Centre hospitalier", degree: 6 }, { id: "s2", label: "Mairie", degree: 3 }],
  dependencies: [{ id: "s3", label: "Association A", memberCount: 2, partnerCount: 3 }, { id: "s4", label: "Club B", memberCount: 1, partnerCount: 1 }],
};
const figures: KeyFigures = {
  territoryName: "Pays Test", year: 2021, actors: 10, activeActors: 9, structures: 8, institutions: 1, workGroups: 2,
  axes: 2, contractsInForce: ["CLS 2"], events: 3, volunteerHours: 4, inhabitants: 5000, communes: 20, epcis: 2,
};

/** Reads a chart part with a real XML parser: its chart kind, categories and each series' values. */
function readChart(xml: string): { kind: string; categories: string[]; series: number[][] } {
  const document = new DOMParser().parseFromString(xml, "text/xml");
  const plotArea = document.getElementsByTagNameNS(C, "plotArea")[0]!;
  const kind = ["lineChart", "barChart"].find((name) => plotArea.getElementsByTagNameNS(C, name).length > 0) ?? "none";
  const points = (parent: XmlElement, tag: string): string[] => {
    const cache = parent.getElementsByTagNameNS(C, tag)[0];
    if (!cache) return [];
    return Array.from(cache.getElementsByTagNameNS(C, "pt")).map((pt) => pt.getElementsByTagNameNS(C, "v")[0]?.textContent ?? "");
  };
  const series = Array.from(plotArea.getElementsByTagNameNS(C, "ser"));
  const first = series[0]!;
  const cat = first.getElementsByTagNameNS(C, "cat")[0]!;
  return {
    kind,
    categories: ["strCache", "multiLvlStrCache", "numCache"].map((tag) => points(cat, tag)).find((list) => list.length > 0) ?? [],
    series: series.map((ser) => points(ser.getElementsByTagNameNS(C, "val")[0]!, "numCache").map(Number)),
  };
}

describe("the dashboard charts in the PowerPoint", () => {
  it("writes one native chart per slide holding the charts' values, and the heat map as tables", async () => {
    const specs = [...trendCharts(trends, context), coverageHeatmap(coverage, [{ code: "e1", name: "CA Un" }, { code: "e2", name: "CC Deux" }], "population", context), axesChart(coverage, context), ...shapeCharts(shape, context)];
    const slides = specs.flatMap(chartSlides);
    const heatmapPages = Math.ceil(20 / TABLE_ROWS_PER_SLIDE);
    expect(slides).toHaveLength(specs.length - 1 + heatmapPages);
    const bytes = await writePptx(buildPresentation(testFrame(), figures, [], slides), "Légende", "uint8array");
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files);
    const chartParts = names.filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n)).sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]));
    const charted = specs.flatMap((spec) => (spec.kind === "heatmap" ? [] : [spec]));
    expect(chartParts).toHaveLength(charted.length);
    // Slide 1 holds the figures; each chart slide refers to exactly one chart part.
    for (let index = 0; index < slides.length; index += 1) {
      const rels = (await zip.file(`ppt/slides/_rels/slide${index + 2}.xml.rels`)?.async("string")) ?? "";
      expect((rels.match(/charts\/chart\d+\.xml/g) ?? []).length, `slide ${index + 2}`).toBe(slides[index]?.chart ? 1 : 0);
    }
    const read = await Promise.all(chartParts.map(async (name) => readChart(await zip.file(name)!.async("string"))));
    charted.forEach((spec, index) => {
      const chart = read[index]!;
      expect(chart.kind, spec.id).toBe(spec.kind === "line" ? "lineChart" : "barChart");
      // Horizontal bars are written bottom-up so that the first one shows at the top.
      const order = <T,>(list: T[]): T[] => (spec.kind === "hbar" ? [...list].reverse() : list);
      expect(chart.categories, spec.id).toEqual(order(spec.categories));
      expect(chart.series, spec.id).toEqual(spec.series.map((s) => order(s.values)));
    });
    // The trends' values as the API gave them, e.g. volunteer hours per year.
    expect(read[3]?.series[0]).toEqual([250.5, 501, 751.5]);
    // The heat map as tables: every commune once, zero cells left blank (white zones).
    const tableText = (await Promise.all(slides.map(async (slide, i) => (slide.table ? zip.file(`ppt/slides/slide${i + 2}.xml`)!.async("string") : "")))).join("");
    for (let i = 0; i < 20; i += 1) expect(tableText).toContain(`Commune ${i}<`);
  });
});
