import { mkdir, readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { DOMParser } from "@xmldom/xmldom";
import JSZip from "jszip";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { cspViolations, launchChromium, signedInContext } from "./browser";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { devLogin, type DevLoginResult } from "../src/api/auth";
import { fetchCollaborationNetwork, fetchTerritories, type Territory } from "../src/api/network";
import { fetchDashboardTrends, fetchNetworkShape } from "../src/api/dashboard";
import { deleteSavedView, listSavedViews, saveView } from "../src/api/savedViews";
import { normalise } from "../src/features/search/match";
import { defaultWindow } from "../src/features/timeWindow/timeWindow";

/**
 * Every export of the menu in headless Chromium: the downloaded files are opened and checked
 * (sizes, pixels, text, structure). Files and screenshots go to test-artifacts/exports/.
 */
const appUrl = inject("appUrl");
const artifacts = fileURLToPath(new URL("../../test-artifacts/exports/", import.meta.url));
const canvas = '[data-testid="network-canvas"]';

/** The PNG page around the picture, written here rather than read from the app: margins 24, gap 16, legend 220. */
const PNG_FRAME_WIDTH = 24 + 16 + 220 + 24;
const SOIN = [0x00, 0x72, 0xb2];
const A4 = [841.89, 595.28];
const WIDE = [960, 540];
// A 1×1 PNG, the picture of the saved view made by the PowerPoint test.
const PIXEL = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

let browser: Browser;
let endpoint: string;
let cevennes: Territory;
let gorges: Territory;
let coordinator: DevLoginResult;

interface Downloaded {
  name: string;
  bytes: Buffer;
}

/** Exports are measured at a fixed size and scale, and their files kept. */
function exportContext(login: DevLoginResult): Promise<BrowserContext> {
  return signedInContext(browser, login, { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, acceptDownloads: true });
}

async function openPage(page: Page, query: string): Promise<void> {
  await page.goto(`${appUrl}/?${query}`);
  await page.waitForSelector(`${canvas}[data-state="ready"][data-settled="true"]`, { timeout: 90_000 });
}

/** Opens the menu, clicks one entry and keeps the file it downloads. */
async function exportFile(page: Page, id: string): Promise<Downloaded> {
  if (process.env.EXPORTS_E2E_DEBUG) console.info(`export ${id}`);
  await page.click('[data-testid="export-menu-button"]');
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 90_000 }), page.click(`[data-export="${id}"]`)]);
  const name = download.suggestedFilename();
  const path = `${artifacts}${name}`;
  await download.saveAs(path);
  await page.waitForSelector('[data-testid="export-status"][data-state="done"]', { timeout: 10_000 });
  return { name, bytes: await readFile(path) };
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

interface PixelCounts {
  width: number;
  height: number;
  /** Pixels that are neither white nor transparent. */
  inked: number;
  /** Inked pixels inside the picture area (left of the legend). */
  pictureInked: number;
  /** Pixels of exactly the given colour in the legend column. */
  legendColour: number;
  cornerAlpha: number;
}

/** Decodes the PNG in the page and counts pixels. */
async function countPixels(page: Page, bytes: Buffer, legendFrom: number, colour: number[]): Promise<PixelCounts> {
  return page.evaluate(
    async ({ base64, legendFrom, colour }) => {
      const blob = await (await fetch(`data:image/png;base64,${base64}`)).blob();
      const image = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext("2d");
      if (!context) throw new Error("no context");
      context.drawImage(image, 0, 0);
      const { data, width, height } = context.getImageData(0, 0, image.width, image.height);
      let inked = 0;
      let pictureInked = 0;
      let legendColour = 0;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          const [r, g, b, a] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0, data[i + 3] ?? 0];
          const isInk = a > 0 && !(r > 250 && g > 250 && b > 250);
          if (isInk) inked++;
          if (isInk && x < legendFrom) pictureInked++;
          if (x >= legendFrom && a === 255 && r === colour[0] && g === colour[1] && b === colour[2]) legendColour++;
        }
      }
      return { width, height, inked, pictureInked, legendColour, cornerAlpha: data[3] ?? -1 };
    },
    { base64: bytes.toString("base64"), legendFrom, colour },
  );
}

