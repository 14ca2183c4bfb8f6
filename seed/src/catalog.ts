/**
 * The French vocabulary of the demo data (axes, kinds of structures, professions, group themes,
 * event titles), kept in one place. Keys are English and stable; everything a user reads is French.
 */
import type { Sector } from "./model.js";

export type AxisKey =
  | "perinatality"
  | "youth"
  | "elderly"
  | "disability"
  | "mentalHealth"
  | "addictions"
  | "nutrition"
  | "chronicDiseases"
  | "accessToRights"
  | "primaryCare"
  | "environment"
  | "accessToCare"
  | "medicalAttractiveness"
  | "frailty"
  | "healthyBehaviours";

export interface AxisDefinition {
  readonly key: AxisKey;
  readonly name: string;
  readonly kind: "POPULATION" | "TRANSVERSAL";
  /** Short lower-case label used inside names ("Réseau santé mentale"). */
  readonly short: string;
  readonly themes: readonly string[];
  readonly trainings: readonly string[];
  readonly publicActions: readonly string[];
  readonly conferences: readonly string[];
}

/**
 * The 11 priority axes of Pays Cévennes (DOMAIN.md), then axes other CLS use (CC Gorges Causses
 * Cévennes): axes are data, each territory picks its own.
 */
export const AXES: readonly AxisDefinition[] = [
  {
    key: "perinatality",
    name: "Périnatalité et petite enfance",
    kind: "POPULATION",
    short: "périnatalité et petite enfance",
    themes: ["Soutien à la parentalité", "Allaitement", "Vaccination des jeunes enfants", "Repérage précoce des troubles du neurodéveloppement", "Sortie de maternité"],
    trainings: ["Repérer les violences faites aux enfants", "Accompagner la parentalité", "Les 1 000 premiers jours"],
    publicActions: ["Café des parents", "Atelier massage bébé", "Semaine de l'allaitement"],
    conferences: ["Les 1 000 premiers jours de l'enfant", "Écrans et tout-petits"],
  },
  {
    key: "youth",
    name: "Jeunes",
    kind: "POPULATION",
    short: "santé des jeunes",
    themes: ["Vie affective et sexuelle", "Harcèlement scolaire", "Écrans et jeunes", "Santé des jeunes en insertion", "Estime de soi"],
    trainings: ["Compétences psychosociales des adolescents", "Éducation à la vie affective et sexuelle", "Accueillir la parole des jeunes"],
    publicActions: ["Forum santé jeunes", "Stand de prévention au lycée", "Journée bien-être des jeunes"],
    conferences: ["Adolescence et prises de risque", "Jeunes et réseaux sociaux"],
  },
  {
    key: "elderly",
    name: "Personnes âgées",
    kind: "POPULATION",
    short: "personnes âgées",
    themes: ["Prévention des chutes", "Isolement des aînés", "Aidants familiaux", "Parcours de la personne âgée", "Plan canicule"],
    trainings: ["Repérer la fragilité des personnes âgées", "Prévention des chutes à domicile", "Accompagner les aidants"],
    publicActions: ["Atelier équilibre", "Après-midi des aidants", "Semaine bleue"],
    conferences: ["Bien vieillir en Cévennes", "Maladie d'Alzheimer : accompagner les aidants"],
  },
  {
    key: "disability",
    name: "Personnes en situation de handicap",
    kind: "POPULATION",
    short: "handicap",
    themes: ["Accès aux soins des personnes handicapées", "Inclusion scolaire", "Emploi et handicap", "Répit des aidants", "Habitat inclusif"],
    trainings: ["Accueillir un patient en situation de handicap", "Communication adaptée", "Autisme : repères pour les professionnels"],
    publicActions: ["Journée sport et handicap", "Forum de l'inclusion", "Ciné-débat handicap"],
    conferences: ["Handicap et accès aux soins", "Vivre avec un handicap psychique"],
  },
  {
    key: "mentalHealth",
    name: "Santé mentale",
    kind: "POPULATION",
    short: "santé mentale",
    themes: ["Prévention du suicide", "Premiers secours en santé mentale", "Logement et santé mentale", "Souffrance psychique des jeunes", "Situations complexes"],
    trainings: ["Premiers secours en santé mentale", "Repérage de la crise suicidaire", "Santé mentale et précarité"],
    publicActions: ["Semaines d'information sur la santé mentale", "Ciné-débat santé mentale", "Portes ouvertes du groupe d'entraide"],
    conferences: ["Prévenir le suicide en milieu rural", "Santé mentale des jeunes après la crise sanitaire"],
  },
  {
    key: "addictions",
    name: "Addictions",
    kind: "POPULATION",
    short: "addictions",
    themes: ["Alcool et grossesse", "Conduites addictives au collège", "Réduction des risques en milieu festif", "Mois sans tabac", "Jeux d'argent et écrans"],
    trainings: ["Repérage précoce et intervention brève", "Entretien motivationnel", "Réduction des risques"],
    publicActions: ["Stand Mois sans tabac", "Prévention en milieu festif", "Village prévention"],
    conferences: ["Addictions : du repérage à l'accompagnement", "Cannabis : ce que l'on sait"],
  },
  {
    key: "nutrition",
    name: "Nutrition",
    kind: "POPULATION",
    short: "nutrition",
    themes: ["Alimentation des tout-petits", "Activité physique adaptée", "Sport santé sur ordonnance", "Restauration scolaire", "Précarité alimentaire"],
    trainings: ["Nutrition et petits budgets", "Activité physique adaptée", "Alimentation de la personne âgée"],
    publicActions: ["Atelier cuisine", "Marche santé", "Petit-déjeuner équilibré à l'école"],
    conferences: ["Bien manger en Cévennes", "Sédentarité et santé"],
  },
  {
    key: "chronicDiseases",
    name: "Maladies chroniques",
    kind: "POPULATION",
    short: "maladies chroniques",
    themes: ["Éducation thérapeutique du patient", "Diabète", "Dépistage des cancers", "Maladies cardio-vasculaires", "Insuffisance rénale"],
    trainings: ["Éducation thérapeutique du patient", "Accompagner un patient diabétique", "Parler du dépistage des cancers"],
    publicActions: ["Octobre rose", "Mars bleu", "Journée du diabète"],
    conferences: ["Vivre avec une maladie chronique", "Dépistage des cancers : où en est-on ?"],
  },
  {
    key: "accessToRights",
    name: "Accès aux droits, à la prévention et aux soins",
    kind: "TRANSVERSAL",
    short: "accès aux droits et aux soins",
    themes: ["Renoncement aux soins", "Accès aux droits des personnes précaires", "Mobilité et accès aux soins", "Interprétariat", "Complémentaire santé solidaire"],
    trainings: ["Connaître les droits en santé", "Accueillir les publics précaires", "Lutter contre le renoncement aux soins"],
    publicActions: ["Permanence d'accès aux droits", "Bus santé", "Forum accès aux droits"],
    conferences: ["Inégalités sociales de santé en milieu rural", "Aller-vers les publics éloignés du soin"],
  },
  {
    key: "primaryCare",
    name: "Soins de premier recours",
    kind: "TRANSVERSAL",
    short: "premier recours",
    themes: ["Installation des jeunes médecins", "Exercice coordonné", "Télémédecine", "Permanence des soins", "Accueil des internes"],
    trainings: ["Exercice coordonné en maison de santé", "Protocoles de coopération", "Télésanté au quotidien"],
    publicActions: ["Journée d'accueil des internes", "Portes ouvertes de la maison de santé", "Rencontre avec les étudiants en santé"],
    conferences: ["Attirer les soignants en Cévennes", "L'exercice coordonné, dix ans après"],
  },
  {
    key: "environment",
    name: "Santé et environnement",
    kind: "TRANSVERSAL",
    short: "santé-environnement",
    themes: ["Qualité de l'air intérieur", "Ambroisie et pollens", "Habitat indigne", "Anciens sites miniers", "Moustique tigre", "Chaleur et santé"],
    trainings: ["Qualité de l'air intérieur", "Repérer l'habitat indigne", "Santé et changement climatique"],
    publicActions: ["Arrachage d'ambroisie", "Atelier air intérieur", "Balade santé-environnement"],
    conferences: ["Santé et anciens sites miniers", "Chaleur et santé en Cévennes"],
  },
  {
    key: "accessToCare",
    name: "Accès aux soins",
    kind: "TRANSVERSAL",
    short: "accès aux soins",
    themes: ["Transport vers les consultations", "Renoncement aux soins", "Consultations avancées de spécialistes", "Téléconsultation en pharmacie", "Complémentaire santé solidaire"],
    trainings: ["Lutter contre le renoncement aux soins", "Télésanté au quotidien", "Connaître les droits en santé"],
    publicActions: ["Bus santé", "Permanence d'accès aux droits", "Journée dépistage"],
    conferences: ["Se soigner en territoire de montagne", "Aller-vers les publics éloignés du soin"],
  },
  {
    key: "medicalAttractiveness",
    name: "Attractivité médicale",
    kind: "TRANSVERSAL",
    short: "attractivité médicale",
    themes: ["Accueil des internes", "Logement des stagiaires en santé", "Installation des jeunes médecins", "Exercice coordonné", "Maîtres de stage"],
    trainings: ["Devenir maître de stage", "Exercice coordonné en maison de santé", "Protocoles de coopération"],
    publicActions: ["Journée d'accueil des internes", "Portes ouvertes de la maison de santé", "Week-end découverte pour étudiants en santé"],
    conferences: ["Attirer les soignants en Lozère", "Exercer en milieu rural"],
  },
  {
    key: "frailty",
    name: "Fragilité et autonomie",
    kind: "POPULATION",
    short: "fragilité et autonomie",
    themes: ["Prévention des chutes", "Isolement des aînés", "Aidants familiaux", "Maintien à domicile", "Handicap et vieillissement"],
    trainings: ["Repérer la fragilité des personnes âgées", "Accompagner les aidants", "Adapter le logement"],
    publicActions: ["Atelier équilibre", "Après-midi des aidants", "Semaine bleue"],
    conferences: ["Bien vieillir sur les causses", "Rester chez soi le plus longtemps possible"],
  },
  {
    key: "healthyBehaviours",
    name: "Comportements et environnements favorables à la santé",
    kind: "TRANSVERSAL",
    short: "comportements favorables à la santé",
    themes: ["Activité physique en pleine nature", "Alimentation locale", "Conduites addictives des jeunes", "Qualité de l'eau", "Compétences psychosociales"],
    trainings: ["Compétences psychosociales des adolescents", "Nutrition et petits budgets", "Repérage précoce et intervention brève"],
    publicActions: ["Marche santé", "Atelier cuisine", "Forum santé jeunes"],
    conferences: ["Sport, nature et santé", "Bien manger en Cévennes"],
  },
];

