/**
 * Keys for comparing names the way coordinators write them: accents, case, titles ("Dr", "Mme"),
 * articles, legal words ("association") and the sector's acronyms ("CCAS") do not count.
 */
import { normaliseName, normalisePersonName } from "../import/values.js";

export { normaliseName, normalisePersonName };

/** Words that do not tell two structures apart: articles and prepositions. */
const STOP_WORDS = new Set(["l", "d", "le", "la", "les", "de", "du", "des", "et", "a", "au", "aux", "en", "pour", "sur", "un", "une", "par", "avec", "dans", "chez"]);

/** Legal forms and the word "association", often added or left out of the same structure's name. */
const LEGAL_WORDS = new Set(["association", "asso", "assoc", "sarl", "sas", "sasu", "sa", "eurl", "scm", "selarl", "sci", "scop", "gie", "gip"]);

/** Acronyms of the health and social sector, with their expansion (stop words left out). */
export const ACRONYMS: Readonly<Record<string, string>> = {
  ccas: "centre communal action sociale",
  cias: "centre intercommunal action sociale",
  ch: "centre hospitalier",
  chu: "centre hospitalier universitaire",
  cmp: "centre medico psychologique",
  cmpp: "centre medico psycho pedagogique",
  msp: "maison sante pluriprofessionnelle",
  ehpad: "etablissement hebergement personnes agees dependantes",
  csapa: "centre soins accompagnement prevention addictologie",
  cpts: "communaute professionnelle territoriale sante",
  pmi: "protection maternelle infantile",
  mjd: "maison justice droit",
  spip: "service penitentiaire insertion probation",
  ime: "institut medico educatif",
  esat: "etablissement service aide travail",
  ssiad: "service soins infirmiers domicile",
  admr: "aide domicile milieu rural",
  mda: "maison adolescents",
  clic: "centre local information coordination",
  had: "hospitalisation domicile",
  mdph: "maison departementale personnes handicapees",
  uemo: "unite educative milieu ouvert",
  pjj: "protection judiciaire jeunesse",
  chrs: "centre hebergement reinsertion sociale",
  cada: "centre accueil demandeurs asile",
  sessad: "service education speciale soins domicile",
  ifsi: "institut formation soins infirmiers",
  st: "saint",
  ste: "sainte",
};

/** What canonicalising a structure's name did, to explain a match in French. */
export interface StructureName {
  /** Accents, case and punctuation removed. */
  readonly normalised: string;
  /** Meaningful words, acronyms expanded, in order. */
  readonly tokens: readonly string[];
  /** `tokens` joined by spaces: equal for names that differ only by what does not count. */
  readonly canonical: string;
  /** Acronyms found and expanded (`ccas`). */
  readonly expanded: readonly string[];
  /** Articles and legal words dropped. */
  readonly dropped: readonly string[];
}

/** "Asso. CCAS d'Alès" → tokens centre communal action sociale ales. */
export function structureName(name: string): StructureName {
  const normalised = normaliseName(name);
  const tokens: string[] = [];
  const expanded: string[] = [];
  const dropped: string[] = [];
  for (const word of normalised.split(" ")) {
    if (word === "") continue;
    if (STOP_WORDS.has(word) || LEGAL_WORDS.has(word)) {
      dropped.push(word);
      continue;
    }
    const expansion = ACRONYMS[word];
    if (expansion === undefined) {
      tokens.push(word);
      continue;
    }
    expanded.push(word);
    tokens.push(...expansion.split(" "));
  }
  return { normalised, tokens, canonical: tokens.join(" "), expanded, dropped };
}

/** Initials of the words: "Cévennes Santé Réseaux" → "csr". */
export const initialsOf = (tokens: readonly string[]): string => tokens.map((token) => token[0] ?? "").join("");

/** Lower-cased, trimmed e-mail address, or null when empty. */
export function emailKey(email: string | null): string | null {
  const key = (email ?? "").trim().toLowerCase();
  return key === "" ? null : key;
}

/** The 9 digits of a French phone number after the leading 0 or +33 ("06 12…" = "+33 6 12…"), or null. */
export function phoneKey(phone: string | null): string | null {
  let digits = (phone ?? "").replace(/\D/g, "");
  if (digits.startsWith("0033")) digits = digits.slice(4);
  else if (digits.startsWith("33") && digits.length === 11) digits = digits.slice(2);
  else if (digits.startsWith("0")) digits = digits.slice(1);
  return digits.length < 6 ? null : digits;
}
