/**
 * The e-mail addresses a person was known by before a merge (pure). Merging two people keeps one
 * e-mail on the kept person; the other is remembered in `formerEmails`, so that a later
 * spreadsheet still naming the merged-away address finds the kept person instead of bringing the
 * merged one back (server/src/import/plan.ts). Personal data, like `email`.
 */
import type { Properties } from "./mergePlan.js";

const emailsIn = (value: unknown): string[] => {
  if (typeof value === "string") return value.trim() === "" ? [] : [value.trim()];
  return Array.isArray(value) ? value.flatMap(emailsIn) : [];
};

/**
 * The kept person's former e-mails after merging `merged` into `kept`: both people's former
 * e-mails and the merged person's e-mail, once each whatever their case, sorted, without the
 * e-mail the kept person has after the merge (the merged one's when the kept one had none).
 */
export function formerEmailsAfterMerge(kept: Properties, merged: Properties): string[] {
  const keptEmail = emailsIn(kept.email)[0] ?? emailsIn(merged.email)[0] ?? null;
  const seen = new Set(keptEmail === null ? [] : [keptEmail.toLowerCase()]);
  const former: string[] = [];
  for (const email of [...emailsIn(kept.formerEmails), ...emailsIn(merged.email), ...emailsIn(merged.formerEmails)]) {
    const key = email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    former.push(email);
  }
  return former.sort();
}