export const ALL_AXIS_KEYS: readonly AxisKey[] = AXES.map((axis) => axis.key);

export type ActorCategory = "PROFESSIONAL" | "ELECTED" | "VOLUNTEER" | "INSTITUTIONAL";

/** A profession or position, with its masculine and feminine forms. */
export interface RoleDefinition {
  readonly forms: readonly [string, string];
  readonly category: ActorCategory;
  readonly weight: number;
  /** At most one member holds it (head of the organisation); drawn first. */
  readonly isHead?: boolean;
}

const role = (masculine: string, feminine: string, category: ActorCategory, weight = 1, isHead = false): RoleDefinition => ({
  forms: [masculine, feminine],
  category,
  weight,
  isHead,
});

export const ROLES = {
  director: role("Directeur", "Directrice", "PROFESSIONAL", 1, true),
  nurse: role("Infirmier", "Infirmière", "PROFESSIONAL", 3),
  nurseManager: role("Cadre de santé", "Cadre de santé", "PROFESSIONAL", 1),
  doctor: role("Médecin généraliste", "Médecin généraliste", "PROFESSIONAL", 2),
  psychiatrist: role("Psychiatre", "Psychiatre", "PROFESSIONAL", 1),
  psychologist: role("Psychologue", "Psychologue", "PROFESSIONAL", 1),
  midwife: role("Sage-femme", "Sage-femme", "PROFESSIONAL", 1),
  pharmacist: role("Pharmacien", "Pharmacienne", "PROFESSIONAL", 2),
  pharmacyAssistant: role("Préparateur en pharmacie", "Préparatrice en pharmacie", "PROFESSIONAL", 1),
  physio: role("Masseur-kinésithérapeute", "Masseuse-kinésithérapeute", "PROFESSIONAL", 1),
  dietitian: role("Diététicien", "Diététicienne", "PROFESSIONAL", 1),
  socialWorker: role("Assistant de service social", "Assistante de service social", "PROFESSIONAL", 2),
  educator: role("Éducateur spécialisé", "Éducatrice spécialisée", "PROFESSIONAL", 2),
  careAssistant: role("Aide-soignant", "Aide-soignante", "PROFESSIONAL", 2),
  homeHelper: role("Auxiliaire de vie", "Auxiliaire de vie", "PROFESSIONAL", 2),
  coordinator: role("Coordinateur", "Coordinatrice", "PROFESSIONAL", 1),
  healthPromoter: role("Chargé de prévention", "Chargée de prévention", "PROFESSIONAL", 1),
  animator: role("Animateur", "Animatrice", "PROFESSIONAL", 1),
  earlyChildhood: role("Éducateur de jeunes enfants", "Éducatrice de jeunes enfants", "PROFESSIONAL", 2),
  childcare: role("Auxiliaire de puériculture", "Auxiliaire de puériculture", "PROFESSIONAL", 1),
  paediatricNurse: role("Infirmier puériculteur", "Infirmière puéricultrice", "PROFESSIONAL", 1),
  teacher: role("Professeur des écoles", "Professeure des écoles", "PROFESSIONAL", 2),
  headTeacher: role("Directeur d'école", "Directrice d'école", "PROFESSIONAL", 1, true),
  principal: role("Principal", "Principale", "PROFESSIONAL", 1, true),
  proviseur: role("Proviseur", "Proviseure", "PROFESSIONAL", 1, true),
  schoolNurse: role("Infirmier scolaire", "Infirmière scolaire", "PROFESSIONAL", 1),
  cpe: role("Conseiller principal d'éducation", "Conseillère principale d'éducation", "PROFESSIONAL", 1),
  secondaryTeacher: role("Professeur", "Professeure", "PROFESSIONAL", 1),
  youthAdviser: role("Conseiller en insertion", "Conseillère en insertion", "PROFESSIONAL", 2),
  jobAdviser: role("Conseiller emploi", "Conseillère emploi", "PROFESSIONAL", 2),
  probationOfficer: role("Conseiller pénitentiaire d'insertion et de probation", "Conseillère pénitentiaire d'insertion et de probation", "PROFESSIONAL", 2),
  lawyer: role("Juriste", "Juriste", "PROFESSIONAL", 1),
  mayor: role("Maire", "Maire", "ELECTED", 1, true),
  deputyMayor: role("Adjoint au maire délégué à la santé", "Adjointe au maire déléguée à la santé", "ELECTED", 1),
  councillor: role("Conseiller municipal délégué aux affaires sociales", "Conseillère municipale déléguée aux affaires sociales", "ELECTED", 1),
  ccasVicePresident: role("Vice-président du CCAS", "Vice-présidente du CCAS", "ELECTED", 1, true),
  townClerk: role("Secrétaire de mairie", "Secrétaire de mairie", "PROFESSIONAL", 1),
  socialAgent: role("Agent d'accueil social", "Agente d'accueil social", "PROFESSIONAL", 1),
  president: role("Président", "Présidente", "VOLUNTEER", 1, true),
  treasurer: role("Trésorier", "Trésorière", "VOLUNTEER", 1),
  secretary: role("Secrétaire bénévole", "Secrétaire bénévole", "VOLUNTEER", 1),
  volunteer: role("Bénévole", "Bénévole", "VOLUNTEER", 4),
  peerHelper: role("Pair-aidant", "Paire-aidante", "VOLUNTEER", 1),
  institutionHead: role("Directeur de la délégation", "Directrice de la délégation", "INSTITUTIONAL", 1, true),
  projectOfficer: role("Chargé de mission santé", "Chargée de mission santé", "INSTITUTIONAL", 3),
  referent: role("Référent territorial", "Référente territoriale", "INSTITUTIONAL", 2),
  inspector: role("Inspecteur", "Inspectrice", "INSTITUTIONAL", 1),
  technicalAdviser: role("Conseiller technique", "Conseillère technique", "INSTITUTIONAL", 1),
} as const satisfies Record<string, RoleDefinition>;

