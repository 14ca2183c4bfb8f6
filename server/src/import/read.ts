import { AppError } from "../errors.js";
import { CsvError, parseCsv } from "./csv.js";
import { DecodeError, decodeText } from "./decode.js";
import type { ImportTable } from "./plan.js";
import { readXlsx, XlsxError } from "./xlsx.js";

/** A file read into a header and rows, with how it was read (shown in the preview). */
export interface FileTable extends ImportTable {
  format: "CSV" | "XLSX";
  encoding: string | null;
  delimiter: string | null;
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
      return { format: "XLSX", encoding: null, delimiter: null, header: head.cells.map((cell) => cell.trim()), rows };
    } catch (error) {
      if (error instanceof XlsxError) throw unreadable("BAD_XLSX", error.message);
      throw error;
    }
  }
  if (/\.xls$/i.test(file.name) || (file.bytes[0] === 0xd0 && file.bytes[1] === 0xcf)) {
    throw unreadable("OLD_EXCEL", "Les anciens fichiers Excel (.xls) ne sont pas lus : enregistrez le classeur en .xlsx ou en CSV.");
  }
  try {
    const decoded = decodeText(file.bytes);
    const table = parseCsv(decoded.text);
    return { format: "CSV", encoding: decoded.encoding, delimiter: table.delimiter, header: table.header, rows: table.rows };
  } catch (error) {
    if (error instanceof DecodeError) throw unreadable(error.code, error.message);
    if (error instanceof CsvError) throw unreadable(error.code, error.message, error.line);
    throw error;
  }
}
