/**
 * Runs one export from the live page to a file: pictures from the canvas, data through the API.
 * Loaded on demand by the menu, with the PDF and PowerPoint libraries.
 */
import type { Core, NodeSingular } from "cytoscape";
import { fetchNetworkExport, type ExportView, type NodePosition } from "../../api/exports";
import { fetchKeyFigures } from "../../api/keyFigures";
import type { Epci, NetworkQueryFilter, TimeWindow } from "../../api/network";
import { loadDashboardCharts } from "../dashboard/loadCharts";
import { chartSlides } from "./chartSlides";
import { listSavedViews } from "../../api/savedViews";
import { fr } from "../../i18n/fr";
import type { ViewKind } from "../views/views";
import type { ExportChoice } from "./choices";
import { ExportError } from "./errors";
import { exportFileName } from "./fileName";
import { exportPdf, exportPng, exportSvg, pictureDataUrl } from "./formats";
import type { ExportFrame } from "./frame";
import type { PictureMap } from "./picture";
import { writePptx } from "./pptx";
import { buildPresentation, currentViewSlide, savedViewSlide, type ViewSlide } from "./slides";

/** What the page gives at the moment of the click. */
export interface ExportSource {
  cy: Core;
  territory: { id: string; name: string; isDemo: boolean; epcis: readonly Epci[] };
  view: ViewKind;
  /** The period in words, as the page shows it (the dashboard charts' period). */
  windowText: string;
  /** The axis filter, which the coverage of the dashboard charts follows. */
  axisId: string | null;
  frame: ExportFrame;
  map: PictureMap | null;
  window: TimeWindow;
  filter: NetworkQueryFilter;
}

export interface ExportedFile {
  blob: Blob;
  fileName: string;
}

/** Positions of the network's nodes on screen (model coordinates), helper nodes left out. */
export function drawnPositions(cy: Core): NodePosition[] {
  return cy
    .nodes()
    .not(".canvas-label, .map-group")
    .filter((node) => node.visible())
    .map((node: NodeSingular) => {
      const { x, y } = node.position();
      return { id: node.id(), x: Math.round(x * 100) / 100, y: Math.round(y * 100) / 100 };
    });
}

const DATA_VIEW: Readonly<Record<ViewKind, ExportView>> = { structures: "structures", actors: "actors", participation: "participation", map: "structures" };

/** The in-the-year key figures: the window's last year, or this year for an open window. */
export function figuresYear(window: TimeWindow, today: Date): number {
  const thisYear = today.getFullYear();
  const end = window.to ? Number(window.to.slice(0, 4)) : thisYear;
  return Number.isFinite(end) ? Math.min(end, thisYear) : thisYear;
}

function imageAspect(dataUrl: string): Promise<number | null> {
  return new Promise((resolve) => {
    const image = new Image();
    image.onload = () => resolve(image.naturalHeight > 0 ? image.naturalWidth / image.naturalHeight : null);
    image.onerror = () => resolve(null);
    image.src = dataUrl;
  });
}

/** The view on screen first, then every saved view of the territory (most recent first). */
async function presentationSlides(source: ExportSource): Promise<ViewSlide[]> {
  // Without saved views (or without access to them) the presentation still holds the current view.
  const saved = await listSavedViews(source.territory.id).catch(() => []);
  const picture = await pictureDataUrl(source.cy, source.map, 2);
  const current = currentViewSlide(source.frame, picture, source.cy.width() / Math.max(1, source.cy.height()));
  const others = await Promise.all(
    saved.map(async (view) => savedViewSlide(view, source.territory.name, fr.views.names[view.view], view.picture ? await imageAspect(view.picture) : null)),
  );
  return [current, ...others];
}

export async function runExport(choice: ExportChoice, source: ExportSource, options: { transparent: boolean; date: Date }): Promise<ExportedFile> {
  const { cy, frame, map, territory, view } = source;
  const { date } = options;
  if (cy.destroyed() || cy.nodes().length === 0) throw new ExportError("not-ready", "nothing drawn");
  const name = (extension: string, variant?: string) => exportFileName(territory.name, view, date, extension, variant);
  switch (choice.kind) {
    case "png": {
      const variant = `${choice.scale}x${options.transparent ? "-transparent" : ""}`;
      return { blob: await exportPng(cy, map, frame, choice.scale, options.transparent), fileName: name("png", variant) };
    }
    case "svg":
      return { blob: exportSvg(cy, map, frame), fileName: name("svg") };
    case "pdf": {
      const { blob } = await exportPdf(cy, map, frame, choice.page);
      return { blob, fileName: name("pdf", choice.page === "a4" ? "a4" : "16-9") };
    }
    case "pptx": {
      const [figures, slides, charts] = await Promise.all([
        fetchKeyFigures(territory.id, figuresYear(source.window, date)),
        presentationSlides(source),
        // Without the dashboard's figures (a panel the server could not compute) the presentation still holds the views.
        loadDashboardCharts({ territory, window: source.window, windowText: source.windowText, filter: source.filter, axisId: source.axisId, today: date }).catch(() => []),
      ]);
      const blob = await writePptx(buildPresentation(frame, figures, slides, charts.flatMap(chartSlides)), fr.legend.title, "blob");
      if (!(blob instanceof Blob)) throw new ExportError("failed", "pptx output");
      return { blob, fileName: exportFileName(territory.name, "presentation", date, "pptx") };
    }
    case "data": {
      const file = await fetchNetworkExport({
        territoryId: territory.id,
        view: DATA_VIEW[view],
        format: choice.format,
        window: source.window,
        filter: source.filter,
        positions: drawnPositions(cy),
      });
      return { blob: new Blob([file.content], { type: file.mediaType }), fileName: file.fileName };
    }
  }
}