export type RoleKey = keyof typeof ROLES;

export type StructureKindKey =
  | "hospital"
  | "clinic"
  | "coordination"
  | "cmp"
  | "csapa"
  | "missionLocale"
  | "mda"
  | "cpts"
  | "franceTravail"
  | "justiceHouse"
  | "spip"
  | "pjj"
  | "victims"
  | "pharmacy"
  | "msp"
  | "healthCentre"
  | "nursing"
  | "medicalPractice"
  | "physio"
  | "ehpad"
  | "ssiad"
  | "saad"
  | "ime"
  | "esat"
  | "sessad"
  | "fam"
  | "cms"
  | "pmi"
  | "nursery"
  | "rpe"
  | "school"
  | "college"
  | "lycee"
  | "ccas"
  | "townHall"
  | "socialCentre"
  | "pij"
  | "foodBank"
  | "association";

export interface StructureKindDefinition {
  readonly key: StructureKindKey;
  /** The `kind` property, in French. */
  readonly label: string;
  readonly sector: Sector;
  readonly axes: readonly AxisKey[];
  readonly roles: readonly RoleKey[];
  /** Relative number of members (drawn between min and max, then scaled to the territory's actor count). */
  readonly size: readonly [number, number];
  /** Name variants: `{de}` becomes "de Bessèges" / "d'Alès" / "du Martinet", `{commune}` the plain name. */
  readonly names: readonly string[];
  /** For placement by population: communes below this population get none. */
  readonly minPopulation: number;
  /** Placement weight = population ^ exponent. */
  readonly exponent: number;
  /** More than one of this kind may stand in the same commune. */
  readonly isMultiple: boolean;
}

