import { normaliseName } from "./values.js";

/**
 * French words of the files → the model's codes. Keys are normalised (see normaliseName); the
 * codes themselves are accepted too ("CARE", "co_pilot").
 */
type Codes = Readonly<Record<string, string>>;

export const SECTOR_WORDS: Codes = {
  soin: "CARE", soins: "CARE", sante: "CARE", "soins de sante": "CARE",
  prevention: "PREVENTION",
  social: "SOCIAL", sociale: "SOCIAL",
  "medico social": "MEDICO_SOCIAL", medicosocial: "MEDICO_SOCIAL",
  education: "EDUCATION", "education nationale": "EDUCATION",
  justice: "JUSTICE",
  collectivite: "LOCAL_AUTHORITY", "collectivite territoriale": "LOCAL_AUTHORITY", "collectivite locale": "LOCAL_AUTHORITY", mairie: "LOCAL_AUTHORITY",
};

export const CATEGORY_WORDS: Codes = {
  professionnel: "PROFESSIONAL", professionnelle: "PROFESSIONAL", "professionnel le": "PROFESSIONAL", pro: "PROFESSIONAL",
  elu: "ELECTED", elue: "ELECTED", "elu e": "ELECTED",
  benevole: "VOLUNTEER",
  institutionnel: "INSTITUTIONAL", institutionnelle: "INSTITUTIONAL", "representant institutionnel": "INSTITUTIONAL",
  "representant e institutionnel le": "INSTITUTIONAL", "representante institutionnelle": "INSTITUTIONAL",
};

export const ROLE_WORDS: Codes = {
  pilote: "PILOT", "co pilote": "CO_PILOT", copilote: "CO_PILOT", membre: "MEMBER", participant: "MEMBER", participante: "MEMBER",
};

export const EVENT_KIND_WORDS: Codes = {
  reunion: "MEETING", "reunion de travail": "MEETING", comite: "MEETING",
  formation: "TRAINING", atelier: "TRAINING",
  "action publique": "PUBLIC_ACTION", "action grand public": "PUBLIC_ACTION", "action de prevention": "PUBLIC_ACTION", forum: "PUBLIC_ACTION",
  conference: "CONFERENCE", colloque: "CONFERENCE", seminaire: "CONFERENCE",
};

/** The code a cell stands for, or undefined when the word is unknown. */
export function codeFor(words: Codes, raw: string): string | undefined {
  const key = normaliseName(raw);
  const code = words[key];
  if (code !== undefined) return code;
  const upper = key.toUpperCase().replace(/ /g, "_");
  return Object.values(words).includes(upper) ? upper : undefined;
}
