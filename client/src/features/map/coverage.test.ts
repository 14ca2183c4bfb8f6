import { describe, expect, it } from "vitest";
import {
  ATTENDING_ONLY_FILL,
  contrastRatio,
  COVERAGE_RAMP,
  coverageClasses,
  coverageFill,
  coverageFills,
  coverageLegend,
  DARK_TEXT,
  LIGHT_TEXT,
  ZONE_BLANCHE_FILL,
  ZONE_BLANCHE_HATCH,
  isHatchedFill,
  textColourOn,
} from "./coverage";

const bounds = (max: number) => coverageClasses(max).map((c) => [c.min, c.max]);

describe("coverageClasses", () => {
  it("has no class when nobody works anywhere", () => {
    expect(coverageClasses(0)).toEqual([]);
    expect(coverageClasses(Number.NaN)).toEqual([]);
  });

  it("has one class per count up to five", () => {
    expect(bounds(1)).toEqual([[1, 1]]);
    expect(bounds(3)).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(bounds(5)).toHaveLength(5);
  });

  it("grows class bounds geometrically above five, contiguous and ending at the maximum", () => {
    expect(bounds(30)).toEqual([
      [1, 2],
      [3, 4],
      [5, 8],
      [9, 16],
      [17, 30],
    ]);
    expect(bounds(100)).toEqual([
      [1, 3],
      [4, 7],
      [8, 16],
      [17, 40],
      [41, 100],
    ]);
    for (const max of [6, 7, 11, 57, 277, 1600]) {
      const classes = coverageClasses(max);
      expect(classes).toHaveLength(5);
      expect(classes[0]?.min).toBe(1);
      expect(classes[4]?.max).toBe(max);
      classes.forEach((c, i) => {
        expect(c.max).toBeGreaterThanOrEqual(c.min);
        if (i > 0) expect(c.min).toBe((classes[i - 1]?.max ?? 0) + 1);
      });
    }
  });

  it("spreads fewer classes over the whole ramp, the highest always the darkest", () => {
    expect(coverageClasses(1).map((c) => c.fill)).toEqual([COVERAGE_RAMP[4]]);
    expect(coverageClasses(3).map((c) => c.fill)).toEqual([COVERAGE_RAMP[1], COVERAGE_RAMP[2], COVERAGE_RAMP[4]]);
    expect(coverageClasses(30).map((c) => c.fill)).toEqual([...COVERAGE_RAMP]);
  });

  it("writes labels in the colour that meets WCAG AA on each fill", () => {
    for (const c of coverageClasses(30)) expect(contrastRatio(c.fill, c.textColour)).toBeGreaterThanOrEqual(4.5);
    expect(coverageClasses(30).map((c) => c.textColour)).toEqual([DARK_TEXT, DARK_TEXT, DARK_TEXT, LIGHT_TEXT, LIGHT_TEXT]);
  });

  it("goes from light to dark, so that more reads as darker in greyscale too", () => {
    const ratios = COVERAGE_RAMP.map((fill) => contrastRatio(fill, "#FFFFFF"));
    for (let i = 1; i < ratios.length; i += 1) expect(ratios[i]).toBeGreaterThan(ratios[i - 1] ?? Infinity);
    expect(contrastRatio(COVERAGE_RAMP[0], ZONE_BLANCHE_FILL)).toBeGreaterThan(1.2);
    expect(contrastRatio(ZONE_BLANCHE_HATCH, ZONE_BLANCHE_FILL)).toBeGreaterThanOrEqual(3);
  });
});