const kind = (definition: StructureKindDefinition): StructureKindDefinition => definition;

export const STRUCTURE_KINDS: readonly StructureKindDefinition[] = [
  kind({ key: "hospital", label: "Centre hospitalier", sector: "CARE", axes: ["mentalHealth", "chronicDiseases", "perinatality", "elderly", "addictions", "primaryCare"], roles: ["director", "nurse", "nurseManager", "doctor", "psychiatrist", "psychologist", "midwife", "socialWorker", "dietitian", "careAssistant", "coordinator"], size: [70, 70], names: ["Centre hospitalier {commune}-Cévennes"], minPopulation: 0, exponent: 1, isMultiple: false }),
  kind({ key: "clinic", label: "Clinique", sector: "CARE", axes: ["chronicDiseases", "primaryCare"], roles: ["director", "nurse", "doctor", "nurseManager", "dietitian"], size: [12, 12], names: ["Clinique du Gardon"], minPopulation: 0, exponent: 1, isMultiple: false }),
  kind({ key: "coordination", label: "Association", sector: "PREVENTION", axes: ["accessToRights", "primaryCare", "mentalHealth", "youth", "elderly"], roles: ["director", "coordinator", "healthPromoter"], size: [9, 9], names: ["Association Cévennes Santé Réseaux"], minPopulation: 0, exponent: 1, isMultiple: false }),
  kind({ key: "cmp", label: "Centre médico-psychologique", sector: "CARE", axes: ["mentalHealth"], roles: ["psychiatrist", "psychologist", "nurse", "socialWorker"], size: [8, 8], names: ["Centre médico-psychologique {de}"], minPopulation: 0, exponent: 1, isMultiple: false }),
  kind({ key: "csapa", label: "CSAPA", sector: "CARE", axes: ["addictions", "youth"], roles: ["director", "nurse", "psychologist", "educator", "doctor"], size: [7, 7], names: ["CSAPA du bassin alésien"], minPopulation: 0, exponent: 1, isMultiple: false }),
  kind({ key: "missionLocale", label: "Mission locale", sector: "SOCIAL", axes: ["youth", "accessToRights"], roles: ["director", "youthAdviser"], size: [10, 10], names: ["Mission locale jeunes {commune}-Cévennes"], minPopulation: 0, exponent: 1, isMultiple: false }),
  kind({ key: "mda", label: "Maison des adolescents", sector: "CARE", axes: ["youth", "mentalHealth"], roles: ["coordinator", "psychologist", "educator", "nurse"], size: [5, 5], names: ["Maison des adolescents – antenne {de}"], minPopulation: 0, exponent: 1, isMultiple: false }),
  kind({ key: "cpts", label: "Communauté professionnelle territoriale de santé", sector: "CARE", axes: ["primaryCare", "chronicDiseases", "accessToRights"], roles: ["coordinator", "doctor", "nurse", "pharmacist"], size: [8, 8], names: ["CPTS du bassin alésien"], minPopulation: 0, exponent: 1, isMultiple: false }),
  kind({ key: "franceTravail", label: "Agence France Travail", sector: "SOCIAL", axes: ["accessToRights", "youth"], roles: ["director", "jobAdviser"], size: [6, 6], names: ["France Travail – agence {de}"], minPopulation: 0, exponent: 1, isMultiple: false }),
  kind({ key: "justiceHouse", label: "Maison de justice et du droit", sector: "JUSTICE", axes: ["accessToRights", "youth"], roles: ["director", "lawyer"], size: [3, 3], names: ["Maison de justice et du droit {de}"], minPopulation: 0, exponent: 1, isMultiple: false }),
  kind({ key: "spip", label: "Service pénitentiaire d'insertion et de probation", sector: "JUSTICE", axes: ["addictions", "accessToRights"], roles: ["director", "probationOfficer"], size: [5, 5], names: ["SPIP du Gard – antenne {de}"], minPopulation: 0, exponent: 1, isMultiple: false }),
  kind({ key: "pjj", label: "Protection judiciaire de la jeunesse", sector: "JUSTICE", axes: ["youth", "addictions"], roles: ["director", "educator"], size: [4, 4], names: ["Unité éducative de milieu ouvert {de}"], minPopulation: 0, exponent: 1, isMultiple: false }),
  kind({ key: "victims", label: "Association", sector: "JUSTICE", axes: ["accessToRights", "mentalHealth"], roles: ["president", "lawyer", "psychologist", "volunteer"], size: [4, 4], names: ["Association d'aide aux victimes du bassin alésien"], minPopulation: 0, exponent: 1, isMultiple: false }),
  kind({ key: "pharmacy", label: "Pharmacie", sector: "CARE", axes: ["chronicDiseases", "primaryCare", "addictions"], roles: ["pharmacist", "pharmacyAssistant"], size: [1, 3], names: ["Pharmacie du Centre", "Pharmacie de la Gare", "Pharmacie des Cévennes", "Pharmacie du Marché", "Pharmacie de la Place", "Pharmacie du Gardon", "Pharmacie de la Fontaine", "Pharmacie des Halles", "Pharmacie du Pont", "Pharmacie de l'Avenue", "Pharmacie des Écoles", "Pharmacie du Rieu"], minPopulation: 800, exponent: 1, isMultiple: true }),
  kind({ key: "msp", label: "Maison de santé pluriprofessionnelle", sector: "CARE", axes: ["primaryCare", "chronicDiseases", "accessToRights"], roles: ["doctor", "nurse", "physio", "coordinator", "midwife", "dietitian"], size: [5, 10], names: ["Maison de santé {de}", "Maison de santé pluriprofessionnelle {de}"], minPopulation: 1000, exponent: 0.5, isMultiple: false }),
  kind({ key: "healthCentre", label: "Centre de santé", sector: "CARE", axes: ["primaryCare", "accessToRights"], roles: ["doctor", "nurse", "coordinator"], size: [4, 8], names: ["Centre de santé {de}", "Centre de santé municipal {de}"], minPopulation: 3000, exponent: 0.6, isMultiple: false }),
  kind({ key: "nursing", label: "Cabinet infirmier", sector: "CARE", axes: ["elderly", "chronicDiseases", "primaryCare"], roles: ["nurse"], size: [2, 4], names: ["Cabinet infirmier {de}", "Cabinet infirmier du Centre", "Cabinet infirmier des Cévennes", "Cabinet infirmier du Gardon", "Cabinet infirmier de la Gare"], minPopulation: 400, exponent: 0.8, isMultiple: true }),
  kind({ key: "medicalPractice", label: "Cabinet médical", sector: "CARE", axes: ["primaryCare", "chronicDiseases"], roles: ["doctor"], size: [1, 3], names: ["Cabinet médical {de}", "Cabinet médical du Centre", "Cabinet médical des Cévennes", "Cabinet médical du Parc"], minPopulation: 700, exponent: 0.9, isMultiple: true }),
  kind({ key: "physio", label: "Cabinet de kinésithérapie", sector: "CARE", axes: ["elderly", "nutrition", "disability"], roles: ["physio"], size: [1, 3], names: ["Cabinet de kinésithérapie {de}", "Cabinet de kinésithérapie du Centre", "Cabinet de kinésithérapie des Cévennes"], minPopulation: 1500, exponent: 0.8, isMultiple: true }),
  kind({ key: "ehpad", label: "EHPAD", sector: "MEDICO_SOCIAL", axes: ["elderly", "nutrition"], roles: ["director", "nurseManager", "nurse", "careAssistant", "doctor", "psychologist", "animator"], size: [3, 7], names: ["EHPAD Les Châtaigniers", "EHPAD Le Mas des Oliviers", "EHPAD La Roseraie", "EHPAD Les Cigales", "EHPAD Les Mûriers", "EHPAD Le Val du Gardon", "EHPAD Les Tilleuls", "EHPAD La Source", "EHPAD Les Micocouliers", "EHPAD Le Bosquet", "EHPAD Les Genêts"], minPopulation: 1000, exponent: 0.8, isMultiple: true }),
  kind({ key: "ssiad", label: "Service de soins infirmiers à domicile", sector: "MEDICO_SOCIAL", axes: ["elderly", "disability"], roles: ["nurseManager", "nurse", "careAssistant"], size: [2, 4], names: ["SSIAD {de}"], minPopulation: 2000, exponent: 0.6, isMultiple: false }),
  kind({ key: "saad", label: "Service d'aide à domicile", sector: "MEDICO_SOCIAL", axes: ["elderly", "disability"], roles: ["director", "homeHelper", "coordinator"], size: [2, 5], names: ["Service d'aide à domicile {de}", "ADMR {de}"], minPopulation: 2000, exponent: 0.6, isMultiple: false }),
  kind({ key: "ime", label: "Institut médico-éducatif", sector: "MEDICO_SOCIAL", axes: ["disability", "youth"], roles: ["director", "educator", "psychologist", "nurse"], size: [3, 6], names: ["IME Les Hirondelles", "IME Le Galeizon"], minPopulation: 1000, exponent: 0.5, isMultiple: true }),
  kind({ key: "esat", label: "ESAT", sector: "MEDICO_SOCIAL", axes: ["disability"], roles: ["director", "educator"], size: [2, 4], names: ["ESAT Les Ateliers du Gardon", "ESAT La Cézarenque"], minPopulation: 1000, exponent: 0.5, isMultiple: true }),
  kind({ key: "sessad", label: "SESSAD", sector: "MEDICO_SOCIAL", axes: ["disability", "youth"], roles: ["educator", "psychologist"], size: [2, 4], names: ["SESSAD {de}"], minPopulation: 1000, exponent: 0.5, isMultiple: false }),
  kind({ key: "fam", label: "Foyer d'accueil médicalisé", sector: "MEDICO_SOCIAL", axes: ["disability", "mentalHealth"], roles: ["director", "nurse", "educator", "careAssistant"], size: [2, 4], names: ["Foyer d'accueil médicalisé Les Terrasses"], minPopulation: 1000, exponent: 0.5, isMultiple: true }),
  kind({ key: "cms", label: "Centre médico-social", sector: "SOCIAL", axes: ["accessToRights", "perinatality", "elderly"], roles: ["socialWorker", "paediatricNurse", "coordinator"], size: [4, 8], names: ["Centre médico-social {de}"], minPopulation: 3000, exponent: 0.6, isMultiple: false }),
  kind({ key: "pmi", label: "Centre de PMI", sector: "PREVENTION", axes: ["perinatality"], roles: ["paediatricNurse", "midwife", "doctor"], size: [3, 5], names: ["Centre de PMI {de}"], minPopulation: 3000, exponent: 0.6, isMultiple: false }),
  kind({ key: "nursery", label: "Établissement d'accueil du jeune enfant", sector: "EDUCATION", axes: ["perinatality", "nutrition"], roles: ["director", "earlyChildhood", "childcare"], size: [2, 4], names: ["Multi-accueil Les P'tits Loups", "Crèche Les Lucioles", "Multi-accueil Pom d'Api", "Crèche Les Farfadets", "Multi-accueil Les Petits Cailloux", "Crèche La Ribambelle", "Multi-accueil L'Île aux enfants"], minPopulation: 1200, exponent: 0.8, isMultiple: true }),
  kind({ key: "rpe", label: "Relais petite enfance", sector: "EDUCATION", axes: ["perinatality"], roles: ["earlyChildhood"], size: [1, 2], names: ["Relais petite enfance {de}"], minPopulation: 2000, exponent: 0.6, isMultiple: false }),
  kind({ key: "school", label: "École", sector: "EDUCATION", axes: ["youth", "nutrition", "perinatality"], roles: ["headTeacher", "teacher"], size: [2, 4], names: ["École primaire {de}", "École Jules Ferry", "École Jean Jaurès", "École Louise Michel", "École Marie Curie", "École Victor Hugo", "École Jean Macé", "École Lucie Aubrac", "École Les Oliviers"], minPopulation: 300, exponent: 0.9, isMultiple: true }),
  kind({ key: "college", label: "Collège", sector: "EDUCATION", axes: ["youth", "addictions", "nutrition"], roles: ["principal", "schoolNurse", "cpe", "secondaryTeacher"], size: [3, 6], names: ["Collège Jean Moulin", "Collège Diderot", "Collège Louis Pasteur", "Collège Simone Veil", "Collège Albert Camus", "Collège Jules Verne", "Collège Marie Curie", "Collège Les Châtaigniers"], minPopulation: 2500, exponent: 0.9, isMultiple: true }),
  kind({ key: "lycee", label: "Lycée", sector: "EDUCATION", axes: ["youth", "addictions"], roles: ["proviseur", "schoolNurse", "cpe", "secondaryTeacher"], size: [3, 6], names: ["Lycée Victor Hugo", "Lycée professionnel Marie Curie", "Lycée Jean Jaurès", "Lycée des métiers de la santé", "Lycée agricole des Cévennes"], minPopulation: 4500, exponent: 1, isMultiple: true }),
  kind({ key: "ccas", label: "CCAS", sector: "SOCIAL", axes: ["accessToRights", "elderly"], roles: ["ccasVicePresident", "director", "socialWorker", "socialAgent"], size: [2, 5], names: ["CCAS {de}"], minPopulation: 1500, exponent: 0.6, isMultiple: false }),
  kind({ key: "townHall", label: "Mairie", sector: "LOCAL_AUTHORITY", axes: ["environment", "accessToRights", "elderly", "youth"], roles: ["mayor", "deputyMayor", "councillor", "townClerk"], size: [2, 5], names: ["Mairie {de}"], minPopulation: 600, exponent: 0.5, isMultiple: false }),
  kind({ key: "socialCentre", label: "Centre social", sector: "SOCIAL", axes: ["accessToRights", "youth", "perinatality", "nutrition"], roles: ["director", "animator", "socialWorker", "volunteer"], size: [3, 7], names: ["Centre social {de}", "Centre social et culturel Les Écoles", "Espace social Le Galion", "Centre social La Clède", "Centre social Les Cévennes"], minPopulation: 2500, exponent: 0.9, isMultiple: true }),
  kind({ key: "pij", label: "Point information jeunesse", sector: "SOCIAL", axes: ["youth"], roles: ["animator"], size: [1, 2], names: ["Point information jeunesse {de}"], minPopulation: 3000, exponent: 0.6, isMultiple: false }),
  kind({ key: "foodBank", label: "Épicerie solidaire", sector: "SOCIAL", axes: ["nutrition", "accessToRights"], roles: ["president", "volunteer", "coordinator"], size: [2, 5], names: ["Épicerie solidaire {de}"], minPopulation: 2000, exponent: 0.7, isMultiple: false }),
];

