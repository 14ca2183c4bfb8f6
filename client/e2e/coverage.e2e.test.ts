import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { devLogin } from "../src/api/auth";
import { ATTENDING_ONLY_FILL, COVERAGE_RAMP, ZONE_BLANCHE_FILL } from "../src/features/map/coverage";
import { launchChromium, signedInContext } from "./browser";

/**
 * The map's coverage mode on Pays Cévennes, where one attended event used to colour every commune
 * alike on every axis: two axes must now colour the communes differently, by who works there.
 * Screenshots of both go to test-artifacts/screenshots/.
 */
const appUrl = inject("appUrl");
const screenshots = fileURLToPath(new URL("../../test-artifacts/screenshots/", import.meta.url));
const underlay = '[data-testid="map-underlay"]';
const ALES = "30007";
const AXES = ["Santé mentale", "Santé et environnement"] as const;

let browser: Browser;
let page: Page;

/** The fill of each drawn commune, as the map underlay reports it after drawing. */
async function fills(): Promise<Map<string, string>> {
  const text = (await page.getAttribute(underlay, "data-fills")) ?? "";
  return new Map(text.split(" ").filter(Boolean).map((pair) => pair.split("=") as [string, string]));
}

/** Waits until every drawn commune has a coverage fill, other than the colouring `before`. */
async function coloured(before: string): Promise<string> {
  await page.waitForFunction(
    ({ selector, before }) => {
      const value = document.querySelector<HTMLElement>(selector)?.dataset.fills ?? "";
      return value !== "" && value !== before && value.split(" ").every((pair) => /=#[0-9A-Fa-f]{6}$/.test(pair));
    },
    { selector: underlay, before },
    { timeout: 60_000 },
  );
  return (await page.getAttribute(underlay, "data-fills")) ?? "";
}

/** Chooses an axis in the coverage control and waits until the map shows another colouring than `before`. */
async function showAxis(label: string, before: string): Promise<Map<string, string>> {
  await page.selectOption('[data-testid="coverage-axis"]', { label });
  await coloured(before);
  return fills();
}

beforeAll(async () => {
  await mkdir(screenshots, { recursive: true });
  const login = await devLogin("COORDINATOR", undefined, { baseUrl: appUrl });
  browser = await launchChromium();
  const context = await signedInContext(browser, login);
  page = await context.newPage();
  await page.goto(`${appUrl}/?territory=pays-cevennes&view=map`);
  await page.waitForFunction((selector) => Number(document.querySelector<HTMLElement>(selector)?.dataset.drawnCount) > 0, underlay, { timeout: 120_000 });
});

afterAll(async () => {
  await browser?.close();
});

describe("coverage mode of the map (Pays Cévennes)", () => {
  it("colours communes by who works on the axis, so that two axes give two different maps", async () => {
    await page.check('[data-testid="coverage-toggle"]');
    // Every axis at once first, then one axis after the other.
    const allAxes = await coloured("");
    const first = await showAxis(AXES[0], allAxes);
    await page.locator('[data-testid="legend-coverage"]').waitFor({ state: "visible" });
    await page.screenshot({ path: `${screenshots}coverage-sante-mentale.png` });
    const firstText = (await page.getAttribute(underlay, "data-fills")) ?? "";
    const second = await showAxis(AXES[1], firstText);
    await page.screenshot({ path: `${screenshots}coverage-sante-environnement.png` });

    const ramp = new Set<string>(COVERAGE_RAMP);
    for (const map of [first, second]) {
      expect(map.size).toBe(94);
      // Alès works on both axes; elsewhere some communes only attended, others saw nobody.
      expect(ramp.has(map.get(ALES) ?? "")).toBe(true);
      expect([...map.values()].filter((fill) => fill === ZONE_BLANCHE_FILL).length).toBeGreaterThan(0);
    }
    expect([...first.values(), ...second.values()]).toContain(ATTENDING_ONLY_FILL);
    const working = (map: Map<string, string>) => [...map].filter(([, fill]) => ramp.has(fill)).map(([code]) => code).sort();
    const changed = [...first.keys()].filter((code) => first.get(code) !== second.get(code));
    expect(working(first)).not.toEqual(working(second));
    expect(changed.length).toBeGreaterThanOrEqual(5);

    const legend = (await page.locator('[data-testid="legend-coverage"]').textContent()) ?? "";
    expect(legend).toContain("Venues à des événements seulement (zone blanche)");
    expect(legend).toContain("Aucune structure (zone blanche)");
  });
});