describe("coverageFill", () => {
  const classes = coverageClasses(30);
  it("maps each count to its class, zero to the white zone", () => {
    expect(coverageFill(0, classes)).toBe(ZONE_BLANCHE_FILL);
    expect(coverageFill(1, classes)).toBe(COVERAGE_RAMP[0]);
    expect(coverageFill(2, classes)).toBe(COVERAGE_RAMP[0]);
    expect(coverageFill(3, classes)).toBe(COVERAGE_RAMP[1]);
    expect(coverageFill(16, classes)).toBe(COVERAGE_RAMP[3]);
    expect(coverageFill(17, classes)).toBe(COVERAGE_RAMP[4]);
    expect(coverageFill(30, classes)).toBe(COVERAGE_RAMP[4]);
  });

  it("treats odd counts safely: negative or NaN is none, above the maximum is the darkest", () => {
    expect(coverageFill(-1, classes)).toBe(ZONE_BLANCHE_FILL);
    expect(coverageFill(Number.NaN, classes)).toBe(ZONE_BLANCHE_FILL);
    expect(coverageFill(99, classes)).toBe(COVERAGE_RAMP[4]);
    expect(coverageFill(3, [])).toBe(ZONE_BLANCHE_FILL);
  });
});

describe("coverageFills", () => {
  it("fills every commune, those absent from the counts as white zones", () => {
    const fills = coverageFills({ "30007": 30, "30294": 1 }, ["30007", "30294", "30077"]);
    expect(fills).toEqual({ "30007": COVERAGE_RAMP[4], "30294": COVERAGE_RAMP[0], "30077": ZONE_BLANCHE_FILL });
  });

  it("colours by who works there; a commune that only attended is a tinted white zone, whatever its attendance", () => {
    const fills = coverageFills({ "30007": 30, "30294": 1 }, ["30007", "30294", "30077", "30132"], { "30007": 40, "30294": 2, "30077": 45 });
    expect(fills).toEqual({ "30007": COVERAGE_RAMP[4], "30294": COVERAGE_RAMP[0], "30077": ATTENDING_ONLY_FILL, "30132": ZONE_BLANCHE_FILL });
    expect([ATTENDING_ONLY_FILL, ZONE_BLANCHE_FILL].every(isHatchedFill)).toBe(true);
    expect(COVERAGE_RAMP.some(isHatchedFill)).toBe(false);
  });

  it("keeps the attended-only tint lighter than the lightest class, apart from white, with dark text at AA", () => {
    expect(contrastRatio(ATTENDING_ONLY_FILL, "#FFFFFF")).toBeLessThan(contrastRatio(COVERAGE_RAMP[0], "#FFFFFF"));
    expect(contrastRatio(ATTENDING_ONLY_FILL, ZONE_BLANCHE_FILL)).toBeGreaterThan(1.1);
    expect(textColourOn(ATTENDING_ONLY_FILL)).toBe(DARK_TEXT);
    expect(contrastRatio(ATTENDING_ONLY_FILL, DARK_TEXT)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(ZONE_BLANCHE_HATCH, ATTENDING_ONLY_FILL)).toBeGreaterThanOrEqual(3);
  });
});

describe("coverageLegend", () => {
  it("lists the white zones first (nobody, then attended only), then the classes with French ranges", () => {
    expect(coverageLegend(30).map((row) => row.label)).toEqual([
      "Aucune structure (zone blanche)",
      "Venues à des événements seulement (zone blanche)",
      "1 à 2",
      "3 à 4",
      "5 à 8",
      "9 à 16",
      "17 à 30",
    ]);
    expect(coverageLegend(2, "actors").map((row) => row.label)).toEqual(["Aucun acteur (zone blanche)", "Venus à des événements seulement (zone blanche)", "1", "2"]);
  });

  it("matches the map's fills row by row, and only the first two rows are white zones", () => {
    const rows = coverageLegend(30);
    expect(rows.map((r) => r.fill)).toEqual([ZONE_BLANCHE_FILL, ATTENDING_ONLY_FILL, ...COVERAGE_RAMP]);
    expect(rows.map((r) => r.isZoneBlanche)).toEqual([true, true, false, false, false, false, false]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it("formats large counts the French way", () => {
    expect(coverageLegend(1600).at(-1)?.label).toMatch(/^\d+ à 1\s600$/u);
  });

  it("has only the white-zone rows when nobody works on the axis", () => {
    expect(coverageLegend(0).map((row) => row.key)).toEqual(["zero", "attending"]);
  });
});
