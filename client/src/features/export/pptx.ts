/** Writes the presentation (slides.ts) with PptxGenJS, in the 16:9 widescreen layout. */
import PptxGenJS from "pptxgenjs";
import type { ChartSlide } from "./chartSlides";
import type { Presentation, SlideLegendRow, ViewSlide } from "./slides";

const WIDTH = 13.333;
const MARGIN = 0.4;
const TEXT = "1F2937";
const MUTED = "4B5563";
const BRAND = "0B4F6C";
const DEMO = "9A3412";
const FONT = "Arial";

const hex = (colour: string): string => {
  const match = /^#?([0-9a-f]{6})$/i.exec(colour.trim());
  if (match?.[1]) return match[1].toUpperCase();
  const rgb = /^rgba?\((\d+)\s*,\s*(\d+)\s*,\s*(\d+)/i.exec(colour);
  if (!rgb) return "808080";
  return rgb.slice(1, 4).map((c) => Number(c).toString(16).padStart(2, "0")).join("").toUpperCase();
};

type Slide = ReturnType<PptxGenJS["addSlide"]>;

function footer(slide: Slide, presentation: Presentation): void {
  slide.addText(presentation.source, { x: MARGIN, y: 7.0, w: 8, h: 0.35, fontSize: 10, color: MUTED, fontFace: FONT });
  if (presentation.demo) {
    slide.addText(presentation.demo, { x: WIDTH - MARGIN - 4, y: 7.0, w: 4, h: 0.35, fontSize: 11, bold: true, color: DEMO, align: "right", fontFace: FONT });
  }
}

function figuresSlide(pptx: PptxGenJS, presentation: Presentation): void {
  const slide = pptx.addSlide();
  slide.addText(presentation.title, { x: MARGIN, y: 0.35, w: WIDTH - 2 * MARGIN, h: 0.8, fontSize: 30, bold: true, color: TEXT, fontFace: FONT });
  slide.addText(presentation.figuresNote, { x: MARGIN, y: 1.1, w: WIDTH - 2 * MARGIN, h: 0.4, fontSize: 14, color: MUTED, fontFace: FONT });
  const columns = 4;
  const cellWidth = (WIDTH - 2 * MARGIN) / columns;
  presentation.figures.forEach((figure, i) => {
    const x = MARGIN + (i % columns) * cellWidth;
    const y = 1.75 + Math.floor(i / columns) * 1.65;
    slide.addText(
      [
        { text: figure.value, options: { fontSize: 32, bold: true, color: BRAND, breakLine: true } },
        { text: figure.label, options: { fontSize: 14, color: TEXT } },
      ],
      { x, y, w: cellWidth - 0.15, h: 1.45, fontFace: FONT, valign: "top", fill: { color: "F3F6F9" } },
    );
  });
  footer(slide, presentation);
}

function legendSymbol(pptx: PptxGenJS, slide: Slide, row: SlideLegendRow, x: number, y: number, size: number): void {
  const colour = hex(row.colour);
  const line = { color: row.shape === "ring" ? colour : "4B5563", width: row.shape === "ring" ? 2 : 0.75, dashType: row.dashed ? ("dash" as const) : ("solid" as const) };
  switch (row.shape) {
    case "line":
      slide.addShape(pptx.ShapeType.line, { x, y: y + size / 2, w: size * 1.6, h: 0, line: { color: colour, width: 2.5, dashType: row.dashed ? "dash" : "solid" } });
      return;
    case "ring":
      slide.addShape(pptx.ShapeType.ellipse, { x, y, w: size, h: size, fill: { color: "FFFFFF" }, line });
      return;
    case "diamond":
      slide.addShape(pptx.ShapeType.diamond, { x, y, w: size, h: size, fill: { color: colour }, line });
      return;
    case "round-rectangle":
      slide.addShape(pptx.ShapeType.roundRect, { x, y, w: size, h: size, fill: { color: colour }, line, rectRadius: 0.05 });
      return;
    case "area":
    case "rectangle":
      slide.addShape(pptx.ShapeType.rect, { x, y, w: size, h: size, fill: { color: colour }, line });
      return;
    default:
      slide.addShape(pptx.ShapeType.ellipse, { x, y, w: size, h: size, fill: { color: colour }, line });
  }
}

function viewSlide(pptx: PptxGenJS, presentation: Presentation, view: ViewSlide, legendTitle: string): void {
  const slide = pptx.addSlide();
  slide.addText(view.title, { x: MARGIN, y: 0.2, w: WIDTH - 2 * MARGIN, h: 0.6, fontSize: 22, bold: true, color: TEXT, fontFace: FONT, fit: "shrink" });
  slide.addText(view.subtitle, { x: MARGIN, y: 0.8, w: WIDTH - 2 * MARGIN, h: 0.5, fontSize: 11, color: MUTED, fontFace: FONT, fit: "shrink", valign: "top" });
  const area = { x: MARGIN, y: 1.4, w: 9.5, h: 5.1 };
  if (view.picture) {
    const aspect = view.pictureAspect > 0 ? view.pictureAspect : 1;
    const w = Math.min(area.w, area.h * aspect);
    const h = w / aspect;
    slide.addImage({ data: view.picture, x: area.x + (area.w - w) / 2, y: area.y + (area.h - h) / 2, w, h });
  } else {
    slide.addText(view.pictureNote ?? "", { ...area, fontSize: 14, color: MUTED, align: "center", valign: "middle", fontFace: FONT, fill: { color: "F3F6F9" } });
  }
  const legendX = area.x + area.w + 0.25;
  const legendWidth = WIDTH - MARGIN - legendX;
  slide.addText(legendTitle, { x: legendX, y: area.y, w: legendWidth, h: 0.35, fontSize: 14, bold: true, color: TEXT, fontFace: FONT });
  const rowHeight = Math.min(0.32, (area.h - 0.45) / Math.max(1, view.legend.length));
  view.legend.forEach((row, i) => {
    const y = area.y + 0.45 + i * rowHeight;
    const size = Math.min(0.18, rowHeight * 0.7);
    legendSymbol(pptx, slide, row, legendX, y + (rowHeight - size) / 2 - 0.02, size);
    const label = row.count ? `${row.label} (${row.count})` : row.label;
    slide.addText(label, { x: legendX + 0.35, y, w: legendWidth - 0.35, h: rowHeight, fontSize: 10, color: TEXT, fontFace: FONT, valign: "middle", fit: "shrink" });
  });
  slide.addText(presentation.figuresLine, { x: MARGIN, y: 6.6, w: WIDTH - 2 * MARGIN, h: 0.35, fontSize: 11, color: BRAND, fontFace: FONT, fit: "shrink" });
  footer(slide, presentation);
}

/** A dashboard chart as a native PowerPoint chart (its values editable in PowerPoint), or a table. */
function chartSlide(pptx: PptxGenJS, presentation: Presentation, slideData: ChartSlide): void {
  const slide = pptx.addSlide();
  slide.addText(slideData.title, { x: MARGIN, y: 0.2, w: WIDTH - 2 * MARGIN, h: 0.6, fontSize: 22, bold: true, color: TEXT, fontFace: FONT, fit: "shrink" });
  slide.addText(slideData.subtitle, { x: MARGIN, y: 0.8, w: WIDTH - 2 * MARGIN, h: 0.4, fontSize: 12, color: MUTED, fontFace: FONT, fit: "shrink" });
  const area = { x: MARGIN, y: 1.3, w: WIDTH - 2 * MARGIN, h: 5.2 };
  const { chart, table } = slideData;
  if (chart) {
    // Horizontal bars are drawn from the bottom up: reversed, the first category is at the top, as on the page.
    const order = <T,>(list: readonly T[]): T[] => (chart.horizontal ? [...list].reverse() : [...list]);
    const data = chart.series.map((series) => ({ name: series.name, labels: order(chart.labels), values: order(series.values) }));
    slide.addChart(chart.type === "line" ? pptx.ChartType.line : pptx.ChartType.bar, data, {
      ...area,
      barDir: chart.horizontal ? "bar" : "col",
      ...(chart.logScale ? { valAxisLogScaleBase: 10 } : {}),
      chartColors: [BRAND],
      showLegend: chart.series.length > 1,
      showCatAxisTitle: true,
      catAxisTitle: chart.categoryLabel,
      showValAxisTitle: true,
      valAxisTitle: chart.valueLabel,
      catAxisLabelFontSize: 10,
      valAxisLabelFontSize: 10,
      catAxisLabelFontFace: FONT,
      valAxisLabelFontFace: FONT,
      // Densities (0 to 1) with three decimals, counts and hours as whole numbers.
      valAxisLabelFormatCode: Math.max(...chart.series.flatMap((series) => series.values)) < 1 ? "0.000" : "#,##0",
      dataLabelFormatCode: "#,##0",
      lineDataSymbol: "circle",
      lineDataSymbolSize: 6,
      showValue: chart.horizontal,
      dataLabelFontSize: 9,
    });
  } else if (table) {
    const header = table.header.map((text) => ({ text, options: { bold: true, fill: { color: "F3F6F9" } } }));
    slide.addTable([header, ...table.rows.map((row) => row.map((text) => ({ text })))], {
      x: area.x, y: area.y, w: area.w, fontSize: 8, fontFace: FONT, color: TEXT, border: { type: "solid", pt: 0.5, color: "D1D5DB" }, autoPage: false,
    });
  }
  slide.addText(slideData.source, { x: MARGIN, y: 6.6, w: WIDTH - 2 * MARGIN, h: 0.35, fontSize: 10, color: MUTED, fontFace: FONT, fit: "shrink" });
  footer(slide, presentation);
}

/** The .pptx file: a Blob in the browser, bytes in Node (tests). */
export async function writePptx(presentation: Presentation, legendTitle: string, output: "blob" | "uint8array"): Promise<Blob | Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_WIDE";
  pptx.title = presentation.title;
  pptx.author = "Maillage";
  pptx.company = "Maillage";
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  figuresSlide(pptx, presentation);
  for (const view of presentation.views) viewSlide(pptx, presentation, view, legendTitle);
  for (const chart of presentation.charts) chartSlide(pptx, presentation, chart);
  const written = await pptx.write({ outputType: output, compression: true });
  if (output === "blob" && written instanceof Blob) return written;
  if (output === "uint8array" && written instanceof Uint8Array) return written;
  throw new Error("PptxGenJS: sortie inattendue");
}
