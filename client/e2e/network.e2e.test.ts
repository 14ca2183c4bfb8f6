import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type Browser, type Page } from "playwright-core";
import { cspViolations, launchChromium } from "./browser";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { devLogin } from "../src/api/auth";
import {
  fetchCollaborationNetwork,
  fetchTerritories,
  type Network,
  type Territory,
  type TimeWindow,
} from "../src/api/network";
import { normalise } from "../src/features/search/match";
import { defaultWindow } from "../src/features/timeWindow/timeWindow";
import { CATEGORY_COLOURS, categoryOf } from "../src/graph/palette";

const appUrl = inject("appUrl");
const screenshots = fileURLToPath(new URL("../../test-artifacts/screenshots/", import.meta.url));
const canvas = '[data-testid="network-canvas"]';

let browser: Browser;
let page: Page;
let violations: string[] = [];
let territory: Territory;
let network: Network;
let apiToken: string;
let endpoint: string;

/**
 * The structures view opens on the backbone (written here, not read from the app's code): the ties
 * whose SDSM p-value is below 0.05, the API listing those up to 0.2 for the slider.
 */
const DEFAULT_ALPHA = 0.05;
const shownTies = (n: Network, alpha = DEFAULT_ALPHA, minWeight = 1) => n.ties.filter((t) => t.weight >= minWeight && (t.significance ?? 0) < alpha);
const shown = (n: Network, alpha = DEFAULT_ALPHA, minWeight = 1) => shownTies(n, alpha, minWeight).length;
/** Nodes the canvas draws: the ends of the drawn ties (untied nodes wait behind a chip). */
const tiedCount = (ties: readonly { source: string; target: string }[]) => new Set(ties.flatMap((t) => [t.source, t.target])).size;
const frenchCount = (n: number) => new Intl.NumberFormat("fr-FR").format(n).replace(/\s/g, " ");

/** The organisations network of the API as the page asks for it: the backbone, ties of weight `minWeight` or more. */
async function networkFor(window: TimeWindow, minWeight = 1): Promise<Network> {
  const filter = { ...(minWeight > 1 ? { minWeight } : {}), backbone: { alpha: DEFAULT_ALPHA, listUpTo: 0.2 } };
  return fetchCollaborationNetwork(territory.id, "STRUCTURE", window, filter, { endpoint, token: apiToken });
}

async function edgeCount(target: Page): Promise<number> {
  return Number(await target.getAttribute(canvas, "data-edge-count"));
}

/** Waits until the canvas is ready and draws this many ties (a new period or filter has landed). */
async function waitForEdges(target: Page, count: number): Promise<void> {
  await target.waitForFunction(
    ({ selector, count }) => {
      const element = document.querySelector<HTMLElement>(selector);
      return element?.dataset.state === "ready" && element.dataset.settled === "true" && Number(element.dataset.edgeCount) === count;
    },
    { selector: canvas, count },
    { timeout: 60_000 },
  );
}

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

/** The boxes of the permanent labels drawn (model coordinates), and how many candidates were left unlabelled. */
async function drawnLabels(target: Page): Promise<{ boxes: { id: string; x1: number; x2: number; y1: number; y2: number }[]; crowded: number }> {
  return target.evaluate(() => {
    const cy = window.__maillageCy;
    if (!cy) throw new Error("no Cytoscape instance (bench=1)");
    const drawn = cy.nodes(".labelled").filter((node) => String(node.style("label")) !== "");
    const boxes = drawn.map((node) => {
      const { x1, x2, y1, y2 } = node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
      return { id: node.id(), x1, x2, y1, y2 };
    });
    return { boxes, crowded: cy.nodes(".labelled").length - drawn.length };
  });
}

/** Pairs of boxes that overlap by more than a pixel each way. */
function overlappingPairs(boxes: readonly { id: string; x1: number; x2: number; y1: number; y2: number }[]): string[] {
  const pairs: string[] = [];
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) {
      if (Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 1 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 1) pairs.push(`${a.id} × ${b.id}`);
    }
  });
  return pairs;
}