/** Associations: the free-form part of the network, drawn last to reach the territory's structure count. */
export interface AssociationTemplate {
  readonly name: string;
  readonly label: string;
  readonly sector: Sector;
  readonly axes: readonly AxisKey[];
}

export const ASSOCIATION_TEMPLATES: readonly AssociationTemplate[] = [
  { name: "Association Les Amis {de}", label: "Association", sector: "SOCIAL", axes: ["elderly", "accessToRights"] },
  { name: "Club des aînés {de}", label: "Association", sector: "SOCIAL", axes: ["elderly"] },
  { name: "Association sport santé {de}", label: "Association", sector: "PREVENTION", axes: ["nutrition", "chronicDiseases"] },
  { name: "Groupe d'entraide mutuelle {de}", label: "Groupe d'entraide mutuelle", sector: "MEDICO_SOCIAL", axes: ["mentalHealth"] },
  { name: "Association des aidants {de}", label: "Association", sector: "MEDICO_SOCIAL", axes: ["elderly", "disability"] },
  { name: "Association Familles rurales {de}", label: "Association", sector: "SOCIAL", axes: ["perinatality", "youth"] },
  { name: "Association de prévention spécialisée {de}", label: "Association", sector: "PREVENTION", axes: ["youth", "addictions"] },
  { name: "Jardin partagé {de}", label: "Association", sector: "PREVENTION", axes: ["nutrition", "environment"] },
  { name: "Association Entraide {commune}", label: "Association", sector: "SOCIAL", axes: ["accessToRights"] },
  { name: "Association des diabétiques – antenne {de}", label: "Association", sector: "CARE", axes: ["chronicDiseases"] },
  { name: "Association des parents d'élèves {de}", label: "Association", sector: "EDUCATION", axes: ["youth"] },
  { name: "Foyer rural {de}", label: "Association", sector: "SOCIAL", axes: ["youth", "elderly"] },
  { name: "Association Cévennes Environnement {commune}", label: "Association", sector: "PREVENTION", axes: ["environment"] },
  { name: "Association Handi'Cap {commune}", label: "Association", sector: "MEDICO_SOCIAL", axes: ["disability"] },
  { name: "Comité de prévention des addictions {de}", label: "Association", sector: "PREVENTION", axes: ["addictions"] },
  { name: "Association Bien vieillir {de}", label: "Association", sector: "PREVENTION", axes: ["elderly", "nutrition"] },
  { name: "Association Parents et bébés {de}", label: "Association", sector: "SOCIAL", axes: ["perinatality"] },
  { name: "Association Solidarité Santé {commune}", label: "Association", sector: "SOCIAL", axes: ["accessToRights", "chronicDiseases"] },
];