/** Draws an exported SVG in its own page and keeps a screenshot of it, to look at. */
async function screenshotSvg(svg: Buffer, path: string): Promise<void> {
  const viewer = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  try {
    await viewer.setContent(`<body style="margin:0"><img id="svg" src="data:image/svg+xml;base64,${svg.toString("base64")}"></body>`);
    await viewer.waitForFunction(() => (document.getElementById("svg") as HTMLImageElement | null)?.complete ?? false);
    await viewer.locator("#svg").screenshot({ path });
  } finally {
    await viewer.close();
  }
}

function parseXml(text: string) {
  const errors: string[] = [];
  const document = new DOMParser({ onError: (level, message) => { if (level !== "warning") errors.push(message); } }).parseFromString(text, "text/xml");
  return { document, errors };
}

async function pdfText(bytes: Buffer): Promise<{ pages: number; view: number[]; text: string; title: unknown }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const first = await pdf.getPage(1);
  const content = await first.getTextContent();
  const text = content.items.map((item) => ("str" in item ? item.str : "")).join("\n");
  const meta = await pdf.getMetadata();
  const info = meta.info as Record<string, unknown>;
  return { pages: pdf.numPages, view: first.view, text, title: info.Title };
}

/**
 * Renders the PDF's first page with PDF.js in the page (served from node_modules under a routed
 * path) and returns it as PNG bytes, to look at. Plain JavaScript: vitest would rewrite `import()`.
 */
async function renderPdfPage(page: Page, bytes: Buffer): Promise<Buffer> {
  const origin = new URL(appUrl).origin;
  const files: Record<string, string> = { "pdf.mjs": "pdf.min.mjs", "pdf.worker.mjs": "pdf.worker.min.mjs" };
  await page.route(`${origin}/__pdfjs/*`, async (route) => {
    const name = files[new URL(route.request().url()).pathname.replace("/__pdfjs/", "")];
    if (!name) return route.fulfill({ status: 404 });
    const body = await readFile(fileURLToPath(new URL(`../../node_modules/pdfjs-dist/build/${name}`, import.meta.url)));
    return route.fulfill({ status: 200, contentType: "text/javascript", body });
  });
  const dataUrl = await page.evaluate(`(async () => {
    const pdfjs = await import("${origin}/__pdfjs/pdf.mjs");
    pdfjs.GlobalWorkerOptions.workerSrc = "${origin}/__pdfjs/pdf.worker.mjs";
    const data = Uint8Array.from(atob("${bytes.toString("base64")}"), (c) => c.charCodeAt(0));
    const pdf = await pdfjs.getDocument({ data }).promise;
    const first = await pdf.getPage(1);
    const viewport = first.getViewport({ scale: 1.5 });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(viewport.width);
    canvas.height = Math.round(viewport.height);
    await first.render({ canvas, canvasContext: canvas.getContext("2d"), viewport }).promise;
    return canvas.toDataURL("image/png");
  })()`);
  await page.unroute(`${origin}/__pdfjs/*`);
  if (typeof dataUrl !== "string") throw new Error("PDF.js n'a rien rendu");
  return Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ""), "base64");
}

