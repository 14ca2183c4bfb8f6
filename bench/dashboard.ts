/**
 * The dashboard benchmark (issue 20): the Tableau de bord of Pays Cévennes opened in headless
 * Chromium, timed from the click on « Tableau de bord » to every panel answered and every chart
 * drawn. Two cases: after the server's start-up warm-up (as `npm start` does: queries planned,
 * page networks and dashboards computed ahead), in a page opened for the first time; and cached
 * (the dashboard closed and opened again: the server answers from its caches). Targets: 2 s and
 * 1 s. Writes bench/RESULTS-dashboard.md. Runs alone: `npx tsx bench/dashboard.ts`; stops by itself.
 * `BENCH_DASHBOARD_RUNS` sets the runs per case (default 3).
 */
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { PAYS_CEVENNES } from "../seed/src/index.js";
import { repoRoot } from "../server/src/config.js";
import { createLogger } from "../server/src/logger.js";
import { startBenchApp } from "./browserApp.js";
import { devLogin, sessionScript, type DevSession } from "./browserApi.js";
import { LAUNCH_FLAGS, launchChromium } from "./browserLaunch.js";
import { formatMs } from "./browserStats.js";
import { percentile } from "./stats.js";

const RUNS = Number(process.env.BENCH_DASHBOARD_RUNS ?? 3);
const VIEWPORT = { width: 1440, height: 900 };
const DEADLINE_MS = 30 * 60_000;
const CASES = [
  { id: "warm", label: "first opening after the start-up warm-up", targetMs: 2_000 },
  { id: "cached", label: "opened again (figures cached)", targetMs: 1_000 },
] as const;

const artifacts = path.join(repoRoot, "test-artifacts", "bench");
const log = createLogger("warn", { component: "bench-dashboard" });

interface PageElement {
  readonly dataset: Record<string, string | undefined>;
}

/** In the page (the bench is compiled without DOM types; a function, since the page's CSP refuses evaluated strings). */
function everyChartDrawn(): boolean {
  const { document } = globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<PageElement> } };
  const panels = Array.from(document.querySelectorAll("[data-panel]"));
  const plots = Array.from(document.querySelectorAll(".dashboard-plot"));
  return panels.length >= 4 && panels.every((p) => p.dataset.status === "ready") && plots.length > 0 && plots.every((p) => p.dataset.drawn === "true");
}

/** Click on « Tableau de bord » → every panel ready and every chart drawn, in milliseconds. */
async function timeOpening(page: Page): Promise<number> {
  const started = performance.now();
  await page.click('[data-view="dashboard"]');
  await page.waitForFunction(everyChartDrawn, undefined, { timeout: 300_000 });
  return performance.now() - started;
}

async function newPage(browser: Browser, baseUrl: string, session: DevSession): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: "fr-FR" });
  await context.addInitScript({ content: sessionScript(new URL(baseUrl).origin, session) });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/?territory=${PAYS_CEVENNES.id}&view=structures`);
  await page.waitForSelector('[data-view="dashboard"]', { timeout: 180_000 });
  return page;
}

async function main(): Promise<void> {
  const cleanups: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error: unknown) => process.stderr.write(`cleanup: ${String(error)}\n`));
  };
  const watchdog = setTimeout(() => {
    process.stderr.write(`bench/dashboard: stopped after ${DEADLINE_MS / 60_000} min\n`);
    void cleanUp().finally(() => process.exit(1));
  }, DEADLINE_MS);
  const loadBefore = os.loadavg();
  const samples: Record<string, number[]> = { warm: [], cached: [] };
  let chromiumVersion = "?";
  let warmUpMs = 0;
  try {
    await mkdir(artifacts, { recursive: true });
    // The app as `npm start` runs it, warm-up included (bench/browserApp.ts).
    const app = await startBenchApp([PAYS_CEVENNES], log, cleanups);
    const baseUrl = app.baseUrl;
    warmUpMs = app.preload.ms;
    process.stderr.write(`warm-up done in ${Math.round(warmUpMs)} ms\n`);
    const session = await devLogin(baseUrl, "COORDINATOR", [PAYS_CEVENNES.id]);

    const browser = await launchChromium("canvas");
    cleanups.push(() => browser.close());
    chromiumVersion = browser.version();
    for (let run = 0; run < RUNS; run += 1) {
      const page = await newPage(browser, baseUrl, session);
      samples.warm?.push(await timeOpening(page));
      if (run === 0) await page.screenshot({ path: path.join(artifacts, "dashboard.png") });
      await page.click('[data-view="structures"]');
      await page.waitForSelector('[data-testid="dashboard"]', { state: "detached" });
      samples.cached?.push(await timeOpening(page));
      process.stderr.write(`run ${run + 1}: ${Math.round(samples.warm?.at(-1) ?? -1)} ms, cached ${Math.round(samples.cached?.at(-1) ?? -1)} ms\n`);
      await page.context().close();
    }
  } finally {
    await cleanUp();
    clearTimeout(watchdog);
  }

  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(" / ");
  const lines = [
    "# Dashboard benchmark",
    "",
    `Written by \`bench/dashboard.ts\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores, Chromium ${chromiumVersion} headless (\`${LAUNCH_FLAGS.canvas.join(" ")}\`), viewport ${VIEWPORT.width}×${VIEWPORT.height}.`,
    `Load average (1/5/15 min) before: ${load(loadBefore)}, after: ${load(os.loadavg())}. The machine is shared with other work: times are upper bounds of a quiet machine.`,
    `The server's start-up warm-up (\`warmUpServer\`, as \`npm start\` runs it: queries, page networks, dashboards of every territory's latest contract) took ${formatMs(warmUpMs)}.`,
    "Time: from the click on « Tableau de bord » to every panel answered and every chart drawn (Pays Cévennes, latest contract, no filter); the first opening of a page also loads the dashboard's code (Observable Plot), which the page fetches on demand.",
    "",
    "| case | runs | p50 | max | target | p50 / target |",
    "|---|---|---|---|---|---|",
    ...CASES.map(({ id, label, targetMs }) => {
      const values = samples[id] ?? [];
      const p50 = values.length > 0 ? percentile(values, 50) : null;
      return `| ${label} | ${values.length} | ${formatMs(p50)} | ${formatMs(values.length > 0 ? Math.max(...values) : null)} | ${formatMs(targetMs)} | ${p50 === null ? "—" : (p50 / targetMs).toFixed(2)} |`;
    }),
    "",
  ];
  const section = lines.join("\n");
  await writeFile(path.join(repoRoot, "bench", "RESULTS-dashboard.md"), section);
  process.stdout.write(section);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench/dashboard failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