/** Opens the page and signs in through the development login screen with the given role. */
async function signIn(target: Page, roleName: RegExp, screenshot?: string): Promise<number> {
  const started = Date.now();
  await target.goto(appUrl);
  const login = target.locator('[data-testid="login-screen"]');
  await login.waitFor({ state: "visible" });
  expect(await login.locator("h1").textContent()).toBe("Connexion de développement");
  if (screenshot) await target.screenshot({ path: `${screenshots}${screenshot}` });
  await target.getByRole("button", { name: roleName }).click();
  await target.waitForSelector(`${canvas}[data-state="ready"][data-settled="true"]`, { timeout: 60_000 });
  return Date.now() - started;
}

beforeAll(async () => {
  await mkdir(screenshots, { recursive: true });
  endpoint = new URL("/graphql", appUrl).toString();
  apiToken = (await devLogin("ADMIN", undefined, { baseUrl: appUrl })).token;
  const territories = await fetchTerritories({ endpoint, token: apiToken });
  // Without a territory in the address the page opens on the largest one: Pays Cévennes.
  const cevennes = territories.find((t) => normalise(t.name) === "pays cevennes");
  if (!cevennes) throw new Error("Le territoire de démonstration Pays Cévennes manque : la mise en place des tests doit charger la démo.");
  territory = cevennes;
  network = await networkFor(defaultWindow(territory.contracts));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "fr-FR" });
  violations = cspViolations(page);
});

afterAll(async () => {
  await browser?.close();
});

