/**
 * A save refused because someone else changed the record meanwhile (CONFLICT, reason
 * STALE_VERSION; server/src/editing/service.ts): what is stored now, and how it differs from what
 * the form holds (pure).
 */

export interface EditConflict {
  /** The record's stored version: a save that sends it goes through. */
  readonly currentVersion: number;
  /** The stored values, in the server's audit form (field → text, number, list of ids or null). */
  readonly current: Readonly<Record<string, unknown>>;
}

/** The conflict in a refusal's extensions, or null when it is not one. */
export function conflictOf(extensions: Readonly<Record<string, unknown>>): EditConflict | null {
  const { reason, currentVersion, current } = extensions;
  if (reason !== "STALE_VERSION" || typeof currentVersion !== "number" || typeof current !== "object" || current === null || Array.isArray(current)) return null;
  return { currentVersion, current: current as Record<string, unknown> };
}

/** A stored value in the form's terms: "" for none, numbers as text, lists sorted. */
function formValue(value: unknown): string | string[] {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(String).sort();
  return String(value);
}

const same = (a: unknown, b: unknown): boolean => (Array.isArray(a) && Array.isArray(b) ? a.join("\u0000") === [...b].sort().join("\u0000") : a === b);

/** The form's values replaced by the stored ones (fields the server sends), at the stored version. */
export function takeCurrent<T extends { version: number | null }>(values: T, conflict: EditConflict): T {
  const next: Record<string, unknown> = { ...values, version: conflict.currentVersion };
  for (const field of Object.keys(values)) {
    if (field !== "version" && field !== "id" && field in conflict.current) next[field] = formValue(conflict.current[field]);
  }
  return next as T;
}

export interface ConflictRow {
  readonly field: string;
  readonly mine: string | string[];
  readonly current: string | string[];
}

/** The fields (in `fields` order) where the form and the stored record differ. */
export function conflictRows(values: Readonly<Record<string, unknown>>, conflict: EditConflict, fields: readonly string[]): ConflictRow[] {
  return fields.flatMap((field) => {
    if (!(field in conflict.current)) return [];
    const mine = formValue(values[field]);
    const current = formValue(conflict.current[field]);
    return same(mine, current) ? [] : [{ field, mine, current }];
  });
}
