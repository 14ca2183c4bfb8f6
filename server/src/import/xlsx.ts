import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import yauzl from "yauzl";

/**
 * The first worksheet of an Excel workbook (.xlsx) as rows of text cells, read with exceljs's
 * streaming WorkbookReader. Dates stay Excel day numbers (parseFrenchDate reads them); a cell
 * holding a formula is read as "=<formula>" so that the import refuses it like a formula typed in a CSV.
 *
 * A workbook is a zip archive, and a small one can inflate to gigabytes (a "zip bomb"). Limits are
 * checked while reading, never after: the archive is first walked (yauzl) and inflated as a stream
 * counting the bytes, and refused as soon as it passes XLSX_LIMITS.uncompressedBytes, nothing kept;
 * then rows, cells and time are counted as exceljs hands the rows over.
 */
export class XlsxError extends Error {
  constructor(
    message: string,
    readonly code: "BAD_XLSX" | "XLSX_TOO_LARGE" = "BAD_XLSX",
  ) {
    super(message);
    this.name = "XlsxError";
  }
}

export const XLSX_LIMITS = {
  /** Every entry of the archive inflated: 20 MB of real workbook inflate to well under this. */
  uncompressedBytes: 200 * 1024 * 1024,
  rows: 300_000,
  cells: 3_000_000,
  milliseconds: 20_000,
} as const;

export type XlsxLimits = { readonly [K in keyof typeof XLSX_LIMITS]: number };

const format = (value: number): string => new Intl.NumberFormat("fr-FR").format(value);
const megabytes = (bytes: number): string => format(Math.round(bytes / (1024 * 1024)));

const tooLarge = (limits: XlsxLimits, entry: string): XlsxError =>
  new XlsxError(
    `Ce classeur Excel se décompresse en plus de ${megabytes(limits.uncompressedBytes)} Mo (partie « ${entry} ») : il n'est pas lu. Un annuaire ou une feuille de présences n'en demande pas tant ; vérifiez le fichier ou exportez la feuille en CSV.`,
    "XLSX_TOO_LARGE",
  );

const damaged = (): XlsxError => new XlsxError("Ce fichier Excel est illisible (archive endommagée) : enregistrez-le à nouveau ou exportez-le en CSV.");

/**
 * Walks the archive (yauzl): refuses it when the sizes it declares add up past the limit, then
 * inflates each entry as a stream, counting, and stops as soon as the total passes it (an archive
 * that lies about its sizes is caught by yauzl's own size check or by the count). Nothing is kept.
 */
function checkUncompressedSize(bytes: Uint8Array, limits: XlsxLimits): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true }, (openError, zip) => {
      if (openError || zip === undefined) {
        reject(damaged());
        return;
      }
      let declared = 0;
      let inflated = 0;
      const fail = (error: XlsxError) => {
        zip.close();
        reject(error);
      };
      zip.on("error", () => fail(damaged()));
      zip.on("end", () => resolve());
      zip.on("entry", (entry: yauzl.Entry) => {
        declared += entry.uncompressedSize;
        if (declared > limits.uncompressedBytes) {
          fail(tooLarge(limits, entry.fileName));
          return;
        }
        if (entry.fileName.endsWith("/")) {
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || stream === undefined) {
            fail(damaged());
            return;
          }
          stream.on("data", (chunk: Buffer) => {
            inflated += chunk.length;
            if (inflated > limits.uncompressedBytes) {
              stream.destroy();
              fail(tooLarge(limits, entry.fileName));
            }
          });
          stream.on("error", () => fail(damaged()));
          stream.on("end", () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  });
}

/** A cell's value as text, as the import reads it. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "VRAI" : "FAUX";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("formula" in value && typeof value.formula === "string") return `=${value.formula}`;
  if ("sharedFormula" in value && typeof value.sharedFormula === "string") return `=${value.sharedFormula}`;
  if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((run) => run.text).join("");
  if ("text" in value && typeof value.text === "string") return value.text;
  if ("error" in value) return String(value.error);
  return "";
}

export async function readXlsx(bytes: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): Promise<{ line: number; cells: string[] }[]> {
  const started = performance.now();
  await checkUncompressedSize(bytes, limits);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "ignore",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  const rows: { line: number; cells: string[] }[] = [];
  let cellCount = 0;
  let sawSheet = false;
  try {
    for await (const worksheet of reader) {
      sawSheet = true;
      for await (const row of worksheet) {
        if (performance.now() - started > limits.milliseconds) {
          throw new XlsxError(`La lecture de ce classeur Excel dépasse ${format(limits.milliseconds / 1000)} secondes (arrêtée ligne ${format(row.number)}) : exportez la feuille en CSV.`, "XLSX_TOO_LARGE");
        }
        if (row.number > limits.rows) {
          throw new XlsxError(`Ce classeur Excel a plus de ${format(limits.rows)} lignes (ligne ${format(row.number)}) : un import en prend au plus ${format(limits.rows)}.`, "XLSX_TOO_LARGE");
        }
        const cells: string[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          cellCount += 1;
          while (cells.length < column - 1) cells.push("");
          cells[column - 1] = cellText(cell.value);
        });
        if (cellCount > limits.cells) {
          throw new XlsxError(`Ce classeur Excel a plus de ${format(limits.cells)} cellules remplies (ligne ${format(row.number)}) : un import en prend au plus ${format(limits.cells)}.`, "XLSX_TOO_LARGE");
        }
        if (cells.some((cell) => cell.trim() !== "")) rows.push({ line: row.number, cells });
      }
      // The first worksheet only.
      break;
    }
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    throw new XlsxError("Ce fichier Excel est illisible (archive endommagée) : enregistrez-le à nouveau ou exportez-le en CSV.");
  }
  if (!sawSheet) throw new XlsxError("Ce fichier n'est pas un classeur Excel .xlsx lisible : il n'a pas de feuille.");
  return rows;
}
