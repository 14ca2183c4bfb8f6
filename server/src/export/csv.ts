import { formatNumber, NODE_ATTRIBUTES, TIE_ATTRIBUTES, type AttributeType } from "./attributes.js";
import type { ExportGraph } from "./model.js";

/** French Excel opens UTF-8 right only with a byte-order mark, and splits on `;` (`,` is the decimal mark). */
const BOM = "\uFEFF";
const SEPARATOR = ";";
const LINE_END = "\r\n";

/** A cell a spreadsheet would run as a formula (OWASP's list: = + - @, tab, carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;

type Cell = { readonly text: string } | { readonly number: number; readonly type: AttributeType } | null;

const text = (value: string | null): Cell => (value === null ? null : { text: value });
const number = (value: number | null, type: AttributeType): Cell => (value === null ? null : { number: value, type });

/** RFC 4180 quoting; names from user data cannot start a formula; numbers get a decimal comma. */
export function csvCell(cell: Cell): string {
  if (cell === null) return "";
  if ("number" in cell) return formatNumber(cell.number, cell.type).replace(".", ",");
  const safe = FORMULA_START.test(cell.text) ? `'${cell.text}` : cell.text;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function table(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [headers.map((header) => csvCell(text(header))), ...rows.map((row) => row.map(csvCell))];
  return BOM + lines.map((cells) => cells.join(SEPARATOR)).join(LINE_END) + LINE_END;
}

const attributeCell = (value: string | number | null, type: AttributeType): Cell =>
  typeof value === "number" ? number(value, type) : text(value);

/** One row per node: identifier, name, every node attribute, and the position on screen (y downwards). */
export function toNodesCsv(graph: ExportGraph): string {
  const headers = ["Identifiant", "Nom", ...NODE_ATTRIBUTES.map((d) => d.title), "X", "Y"];
  const rows = graph.nodes.map((node) => [
    text(node.id),
    text(node.label),
    ...NODE_ATTRIBUTES.map((d) => attributeCell(d.value(node), d.type)),
    number(node.position?.x ?? null, "double"),
    number(node.position?.y ?? null, "double"),
  ]);
  return table(headers, rows);
}

/** One row per tie, with both ends' names so that the sheet reads without a lookup. */
export function toTiesCsv(graph: ExportGraph): string {
  const labels = new Map(graph.nodes.map((node) => [node.id, node.label]));
  const headers = ["Source", "Cible", "Nom de la source", "Nom de la cible", "Poids", ...TIE_ATTRIBUTES.map((d) => d.title)];
  const rows = graph.ties.map((tie) => [
    text(tie.source),
    text(tie.target),
    text(labels.get(tie.source) ?? null),
    text(labels.get(tie.target) ?? null),
    number(tie.weight, "double"),
    ...TIE_ATTRIBUTES.map((d) => attributeCell(d.value(tie), d.type)),
  ]);
  return table(headers, rows);
}
