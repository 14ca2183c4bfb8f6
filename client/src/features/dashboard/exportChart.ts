/**
 * A drawn chart as a file of its own: the chart's SVG(s) stacked under its title, unit and period,
 * with the source line below, as SVG (vector) or PNG (2×).
 */
import { saveBlob } from "../export/download";
import { isoDay, slugify } from "../export/fileName";
import type { ChartText } from "./charts";
import { dashboardTexts as t } from "./texts";

const SVG_NS = "http://www.w3.org/2000/svg";
const HEADER = 58;
const FOOTER = 30;
const PAD = 16;

const escapeXml = (text: string): string => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

function textLine(x: number, y: number, text: string, size: number, weight: string, fill: string): string {
  return `<text x="${x}" y="${y}" font-family="Arial, sans-serif" font-size="${size}" font-weight="${weight}" fill="${fill}">${escapeXml(text)}</text>`;
}

/** The standalone SVG document of the chart drawn in `drawn` (tips left out). */
export function chartSvg(drawn: Element, chart: ChartText): { svg: string; width: number; height: number } {
  const parts: string[] = [];
  let y = HEADER;
  let width = 320;
  // The outermost SVGs only (a heat map draws one per EPCI).
  const svgs = drawn instanceof SVGSVGElement ? [drawn] : [...drawn.querySelectorAll("svg")].filter((node) => node.parentElement?.closest("svg") == null);
  for (const node of svgs) {
    const clone = node.cloneNode(true) as SVGSVGElement;
    clone.querySelectorAll('[aria-label="tip"]').forEach((tip) => tip.remove());
    const w = Number(clone.getAttribute("width")) || node.getBoundingClientRect().width;
    const h = Number(clone.getAttribute("height")) || node.getBoundingClientRect().height;
    clone.setAttribute("x", String(PAD));
    clone.setAttribute("y", String(y));
    clone.setAttribute("xmlns", SVG_NS);
    parts.push(new XMLSerializer().serializeToString(clone));
    y += h + 6;
    width = Math.max(width, w + 2 * PAD);
  }
  const height = y + FOOTER;
  const header = [
    textLine(PAD, 24, chart.title, 17, "bold", "#1F2937"),
    textLine(PAD, 44, `${t.unit(chart.unit)} · ${t.period(chart.period)}`, 12, "normal", "#4B5563"),
  ].join("");
  const footer = textLine(PAD, height - 10, chart.source, 11, "normal", "#4B5563");
  const svg = `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="white"/>${header}${parts.join("")}${footer}</svg>`;
  return { svg, width, height };
}

export function chartFileName(territoryName: string, chart: ChartText, extension: string, date = new Date()): string {
  return `maillage-${slugify(territoryName)}-${chart.id}-${isoDay(date)}.${extension}`;
}

export function exportChartSvg(drawn: Element, chart: ChartText, territoryName: string): void {
  const { svg } = chartSvg(drawn, chart);
  saveBlob(new Blob([svg], { type: "image/svg+xml" }), chartFileName(territoryName, chart, "svg"));
}

/** The chart as PNG at twice its size. */
export async function chartPng(drawn: Element, chart: ChartText, scale = 2): Promise<Blob> {
  const { svg, width, height } = chartSvg(drawn, chart);
  const image = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("image SVG illisible"));
      image.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("canvas 2D indisponible");
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG vide"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function exportChartPng(drawn: Element, chart: ChartText, territoryName: string): Promise<void> {
  saveBlob(await chartPng(drawn, chart), chartFileName(territoryName, chart, "png"));
}