export const ASSOCIATION_ROLES: readonly RoleKey[] = ["president", "treasurer", "secretary", "volunteer", "peerHelper", "coordinator", "animator"];

export const INSTITUTION_ROLES: readonly RoleKey[] = ["institutionHead", "projectOfficer", "referent", "inspector", "technicalAdviser"];

export const PARTNERSHIP_KINDS: readonly string[] = [
  "Convention de partenariat",
  "Convention de coopération",
  "Convention de mise à disposition de locaux",
  "Charte d'engagement réciproque",
];

/** "de Bessèges", "d'Alès", "du Martinet", "des Mages", "de La Grand-Combe". */
export function deCommune(name: string): string {
  if (name.startsWith("Le ")) return `du ${name.slice(3)}`;
  if (name.startsWith("Les ")) return `des ${name.slice(4)}`;
  if (/^[AEIOUYÉÈÊÂÎHaeiouyéè]/.test(name)) return `d'${name}`;
  return `de ${name}`;
}

/** "à Bessèges", "au Martinet", "aux Mages". */
export function aCommune(name: string): string {
  if (name.startsWith("Le ")) return `au ${name.slice(3)}`;
  if (name.startsWith("Les ")) return `aux ${name.slice(4)}`;
  return `à ${name}`;
}

export function fillName(template: string, communeName: string): string {
  return template.replaceAll("{de}", deCommune(communeName)).replaceAll("{commune}", communeName);
}

