import { INACTIVE_YEARS } from "../../api/gdpr";
import { isoDay } from "../export/fileName";
import { gdprTexts } from "./texts";

/** The person the GDPR tools act on: chosen in the inactive list or from their details panel. */
export interface GdprPerson {
  id: string;
  name: string;
}

/** `maillage_personne_<id>_<AAAA-MM-JJ>.json`, the local day of the export. */
export function personExportFileName(actorId: string, date: Date): string {
  return `maillage_personne_${actorId.replace(/[^A-Za-z0-9_-]/g, "_")}_${isoDay(date)}.json`;
}

const squeeze = (text: string): string => text.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("fr-FR");

/** The erasure goes ahead once the person's name, or the word EFFACER, is typed (case and spaces aside). */
export function isErasureConfirmed(typed: string, name: string): boolean {
  const value = squeeze(typed);
  return value !== "" && (value === squeeze(gdprTexts.confirm.word) || value === squeeze(name));
}

/** The N of the inactive report, or null when the field does not hold a whole number in bounds. */
export function parseYears(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const years = Number(text);
  return years >= INACTIVE_YEARS.min && years <= INACTIVE_YEARS.max ? years : null;
}
