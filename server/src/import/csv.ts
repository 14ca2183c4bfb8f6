/**
 * RFC 4180 CSV with the habits of French files: `;` (Excel in French) or `,` or tab as separator,
 * found from the header line; quoted fields with doubled quotes and line breaks inside; CRLF or LF.
 */
export type Delimiter = ";" | "," | "\t";

export interface CsvTable {
  delimiter: Delimiter;
  header: string[];
  /** Data rows with their line number in the file (1 is the header), blank lines left out. */
  rows: { line: number; cells: string[] }[];
}

export class CsvError extends Error {
  constructor(
    readonly code: "NO_HEADER" | "UNTERMINATED_QUOTE",
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

export function parseCsv(text: string, delimiter: Delimiter = detectDelimiter(text)): CsvTable {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let i = 0;
  const endRecord = (): void => {
    cells.push(field);
    if (cells.some((cell) => cell.trim() !== "")) records.push({ line: recordLine, cells });
    cells = [];
    field = "";
  };
  while (i < text.length) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (char === "\n") line += 1;
        field += char;
      }
      i += 1;
      continue;
    }
    if (char === '"' && field.trim() === "") {
      quoted = true;
      quoteLine = line;
      field = "";
    } else if (char === delimiter) {
      cells.push(field);
      field = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      i += 1;
      continue;
    } else if (char === "\n" || char === "\r") {
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += char;
    }
    i += 1;
  }
  if (quoted) throw new CsvError("UNTERMINATED_QUOTE", `Guillemet ouvert ligne ${quoteLine} et jamais refermé.`, quoteLine);
  if (field !== "" || cells.length > 0) endRecord();
  const [head, ...rows] = records;
  if (head === undefined || head.cells.every((cell) => cell.trim() === "")) {
    throw new CsvError("NO_HEADER", "Le fichier n'a pas de ligne d'en-tête (les noms des colonnes).", 1);
  }
  return { delimiter, header: head.cells.map((cell) => cell.trim()), rows };
}
