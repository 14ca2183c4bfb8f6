/**
 * What an audit entry says changed (pure): for each field whose value differs, its value before
 * and after (null before a creation, null after a deletion). Values are plain JSON: text, numbers,
 * booleans, ISO dates, sorted lists of ids.
 */

export type FieldValue = string | number | boolean | readonly string[] | null;

/** A record as the audit compares it: field → value. */
export type AuditRecord = Readonly<Record<string, FieldValue>>;

export interface FieldChange {
  readonly before: FieldValue;
  readonly after: FieldValue;
}

export type Changes = Readonly<Record<string, FieldChange>>;

/** Fields of a person that are personal data (GDPR): erased from the audit with the person. */
export const PERSONAL_FIELDS: readonly string[] = ["firstName", "lastName", "email", "phone", "formerEmails"];

const normalise = (value: FieldValue | undefined): FieldValue => (value === undefined ? null : value);

function same(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => item === b[index]);
  return a === b;
}

/**
 * The fields that differ between `before` and `after` (null for a record that did not or no longer
 * exists), in alphabetical order; an empty object when nothing changed.
 */
export function diffRecords(before: AuditRecord | null, after: AuditRecord | null): Changes {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
  const changes: Record<string, FieldChange> = {};
  for (const field of fields) {
    const was = before === null ? null : normalise(before[field]);
    const is = after === null ? null : normalise(after[field]);
    if (!same(was, is)) changes[field] = { before: was, after: is };
  }
  return changes;
}

export const isEmpty = (changes: Changes): boolean => Object.keys(changes).length === 0;

function isFieldValue(value: unknown): value is FieldValue {
  return (
    value === null ||
    typeof value === "string" ||
    typeof value === "number" ||
    typeof value === "boolean" ||
    (Array.isArray(value) && value.every((item) => typeof item === "string"))
  );
}

/** Reads stored `changes` JSON back; a stored value of another shape is a bug (plain Error). */
export function parseChanges(json: string): Changes {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("Audit changes: expected a JSON object");
  const changes: Record<string, FieldChange> = {};
  for (const [field, change] of Object.entries(parsed)) {
    const { before, after } = (typeof change === "object" && change !== null ? change : {}) as { before?: unknown; after?: unknown };
    if (!isFieldValue(before ?? null) || !isFieldValue(after ?? null)) throw new Error(`Audit changes: unexpected value for "${field}"`);
    changes[field] = { before: (before ?? null) as FieldValue, after: (after ?? null) as FieldValue };
  }
  return changes;
}

/**
 * The changes without a person's personal data (names, e-mail, phone): those fields go, and are
 * listed in `erasedFields` (what was there, not its value), merged with those erased before.
 */
export function erasePersonalChanges(changes: Changes, previouslyErased: readonly string[] = []): { changes: Changes; erasedFields: string[] } {
  const kept: Record<string, FieldChange> = {};
  const erased = new Set(previouslyErased);
  for (const [field, change] of Object.entries(changes)) {
    if (PERSONAL_FIELDS.includes(field)) erased.add(field);
    else kept[field] = change;
  }
  return { changes: kept, erasedFields: [...erased].sort() };
}
