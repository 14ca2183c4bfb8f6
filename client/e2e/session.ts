import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { devLogin, type Role } from "../src/api/auth";
import { launchChromium, signedInContext } from "./browser";

/** Where the browser tests keep their pictures. */
export const screenshots = fileURLToPath(new URL("../../test-artifacts/screenshots/", import.meta.url));

/** The browser tests share two slow cores with everything else: give each step room. */
export const STEP_TIMEOUT = 240_000;

/** Until the network is drawn and its layout has stopped moving. */
export async function waitForSettled(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="network-canvas"][data-state="ready"][data-settled="true"]', { timeout: 60_000 });
}

export interface BrowserSession {
  /** Launches Chromium and makes the screenshots' folder (in beforeAll). */
  open(): Promise<void>;
  close(): Promise<void>;
  /** A new page signed in as `role`, whose errors are kept for a failing step. */
  signedIn(role: Role): Promise<Page>;
  /** A picture of the page, test-artifacts/screenshots/<prefix>-<name>.png. */
  shot(page: Page, name: string): Promise<void>;
  /** Runs a step; on failure keeps a picture of every open page and prints the page errors. */
  step(name: string, run: () => Promise<void>): Promise<void>;
}

/** One test file's browser: its signed-in pages, their errors, its pictures named after `prefix`. */
export function browserSession(appUrl: string, prefix: string): BrowserSession {
  let browser: Browser | null = null;
  const pages: Page[] = [];
  const pageErrors: string[] = [];
  const shot = async (page: Page, name: string): Promise<void> => {
    await page.screenshot({ path: `${screenshots}${prefix}-${name}.png` });
  };
  return {
    async open() {
      await mkdir(screenshots, { recursive: true });
      browser = await launchChromium();
    },
    async close() {
      await browser?.close();
    },
    async signedIn(role) {
      if (!browser) throw new Error("browserSession: open() was not called");
      const login = await devLogin(role, undefined, { baseUrl: appUrl });
      const context = await signedInContext(browser, login);
      const page = await context.newPage();
      page.on("pageerror", (error) => pageErrors.push(`${role}: ${error.message}`));
      pages.push(page);
      return page;
    },
    shot,
    async step(name, run) {
      try {
        await run();
      } catch (error) {
        await Promise.all(pages.map((page, index) => (page.isClosed() ? undefined : shot(page, `failed-${name}-${index}`).catch(() => undefined))));
        if (pageErrors.length > 0) console.error(pageErrors.join("\n"));
        throw error;
      }
    },
  };
}
