import { AppError } from "../errors.js";
import { CsvError, parseCsv } from "./csv.js";
import { DecodeError, decodeText, type StrayBytes } from "./decode.js";
import type { ImportTable, RowError } from "./plan.js";
import { readXlsx, XlsxError } from "./xlsx.js";

/** A file read into a header and rows, with how it was read (shown in the preview). */
export interface FileTable extends ImportTable {
  format: "CSV" | "XLSX";
  encoding: string | null;
  delimiter: string | null;
  /** Rows that could not be read (a byte that is not UTF-8 in a UTF-8 file): left out of `rows`, reported as row errors. */
  rowErrors: RowError[];
}

const hex = (bytes: readonly number[]): string => bytes.map((byte) => `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`).join(" ");
const byteWord = (bytes: readonly number[]): string => (bytes.length > 1 ? "octets" : "octet");

/**
 * A UTF-8 file with stray bytes: the header with one is refused (its columns could not be
 * recognised); each data row with one is left out and reported with its line, column and bytes.
 */
function strayRows(table: { header: string[]; rows: { line: number; cells: string[] }[] }, stray: readonly StrayBytes[]): { rows: { line: number; cells: string[] }[]; rowErrors: RowError[] } {
  if (stray.length === 0) return { rows: table.rows, rowErrors: [] };
  const firstDataLine = table.rows[0]?.line ?? Number.POSITIVE_INFINITY;
  const inHeader = stray.filter((group) => group.line < firstDataLine);
  if (inHeader.length > 0) {
    const bytes = inHeader.flatMap((group) => group.bytes);
    const cell = table.header.find((name) => name.includes("\uFFFD"));
    throw unreadable(
      "STRAY_BYTES_IN_HEADER",
      `caractère illisible ligne ${inHeader[0]?.line ?? 1} (ligne d'en-tête) : ${byteWord(bytes)} ${hex(bytes)}${cell === undefined ? "" : ` dans la colonne « ${cell.replace(/\uFFFD/g, "?")} »`}. Le fichier est en UTF-8 sauf ${bytes.length > 1 ? "ces octets" : "cet octet"} : corrigez ce nom de colonne, ou enregistrez le fichier en « CSV UTF-8 ».`,
      inHeader[0]?.line,
    );
  }
  const rowErrors: RowError[] = [];
  const refused = new Set<number>();
  for (const group of stray) {
    // The row that holds the line (a quoted cell may run over several lines).
    const row = [...table.rows].reverse().find((candidate) => candidate.line <= group.line);
    if (row === undefined) continue;
    const column = row.cells.findIndex((cell) => cell.includes("\uFFFD"));
    const value = column === -1 ? null : (row.cells[column] ?? "").replace(/\uFFFD/g, "?");
    rowErrors.push({
      line: row.line,
      column: column === -1 ? null : (table.header[column] ?? null),
      reason: `caractère illisible ligne ${group.line} : ${byteWord(group.bytes)} ${hex(group.bytes)}${value === null ? "" : ` dans « ${value} »`} (le fichier est en UTF-8, ${group.bytes.length > 1 ? "ces octets n'en sont" : "cet octet n'en est"} pas)`,
    });
    refused.add(row.line);
  }
  return { rows: table.rows.filter((row) => !refused.has(row.line)), rowErrors };
}

const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** A file that cannot be read: `explanation` is the French text the page shows. */
function unreadable(reason: string, explanation: string, line?: number): AppError {
  return new AppError("UNREADABLE_FILE", `The file cannot be read (${reason})`, { reason, explanation, ...(line === undefined ? {} : { line }) });
}

export async function readTable(file: { name: string; bytes: Uint8Array }): Promise<FileTable> {
  if (isZip(file.bytes) || /\.xlsx$/i.test(file.name)) {
    if (!isZip(file.bytes)) throw unreadable("NOT_XLSX", "Ce fichier porte l'extension .xlsx mais n'est pas un classeur Excel.");
    try {
      const [head, ...rows] = await readXlsx(file.bytes);
      if (head === undefined) throw unreadable("EMPTY_FILE", "La première feuille du classeur est vide.");
      return { format: "XLSX", encoding: null, delimiter: null, header: head.cells.map((cell) => cell.trim()), rows, rowErrors: [] };
    } catch (error) {
      if (error instanceof XlsxError) throw unreadable(error.code, error.message);
      throw error;
    }
  }
  if (/\.xls$/i.test(file.name) || (file.bytes[0] === 0xd0 && file.bytes[1] === 0xcf)) {
    throw unreadable("OLD_EXCEL", "Les anciens fichiers Excel (.xls) ne sont pas lus : enregistrez le classeur en .xlsx ou en CSV.");
  }
  try {
    const decoded = decodeText(file.bytes);
    const table = await parseCsv(decoded.text);
    return { format: "CSV", encoding: decoded.encoding, delimiter: table.delimiter, header: table.header, ...strayRows(table, decoded.strayBytes) };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof DecodeError) throw unreadable(error.code, error.message);
    if (error instanceof CsvError) throw unreadable(error.code, error.message, error.line);
    throw error;
  }
}