describe("network page", () => {
  it("signs in as administrator and draws the current contract's network of Pays Cévennes on its backbone", async () => {
    const elapsed = await signIn(page, /^Administrateur/, "login.png");
    const nodeCount = Number(await page.getAttribute(canvas, "data-node-count"));
    expect(network.nodes.length).toBeGreaterThan(0);
    expect(nodeCount).toBe(tiedCount(shownTies(network)));
    expect(await edgeCount(page)).toBe(shown(network));
    expect(network.ties.every((t) => (t.significance ?? 1) < 0.2)).toBe(true);
    await expect(page.locator('[data-testid="network-counts"]').textContent()).resolves.toContain("structures et institutions");
    const latest = [...territory.contracts].sort((a, b) => b.generation - a.generation)[0];
    if (latest) expect(await page.locator('[data-testid="active-window"]').textContent()).toContain(latest.name);
    expect(await page.locator('[data-testid="role-badge"]').textContent()).toContain("Administrateur");
    console.info(`login → network drawn: ${elapsed} ms`);
    await page.screenshot({ path: `${screenshots}network.png` });
  });

  it("says clearly that the demo data is fictitious", async () => {
    expect(territory.isDemo).toBe(true);
    const badge = page.locator('[data-testid="demo-badge"]');
    expect(await badge.isVisible()).toBe(true);
    expect(await badge.textContent()).toBe("Données fictives");
  });

  it("warns in the header that the development login is on", async () => {
    const banner = page.locator('[data-testid="dev-login-banner"]');
    await banner.waitFor({ state: "visible" });
    expect(await banner.textContent()).toBe("Connexion de développement active");
    expect(await banner.getAttribute("title")).toMatch(/n'importe quel rôle/);
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
    const strong = network.ties.filter((t) => (t.significance ?? 0) < DEFAULT_ALPHA);
    const degree = (id: string) => strong.filter((t) => t.source === id || t.target === id).length;
    const hub = [...network.nodes].sort((a, b) => degree(b.id) - degree(a.id))[0];
    if (!hub) throw new Error("réseau vide");
    await page.focus("#search-input");
    await page.keyboard.type(hub.name);
    await page.keyboard.press("Enter");
    const panel = page.locator('[data-testid="details-panel"]');
    await expect(panel.locator("h2").textContent()).resolves.toBe(hub.name);
    // First Escape clears the search, the panel stays.
    await page.keyboard.press("Escape");
    expect(await page.inputValue("#search-input")).toBe("");
    expect(await panel.isVisible()).toBe(true);

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

  it("lists a structure's members with their contact details for an administrator", async () => {
    const largest = [...network.nodes].filter((n) => n.kind === "STRUCTURE").sort((a, b) => b.memberCount - a.memberCount)[0];
    if (!largest) throw new Error("réseau vide");
    await page.fill("#search-input", largest.name);
    await page.keyboard.press("Enter");
    const people = page.locator('[data-testid="details-people"] .person');
    await people.first().waitFor({ state: "visible", timeout: 30_000 });
    expect(await people.count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="details-people"]').innerText()).toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    await page.screenshot({ path: `${screenshots}details-members.png` });
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
  });

  it("says how many significant ties it draws of how many, and the backbone's slider applies on the page, by keyboard", async () => {
    const chip = page.locator('[data-testid="filter-chips"] [data-filter="backbone"]');
    const total = network.totalTieCount ?? 0;
    expect(total).toBeGreaterThan(shown(network));
    expect((await chip.textContent())?.replace(/\s/g, " ")).toContain(`liens significatifs : ${frenchCount(shown(network))} sur ${frenchCount(total)}`);
    let requests = 0;
    const count = (request: { url(): string }) => {
      if (request.url().includes("/graphql")) requests += 1;
    };
    page.on("request", count);
    // One step looser (0.05 → 0.1) from the keyboard: more ties, from their p-values, no request.
    await page.focus("#backbone-alpha");
    await page.keyboard.press("ArrowRight");
    const looser = shown(network, 0.1);
    expect(looser).toBeGreaterThan(shown(network));
    await waitForEdges(page, looser);
    expect(await page.locator('[data-testid="backbone-alpha-value"]').textContent()).toBe("α = 0,1");
    expect((await chip.textContent())?.replace(/\s/g, " ")).toContain(`liens significatifs : ${frenchCount(looser)} sur`);
    await page.screenshot({ path: `${screenshots}backbone-slider.png` });
    await page.keyboard.press("ArrowLeft");
    await waitForEdges(page, shown(network));
    page.off("request", count);
    expect(requests).toBe(0);
  });

  it("hides a sector from the legend, with a chip, and the legend counts what is drawn", async () => {
    const care = network.nodes.filter((n) => n.kind === "STRUCTURE" && n.sector === "CARE").map((n) => n.id);
    if (care.length === 0) return;
    // A structure without a significant tie chosen earlier from the search showed the untied ones: hidden again.
    const untied = page.locator('[data-testid="isolated-chip"][aria-pressed="true"]');
    if ((await untied.count()) > 0) await untied.click();
    await page.click('input[data-category="CARE"]');
    const hidden = new Set(care);
    const expectedTies = shownTies(network).filter((t) => !hidden.has(t.source) && !hidden.has(t.target));
    await waitForEdges(page, expectedTies.length);
    await expect.poll(() => page.getAttribute(canvas, "data-node-count"), { timeout: 10_000 }).toBe(String(tiedCount(expectedTies)));
    const chip = page.locator('[data-testid="filter-chips"] [data-filter="categories"]');
    expect(await chip.textContent()).toContain("tout sauf Soin");
    await page.screenshot({ path: `${screenshots}filter-sector.png` });
    await chip.getByRole("button").click();
    await waitForEdges(page, shown(network));
  });

  it("changes the tie count when another period is chosen, says which period is shown, and removes the threshold chip", async () => {
    const before = await page.locator('[data-testid="network-counts"]').textContent();
    const oldest = [...territory.contracts].sort((a, b) => a.generation - b.generation)[0];
    if (!oldest) throw new Error("le territoire n'a pas de contrat");
    const first = await networkFor({ from: oldest.signedOn, to: oldest.endsOn });
    await page.selectOption('[data-testid="time-window-preset"]', oldest.id);
    await waitForEdges(page, shown(first));
    expect(shown(first)).not.toBe(shown(network));
    expect(await page.locator('[data-testid="network-counts"]').textContent()).not.toBe(before);
    expect(await page.locator('[data-testid="active-window"]').textContent()).toContain(oldest.name);
    await page.screenshot({ path: `${screenshots}period-cls1.png` });

    // A weight threshold still filters (asked of the API), with a removable chip.
    await page.fill("#min-weight", "2");
    const chip = page.locator('[data-testid="filter-chips"] [data-filter="minWeight"]');
    await chip.waitFor({ state: "visible" });
    await waitForEdges(page, shown(first, DEFAULT_ALPHA, 2));
    await chip.getByRole("button").click();
    await chip.waitFor({ state: "detached" });
    expect(await page.inputValue("#min-weight")).toBe("1");
    await waitForEdges(page, shown(first));

    const current = [...territory.contracts].sort((a, b) => b.generation - a.generation)[0];
    if (current) {
      await page.selectOption('[data-testid="time-window-preset"]', current.id);
      await waitForEdges(page, shown(network));
    }
  }, 180_000);

  it("finds the commune Alès then its structures by typing 'ales', and opens a structure's panel", async () => {
    const cevennesNetwork = network;
    await page.focus("#search-input");
    await page.keyboard.type("ales");
    const results = page.locator('[data-testid="search-results"] [role="option"]');
    await results.first().waitFor({ state: "visible" });
    expect(await results.count()).toBeGreaterThan(1);
    // The commune named what was typed comes first, the structures after it.
    expect(await results.first().textContent()).toBe("AlèsCommune");
    await page.screenshot({ path: `${screenshots}search-ales.png` });
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    const panel = page.locator('[data-testid="details-panel"]');
    await panel.waitFor({ state: "visible" });
    const selectedId = await page.getAttribute(canvas, "data-selected-id");
    const node = cevennesNetwork.nodes.find((n) => n.id === selectedId);
    if (!node) throw new Error("aucune organisation sélectionnée");
    expect(normalise(`${node.name} ${node.communeName ?? ""}`)).toContain("ales");
    expect(await panel.locator("h2").textContent()).toBe(node.name);
    await page.screenshot({ path: `${screenshots}search-panel.png` });
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "detached" });
  });

  it("draws no permanent label over another, and gives more names room as the view zooms in", async () => {
    await page.goto(`${appUrl}/?territory=${territory.id}&view=structures&bench=1`);
    await waitForEdges(page, shown(network));
    const before = await drawnLabels(page);
    // The largest structures sit together at the centre: some candidates must give way.
    expect(before.crowded).toBeGreaterThan(0);
    expect(before.boxes.length).toBeGreaterThanOrEqual(5);
    expect(overlappingPairs(before.boxes)).toEqual([]);
    await page.screenshot({ path: `${screenshots}labels-decluttered.png` });
    // Zoomed in three times around the centre: labels keep their size on screen, the nodes move apart.
    await page.evaluate(() => {
      const cy = window.__maillageCy;
      if (cy) cy.zoom({ level: cy.zoom() * 3, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    });
    await page.waitForFunction(
      (count) => (window.__maillageCy?.nodes(".labelled.crowded").length ?? count) < count,
      before.crowded,
      { timeout: 10_000 },
    );
    const after = await drawnLabels(page);
    expect(overlappingPairs(after.boxes)).toEqual([]);
    await page.screenshot({ path: `${screenshots}labels-zoomed.png` });
  });

  it("gives every person of the actors view a place of their own once the force layout is done, those without ties included", async () => {
    await page.goto(`${appUrl}/?territory=${territory.id}&view=actors&bench=1`);
    // The quick first picture (by community), then the force layout's places.
    await page.waitForSelector(`${canvas}[data-state="ready"][data-settled="true"]`, { timeout: 120_000 });
    // People without a significant tie wait behind a chip; shown, they sit in a band under the network.
    const chip = page.locator('[data-testid="isolated-chip"]');
    const hidden = Number(/\d+/.exec(((await chip.textContent()) ?? "").replace(/\s/g, ""))?.[0]);
    expect(hidden).toBeGreaterThan(10);
    const before = Number(await page.getAttribute(canvas, "data-node-count"));
    await chip.click();
    await expect.poll(() => page.getAttribute(canvas, "data-node-count"), { timeout: 30_000 }).toBe(String(before + hidden));
    await page.waitForSelector(`${canvas}[data-state="ready"][data-settled="true"]`, { timeout: 120_000 });
    const places = await page.evaluate(() => {
      const cy = window.__maillageCy;
      if (!cy) throw new Error("no Cytoscape instance (bench=1)");
      const spot = (n: { position(): { x: number; y: number } }) => `${Math.round(n.position().x)},${Math.round(n.position().y)}`;
      const untied = cy.nodes().filter((n) => n.degree(false) === 0);
      return { nodes: cy.nodes().length, spots: new Set(cy.nodes().map(spot)).size, untied: untied.length, untiedSpots: new Set(untied.map(spot)).size };
    });
    // Each person without a tie, once shown, is visible and clickable on a place of their own.
    expect(places.untied).toBe(hidden);
    expect(places.untiedSpots).toBe(places.untied);
    expect(places.spots).toBeGreaterThan(places.nodes * 0.98);
    await page.screenshot({ path: `${screenshots}actors-placed.png` });
  }, 180_000);

  it("runs under the Content-Security-Policy without a violation", () => {
    expect(violations).toEqual([]);
  });

  it("signs out back to the login screen", async () => {
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.locator('[data-testid="login-screen"]').waitFor({ state: "visible" });
    expect(await page.evaluate(() => sessionStorage.getItem("maillage.token"))).toBeNull();
  });

  it("goes back to the login screen with a message when the token is refused", async () => {
    await page.getByRole("button", { name: /^Administrateur/ }).click();
    await page.waitForSelector(`${canvas}[data-state="ready"][data-settled="true"]`, { timeout: 60_000 });
    await page.evaluate(() => sessionStorage.setItem("maillage.token", "not-a-token"));
    await page.reload();
    await page.locator('[data-testid="login-screen"]').waitFor({ state: "visible" });
    expect(await page.locator(".login-notice").textContent()).toContain("Votre session a expiré");
  });
});

describe("network page for an analyst", () => {
  it("still shows the network after an ANALYST login", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "fr-FR" });
    const analystPage = await context.newPage();
    try {
      await signIn(analystPage, /^Analyste/);
      expect(Number(await analystPage.getAttribute(canvas, "data-node-count"))).toBeGreaterThan(0);
      expect(await analystPage.locator('[data-testid="role-badge"]').textContent()).toContain("Analyste");
      // Members are pseudonymised, without e-mail addresses or phone numbers.
      const largest = [...network.nodes].filter((n) => n.kind === "STRUCTURE").sort((a, b) => b.memberCount - a.memberCount)[0];
      if (!largest) throw new Error("réseau vide");
      await analystPage.fill("#search-input", largest.name);
      await analystPage.keyboard.press("Enter");
      const people = analystPage.locator('[data-testid="details-people"] .person-name');
      await people.first().waitFor({ state: "visible", timeout: 30_000 });
      for (const name of await people.allTextContents()) expect(name).toMatch(/^Acteur [0-9A-Z]{8}$/);
      const text = await analystPage.locator("body").innerText();
      expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
      expect(text).not.toMatch(/(?:\+33\s?|\b0)[1-9](?:[\s.]?\d{2}){4}\b/);
      await analystPage.screenshot({ path: `${screenshots}analyst.png` });
    } finally {
      await context.close();
    }
  });
});
