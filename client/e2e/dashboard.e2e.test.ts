import { copyFile, mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { browserSession, screenshots, STEP_TIMEOUT } from "./session";

/**
 * The Tableau de bord (issue 20) opened as a coordinator and as an analyst of every demo territory:
 * each chart draws what the API answers for the same territory, period and (no) filter. Pictures at
 * 1440×900 go to docs/screenshots/dashboard-*.png (looked at and committed).
 */
const appUrl = inject("appUrl");
const session = browserSession(appUrl, "dashboard");
const TERRITORY = "pays-cevennes";
const docs = fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));

interface Series {
  categories: string[];
  values: number[][];
}
interface Heat {
  columns: string[];
  rows: { key: string; values: number[] }[];
}

async function series(page: Page, id: string): Promise<Series> {
  const text = await page.getAttribute(`[data-chart="${id}"]`, "data-series");
  return JSON.parse(text ?? "{}") as Series;
}

/** Opens the dashboard from the view switch and waits until every panel is ready and every chart drawn. */
async function openDashboard(page: Page): Promise<{ year: number; window: { from: string; to: string } }> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${appUrl}/?territory=${TERRITORY}`);
  await page.waitForSelector('[data-view="dashboard"]', { timeout: 180_000 });
  await page.click('[data-view="dashboard"]');
  await page.waitForFunction(
    () => {
      const panels = [...document.querySelectorAll<HTMLElement>("[data-panel]")];
      const plots = [...document.querySelectorAll<HTMLElement>(".dashboard-plot")];
      return panels.length >= 4 && panels.every((p) => p.dataset.status === "ready") && plots.length > 0 && plots.every((p) => p.dataset.drawn === "true");
    },
    undefined,
    { timeout: 240_000 },
  );
  const root = page.locator('[data-testid="dashboard"]');
  return {
    year: Number(await root.getAttribute("data-year")),
    window: { from: (await root.getAttribute("data-window-from")) ?? "", to: (await root.getAttribute("data-window-to")) ?? "" },
  };
}

async function keep(page: Page, name: string): Promise<void> {
  await session.shot(page, name);
  await mkdir(docs, { recursive: true });
  await copyFile(`${screenshots}dashboard-${name}.png`, `${docs}dashboard-${name}.png`);
}

/** Asks the API with the page's own token: the same viewer as the charts. */
async function graphqlAs<T>(page: Page, query: string, variables: Record<string, unknown>): Promise<{ data?: T; errors?: unknown }> {
  const token = await page.evaluate(() => sessionStorage.getItem("maillage.token"));
  const response = await fetch(`${appUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token ?? ""}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: unknown };
}

const API = `query Dashboard($territoryId: ID!, $year: Int!, $window: WindowInput) {
  dashboardTrends(territoryId: $territoryId, year: $year, filter: {}) {
    years { year activeActors activeStructures events volunteerHours activeWorkGroups density largestComponentSize }
    headline { measure value }
  }
  coverage(territoryId: $territoryId, window: $window) { axes { id } communes { code } cells { communeCode axisId workingStructures } }
  networkShape(territoryId: $territoryId, window: $window, filter: {}, top: 10) {
    degreeDistribution { degree count } topNodes { node { label } degree } dependencies { structure { label } partnerCount }
  }
}`;
interface Answer {
  dashboardTrends: { years: Record<string, number>[]; headline: { measure: string; value: number }[] };
  coverage: { axes: { id: string }[]; communes: { code: string }[]; cells: { communeCode: string; axisId: string; workingStructures: number }[] };
  networkShape: { degreeDistribution: { degree: number; count: number }[]; topNodes: { node: { label: string }; degree: number }[]; dependencies: { structure: { label: string }; partnerCount: number }[] };
}
const FIELDS: Record<string, string> = {
  ACTIVE_ACTORS: "activeActors", ACTIVE_STRUCTURES: "activeStructures", EVENTS: "events", VOLUNTEER_HOURS: "volunteerHours",
  ACTIVE_WORK_GROUPS: "activeWorkGroups", DENSITY: "density", LARGEST_COMPONENT_SIZE: "largestComponentSize",
};

