import type { AuditEntry, FieldChange } from "../../api/editing";
import { ACTOR_CATEGORY_LABELS, CATEGORY_LABELS, fr, ROLE_LABELS } from "../../i18n/fr";

const t = fr.audit;

const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  sector: CATEGORY_LABELS,
  category: ACTOR_CATEGORY_LABELS,
  kind: { ...fr.editing.workGroupKinds, ...fr.editing.eventKinds, ...fr.newTerritory.axisKinds },
  // A participation's role (a membership's is free text, shown as typed).
  role: ROLE_LABELS,
  importKind: t.importKinds,
};

const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" });

/** When, in French local time. */
export const formatAt = (iso: string): string => dateTime.format(new Date(iso));

/** One value as a reader sees it: labels for enums, lists joined, "(vide)" for nothing. */
export function formatValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return t.empty_value;
  if (Array.isArray(value)) return value.length === 0 ? t.empty_value : value.map(String).join(", ");
  if (typeof value === "number") return new Intl.NumberFormat("fr-FR").format(value);
  const text = String(value);
  return VALUE_LABELS[field]?.[text] ?? text;
}

/** `nom : « A » → « B »`; a creation shows the value only, a deletion the old one. */
export function describeChange(change: FieldChange): string {
  const label = t.fieldLabels[change.field] ?? change.field;
  const before = formatValue(change.field, change.before);
  const after = formatValue(change.field, change.after);
  if (change.before === null) return `${label} : ${after}`;
  if (change.after === null) return `${label} : ${before} → ${t.empty_value}`;
  return `${label} : ${before} → ${after}`;
}

/** Who made the change: the login id and the role, never a name. */
export const describeWho = (entry: AuditEntry): string => `${entry.userId} (${t.roles[entry.userRole] ?? entry.userRole})`;

/** What was changed: operation, kind of record, its name (none for people) and id. */
export function describeWhat(entry: AuditEntry): string {
  const name = entry.entityName ? ` « ${entry.entityName} »` : "";
  return `${t.operations[entry.operation]} · ${t.kinds[entry.entityKind]}${name}`;
}

/** The erased personal fields, in French. */
export const describeErased = (entry: AuditEntry): string | null =>
  entry.erasedFields.length === 0 ? null : t.erased(entry.erasedFields.map((field) => t.fieldLabels[field] ?? field).join(", "));
