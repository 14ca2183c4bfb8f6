import { describe, expect, it } from "vitest";
import { buildFrame } from "./frame";
import { layoutAroundPicture, layoutOnPage, PAGE_SIZES, wrap, type Box } from "./layout";
import { estimateText, testFrame, testFrameInput } from "./testScene";

const inside = (inner: Box, outer: { width: number; height: number }) =>
  inner.x >= 0 && inner.y >= 0 && inner.x + inner.width <= outer.width + 1e-6 && inner.y + inner.height <= outer.height + 1e-6;
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("wrap", () => {
  it("breaks between words at the width and keeps every word", () => {
    const lines = wrap("un deux trois quatre cinq six", 60, 10, false, estimateText);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe("un deux trois quatre cinq six");
    for (const line of lines.slice(0, -1)) expect(estimateText(line, 10, false)).toBeLessThanOrEqual(60);
  });
});

describe("layoutAroundPicture", () => {
  it("keeps the picture's size and puts title, legend and source around it without overlap", () => {
    const layout = layoutAroundPicture(testFrame(), { width: 800, height: 600 }, estimateText);
    expect(layout.picture.width).toBe(800);
    expect(layout.picture.height).toBe(600);
    expect(inside(layout.picture, layout.page)).toBe(true);
    expect(overlaps(layout.picture, layout.legendBox)).toBe(false);
    const title = layout.texts.find((t) => t.text.startsWith("Pays Cévennes"));
    expect(title && title.y).toBeLessThan(layout.picture.y);
    const source = layout.texts.find((t) => t.text.startsWith("Source : Maillage"));
    expect(source && source.y).toBeGreaterThan(layout.picture.y + layout.picture.height);
    expect(layout.texts.some((t) => t.text === "Données fictives")).toBe(true);
    for (const text of layout.texts) expect(text.y).toBeLessThanOrEqual(layout.page.height);
  });

  it("places one symbol per legend row, inside the legend box", () => {
    const frame = testFrame();
    const layout = layoutAroundPicture(frame, { width: 400, height: 300 }, estimateText);
    expect(layout.symbols).toHaveLength(frame.legend.flatMap((s) => s.rows).length);
    for (const { box } of layout.symbols) {
      expect(box.x).toBeGreaterThanOrEqual(layout.legendBox.x);
      expect(box.x + box.width).toBeLessThanOrEqual(layout.legendBox.x + layout.legendBox.width);
    }
  });

  it("grows the page when the legend is taller than the picture", () => {
    const layout = layoutAroundPicture(testFrame(), { width: 300, height: 20 }, estimateText);
    expect(layout.page.height).toBeGreaterThan(layout.legendBox.y + layout.legendBox.height);
  });

  it("says nothing about the demo for a real territory", () => {
    const layout = layoutAroundPicture(buildFrame(testFrameInput({ isDemo: false })), { width: 300, height: 200 }, estimateText);
    expect(layout.texts.some((t) => t.text === "Données fictives")).toBe(false);
  });
});

describe("layoutOnPage", () => {
  it("keeps a legend taller than the page above the source line", () => {
    const base = testFrameInput();
    const frame = buildFrame(base);
    const many = { title: "Couverture", rows: Array.from({ length: 60 }, (_, i) => ({ symbol: { kind: "area" as const, fill: "#FFFFFF", hatch: null }, label: `Classe ${i}`, count: null })) };
    const layout = layoutOnPage({ ...frame, legend: [...frame.legend, many] }, PAGE_SIZES.wide, 1.5, estimateText);
    const source = layout.texts.find((t) => t.text.startsWith("Source"));
    const legendTexts = layout.texts.filter((t) => t.x >= layout.legendBox.x && t !== source && t.text !== "Données fictives");
    expect(legendTexts.length).toBeGreaterThan(5);
    for (const text of legendTexts) expect(text.y).toBeLessThan(source?.y ?? 0);
    for (const { box } of layout.symbols) expect(box.y + box.height).toBeLessThan(source?.y ?? 0);
  });


  it.each([["A4", PAGE_SIZES.a4], ["16:9", PAGE_SIZES.wide]])("fits a wide or tall picture on a %s page, proportions kept", (_name, page) => {
    for (const aspect of [2.5, 0.6]) {
      const layout = layoutOnPage(testFrame(), page, aspect, estimateText);
      expect(layout.page).toEqual(page);
      expect(inside(layout.picture, page)).toBe(true);
      expect(layout.picture.width / layout.picture.height).toBeCloseTo(aspect, 5);
      expect(overlaps(layout.picture, layout.legendBox)).toBe(false);
      for (const text of layout.texts) expect(text.y).toBeLessThanOrEqual(page.height);
    }
  });
});