/** Every chart of the page against the API's answer for the same viewer, territory and period. */
async function checkCharts(page: Page, year: number, window: { from: string; to: string }): Promise<void> {
  const answer = await graphqlAs<Answer>(page, API, { territoryId: TERRITORY, year, window });
  expect(answer.errors).toBeUndefined();
  const { dashboardTrends: trends, coverage, networkShape: shape } = answer.data!;
  for (const figure of trends.headline) {
    expect(Number(await page.getAttribute(`[data-measure="${figure.measure}"]`, "data-value")), figure.measure).toBeCloseTo(figure.value, 9);
    const trend = await series(page, `trend-${figure.measure.toLowerCase()}`);
    expect(trend.categories).toEqual(trends.years.map((y) => String(y.year)));
    expect(trend.values[0]).toEqual(trends.years.map((y) => y[FIELDS[figure.measure]!]));
  }
  const heat = JSON.parse((await page.getAttribute('[data-chart="coverage-heatmap"]', "data-series")) ?? "{}") as Heat;
  expect(heat.columns).toEqual(coverage.axes.map((a) => a.id));
  expect(heat.rows.map((r) => r.key).sort()).toEqual(coverage.communes.map((c) => c.code).sort());
  const cell = new Map(coverage.cells.map((c) => [`${c.communeCode}|${c.axisId}`, c.workingStructures]));
  for (const row of heat.rows) expect(row.values).toEqual(heat.columns.map((axis) => cell.get(`${row.key}|${axis}`) ?? 0));
  const degrees = await series(page, "shape-degrees");
  expect(degrees.categories).toEqual(shape.degreeDistribution.map((d) => String(d.degree)));
  expect(degrees.values[0]).toEqual(shape.degreeDistribution.map((d) => d.count));
  const top = await series(page, "shape-top");
  expect(top.categories).toEqual(shape.topNodes.map((n) => n.node.label));
  expect(top.values[0]).toEqual(shape.topNodes.map((n) => n.degree));
  if (shape.dependencies.length > 0) {
    const dependencies = await series(page, "shape-dependencies");
    expect(dependencies.values[0]).toEqual(shape.dependencies.slice(0, 25).map((d) => d.partnerCount));
    expect(dependencies.categories).toEqual(shape.dependencies.slice(0, 25).map((d) => d.structure.label));
  }
}

beforeAll(async () => {
  await session.open();
}, STEP_TIMEOUT);

afterAll(async () => {
  await session.close();
});

describe("Tableau de bord", () => {
  it(
    "draws, for a coordinator, the API's figures, trends, coverage and network shape, each chart exportable",
    async () => {
      const page = await session.signedIn("COORDINATOR");
      await session.step("coordinator", async () => {
        const { year, window } = await openDashboard(page);
        await keep(page, "coordinator");
        await checkCharts(page, year, window);
        // Each chart has its title, unit, period and source, and exports as SVG.
        const figure = page.locator('[data-chart="trend-active_actors"]');
        await expect(figure.locator(".dashboard-chart-meta").textContent()).resolves.toMatch(/Unité : personnes · Période : \d{4} à \d{4}/);
        await expect(figure.locator(".dashboard-source").textContent()).resolves.toMatch(/^Source : Maillage, Pays Cévennes/);
        const download = page.waitForEvent("download");
        await figure.getByRole("button", { name: /en SVG/ }).click();
        const file = await download;
        expect(file.suggestedFilename()).toMatch(/^maillage-pays-cevennes-trend-active_actors-\d{4}-\d{2}-\d{2}\.svg$/);
        // Keyboard: the view switch reaches the dashboard with the arrow keys, charts take the focus.
        await page.locator('[data-view="dashboard"]').focus();
        await page.keyboard.press("ArrowLeft");
        await page.waitForSelector('[data-testid="dashboard"]', { state: "detached" });
        await page.keyboard.press("ArrowRight");
        await page.waitForSelector('[data-testid="dashboard"]');
        await page.locator('[data-panel="coverage"]').scrollIntoViewIfNeeded();
        await keep(page, "coverage");
        await page.locator('[data-panel="shape"]').scrollIntoViewIfNeeded();
        await keep(page, "shape");
      });
    },
    STEP_TIMEOUT * 2,
  );

  it(
    "draws, for an analyst of several territories, the same charts and the comparison per 10,000 inhabitants",
    async () => {
      const page = await session.signedIn("ANALYST");
      await session.step("analyst", async () => {
        const { year, window } = await openDashboard(page);
        const compared = ((await page.getAttribute('[data-testid="dashboard"]', "data-compared")) ?? "").split(" ").filter(Boolean);
        expect(compared.length).toBeGreaterThan(1);
        await checkCharts(page, year, window);
        const answer = await graphqlAs<{ territoryComparison: { territories: { territoryName: string; perTenThousandInhabitants: { events: number; activeActors: number } }[] } }>(
          page,
          `query C($ids: [ID!]!, $year: Int!) { territoryComparison(territoryIds: $ids, year: $year) { territories { territoryName perTenThousandInhabitants { events activeActors } } } }`,
          { ids: compared, year },
        );
        expect(answer.errors).toBeUndefined();
        const territories = answer.data!.territoryComparison.territories;
        const events = await series(page, "comparison-events");
        expect(events.categories).toEqual(territories.map((t) => t.territoryName));
        expect(events.values[0]).toEqual(territories.map((t) => t.perTenThousandInhabitants.events));
        const actors = await series(page, "comparison-activeActors");
        expect(actors.values[0]).toEqual(territories.map((t) => t.perTenThousandInhabitants.activeActors));
        await page.locator('[data-panel="comparison"]').scrollIntoViewIfNeeded();
        await keep(page, "analyst-comparison");
      });
    },
    STEP_TIMEOUT * 2,
  );
});