beforeAll(async () => {
  await mkdir(artifacts, { recursive: true });
  endpoint = new URL("/graphql", appUrl).toString();
  coordinator = await devLogin("COORDINATOR", undefined, { baseUrl: appUrl });
  const territories = await fetchTerritories({ endpoint, token: coordinator.token });
  const find = (words: string) => {
    const found = territories.find((t) => normalise(t.name).includes(words));
    if (!found) throw new Error(`territoire de démonstration « ${words} » absent`);
    return found;
  };
  cevennes = find("pays cevennes");
  gorges = find("gorges causses");
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe("picture exports of Pays Cévennes' structures network", () => {
  let page: Page;
  let violations: string[] = [];
  let drawnNodes: number;
  let canvasWidth: number;

  beforeAll(async () => {
    page = await (await exportContext(coordinator)).newPage();
    violations = cspViolations(page);
    await openPage(page, `territory=${cevennes.id}&view=structures`);
    drawnNodes = Number(await page.getAttribute(canvas, "data-node-count"));
    canvasWidth = await page.locator(canvas).evaluate((element) => element.clientWidth);
    expect(drawnNodes).toBeGreaterThan(50);
  });

  it("opens the menu from the keyboard, moves with the arrows and closes with Escape", async () => {
    await page.focus('[data-testid="export-menu-button"]');
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-testid="export-menu"]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-export"))).toBe("png-1");
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-export"))).toBe("png-2");
    expect(await page.getAttribute('[data-testid="export-menu-button"]', "aria-expanded")).toBe("true");
    const labels = await page.locator("[data-export]").allTextContents();
    for (const label of ["PNG 1×", "PNG 4×", "SVG (vectoriel)", "PDF A4 paysage", "PDF 16:9", "PowerPoint (PPTX)", "GEXF pour Gephi", "GraphML", "CSV nœuds", "CSV liens", "Cytoscape JSON"]) {
      expect(labels.some((l) => l.startsWith(label))).toBe(true);
    }
    await page.screenshot({ path: `${artifacts}menu-open.png` });
    await page.keyboard.press("Escape");
    expect(await page.locator('[data-testid="export-menu"]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("export-menu-button");
  });

  it("exports PNG at 1×, 2× and 4×: sizes follow the scale, the picture is drawn, the legend is there", async () => {
    const sizes: Record<number, { width: number; height: number }> = {};
    for (const scale of [1, 2, 4] as const) {
      const file = await exportFile(page, `png-${scale}`);
      expect(file.name).toBe(`maillage_pays-cevennes_structures_${today()}_${scale}x.png`);
      const size = pngSize(file.bytes);
      sizes[scale] = size;
      expect(size.width).toBe((canvasWidth + PNG_FRAME_WIDTH) * scale);
      const pixels = await countPixels(page, file.bytes, size.width - (220 + 24) * scale, SOIN);
      expect(pixels.width).toBe(size.width);
      // Not blank: ties and nodes ink a good part of the picture.
      expect(pixels.pictureInked / (canvasWidth * scale * 400 * scale)).toBeGreaterThan(0.02);
      // The "Soin" swatch of the legend: a 12 px disc in the sector's exact colour.
      expect(pixels.legendColour).toBeGreaterThan(40 * scale * scale);
      expect(pixels.cornerAlpha).toBe(255);
    }
    const [one, two, four] = [sizes[1], sizes[2], sizes[4]];
    expect(Math.abs((two?.height ?? 0) - 2 * (one?.height ?? 0))).toBeLessThanOrEqual(2);
    expect(Math.abs((four?.height ?? 0) - 4 * (one?.height ?? 0))).toBeLessThanOrEqual(4);
  });

  it("exports a PNG with a transparent background when asked", async () => {
    await page.click('[data-testid="export-menu-button"]');
    await page.check('[data-testid="export-transparent"]');
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-export="png-1"]')]);
    const name = download.suggestedFilename();
    expect(name).toBe(`maillage_pays-cevennes_structures_${today()}_1x-transparent.png`);
    await download.saveAs(`${artifacts}${name}`);
    const bytes = await readFile(`${artifacts}${name}`);
    const pixels = await countPixels(page, bytes, pngSize(bytes).width - 244, SOIN);
    expect(pixels.cornerAlpha).toBe(0);
    expect(pixels.inked).toBeGreaterThan(1000);
    await page.click('[data-testid="export-menu-button"]');
    await page.uncheck('[data-testid="export-transparent"]');
    await page.keyboard.press("Escape");
  });

  it("exports SVG: well-formed, titled, with the legend and one shape per drawn node", async () => {
    const file = await exportFile(page, "svg");
    expect(file.name).toBe(`maillage_pays-cevennes_structures_${today()}.svg`);
    await screenshotSvg(file.bytes, `${artifacts}${file.name}.png`);
    const { document, errors } = parseXml(file.bytes.toString("utf8"));
    expect(errors).toEqual([]);
    expect(document.documentElement?.nodeName).toBe("svg");
    expect(document.getElementsByTagName("title")[0]?.textContent).toBe("Pays Cévennes — Structures");
    const texts = Array.from(document.getElementsByTagName("text")).map((t) => t.textContent ?? "");
    const legendOnPage = await page.locator('[data-testid="legend"] .legend-item:not(.legend-item--hidden) .legend-label').allTextContents();
    expect(legendOnPage.length).toBeGreaterThan(2);
    for (const label of legendOnPage) expect(texts).toContain(label);
    expect(texts).toContain("Données fictives");
    expect(texts.some((t) => t.startsWith("Source : Maillage — "))).toBe(true);
    const shapes = Array.from(document.getElementsByTagName("*")).filter((e) => e.getAttribute("class") === "node");
    expect(shapes).toHaveLength(drawnNodes);
    const edges = Number(await page.getAttribute(canvas, "data-edge-count"));
    const lines = Array.from(document.getElementsByTagName("g")).filter((g) => g.getAttribute("class") === "ties").reduce((n, g) => n + g.getElementsByTagName("line").length, 0);
    // Ties wholly off screen are left out, as on screen.
    expect(lines).toBeGreaterThan(edges * 0.9);
    expect(lines).toBeLessThanOrEqual(edges);
  });

  it.each([["pdf-a4", "a4", A4], ["pdf-wide", "16-9", WIDE]] as const)("exports %s: page size, extractable French title and notice", async (id, variant, size) => {
    const file = await exportFile(page, id);
    expect(file.name).toBe(`maillage_pays-cevennes_structures_${today()}_${variant}.pdf`);
    const pdf = await pdfText(file.bytes);
    expect(pdf.pages).toBe(1);
    expect(pdf.view[2]).toBeCloseTo(size[0] ?? 0, 1);
    expect(pdf.view[3]).toBeCloseTo(size[1] ?? 0, 1);
    expect(pdf.text).toContain("Pays Cévennes — Structures");
    expect(pdf.text).toContain("Données fictives");
    expect(pdf.text).toContain("Légende");
    expect(pdf.text).toContain("Éducation");
    expect(pdf.text).toMatch(/événements en commun/);
    expect(pdf.text).toMatch(/Source : Maillage — \d{1,2} \S+ \d{4}/);
    expect(pdf.title).toBe("Pays Cévennes — Structures");
    const rendered = await renderPdfPage(page, file.bytes);
    await writeFile(`${artifacts}${file.name}.page1.png`, rendered);
    const pixels = await countPixels(page, rendered, pngSize(rendered).width, SOIN);
    expect(pixels.inked).toBeGreaterThan(20_000);
  });

  it("exports a PowerPoint: a valid Office file, key figures, the current view, one slide per saved view, then the dashboard's charts", async () => {
    const options = { endpoint, token: coordinator.token };
    const name = `Vue d'export ${Date.now().toString(36)}`;
    const created = await saveView(
      { territoryId: cevennes.id, name, view: "structures", state: { version: 1 }, picture: PIXEL, legend: [{ label: "Soin", colour: "#0072B2", shape: "ellipse" }] },
      options,
    );
    const saved = await listSavedViews(cevennes.id, options);
    // The dashboard's figures, which `npm start` computes ahead (the test app does not warm up): the
    // years since the first contract cost minutes on a loaded machine, more than a download waits.
    const window = defaultWindow(cevennes.contracts);
    await Promise.all([fetchDashboardTrends(cevennes.id, 2025, {}, options), fetchNetworkShape(cevennes.id, window, {}, options)]);
    let file: Downloaded;
    try {
      file = await exportFile(page, "pptx");
    } finally {
      await deleteSavedView(created.id, options);
    }
    expect(file.name).toBe(`maillage_pays-cevennes_presentation_${today()}.pptx`);
    const zip = await JSZip.loadAsync(file.bytes);
    const names = Object.keys(zip.files);
    expect(names).toContain("[Content_Types].xml");
    expect(names).toContain("ppt/presentation.xml");
    const slides = names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    // Then one slide per Tableau de bord chart (issue 20): each a native chart, the heat map as tables.
    const charts = names.filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
    expect(charts.length).toBeGreaterThanOrEqual(10);
    expect(slides.length).toBeGreaterThan(2 + saved.length + charts.length);
    for (const name of names.filter((n) => n.endsWith(".xml") || n.endsWith(".rels"))) {
      expect(parseXml(await zip.file(name)?.async("string") ?? "").errors, name).toEqual([]);
    }
    expect(names.some((n) => /^ppt\/media\/.+\.png$/.test(n))).toBe(true);
    const first = (await zip.file("ppt/slides/slide1.xml")?.async("string")) ?? "";
    expect(first).toContain("Pays Cévennes en quelques chiffres");
    expect(first).toContain("structures");
    const second = (await zip.file("ppt/slides/slide2.xml")?.async("string")) ?? "";
    expect(second).toContain("Légende");
    expect(second).toMatch(/\d+ structures · /);
    const slideTexts = await Promise.all(slides.map(async (n) => (await zip.file(n)?.async("string")) ?? ""));
    expect(slideTexts.some((xml) => xml.includes(name.replace("'", "&apos;")) || xml.includes(name))).toBe(true);
  }, 480_000);

  it("exports the data formats with the positions on screen", async () => {
    const expectations: [string, RegExp, (text: string) => void][] = [
      ["gexf", /\.gexf$/, (text) => expect(text.match(/<node /g)?.length).toBe(drawnNodes)],
      ["graphml", /\.graphml$/, (text) => expect(text.match(/<node /g)?.length).toBe(drawnNodes)],
      ["csv-nodes", /\.csv$/, (text) => expect(text.startsWith("\uFEFF")).toBe(true)],
      ["csv-ties", /\.csv$/, (text) => expect(text.startsWith("\uFEFF")).toBe(true)],
      ["cytoscape-json", /\.cyjs$/, (text) => expect(JSON.parse(text)).toBeTypeOf("object")],
    ];
    for (const [id, extension, check] of expectations) {
      const file = await exportFile(page, id);
      expect(file.name).toMatch(/^maillage_pays-cevennes_structures_/);
      expect(file.name).toMatch(extension);
      check(file.bytes.toString("utf8"));
    }
  });

  it("exports under the Content-Security-Policy without a violation", () => {
    expect(violations).toEqual([]);
  });

  it("says in French what to do when an export fails", async () => {
    await page.route("**/graphql", (route) => route.abort());
    try {
      await page.click('[data-testid="export-menu-button"]');
      await page.click('[data-export="gexf"]');
      const alert = page.locator('[data-testid="export-status"][data-state="error"]');
      await alert.waitFor({ timeout: 15_000 });
      expect(await alert.getAttribute("role")).toBe("alert");
      const text = (await alert.textContent()) ?? "";
      expect(text).toContain("L'export GEXF pour Gephi a échoué.");
      expect(text).toContain("Impossible de joindre le serveur Maillage");
      await page.screenshot({ path: `${artifacts}error.png` });
    } finally {
      await page.unroute("**/graphql");
    }
  });
});

describe("picture exports of other views", () => {
  it("draws the commune contours under the map view in SVG and PNG", async () => {
    const page = await (await exportContext(coordinator)).newPage();
    await openPage(page, `territory=${gorges.id}&view=map&bench=1`);
    const svg = await exportFile(page, "svg");
    expect(svg.name).toBe(`maillage_cc-gorges-causses-cevennes_carte_${today()}.svg`);
    await screenshotSvg(svg.bytes, `${artifacts}${svg.name}.png`);
    const { document, errors } = parseXml(svg.bytes.toString("utf8"));
    expect(errors).toEqual([]);
    const communes = Array.from(document.getElementsByTagName("path")).filter((p) => p.getAttribute("class") === "commune");
    expect(communes.length).toBeGreaterThanOrEqual(17);
    const png = await exportFile(page, "png-2");
    // The map's neutral fill (#EEF1F4) covers a good part of the picture.
    const pixels = await countPixels(page, png.bytes, pngSize(png.bytes).width - 244 * 2, [0xee, 0xf1, 0xf4]);
    expect(pixels.pictureInked).toBeGreaterThan(10_000);
    // A small network: the PDF's picture is vector, node labels and commune contours included.
    const pdfFile = await exportFile(page, "pdf-a4");
    const pdf = await pdfText(pdfFile.bytes);
    expect(pdf.text).toContain("CC Gorges Causses Cévennes — Carte du territoire");
    const labelled = await page.evaluate(() => window.__maillageCy?.nodes(".labelled").map((n) => String(n.data("label"))) ?? []);
    expect(labelled.length).toBeGreaterThan(0);
    expect(labelled.some((label) => pdf.text.includes(label.slice(0, 12)))).toBe(true);
    await writeFile(`${artifacts}${pdfFile.name}.page1.png`, await renderPdfPage(page, pdfFile.bytes));
    await page.context().close();
  });

  it("shows analysts' pictures with pseudonyms only, as the page does", async () => {
    const analyst = await devLogin("ANALYST", undefined, { baseUrl: appUrl });
    const page = await (await exportContext(analyst)).newPage();
    await openPage(page, `territory=${gorges.id}&view=actors`);
    const svg = await exportFile(page, "svg");
    const labels = Array.from(parseXml(svg.bytes.toString("utf8")).document.getElementsByTagName("text"))
      .filter((t) => t.getAttribute("class") === "node-label")
      .map((t) => t.textContent ?? "");
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label).toMatch(/^Acteur [0-9A-Z]{8}$/);
    const named = await fetchCollaborationNetwork(gorges.id, "ACTOR", defaultWindow(gorges.contracts), { minWeight: 8 }, { endpoint, token: coordinator.token });
    const realNames = new Set(named.nodes.map((n) => n.name));
    expect(realNames.size).toBeGreaterThan(0);
    for (const label of labels) expect(realNames.has(label)).toBe(false);
    await page.context().close();
  });
});
