import JSZip from "jszip";

/**
 * The first worksheet of an Excel workbook (.xlsx: zipped SpreadsheetML) as rows of text cells.
 * Dates stay Excel day numbers (parseFrenchDate reads them); a cell holding a formula is read as
 * "=<formula>" so that the import refuses it like a formula typed in a CSV.
 */
export class XlsxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxError";
  }
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_match, entity: string) => {
    if (entity.startsWith("#x") || entity.startsWith("#X")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(Number(entity.slice(1)));
    return ENTITIES[entity.toLowerCase()] ?? "";
  });
}

/** The text of every <t> inside an element (rich text comes in runs). */
function textOf(xml: string): string {
  let text = "";
  for (const match of xml.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([^]*?)<\/(?:\w+:)?t>/g)) text += unescapeXml(match[1] ?? "");
  return text;
}

/** "A" → 0, "Z" → 25, "AA" → 26. */
function columnIndex(reference: string): number {
  const letters = /^[A-Z]+/.exec(reference)?.[0] ?? "";
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

async function entry(zip: JSZip, name: string): Promise<string | null> {
  const file = zip.file(name);
  return file ? file.async("string") : null;
}

export async function readXlsx(bytes: Uint8Array): Promise<{ line: number; cells: string[] }[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new XlsxError("Ce fichier Excel est illisible (archive endommagée) : enregistrez-le à nouveau ou exportez-le en CSV.");
  }
  const workbook = await entry(zip, "xl/workbook.xml");
  const relations = await entry(zip, "xl/_rels/workbook.xml.rels");
  if (workbook === null || relations === null) throw new XlsxError("Ce fichier n'est pas un classeur Excel .xlsx.");
  const firstSheetId = /<(?:\w+:)?sheet\s[^>]*r:id="([^"]+)"/.exec(workbook)?.[1];
  const target = firstSheetId === undefined ? undefined : new RegExp(`<Relationship\\s[^>]*Id="${firstSheetId}"[^>]*Target="([^"]+)"`).exec(relations)?.[1]
    ?? new RegExp(`<Relationship\\s[^>]*Target="([^"]+)"[^>]*Id="${firstSheetId}"`).exec(relations)?.[1];
  if (target === undefined) throw new XlsxError("Ce classeur Excel n'a pas de feuille.");
  const sheetPath = target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
  const sheet = await entry(zip, sheetPath);
  if (sheet === null) throw new XlsxError("La première feuille du classeur est introuvable.");
  const sharedXml = (await entry(zip, "xl/sharedStrings.xml")) ?? "";
  const shared = [...sharedXml.matchAll(/<(?:\w+:)?si>([^]*?)<\/(?:\w+:)?si>/g)].map((match) => textOf(match[1] ?? ""));

  const rows: { line: number; cells: string[] }[] = [];
  for (const rowMatch of sheet.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([^]*?)<\/(?:\w+:)?row>)/g)) {
    const line = Number(/\br="(\d+)"/.exec(rowMatch[1] ?? "")?.[1] ?? rows.length + 1);
    const cells: string[] = [];
    let next = 0;
    for (const cellMatch of (rowMatch[2] ?? "").matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([^]*?)<\/(?:\w+:)?c>)/g)) {
      const attributes = cellMatch[1] ?? "";
      const body = cellMatch[2] ?? "";
      const reference = /\br="([A-Z]+\d+)"/.exec(attributes)?.[1];
      const index = reference === undefined ? next : columnIndex(reference);
      const type = /\bt="(\w+)"/.exec(attributes)?.[1];
      const formula = /<(?:\w+:)?f\b[^>]*>([^]*?)<\/(?:\w+:)?f>/.exec(body)?.[1];
      const value = unescapeXml(/<(?:\w+:)?v>([^]*?)<\/(?:\w+:)?v>/.exec(body)?.[1] ?? "");
      let text: string;
      if (formula !== undefined) text = `=${unescapeXml(formula)}`;
      else if (type === "s") text = shared[Number(value)] ?? "";
      else if (type === "inlineStr") text = textOf(body);
      else if (type === "b") text = value === "1" ? "VRAI" : "FAUX";
      else text = value;
      while (cells.length < index) cells.push("");
      cells[index] = text;
      next = index + 1;
    }
    if (cells.some((cell) => cell.trim() !== "")) rows.push({ line, cells });
  }
  return rows;
}
