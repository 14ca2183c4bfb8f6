/**
 * What the PowerPoint holds, as plain data: a first slide of key figures, then one slide per view
 * (the saved views, or the current one), each with its picture, legend and the key figures line,
 * then one slide per chart of the Tableau de bord.
 */
import type { KeyFigures } from "../../api/keyFigures";
import type { SavedViewSummary } from "../../api/savedViews";
import { formatCount, fr } from "../../i18n/fr";
import type { ChartSlide } from "./chartSlides";
import type { ExportFrame } from "./frame";

export interface SlideLegendRow {
  label: string;
  /** `#RRGGBB`. */
  colour: string;
  /** A node shape (`ellipse`, `diamond`, `round-rectangle`), or `line`, `ring`, `area`. */
  shape: string;
  dashed: boolean;
  count: string | null;
}

export interface ViewSlide {
  title: string;
  subtitle: string;
  /** PNG data URL, or null with a note saying why there is none. */
  picture: string | null;
  /** Width / height of the picture. */
  pictureAspect: number;
  pictureNote: string | null;
  legend: SlideLegendRow[];
}

export interface Presentation {
  title: string;
  /** Value and what it counts, in reading order. */
  figures: { value: string; label: string }[];
  figuresNote: string;
  /** "277 structures · 1 321 acteurs actifs…": under every view slide. */
  figuresLine: string;
  source: string;
  demo: string | null;
  views: ViewSlide[];
  /** The Tableau de bord's charts, after the views (chartSlides.ts). */
  charts: ChartSlide[];
}

export function keyFigureCells(k: KeyFigures): { value: string; label: string }[] {
  const f = fr.exports.figures;
  return [
    { value: formatCount(k.structures), label: f.structures },
    { value: formatCount(k.institutions), label: f.institutions },
    { value: formatCount(k.actors), label: f.actors },
    { value: formatCount(k.activeActors), label: f.activeActors },
    { value: formatCount(k.workGroups), label: f.workGroups },
    { value: formatCount(k.axes), label: f.axes },
    { value: formatCount(k.events), label: f.events },
    { value: formatCount(Math.round(k.volunteerHours)), label: f.volunteerHours },
    { value: formatCount(k.inhabitants), label: f.inhabitants },
    { value: formatCount(k.communes), label: f.communes },
    { value: formatCount(k.epcis), label: f.epcis },
  ];
}

export function keyFiguresLine(k: KeyFigures): string {
  const f = fr.exports.figures;
  return [
    `${formatCount(k.structures)} ${f.structures}`,
    `${formatCount(k.activeActors)} ${f.activeActors}`,
    `${formatCount(k.workGroups)} ${f.workGroups}`,
    `${formatCount(k.events)} ${f.events}`,
    `${formatCount(k.communes)} ${f.communes}`,
    `${formatCount(k.inhabitants)} ${f.inhabitants}`,
  ].join(" · ");
}

/** The frame's legend as slide rows (one colour and shape each). */
export function frameLegendRows(frame: ExportFrame): SlideLegendRow[] {
  return frame.legend.flatMap((section) =>
    section.rows.map((row): SlideLegendRow => {
      const { symbol } = row;
      const count = row.count;
      switch (symbol.kind) {
        case "node":
          return { label: row.label, colour: symbol.fill, shape: symbol.shape, dashed: false, count };
        case "line":
          return { label: row.label, colour: symbol.colour, shape: "line", dashed: symbol.dashed, count };
        case "ring":
          return { label: row.label, colour: symbol.colour, shape: "ring", dashed: symbol.dashed, count };
        case "area":
          return { label: row.label, colour: symbol.fill, shape: "area", dashed: symbol.hatch !== null, count };
        case "ramp":
          return { label: section.title ? `${section.title} (${row.label})` : row.label, colour: symbol.colours[symbol.colours.length - 1] ?? "#000000", shape: "area", dashed: false, count };
      }
    }),
  );
}

export function currentViewSlide(frame: ExportFrame, picture: string, pictureAspect: number): ViewSlide {
  return { title: frame.title, subtitle: frame.subtitle, picture, pictureAspect, pictureNote: null, legend: frameLegendRows(frame) };
}

export function savedViewSlide(view: SavedViewSummary, territoryName: string, viewName: string, pictureAspect: number | null): ViewSlide {
  const picture = view.isPictureWithheld ? null : view.picture;
  return {
    title: `${view.name} — ${fr.exports.title(territoryName, viewName)}`,
    subtitle: view.subtitle,
    picture,
    pictureAspect: pictureAspect ?? 16 / 10,
    pictureNote: picture ? null : view.isPictureWithheld ? fr.exports.pictureWithheld : fr.exports.noPicture,
    legend: view.legend.map((entry) => ({ label: entry.label, colour: entry.colour, shape: entry.shape, dashed: false, count: null })),
  };
}

export function buildPresentation(frame: ExportFrame, figures: KeyFigures, views: ViewSlide[], charts: ChartSlide[] = []): Presentation {
  return {
    title: fr.exports.keyFiguresTitle(figures.territoryName),
    figures: keyFigureCells(figures),
    figuresNote: fr.exports.keyFiguresYear(figures.year),
    figuresLine: keyFiguresLine(figures),
    source: frame.source,
    demo: frame.demo,
    views,
    charts,
  };
}