/** Lower-case ASCII slug: "Santé mentale" -> "sante-mentale". */
export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Standing committees besides each contract's steering and technical committees. */
export interface CommitteeDefinition {
  readonly name: string;
  readonly axes: readonly AxisKey[];
  readonly start: string;
  readonly end: string | null;
}

export const STANDING_COMMITTEES: readonly CommitteeDefinition[] = [
  { name: "Comité de pilotage de l'atelier santé ville", axes: ["accessToRights"], start: "2011-09-15", end: "2019-06-30" },
  { name: "Comité de coordination gérontologique", axes: ["elderly"], start: "2012-02-07", end: null },
  { name: "Comité de pilotage du conseil local de santé mentale", axes: ["mentalHealth"], start: "2014-05-20", end: null },
  { name: "Comité de prévention des conduites addictives", axes: ["addictions", "youth"], start: "2015-10-13", end: null },
  { name: "Comité des usagers et des habitants", axes: ["accessToRights"], start: "2016-03-22", end: null },
  { name: "Comité santé-environnement", axes: ["environment"], start: "2020-09-29", end: null },
];

export const contractCommitteeNames = (generation: number): readonly [string, string] => [
  `Comité de pilotage du CLS ${generation}`,
  `Comité technique du CLS ${generation}`,
];
