import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from "playwright-core";
import type { DevLoginResult } from "../src/api/auth";

/**
 * Headless Chromium for the browser tests: Debian's chromium (or CHROMIUM_PATH), with the flags
 * this machine's closed network needs, and contexts already signed in through the development login.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const launchArgs = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: [...extraArgs, ...launchArgs] });
}

/** A French-locale context whose pages start signed in as `login` (the page reads sessionStorage). */
export async function signedInContext(browser: Browser, login: DevLoginResult, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: "fr-FR", ...options });
  await context.addInitScript(
    ({ token, viewer }) => {
      sessionStorage.setItem("maillage.token", token);
      sessionStorage.setItem("maillage.viewer", JSON.stringify(viewer));
    },
    { token: login.token, viewer: { expiresAt: login.expiresAt, ...login.viewer } },
  );
  return context;
}

/** Collects the page's Content-Security-Policy violations as the console reports them (the list fills as the page runs). */
export function cspViolations(page: import("playwright-core").Page): string[] {
  const found: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|create|frame|evaluate)/i.test(message.text())) found.push(message.text());
  });
  return found;
}
