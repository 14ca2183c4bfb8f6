/**
 * Where the title, subtitle, legend, picture and source line go on an export page. Pure: the caller
 * gives a text measure (canvas `measureText`, jsPDF `getTextWidth`, or an estimate in tests). Units
 * are the caller's (CSS pixels for PNG and SVG, points for PDF); the sizes below read well in both.
 */
import type { ExportFrame, LegendSymbol } from "./frame";

export type MeasureText = (text: string, size: number, bold: boolean) => number;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TextLine {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  size: number;
  bold: boolean;
  colour: string;
  anchor: "start" | "end";
}

export interface PlacedSymbol {
  symbol: LegendSymbol;
  box: Box;
}

export interface FrameLayout {
  page: { width: number; height: number };
  picture: Box;
  texts: TextLine[];
  symbols: PlacedSymbol[];
  legendBox: Box;
}

export const METRICS = {
  margin: 24,
  gap: 16,
  titleSize: 22,
  subtitleSize: 12,
  legendTitleSize: 14,
  sectionSize: 11,
  rowSize: 11,
  noteSize: 10,
  footerSize: 10,
  lineGap: 1.3,
  symbol: 12,
  legendWidth: 220,
} as const;

export const TEXT_COLOUR = "#1F2937";
export const MUTED_COLOUR = "#4B5563";
/** The demo notice: the page's badge colour family, dark enough for AA contrast on white. */
export const DEMO_COLOUR = "#9A3412";

/** Splits `text` into lines no wider than `width`; a single word wider than that stays on its line. */
export function wrap(text: string, width: number, size: number, bold: boolean, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate, size, bold) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Keeps at most `max` lines, the last one ending with an ellipsis when some were dropped. */
function clampLines(lines: string[], max: number): string[] {
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = `${kept[max - 1] ?? ""} …`;
  return kept;
}

interface Block {
  height: number;
  /** Places the block with its top-left corner at (x, y). */
  place: (x: number, y: number, texts: TextLine[], symbols: PlacedSymbol[]) => void;
}

function textBlock(lines: string[], size: number, bold: boolean, colour: string): Block {
  const lineHeight = size * METRICS.lineGap;
  return {
    height: lines.length * lineHeight,
    place: (x, y, texts) => {
      lines.forEach((text, i) => texts.push({ text, x, y: y + size + i * lineHeight, size, bold, colour, anchor: "start" }));
    },
  };
}

/** The legend column: its title, each section (subtitle, rows of symbol + label + count), then notes. */
function legendBlock(frame: ExportFrame, width: number, measure: MeasureText): Block {
  const m = METRICS;
  const parts: { height: number; place: Block["place"] }[] = [];
  parts.push(textBlock([frame.legendTitle], m.legendTitleSize, true, TEXT_COLOUR));
  for (const section of frame.legend) {
    if (section.title) {
      const title = textBlock(wrap(section.title, width, m.sectionSize, true, measure), m.sectionSize, true, MUTED_COLOUR);
      parts.push({ height: title.height + 4, place: (x, y, t, s) => title.place(x, y + 4, t, s) });
    }
    for (const row of section.rows) {
      const symbolWidth = row.symbol.kind === "ramp" ? m.symbol * row.symbol.colours.length : row.symbol.kind === "line" ? m.symbol * 1.6 : m.symbol;
      const countWidth = row.count ? measure(row.count, m.rowSize, false) + 8 : 0;
      const labelX = symbolWidth + 8;
      const lines = wrap(row.label, Math.max(40, width - labelX - countWidth), m.rowSize, false, measure);
      const lineHeight = m.rowSize * m.lineGap;
      const height = Math.max(m.symbol, lines.length * lineHeight) + 6;
      parts.push({
        height,
        place: (x, y, texts, symbols) => {
          symbols.push({ symbol: row.symbol, box: { x, y: y + 3, width: symbolWidth, height: m.symbol } });
          lines.forEach((text, i) => texts.push({ text, x: x + labelX, y: y + 3 + m.rowSize * 0.85 + i * lineHeight, size: m.rowSize, bold: false, colour: TEXT_COLOUR, anchor: "start" }));
          if (row.count) texts.push({ text: row.count, x: x + width, y: y + 3 + m.rowSize * 0.85, size: m.rowSize, bold: false, colour: MUTED_COLOUR, anchor: "end" });
        },
      });
    }
  }
  for (const note of frame.notes) {
    const block = textBlock(wrap(note, width, m.noteSize, false, measure), m.noteSize, false, MUTED_COLOUR);
    parts.push({ height: block.height + 4, place: (x, y, t, s) => block.place(x, y + 4, t, s) });
  }
  return {
    height: parts.reduce((sum, p) => sum + p.height, 0),
    place: (x, y, texts, symbols) => {
      let top = y;
      for (const part of parts) {
        part.place(x, top, texts, symbols);
        top += part.height;
      }
    },
  };
}

