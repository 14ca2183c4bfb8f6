import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cspViolations } from "./browser";

const appUrl = inject("appUrl");
const screenshots = fileURLToPath(new URL("../../test-artifacts/screenshots/", import.meta.url));
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

let browser: Browser;
let page: Page;
let violations: string[] = [];
const requestedUrls: string[] = [];

/** A token from the development login, as the app's sign-in stores it. */
async function devLoginToken(): Promise<string> {
  const response = await fetch(new URL("/auth/dev-login", appUrl), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ role: "ADMIN" }),
  });
  const body: unknown = await response.json();
  const token = typeof body === "object" && body !== null ? (body as { token?: unknown }).token : undefined;
  if (typeof token !== "string") throw new Error(`POST /auth/dev-login a répondu ${response.status} sans jeton.`);
  return token;
}

/** Text of a Monaco editor as drawn (only its visible lines), with Monaco's non-breaking spaces made plain. */
async function editorText(selector: string): Promise<string> {
  const text = await page.locator(`${selector} .view-lines`).first().innerText();
  return text.replace(/\u00a0/g, " ");
}

beforeAll(async () => {
  await mkdir(screenshots, { recursive: true });
  const token = await devLoginToken();
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on("request", (request) => requestedUrls.push(request.url()));
  violations = cspViolations(page);
  await page.addInitScript((value) => window.sessionStorage.setItem("maillage.token", value), token);
});

afterAll(async () => {
  await browser?.close();
});

describe("the GraphiQL page", () => {
  it("opens at /graphiql with the structure network example in the editor", async () => {
    const response = await page.goto(new URL("/graphiql", appUrl).toString());
    expect(response?.status()).toBe(200);
    await page.locator(".graphiql-query-editor .view-lines").first().waitFor({ timeout: 60_000 });
    await expect.poll(() => editorText(".graphiql-query-editor"), { timeout: 30_000 }).toContain("GetStructureNetwork");
    expect(await editorText(".graphiql-query-editor")).toContain('structureNetwork(territoryId: "pays-cevennes")');
  });

  it("fills the Authorization header from the session's token", async () => {
    await page.getByText("Headers", { exact: true }).click();
    await expect.poll(() => editorText(".graphiql-editor-tool .graphiql-editor:not(.hidden)"), { timeout: 10_000 }).toContain('"Authorization": "Bearer ');
  });

  it("runs the example and shows the network in the response pane", async () => {
    await page.getByRole("button", { name: /Execute query/ }).click();
    await expect.poll(() => editorText(".graphiql-response"), { timeout: 30_000 }).toContain('"territoryId": "pays-cevennes"');
    const result = await editorText(".graphiql-response");
    expect(result).toContain('"nodes": [');
    expect(result).not.toContain("UNAUTHENTICATED");
    await page.screenshot({ path: `${screenshots}graphiql.png` });
  });

  it("runs under the Content-Security-Policy without a violation", () => {
    expect(violations).toEqual([]);
  });

  it("loads everything from Maillage itself, no CDN", () => {
    const origin = new URL(appUrl).origin;
    const elsewhere = requestedUrls.filter((url) => !url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:"));
    expect(elsewhere).toEqual([]);
  });
});
