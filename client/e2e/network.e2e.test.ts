import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  fetchStructureNetwork,
  fetchTerritories,
  type StructureNetwork,
  type Territory,
} from "../src/api/network";
import { CATEGORY_COLOURS, categoryOf } from "../src/graph/palette";

const appUrl = inject("appUrl");
const screenshots = fileURLToPath(new URL("../../test-artifacts/screenshots/", import.meta.url));
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const canvas = '[data-testid="network-canvas"]';

let browser: Browser;
let page: Page;
let territory: Territory;
let network: StructureNetwork;

/** Where a node of this colour is drawn: a pixel whose whole neighbourhood has exactly that fill. */
async function findNodePixel(target: Page, hex: string): Promise<{ x: number; y: number } | null> {
  return target.evaluate(
    ({ selector, hex }) => {
      const layer = document.querySelector<HTMLCanvasElement>(`${selector} canvas[data-id="layer2-node"]`);
      const context = layer?.getContext("2d");
      if (!layer || !context) return null;
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
      const { width, height } = layer;
      const pixels = context.getImageData(0, 0, width, height).data;
      const matches = (x: number, y: number) => {
        const i = (y * width + x) * 4;
        return pixels[i] === r && pixels[i + 1] === g && pixels[i + 2] === b && pixels[i + 3] === 255;
      };
      const ratio = width / layer.getBoundingClientRect().width;
      for (const radius of [4, 2, 1]) {
        for (let y = radius; y < height - radius; y += 2) {
          for (let x = radius; x < width - radius; x += 2) {
            let inside = true;
            for (let dy = -radius; dy <= radius && inside; dy++) {
              for (let dx = -radius; dx <= radius && inside; dx++) inside = matches(x + dx, y + dy);
            }
            if (inside) {
              const box = layer.getBoundingClientRect();
              return { x: box.left + x / ratio, y: box.top + y / ratio };
            }
          }
        }
      }
      return null;
    },
    { selector: canvas, hex },
  );
}

async function openApp(): Promise<void> {
  await page.goto(appUrl);
  await page.waitForSelector(`${canvas}[data-state="ready"]`, { timeout: 60_000 });
}

beforeAll(async () => {
  await mkdir(screenshots, { recursive: true });
  const endpoint = new URL("/graphql", appUrl).toString();
  const territories = await fetchTerritories({ endpoint });
  const first = territories[0];
  if (!first) throw new Error("Aucun territoire : la mise en place des tests doit charger la démo.");
  territory = first;
  network = await fetchStructureNetwork(territory.id, { endpoint });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});

afterAll(async () => {
  await browser?.close();
});

describe("network page", () => {
  it("draws as many nodes and ties as the API returns for the first territory", async () => {
    await openApp();
    const nodeCount = Number(await page.getAttribute(canvas, "data-node-count"));
    const edgeCount = Number(await page.getAttribute(canvas, "data-edge-count"));
    expect(network.nodes.length).toBeGreaterThan(0);
    expect(nodeCount).toBe(network.nodes.length);
    expect(edgeCount).toBe(network.ties.length);
    await expect(page.locator('[data-testid="network-counts"]').textContent()).resolves.toContain("structures et institutions");
    await page.screenshot({ path: `${screenshots}network.png` });
  });

  it("says clearly that the demo data is fictitious", async () => {
    expect(territory.isDemo).toBe(true);
    const badge = page.locator('[data-testid="demo-badge"]');
    expect(await badge.isVisible()).toBe(true);
    expect(await badge.textContent()).toBe("Données fictives");
  });

  it("opens the details panel of the node clicked on the canvas", async () => {
    const largest = [...network.nodes].sort((a, b) => b.memberCount - a.memberCount)[0];
    if (!largest) throw new Error("réseau vide");
    const colours = [...new Set([categoryOf(largest), ...network.nodes.map(categoryOf)].map((c) => CATEGORY_COLOURS[c]))];
    let point: { x: number; y: number } | null = null;
    for (const colour of colours) {
      point = await findNodePixel(page, colour);
      if (point) break;
    }
    if (!point) throw new Error("aucun nœud trouvé sur le canevas");
    await page.mouse.click(point.x, point.y);

    const panel = page.locator('[data-testid="details-panel"]');
    await panel.waitFor({ state: "visible" });
    const selectedId = await page.getAttribute(canvas, "data-selected-id");
    const node = network.nodes.find((n) => n.id === selectedId);
    expect(node).toBeDefined();
    expect(await panel.locator("h2").textContent()).toBe(node?.name);
    expect(await panel.textContent()).toContain("Partenaires");
    await page.screenshot({ path: `${screenshots}details-click.png` });
  });

  it("selects with the keyboard, follows a partner, and closes with Escape", async () => {
    const hub = [...network.nodes].sort(
      (a, b) => network.ties.filter((t) => t.source === b.id || t.target === b.id).length
        - network.ties.filter((t) => t.source === a.id || t.target === a.id).length,
    )[0];
    if (!hub) throw new Error("réseau vide");
    await page.focus("#node-picker");
    await page.selectOption("#node-picker", hub.id);
    const panel = page.locator('[data-testid="details-panel"]');
    await expect(panel.locator("h2").textContent()).resolves.toBe(hub.name);

    const firstPartner = panel.locator("button.partner").first();
    const partnerName = await firstPartner.locator(".partner-name").textContent();
    expect(await firstPartner.textContent()).toMatch(/en commun/);
    await firstPartner.click();
    await expect(panel.locator("h2").textContent()).resolves.toBe(partnerName);
    await page.screenshot({ path: `${screenshots}details-partner.png` });

    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "detached" });
    expect(await page.getAttribute(canvas, "data-selected-id")).toBe("");
  });

  it("shows no personal data (email addresses, phone numbers)", async () => {
    await page.selectOption("#node-picker", { index: 1 });
    const text = await page.locator("body").innerText();
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    expect(text).not.toMatch(/(?:\+33\s?|\b0)[1-9](?:[\s.]?\d{2}){4}\b/);
  });
});
