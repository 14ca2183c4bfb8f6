import type { ExportFormat } from "../../api/exports";
import { fr } from "../../i18n/fr";

export type PdfPageKind = "a4" | "wide";

/** Every entry of the export menu. */
export type ExportChoice =
  | { kind: "png"; scale: 1 | 2 | 4 }
  | { kind: "svg" }
  | { kind: "pdf"; page: PdfPageKind }
  | { kind: "pptx" }
  | { kind: "data"; format: ExportFormat };

export interface ChoiceGroup {
  title: string;
  choices: { id: string; choice: ExportChoice; label: string; help?: string }[];
}

const t = fr.exports;

export const CHOICE_GROUPS: readonly ChoiceGroup[] = [
  {
    title: t.pictures,
    choices: [
      { id: "png-1", choice: { kind: "png", scale: 1 }, label: t.png(1), help: t.pngHelp },
      { id: "png-2", choice: { kind: "png", scale: 2 }, label: t.png(2) },
      { id: "png-4", choice: { kind: "png", scale: 4 }, label: t.png(4) },
      { id: "svg", choice: { kind: "svg" }, label: t.svg },
    ],
  },
  {
    title: t.documents,
    choices: [
      { id: "pdf-a4", choice: { kind: "pdf", page: "a4" }, label: t.pdfA4 },
      { id: "pdf-wide", choice: { kind: "pdf", page: "wide" }, label: t.pdf169 },
      { id: "pptx", choice: { kind: "pptx" }, label: t.pptx, help: t.pptxHelp },
    ],
  },
  {
    title: t.data,
    choices: [
      { id: "gexf", choice: { kind: "data", format: "gexf" }, label: t.gexf },
      { id: "graphml", choice: { kind: "data", format: "graphml" }, label: t.graphml },
      { id: "csv-nodes", choice: { kind: "data", format: "csv-nodes" }, label: t.csvNodes },
      { id: "csv-ties", choice: { kind: "data", format: "csv-ties" }, label: t.csvTies },
      { id: "cytoscape-json", choice: { kind: "data", format: "cytoscape-json" }, label: t.cytoscapeJson },
    ],
  },
];

/** "PNG 4×", "PDF A4 paysage"…: how the progress and error messages name an export. */
export function choiceLabel(choice: ExportChoice): string {
  for (const group of CHOICE_GROUPS) {
    const found = group.choices.find((c) => JSON.stringify(c.choice) === JSON.stringify(choice));
    if (found) return found.label;
  }
  return "";
}
