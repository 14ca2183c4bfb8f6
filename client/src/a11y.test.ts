import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contrastRatio } from "./features/map/coverage";
import { CATEGORY_COLOURS, COMMUNITY_COLOURS, darken } from "./graph/palette";
import { GAINED_COLOUR, LOST_COLOUR } from "./graph/style";

/** The page's colour variables, read from the stylesheet that ships (not copied here). */
function cssVariables(): Record<string, string> {
  const css = readFileSync(new URL("./styles.css", import.meta.url), "utf8");
  const root = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? "";
  return Object.fromEntries([...root.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})/g)].map((m) => [m[1] ?? "", m[2] ?? ""]));
}

describe("colours of the page (WCAG AA)", () => {
  const vars = cssVariables();

  it("reads the variables it checks", () => {
    for (const name of ["text", "muted", "brand", "focus", "surface", "bg"]) expect(vars[name]).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it("gives body text, secondary text and links at least 4.5:1 on the surfaces they sit on", () => {
    for (const text of ["text", "muted", "brand"]) {
      for (const surface of ["surface", "bg"]) {
        expect(contrastRatio(vars[text] ?? "", vars[surface] ?? ""), `${text} on ${surface}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it("draws the keyboard focus ring at least 3:1 against the surfaces", () => {
    expect(contrastRatio(vars.focus ?? "", vars.surface ?? "")).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(vars.focus ?? "", vars.bg ?? "")).toBeGreaterThanOrEqual(3);
  });

  it("outlines every node colour with a border that stands out from the white canvas (3:1, non-text)", () => {
    for (const colour of [...Object.values(CATEGORY_COLOURS), ...COMMUNITY_COLOURS]) {
      const best = Math.max(contrastRatio(colour, "#FFFFFF"), contrastRatio(darken(colour, 0.4), "#FFFFFF"));
      expect(best, colour).toBeGreaterThanOrEqual(3);
    }
  });

  it("tells gained from lost ties apart without relying on red and green", () => {
    // Blue and vermillion (Okabe–Ito), and the lost ties are also dashed (style.ts).
    expect([GAINED_COLOUR, LOST_COLOUR]).toEqual(["#0072B2", "#D55E00"]);
    expect(contrastRatio(GAINED_COLOUR, "#FFFFFF")).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(LOST_COLOUR, "#FFFFFF")).toBeGreaterThanOrEqual(3);
  });
});
