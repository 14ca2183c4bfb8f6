/** French texts of the duplicates panel, from the API's records (pure, unit-tested). */
import type { DuplicateLink, DuplicateRecord, MergeResult } from "../../api/duplicates";
import { ACTOR_CATEGORY_LABELS, CATEGORY_LABELS, fr } from "../../i18n/fr";

const t = fr.duplicates;

/** "2012-09-01" → "01/09/2012". */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split("-");
  return year && month && day ? `${day}/${month}/${year}` : iso;
}

const ROLE_TEXTS: Readonly<Record<string, string>> = { PILOT: "pilote", CO_PILOT: "co-pilote", MEMBER: "membre" };

/** "Membre de CCAS d'Alès (Infirmière) · depuis le 01/09/2012 · jusqu'au 30/06/2016". */
export function describeLink(link: DuplicateLink, kind: DuplicateRecord["kind"]): string {
  const relation = kind === "STRUCTURE" && link.relation === "MEMBER_OF" ? t.memberRelation : (t.relations[link.relation] ?? link.relation);
  const role = link.role === null ? "" : ` (${ROLE_TEXTS[link.role] ?? link.role})`;
  const target = link.targetName ?? link.targetId ?? "";
  const separator = relation.endsWith(" de") || kind === "ACTOR" ? " " : " : ";
  const dates = [link.since ? t.since(formatDate(link.since)) : null, link.until ? t.until(formatDate(link.until)) : null].filter((part) => part !== null);
  return [`${relation}${separator}${target}${role}`, ...dates].join(" · ");
}

/** The record's facts to compare, in a fixed order so that both columns line up. */
export function recordFacts(record: DuplicateRecord): [label: string, value: string][] {
  const value = (text: string | null): string => (text === null || text === "" ? t.none : text);
  if (record.kind === "ACTOR") {
    const category = record.category === null ? null : (ACTOR_CATEGORY_LABELS[record.category as keyof typeof ACTOR_CATEGORY_LABELS] ?? record.category);
    return [
      [t.fields.email ?? "", value(record.email)],
      [t.fields.phone ?? "", value(record.phone)],
      [t.fields.category ?? "", value(category)],
      [t.fields.profession ?? "", value(record.profession)],
      [t.fields.id ?? "", record.id],
    ];
  }
  const sector = record.sector === null ? null : (CATEGORY_LABELS[record.sector as keyof typeof CATEGORY_LABELS] ?? record.sector);
  return [
    [t.fields.structureKind ?? "", value(record.structureKind)],
    [t.fields.sector ?? "", value(sector)],
    [t.fields.communeName ?? "", value(record.communeName)],
    [t.fields.id ?? "", record.id],
  ];
}

/** What the merge did, in French: links moved, joined, kept apart; fields filled. */
export function describeMerge(result: MergeResult): string {
  const summary = t.summary(result.moved, result.joined, result.keptApart, result.dropped);
  if (result.filledProperties.length === 0) return summary;
  const fields = result.filledProperties.map((key) => (t.fields[key] ?? key).toLowerCase()).join(", ");
  return `${summary} ${t.filled(fields)}`;
}
