/**
 * Cell values as coordinators type them: French dates in several forms, decimal commas, names with
 * or without accents and titles. Each parser returns the value or a French reason for the report.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/** Lower case, no accents, no punctuation, single spaces: "Centre  Hospitalier d'Alès" → "centre hospitalier d ales". */
export function normaliseName(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^\p{Letter}\p{Number}]+/gu, " ")
    .trim();
}

const TITLES = new Set(["dr", "docteur", "pr", "professeur", "m", "mr", "mme", "mlle", "madame", "monsieur", "me", "maitre"]);

/** A person's name for matching: normalised, titles ("Dr", "Mme") dropped. */
export function normalisePersonName(value: string): string {
  return normaliseName(value)
    .split(" ")
    .filter((word) => word !== "" && !TITLES.has(word))
    .join(" ");
}

const MONTHS: Record<string, number> = {
  janvier: 1, janv: 1, jan: 1, fevrier: 2, fevr: 2, fev: 2, mars: 3, mar: 3, avril: 4, avr: 4, mai: 5, juin: 6,
  juillet: 7, juil: 7, aout: 8, septembre: 9, sept: 9, sep: 9, octobre: 10, oct: 10, novembre: 11, nov: 11,
  decembre: 12, dec: 12,
};

function isoDate(year: number, month: number, day: number): Parsed<string> {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return fail("date impossible");
  }
  if (year < 1900 || year > 2100) return fail("année hors de 1900–2100");
  return ok(`${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
}

/** Two-digit years: 00–69 are 2000s, 70–99 the 1900s (as Excel reads them). */
const fullYear = (year: string): number => (year.length === 2 ? (Number(year) < 70 ? 2000 : 1900) + Number(year) : Number(year));

/**
 * "12/03/2023", "12-03-2023", "12.03.23", "2023-03-12", "12 mars 2023", "1er avril 2023",
 * "mardi 12 mars 2023", and Excel's day numbers ("45000") → ISO "2023-03-12". Day first, always.
 */
export function parseFrenchDate(raw: string): Parsed<string> {
  const value = raw.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(value);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?: .*)?$/.exec(value);
  if (match) return isoDate(fullYear(match[3] as string), Number(match[2]), Number(match[1]));
  const words = normaliseName(value).split(" ");
  if (words[0] !== undefined && /^(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)$/.test(words[0])) words.shift();
  if (words.length === 3) {
    const day = words[0] === "1er" ? 1 : Number(words[0]);
    const month = MONTHS[words[1] as string];
    if (Number.isInteger(day) && month !== undefined && /^\d{4}$/.test(words[2] as string)) return isoDate(Number(words[2]), month, day);
  }
  if (/^\d{5}$/.test(value)) {
    // Excel's serial day numbers count from 1899-12-30 (its 1900 leap-year bug included).
    const date = new Date(Date.UTC(1899, 11, 30) + Number(value) * 86_400_000);
    return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  return fail(`date illisible « ${value} » (attendu par exemple 12/03/2023)`);
}

/** "1,5", "1.5", "2 h", "1 234,5" → a number ≥ 0. */
export function parseFrenchNumber(raw: string): Parsed<number> {
  const value = raw.trim().replace(/\s*h(eures?)?$/i, "").replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(value)) return fail(`nombre illisible « ${raw.trim()} »`);
  return ok(Number(value));
}

/**
 * Why a text cell is refused, or null: formulas (which a spreadsheet would run when the data is
 * exported again), HTML or script, query-language text, control characters, absurd lengths.
 * Apostrophes, quotes and parentheses are ordinary in French names and stay allowed.
 */
export function refusedText(value: string, maxLength = 200): string | null {
  // A number or phone number ("+33 6 39 98 12 34", "-5") may start with + or -; anything else may not.
  if (/^[=+\-@]/.test(value) && !/^[+-]?[\d\s.()]+$/.test(value)) return "commence par =, +, - ou @ : une formule de tableur n'est pas acceptée";
  if (/<\s*\/?\s*[a-z!][^>]*>/i.test(value) || /javascript:/i.test(value)) return "contient du HTML ou du script";
  const keywords = value.match(/\b(match|merge|create|detach|delete|call|return|unwind|load\s+csv)\b/gi) ?? [];
  if (keywords.length >= 2 && /[({]/.test(value)) return "ressemble à une requête (Cypher) plutôt qu'à un nom";
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)) return "contient des caractères de contrôle";
  if (value.length > maxLength) return `trop long (${value.length} caractères, au plus ${maxLength})`;
  return null;
}
