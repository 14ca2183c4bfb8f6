/**
 * Rows from the named queries enter as `unknown` (after `toPlain`) and are checked once, here.
 * A shape mismatch is a bug between a query and this code, so it throws a plain Error (logged,
 * never shown to clients).
 */
export type Plain = Record<string, unknown>;

export function isPlain(value: unknown): value is Plain {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function records(value: unknown, what: string): Plain[] {
  if (!Array.isArray(value) || !value.every(isPlain)) throw new Error(`${what}: expected a list of maps`);
  return value;
}

/**
 * Rows a query returns as lists (to keep map keys off the wire), named by `columns`, the order
 * the query documents; a row of another length is a mismatch between the two.
 */
export function tuples(value: unknown, columns: readonly string[], what: string): Plain[] {
  if (!Array.isArray(value)) throw new Error(`${what}: expected a list of rows`);
  return value.map((row: unknown) => {
    if (!Array.isArray(row) || row.length !== columns.length) throw new Error(`${what}: expected rows of ${columns.length} values`);
    const plain: Plain = {};
    columns.forEach((column, index) => {
      plain[column] = row[index];
    });
    return plain;
  });
}

export function text(row: Plain, key: string): string {
  const value = row[key];
  if (typeof value !== "string") throw new Error(`Expected a string in "${key}"`);
  return value;
}

export function optionalText(row: Plain, key: string): string | null {
  const value = row[key];
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") throw new Error(`Expected a string or null in "${key}"`);
  return value;
}

export function num(row: Plain, key: string): number {
  const value = row[key];
  if (value === null || value === undefined) return 0;
  if (typeof value !== "number" || !Number.isFinite(value)) throw new Error(`Expected a number in "${key}"`);
  return value;
}

export function texts(row: Plain, key: string): string[] {
  const value = row[key];
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === "string")) {
    throw new Error(`Expected a list of strings in "${key}"`);
  }
  return value;
}
