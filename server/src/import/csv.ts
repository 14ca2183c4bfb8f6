/**
 * RFC 4180 CSV with the habits of French files, read by csv-parse: `;` (Excel in French) or `,` or
 * tab as separator, found from the header line; quoted fields with doubled quotes and line breaks
 * inside; CRLF, LF or CR.
 */
import { parse, type Options } from "csv-parse";

export type Delimiter = ";" | "," | "\t";

export interface CsvTable {
  delimiter: Delimiter;
  header: string[];
  /** Data rows with their line number in the file (1 is the header), blank lines left out. */
  rows: { line: number; cells: string[] }[];
}

export class CsvError extends Error {
  constructor(
    readonly code: "NO_HEADER" | "UNTERMINATED_QUOTE" | "TOO_MANY_ROWS" | "UNREADABLE_CSV",
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = "CsvError";
  }
}

const DELIMITERS: readonly Delimiter[] = [";", ",", "\t"];

/** The separator that splits the header into the most fields (outside quotes). */
export function detectDelimiter(text: string): Delimiter {
  const end = text.search(/\r?\n/);
  const firstLine = end === -1 ? text : text.slice(0, end);
  let best: Delimiter = ";";
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    let count = 0;
    let quoted = false;
    for (const char of firstLine) {
      if (char === '"') quoted = !quoted;
      else if (char === delimiter && !quoted) count += 1;
    }
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/** Limits checked while the rows come (a 20 MB file cannot hold more than these in real data). */
export const CSV_LIMITS = { rows: 300_000, cells: 3_000_000 } as const;

const LINE_BREAKS = /\r\n|\r|\n/g;
const format = (value: number): string => new Intl.NumberFormat("fr-FR").format(value);

/**
 * Parses the text with csv-parse, streaming (the text is written in slices, the rows counted as they
 * come), keeping each row's first line in the file; blank rows are left out.
 */
export async function parseCsv(text: string, delimiter: Delimiter = detectDelimiter(text), limits: { rows: number; cells: number } = CSV_LIMITS): Promise<CsvTable> {
  let nextLine = 1;
  const options: Options = {
    delimiter,
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_column_count: true,
    relax_quotes: true,
    raw: true,
    skip_empty_lines: false,
    // Called by the parser as each record ends, so the line count is right even when it then fails;
    // with `raw` the record comes as { record, raw }. The record's first line goes out as its first cell.
    on_record: (output: unknown) => {
      const { record, raw } = output as { record: string[]; raw: string };
      const line = nextLine;
      nextLine += raw.match(LINE_BREAKS)?.length ?? 0;
      return [String(line), ...record];
    },
  };
  const parser = parse(options);
  const records: { line: number; cells: string[] }[] = [];
  let cellCount = 0;
  const feed = async () => {
    for (let start = 0; start < text.length; start += 1 << 20) {
      if (!parser.write(text.slice(start, start + (1 << 20)))) await new Promise((resolve) => parser.once("drain", resolve));
    }
    parser.end();
  };
  const fed = feed();
  try {
    for await (const [lineText, ...cells] of parser as AsyncIterable<string[]>) {
      const line = Number(lineText);
      if (!cells.some((cell) => cell.trim() !== "")) continue;
      cellCount += cells.length;
      // The header is the first record: data rows are the others.
      if (records.length > limits.rows) throw new CsvError("TOO_MANY_ROWS", `Le fichier a plus de ${format(limits.rows)} lignes (ligne ${format(line)}) : un import en prend au plus ${format(limits.rows)}.`, line);
      if (cellCount > limits.cells) throw new CsvError("TOO_MANY_ROWS", `Le fichier a plus de ${format(limits.cells)} cellules (ligne ${format(line)}) : un import en prend au plus ${format(limits.cells)}.`, line);
      records.push({ line, cells });
    }
  } catch (error) {
    parser.destroy();
    if (error instanceof CsvError) throw error;
    if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "CSV_QUOTE_NOT_CLOSED") {
      throw new CsvError("UNTERMINATED_QUOTE", `Guillemet ouvert ligne ${nextLine} et jamais refermé.`, nextLine);
    }
    throw new CsvError("UNREADABLE_CSV", `Le fichier CSV est illisible vers la ligne ${nextLine}.`, nextLine);
  } finally {
    await fed.catch(() => undefined);
  }
  const [head, ...rows] = records;
  if (head === undefined) {
    throw new CsvError("NO_HEADER", "Le fichier n'a pas de ligne d'en-tête (les noms des colonnes).", 1);
  }
  return { delimiter, header: head.cells.map((cell) => cell.trim()), rows };
}
