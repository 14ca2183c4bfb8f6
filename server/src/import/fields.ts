import { normaliseName } from "./values.js";

/**
 * The four kinds of files coordinators keep, and the fields Maillage reads from each. Labels and
 * synonyms are French: they are what the column-mapping step shows and what headers are matched
 * against (accents, case and punctuation ignored).
 */
export const IMPORT_KINDS = ["STRUCTURES", "ACTORS", "MEMBERSHIPS", "ATTENDANCE"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const FIELD_IDS = [
  "id", "name", "commune", "sector", "type",
  "lastName", "firstName", "email", "phone", "category", "profession", "organisation", "memberRole",
  "workGroup", "role", "since", "until", "axis",
  "event", "date", "eventKind", "duration", "organiser", "volunteerHours",
] as const;
export type FieldId = (typeof FIELD_IDS)[number];

export interface FieldDefinition {
  id: FieldId;
  label: string;
  required: boolean;
  /** Normalised header texts that mean this field (see normaliseName). */
  synonyms: readonly string[];
}

const field = (id: FieldId, label: string, synonyms: readonly string[], required = false): FieldDefinition => ({
  id, label, required, synonyms: synonyms.map(normaliseName),
});

const person = [
  field("lastName", "Nom", ["nom", "nom de famille", "nom d usage", "nom participant"]),
  field("firstName", "Prénom", ["prénom", "prenom participant"]),
  field("email", "Courriel", ["email", "e-mail", "courriel", "mail", "adresse mail", "adresse électronique", "adresse e-mail"]),
];

export const KIND_FIELDS: Readonly<Record<ImportKind, readonly FieldDefinition[]>> = {
  STRUCTURES: [
    field("name", "Nom de la structure", ["nom", "nom de la structure", "structure", "raison sociale", "dénomination", "organisme"], true),
    field("commune", "Commune (nom ou code INSEE)", ["commune", "ville", "localité", "code insee", "insee", "lieu", "commune d implantation"], true),
    field("sector", "Secteur", ["secteur", "secteur d activité", "domaine"]),
    field("type", "Type de structure", ["type", "type de structure", "nature", "catégorie"]),
    field("id", "Identifiant Maillage", ["identifiant", "id", "identifiant maillage"]),
  ],
  ACTORS: [
    { ...person[0]!, required: true },
    { ...person[1]!, required: true },
    person[2]!,
    field("phone", "Téléphone", ["téléphone", "tel", "tél", "portable", "mobile", "numéro de téléphone"]),
    field("organisation", "Structure ou institution", ["structure", "organisme", "employeur", "institution", "structure de rattachement", "rattachement"], true),
    field("category", "Catégorie d'acteur", ["catégorie", "type d acteur", "statut", "catégorie d acteur"]),
    field("profession", "Profession", ["profession", "métier", "fonction", "poste"]),
    field("memberRole", "Rôle dans la structure", ["rôle dans la structure", "fonction dans la structure", "rôle"]),
    field("since", "Membre depuis", ["depuis", "date d entrée", "date d arrivée", "membre depuis", "début"]),
    field("until", "Membre jusqu'au", ["jusqu au", "date de sortie", "date de départ", "fin"]),
    field("id", "Identifiant Maillage", ["identifiant", "id", "identifiant maillage"]),
  ],
  MEMBERSHIPS: [
    ...person,
    field("workGroup", "Groupe de travail", ["groupe de travail", "groupe", "gt", "instance", "réseau", "comité", "nom du groupe"], true),
    field("role", "Rôle dans le groupe", ["rôle", "qualité", "rôle dans le groupe", "fonction dans le groupe"]),
    field("since", "Depuis", ["depuis", "date d entrée", "début", "date de début", "du"]),
    field("until", "Jusqu'au", ["jusqu au", "date de sortie", "fin", "date de fin", "au"]),
    field("axis", "Axe prioritaire (nouveau groupe)", ["axe", "axe prioritaire", "thématique", "axe du cls"]),
  ],
  ATTENDANCE: [
    ...person,
    field("event", "Événement", ["événement", "intitulé", "titre", "réunion", "action", "nom de l événement", "objet"], true),
    field("date", "Date", ["date", "date de l événement", "jour", "date de la réunion"], true),
    field("commune", "Commune du lieu (nouvel événement)", ["commune", "lieu", "ville", "commune du lieu", "code insee"]),
    field("eventKind", "Type d'événement", ["type", "type d événement", "nature", "format"]),
    field("duration", "Durée (heures)", ["durée", "durée h", "durée en heures", "durée heures"]),
    field("organiser", "Organisé par (groupe ou structure)", ["organisateur", "organisé par", "porteur", "groupe de travail", "groupe"]),
    field("volunteerHours", "Heures bénévoles", ["heures bénévoles", "heures de bénévolat", "bénévolat", "bénévolat h"]),
    field("axis", "Axe prioritaire (nouvel événement)", ["axe", "axe prioritaire", "thématique"]),
  ],
};

/** Field → index of the column it is read from. */
export type ColumnMapping = Partial<Record<FieldId, number>>;

/**
 * Each header matched to at most one field of the kind, exact synonyms first, then a header that
 * starts with a synonym ("Nom de famille (usage)"), each field taking at most one column.
 */
export function guessMapping(kind: ImportKind, header: readonly string[]): ColumnMapping {
  const fields = KIND_FIELDS[kind];
  const names = header.map(normaliseName);
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  const pass = (matches: (name: string, synonym: string) => boolean): void => {
    for (const definition of fields) {
      if (mapping[definition.id] !== undefined) continue;
      const column = names.findIndex((name, i) => !taken.has(i) && definition.synonyms.some((synonym) => matches(name, synonym)));
      if (column !== -1) {
        mapping[definition.id] = column;
        taken.add(column);
      }
    }
  };
  pass((name, synonym) => name === synonym);
  pass((name, synonym) => synonym.length >= 3 && name.startsWith(`${synonym} `));
  return mapping;
}

/** French reasons why a mapping cannot be used: required fields without a column, a person without a name or e-mail. */
export function mappingProblems(kind: ImportKind, mapping: ColumnMapping, columnCount: number): string[] {
  const problems: string[] = [];
  for (const definition of KIND_FIELDS[kind]) {
    const column = mapping[definition.id];
    if (column !== undefined && (column < 0 || column >= columnCount || !Number.isInteger(column))) {
      problems.push(`La colonne choisie pour « ${definition.label} » n'existe pas dans le fichier.`);
    } else if (definition.required && column === undefined) {
      problems.push(`Colonne obligatoire manquante : « ${definition.label} ».`);
    }
  }
  if ((kind === "MEMBERSHIPS" || kind === "ATTENDANCE") && mapping.email === undefined && (mapping.lastName === undefined || mapping.firstName === undefined)) {
    problems.push("Il faut une colonne « Courriel », ou les colonnes « Nom » et « Prénom », pour reconnaître les personnes.");
  }
  return problems;
}
