/**
 * The README's pictures: the eight views a coordinator opens on the demo territory Pays Cévennes,
 * at 1440×900 with the canvas renderer, each once its force layout has settled, written to
 * docs/screenshots/<view>.png. Starts the app as bench/explorer.ts does (a Neo4j of its own,
 * seeded, on a free port) and stops everything when done. `npm run screenshots` (the client must
 * be built: `npm run build:client`); `SCREENSHOT_VIEWS=focus,path` takes only those;
 * `SCREENSHOT_APP_URL=http://127.0.0.1:4180` photographs an app already running with the demo data.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PAYS_CEVENNES } from "../seed/src/index.js";
import { repoRoot } from "../server/src/config.js";
import { createLogger } from "../server/src/logger.js";
import { startBenchApp } from "./browserApp.js";
import { devLogin, sessionScript } from "./browserApi.js";
import { launchChromium } from "./browserLaunch.js";
import { GLANCE_VIEWS, takeStep, viewUrl, waitCanvasReady, waitSettled } from "./browserViews.js";

const VIEWPORT = { width: 1440, height: 900 };
const READY_TIMEOUT_MS = 180_000;
const SETTLE_TIMEOUT_MS = 120_000;
/** Stops itself after this, cleaning up what it started. */
const DEADLINE_MS = 20 * 60_000;

const out = path.join(repoRoot, "docs", "screenshots");
const log = createLogger("warn", { component: "screenshots" });

async function main(): Promise<void> {
  const wanted = process.env.SCREENSHOT_VIEWS?.split(",");
  const views = GLANCE_VIEWS.filter((view) => wanted === undefined || wanted.includes(view));
  const cleanups: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error: unknown) => process.stderr.write(`cleanup: ${String(error)}\n`));
  };
  const watchdog = setTimeout(() => {
    process.stderr.write(`bench/screenshots: stopped after ${DEADLINE_MS / 60_000} min\n`);
    void cleanUp().finally(() => process.exit(1));
  }, DEADLINE_MS);
  const failed: string[] = [];
  try {
    await mkdir(out, { recursive: true });
    // An app already running with the development login and the demo data (while working on the pictures), else one of its own.
    const app = process.env.SCREENSHOT_APP_URL ? { baseUrl: process.env.SCREENSHOT_APP_URL } : await startBenchApp([PAYS_CEVENNES], log, cleanups);
    const session = await devLogin(app.baseUrl, "COORDINATOR", [PAYS_CEVENNES.id]);
    const browser = await launchChromium("canvas");
    cleanups.push(() => browser.close());
    for (const view of views) {
      const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: "fr-FR" });
      try {
        await context.addInitScript({ content: sessionScript(new URL(app.baseUrl).origin, session) });
        const page = await context.newPage();
        page.setDefaultTimeout(60_000);
        page.on("pageerror", (error) => process.stderr.write(`${view}: page error: ${error.message}\n`));
        await page.goto(viewUrl(app.baseUrl, PAYS_CEVENNES.id, view, "canvas"), { waitUntil: "commit" });
        await waitCanvasReady(page, READY_TIMEOUT_MS);
        const step = await takeStep(page, view, READY_TIMEOUT_MS);
        const settled = await waitSettled(page, SETTLE_TIMEOUT_MS);
        // The last frames of the layout, the hover ring and the panels' transitions.
        await page.mouse.move(2, VIEWPORT.height - 2);
        await page.waitForTimeout(1_000);
        const file = path.join(out, `${view}.png`);
        await page.screenshot({ path: file });
        process.stderr.write(
          `${view}: ${path.relative(repoRoot, file)}${settled ? "" : " (layout not settled)"}${settled?.appliedRefined ? " (refined layout applied)" : ""}` +
            `${step && step.notes.length > 0 ? `; ${step.notes.join("; ")}` : ""}\n`,
        );
      } catch (error) {
        failed.push(view);
        process.stderr.write(`${view}: ${error instanceof Error ? error.message : String(error)}\n`);
      } finally {
        await context.close().catch(() => undefined);
      }
    }
  } finally {
    await cleanUp();
    clearTimeout(watchdog);
  }
  if (failed.length > 0) throw new Error(`no picture of ${failed.join(", ")}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench/screenshots failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