function header(frame: ExportFrame, width: number, measure: MeasureText): Block {
  const m = METRICS;
  const title = textBlock(clampLines(wrap(frame.title, width, m.titleSize, true, measure), 2), m.titleSize, true, TEXT_COLOUR);
  const subtitle = textBlock(clampLines(wrap(frame.subtitle, width, m.subtitleSize, false, measure), 3), m.subtitleSize, false, MUTED_COLOUR);
  return {
    height: title.height + 4 + subtitle.height,
    place: (x, y, texts, symbols) => {
      title.place(x, y, texts, symbols);
      subtitle.place(x, y + title.height + 4, texts, symbols);
    },
  };
}

function footerTexts(frame: ExportFrame, page: { width: number; height: number }): TextLine[] {
  const m = METRICS;
  const y = page.height - m.margin;
  const texts: TextLine[] = [{ text: frame.source, x: m.margin, y, size: m.footerSize, bold: false, colour: MUTED_COLOUR, anchor: "start" }];
  if (frame.demo) texts.push({ text: frame.demo, x: page.width - m.margin, y, size: m.footerSize + 1, bold: true, colour: DEMO_COLOUR, anchor: "end" });
  return texts;
}

const footerHeight = () => METRICS.footerSize * METRICS.lineGap;

/**
 * A page made around a picture of the given size (PNG, SVG): the picture keeps its size, the legend
 * sits on its right, the page grows to hold both.
 */
export function layoutAroundPicture(frame: ExportFrame, picture: { width: number; height: number }, measure: MeasureText): FrameLayout {
  const m = METRICS;
  const width = m.margin + picture.width + m.gap + m.legendWidth + m.margin;
  const top = header(frame, width - 2 * m.margin, measure);
  const legend = legendBlock(frame, m.legendWidth, measure);
  const contentTop = m.margin + top.height + m.gap;
  const contentHeight = Math.max(picture.height, legend.height);
  const height = contentTop + contentHeight + m.gap + footerHeight() + m.margin;
  const texts: TextLine[] = [];
  const symbols: PlacedSymbol[] = [];
  top.place(m.margin, m.margin, texts, symbols);
  const legendBox = { x: m.margin + picture.width + m.gap, y: contentTop, width: m.legendWidth, height: legend.height };
  legend.place(legendBox.x, legendBox.y, texts, symbols);
  const page = { width, height };
  texts.push(...footerTexts(frame, page));
  return { page, picture: { x: m.margin, y: contentTop, width: picture.width, height: picture.height }, texts, symbols, legendBox };
}

/**
 * A page of a fixed size (PDF): header on top, source line at the bottom, the legend on the right,
 * the picture as large as the rest allows with its own proportions, centred.
 */
export function layoutOnPage(frame: ExportFrame, page: { width: number; height: number }, pictureAspect: number, measure: MeasureText): FrameLayout {
  const m = METRICS;
  const legendWidth = Math.min(m.legendWidth, Math.max(150, page.width * 0.24));
  const top = header(frame, page.width - 2 * m.margin, measure);
  const legend = legendBlock(frame, legendWidth, measure);
  const contentTop = m.margin + top.height + m.gap;
  const contentBottom = page.height - m.margin - footerHeight() - m.gap;
  const area = { x: m.margin, y: contentTop, width: page.width - 2 * m.margin - m.gap - legendWidth, height: Math.max(1, contentBottom - contentTop) };
  const aspect = pictureAspect > 0 && Number.isFinite(pictureAspect) ? pictureAspect : 1;
  const pictureWidth = Math.min(area.width, area.height * aspect);
  const pictureHeight = pictureWidth / aspect;
  const picture = { x: area.x + (area.width - pictureWidth) / 2, y: area.y + (area.height - pictureHeight) / 2, width: pictureWidth, height: pictureHeight };
  const texts: TextLine[] = [];
  const symbols: PlacedSymbol[] = [];
  top.place(m.margin, m.margin, texts, symbols);
  const legendBox = { x: page.width - m.margin - legendWidth, y: contentTop, width: legendWidth, height: Math.min(legend.height, area.height) };
  const legendTexts: TextLine[] = [];
  const legendSymbols: PlacedSymbol[] = [];
  legend.place(legendBox.x, legendBox.y, legendTexts, legendSymbols);
  // A legend taller than the page keeps the rows that fit (a page cannot grow).
  texts.push(...legendTexts.filter((t) => t.y <= contentBottom));
  symbols.push(...legendSymbols.filter((s) => s.box.y + s.box.height <= contentBottom));
  texts.push(...footerTexts(frame, page));
  return { page, picture, texts, symbols, legendBox };
}

/** Page sizes in points: A4 landscape, and 16:9 as PowerPoint's widescreen slide (13.33 × 7.5 in). */
export const PAGE_SIZES = {
  a4: { width: 841.89, height: 595.28 },
  wide: { width: 960, height: 540 },
} as const;
