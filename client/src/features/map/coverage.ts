/**
 * The coverage mode's colour scale: how many structures (or actors) work in a commune on the chosen
 * axis (a work group on it, or events on it organised), in a few classes of one sequential blue
 * ramp (light to dark, readable with every common colour-vision deficiency and in greyscale).
 * Communes where nobody works are white zones ("zones blanches"), hatched so they cannot be mistaken
 * for the lightest class: plain white when nobody came either, a light sand under the hatching when
 * people only attended events on the axis (the second, lighter level).
 */
import { fr } from "../../i18n/fr";

/**
 * ColorBrewer "Blues" (9 steps), steps 3, 4, 5, 7 and 9: the lightest kept clearly off-white, and
 * steps 6 and 8 left out because a mid blue such as #3182BD carries neither dark nor white text at
 * the 4.5:1 of WCAG AA. Commune names are written over these fills.
 */
export const COVERAGE_RAMP = ["#C6DBEF", "#9ECAE1", "#6BAED6", "#2171B5", "#08306B"] as const;
/** The fill of a commune with nobody: drawMap hatches every commune filled with it. */
export const ZONE_BLANCHE_FILL = "#FFFFFF";
/**
 * The fill of a commune where people only attended events on the axis: a white zone too (hatched),
 * tinted sand, a hue apart from the blue ramp and lighter than its lightest class.
 */
export const ATTENDING_ONLY_FILL = "#F8E3BE";

/** True for the fills of white zones, which drawMap and the exports hatch. */
export function isHatchedFill(fill: string): boolean {
  return fill === ZONE_BLANCHE_FILL || fill === ATTENDING_ONLY_FILL;
}
/** Hatch and outline of white zones: 4.8:1 on white, above the 3:1 asked of graphics (WCAG 1.4.11). */
export const ZONE_BLANCHE_HATCH = "#6B7280";
export const DARK_TEXT = "#1F2937";
export const LIGHT_TEXT = "#FFFFFF";

export type CoverageUnit = "structures" | "actors";

export interface CoverageClass {
  /** Smallest and largest count of the class, both included. */
  min: number;
  max: number;
  fill: string;
  /** The label colour drawn over this fill: whichever of dark or white contrasts more. */
  textColour: string;
}

export interface CoverageLegendRow {
  /** Stable key for React lists: `zero`, `attending`, or `min-max`. */
  key: string;
  label: string;
  fill: string;
  textColour: string;
  /** Hatched: nobody works there (nobody at all, or people who only attended events). */
  isZoneBlanche: boolean;
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a `#RRGGBB` colour. */
export function luminance(hex: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match?.[1]) throw new Error(`Couleur invalide : ${hex}`);
  const value = Number.parseInt(match[1], 16);
  return 0.2126 * channel((value >> 16) & 0xff) + 0.7152 * channel((value >> 8) & 0xff) + 0.0722 * channel(value & 0xff);
}

/** WCAG contrast ratio between two `#RRGGBB` colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

export function textColourOn(fill: string): string {
  return contrastRatio(fill, DARK_TEXT) >= contrastRatio(fill, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}

/**
 * Classes of counts from 1 to `maxCount`. Counts are skewed (the main town holds far more than a
 * village), so class bounds grow geometrically: for 30, 1–2, 3–4, 5–8, 9–16, 17–30. Up to 5, one
 * class per count. Fewer classes than steps take steps spread over the whole ramp.
 */
export function coverageClasses(maxCount: number): CoverageClass[] {
  const top = Number.isFinite(maxCount) ? Math.floor(maxCount) : 0;
  if (top < 1) return [];
  const steps = COVERAGE_RAMP.length;
  const uppers: number[] = [];
  if (top <= steps) for (let n = 1; n <= top; n += 1) uppers.push(n);
  else for (let k = 1; k <= steps; k += 1) {
    const previous = uppers[uppers.length - 1] ?? 0;
    const upper = k === steps ? top : Math.min(top, Math.max(previous + 1, Math.ceil(top ** (k / steps))));
    uppers.push(upper);
  }
  return uppers.map((max, index) => {
    const step = Math.round(((index + 1) * steps) / uppers.length) - 1;
    const fill: string = COVERAGE_RAMP[Math.min(steps - 1, Math.max(0, step))] ?? COVERAGE_RAMP[4];
    return { min: (uppers[index - 1] ?? 0) + 1, max, fill, textColour: textColourOn(fill) };
  });
}

/** The fill of a commune with `count` structures or actors, in the classes of `coverageClasses`. */
export function coverageFill(count: number, classes: readonly CoverageClass[]): string {
  if (!(count >= 1)) return ZONE_BLANCHE_FILL;
  const found = classes.find((c) => count <= c.max) ?? classes[classes.length - 1];
  return found?.fill ?? ZONE_BLANCHE_FILL;
}

/**
 * The `fills` of MapUnderlay in coverage mode: every commune of the territory gets one. `working`
 * gives the blue class; a commune without anyone working is a white zone, tinted when `attending`
 * (who only came to events) counts someone there.
 */
export function coverageFills(
  working: Readonly<Record<string, number>>,
  communeCodes: readonly string[],
  attending: Readonly<Record<string, number>> = {},
): Record<string, string> {
  const classes = coverageClasses(maxCountOf(working));
  const fills: Record<string, string> = {};
  for (const code of communeCodes) {
    const count = working[code] ?? 0;
    fills[code] = count >= 1 ? coverageFill(count, classes) : (attending[code] ?? 0) >= 1 ? ATTENDING_ONLY_FILL : ZONE_BLANCHE_FILL;
  }
  return fills;
}

export function maxCountOf(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((max, n) => (Number.isFinite(n) && n > max ? n : max), 0);
}

/**
 * The legend of the coverage mode, exactly the classes the map uses: white zones first (nobody,
 * then attended only), then the classes of those who work there.
 */
export function coverageLegend(maxCount: number, unit: CoverageUnit = "structures"): CoverageLegendRow[] {
  const zero: CoverageLegendRow = {
    key: "zero",
    label: fr.map.zoneBlanche[unit],
    fill: ZONE_BLANCHE_FILL,
    textColour: DARK_TEXT,
    isZoneBlanche: true,
  };
  const attending: CoverageLegendRow = {
    key: "attending",
    label: fr.map.attendingOnly[unit],
    fill: ATTENDING_ONLY_FILL,
    textColour: textColourOn(ATTENDING_ONLY_FILL),
    isZoneBlanche: true,
  };
  return [
    zero,
    attending,
    ...coverageClasses(maxCount).map((c) => ({
      key: `${c.min}-${c.max}`,
      label: fr.map.range(c.min, c.max),
      fill: c.fill,
      textColour: c.textColour,
      isZoneBlanche: false,
    })),
  ];
}
