/**
 * One function per picture format, each from the live canvas to a Blob. Loaded on demand by the
 * menu (jsPDF, svg2pdf.js and PptxGenJS stay out of the page's first download).
 */
import type { Core } from "cytoscape";
import { jsPDF } from "jspdf";
import { svg2pdf } from "svg2pdf.js";
import type { ExportFrame } from "./frame";
import { layoutAroundPicture, layoutOnPage, PAGE_SIZES } from "./layout";
import { canvasMeasure } from "./measure";
import { canvasBlob, drawSvg, newCanvas, renderPicture, type PictureMap } from "./picture";
import { readScene } from "./readScene";
import type { Scene } from "./scene";
import { documentSvg } from "./svgWriter";
import { toWinAnsi } from "./winAnsi";

export type PdfPage = keyof typeof PAGE_SIZES;

/** Above this many ties and nodes, the PDF holds the picture as an image (vector stays under 5 s). */
export const VECTOR_PDF_MAX_ELEMENTS = 4_000;
/** Resolution of the PDF's picture when it is an image. */
const PDF_IMAGE_DPI = 220;

const emptyScene = (cy: Core): Scene => ({ width: cy.width(), height: cy.height(), areas: [], areaLabels: [], edges: [], nodes: [], labels: [] });

export async function exportPng(cy: Core, map: PictureMap | null, frame: ExportFrame, scale: number, transparent: boolean): Promise<Blob> {
  const layout = layoutAroundPicture(frame, { width: cy.width(), height: cy.height() }, canvasMeasure());
  const { canvas, context } = newCanvas(Math.round(layout.page.width * scale), Math.round(layout.page.height * scale));
  if (!transparent) {
    context.fillStyle = "#FFFFFF";
    context.fillRect(0, 0, canvas.width, canvas.height);
  }
  const picture = await renderPicture(cy, map, scale, null);
  context.drawImage(picture, Math.round(layout.picture.x * scale), Math.round(layout.picture.y * scale));
  const frameSvg = documentSvg(emptyScene(cy), frame, layout, { background: null, withPicture: false });
  await drawSvg(context, frameSvg, canvas.width, canvas.height);
  return canvasBlob(canvas, "image/png");
}

export function exportSvg(cy: Core, map: PictureMap | null, frame: ExportFrame): Blob {
  const scene = readScene(cy, map);
  const layout = layoutAroundPicture(frame, { width: scene.width, height: scene.height }, canvasMeasure());
  return new Blob([documentSvg(scene, frame, layout, { background: "#FFFFFF", withPicture: true })], { type: "image/svg+xml;charset=utf-8" });
}

function winAnsiFrame(frame: ExportFrame): ExportFrame {
  return {
    ...frame,
    title: toWinAnsi(frame.title),
    subtitle: toWinAnsi(frame.subtitle),
    legendTitle: toWinAnsi(frame.legendTitle),
    legend: frame.legend.map((s) => ({ title: s.title && toWinAnsi(s.title), rows: s.rows.map((r) => ({ ...r, label: toWinAnsi(r.label), count: r.count && toWinAnsi(r.count) })) })),
    notes: frame.notes.map(toWinAnsi),
    source: toWinAnsi(frame.source),
    demo: frame.demo && toWinAnsi(frame.demo),
  };
}

/** svg2pdf reads a live SVG element; it is parsed, attached out of sight for the time of the drawing. */
async function drawSvgInPdf(doc: jsPDF, svg: string, width: number, height: number): Promise<void> {
  const parsed = new DOMParser().parseFromString(svg, "image/svg+xml").documentElement;
  const host = document.createElement("div");
  host.style.cssText = "position:fixed;left:-100000px;top:0;width:0;height:0;overflow:hidden";
  host.append(document.importNode(parsed, true));
  document.body.append(host);
  try {
    const element = host.firstElementChild;
    if (!element) throw new Error("SVG vide");
    await svg2pdf(element, doc, { x: 0, y: 0, width, height });
  } finally {
    host.remove();
  }
}

/**
 * A PDF page with the title, subtitle, legend and source as real text (Helvetica, WinAnsi: French
 * accents, œ and ’ included). The picture is vector up to VECTOR_PDF_MAX_ELEMENTS, an image above.
 */
export async function exportPdf(cy: Core, map: PictureMap | null, frame: ExportFrame, pageKind: PdfPage): Promise<{ blob: Blob; isVector: boolean }> {
  const page = PAGE_SIZES[pageKind];
  const doc = new jsPDF({ orientation: "landscape", unit: "pt", format: [page.width, page.height], compress: true });
  const pdfFrame = winAnsiFrame(frame);
  const measure = (text: string, size: number, bold: boolean) => {
    doc.setFont("helvetica", bold ? "bold" : "normal");
    return doc.getStringUnitWidth(text) * size;
  };
  const layout = layoutOnPage(pdfFrame, page, cy.width() / Math.max(1, cy.height()), measure);
  const elementCount = cy.edges().length + cy.nodes().length;
  const isVector = elementCount <= VECTOR_PDF_MAX_ELEMENTS;
  if (isVector) {
    const scene = readScene(cy, map);
    for (const node of scene.nodes) if (node.label) node.label.text = toWinAnsi(node.label.text);
    for (const label of [...scene.labels, ...scene.areaLabels]) label.text = toWinAnsi(label.text);
    await drawSvgInPdf(doc, documentSvg(scene, pdfFrame, layout, { background: null, withPicture: true }), page.width, page.height);
  } else {
    const scale = Math.min(4, Math.max(1, (layout.picture.width / 72) * PDF_IMAGE_DPI / cy.width()));
    const picture = await renderPicture(cy, map, scale, "#FFFFFF");
    doc.addImage(picture.toDataURL("image/jpeg", 0.92), "JPEG", layout.picture.x, layout.picture.y, layout.picture.width, layout.picture.height, undefined, "FAST");
    await drawSvgInPdf(doc, documentSvg(emptyScene(cy), pdfFrame, layout, { background: null, withPicture: false }), page.width, page.height);
  }
  doc.setProperties({ title: pdfFrame.title, subject: pdfFrame.subtitle, creator: "Maillage", author: "Maillage" });
  doc.setLanguage("fr");
  return { blob: doc.output("blob"), isVector };
}

/** The picture alone (map and network), as a PNG data URL for slides. */
export async function pictureDataUrl(cy: Core, map: PictureMap | null, scale: number): Promise<string> {
  const canvas = await renderPicture(cy, map, scale, "#FFFFFF");
  const blob = await canvasBlob(canvas, "image/png");
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => (typeof reader.result === "string" ? resolve(reader.result) : reject(new Error("lecture impossible")));
    reader.onerror = () => reject(reader.error ?? new Error("lecture impossible"));
    reader.readAsDataURL(blob);
  });
}
