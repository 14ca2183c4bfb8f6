import type { ImportEntity, ImportKind } from "../../api/import";
import { formatCount, plural } from "../../i18n/fr";

/** Every text of the spreadsheet import, in French. */
export const importTexts = {
  open: "Importer",
  openHint: "Importer un annuaire, une liste de membres ou une feuille de présence (CSV ou XLSX)",
  title: "Importer un fichier",
  intro: (territory: string) =>
    `Les données du fichier sont ajoutées au territoire « ${territory} ». Rien n'est enregistré avant la dernière étape ; réimporter le même fichier ne change rien.`,
  close: "Fermer",
  steps: {
    kind: "1. Type de fichier",
    file: "2. Fichier",
    mapping: "3. Colonnes",
    report: "4. Vérification",
    result: "5. Import",
  },
  kinds: {
    STRUCTURES: {
      name: "Annuaire des structures",
      help: "Une ligne par structure. Colonnes attendues : nom de la structure et commune (nom ou code INSEE), obligatoires ; secteur, type de structure et identifiant Maillage, facultatifs.",
    },
    ACTORS: {
      name: "Annuaire des acteurs",
      help: "Une ligne par personne et par structure. Colonnes attendues : nom, prénom et structure ou institution de rattachement, obligatoires ; courriel, téléphone, catégorie, profession, rôle dans la structure, dates d'entrée et de sortie, facultatifs.",
    },
    MEMBERSHIPS: {
      name: "Listes de membres des groupes de travail",
      help: "Une ligne par personne et par groupe. Colonnes attendues : groupe de travail, obligatoire, et la personne (courriel, ou nom et prénom) ; rôle dans le groupe (pilote, co-pilote, membre), dates de début et de fin, axe prioritaire d'un nouveau groupe, facultatifs.",
    },
    ATTENDANCE: {
      name: "Feuilles de présence",
      help: "Une ligne par personne et par événement. Colonnes attendues : événement et date, obligatoires, et la personne (courriel, ou nom et prénom) ; commune du lieu, type d'événement, durée, organisateur, heures bénévoles, axe prioritaire, facultatifs.",
    },
  } satisfies Record<ImportKind, { name: string; help: string }>,
  kindLegend: "Quel fichier importez-vous ?",
  fileLabel: "Choisir un fichier CSV ou XLSX…",
  fileDrop: "ou déposez-le ici",
  noFile: "Aucun fichier choisi.",
  fileHelp: "CSV (UTF-8 ou Windows-1252, séparé par « ; », « , » ou tabulation) ou classeur Excel .xlsx, 20 Mo au plus. La première ligne donne les noms des colonnes.",
  fileChosen: (name: string, size: string) => `Fichier choisi : ${name} (${size})`,
  chooseKindFirst: "Choisissez d'abord le type de fichier.",
  size: (bytes: number) =>
    bytes < 1024
      ? plural(bytes, "octet", "octets")
      : bytes < 1024 * 1024
        ? `${formatCount(Math.round(bytes / 1024))} Ko`
        : `${(bytes / (1024 * 1024)).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`,
  format: {
    title: "Lecture du fichier",
    format: "Format",
    encoding: "Encodage",
    delimiter: "Séparateur",
    rows: "Lignes de données",
    delimiters: { ";": "point-virgule (;)", ",": "virgule (,)", "\t": "tabulation" } as Readonly<Record<string, string>>,
    none: "—",
  },
  sampleCaption: (shown: number, total: number) =>
    total > shown ? `Les ${formatCount(shown)} premières lignes sur ${formatCount(total)}` : plural(total, "ligne du fichier", "lignes du fichier"),
  line: "Ligne",
  mappingTitle: "Correspondance des colonnes",
  mappingHelp: "Pour chaque information, choisissez la colonne du fichier qui la contient. Maillage a reconnu les colonnes d'après leurs titres ; corrigez si besoin.",
  required: "obligatoire",
  noColumn: "— Aucune colonne —",
  columnOption: (index: number, header: string) => `${columnLetter(index)} · ${header === "" ? "(sans titre)" : header}`,
  problemsTitle: "À corriger avant de vérifier",
  missingRequired: (label: string) => `Colonne obligatoire manquante : « ${label} ».`,
  personColumns: "Il faut une colonne « Courriel », ou les colonnes « Nom » et « Prénom », pour reconnaître les personnes.",
  verify: "Vérifier (essai à blanc)",
  verifyHelp: "L'essai à blanc compare le fichier avec le territoire sans rien enregistrer.",
  reportTitle: "Résultat de l'essai à blanc",
  reportStale: "La correspondance des colonnes a changé : vérifiez à nouveau avant d'importer.",
  entity: "Données",
  created: "À créer",
  updated: "À mettre à jour",
  unchanged: "Inchangées",
  createdDone: "Créées",
  updatedDone: "Mises à jour",
  entities: {
    structures: "Structures",
    actors: "Acteurs",
    memberships: "Rattachements aux structures",
    workGroups: "Groupes de travail",
    participations: "Participations aux groupes",
    events: "Événements",
    attendances: "Présences",
  } satisfies Record<ImportEntity, string>,
  rowsRead: (n: number) => plural(n, "ligne lue", "lignes lues"),
  ignoredTitle: (n: number) => plural(n, "ligne ignorée", "lignes ignorées"),
  warningsTitle: (n: number) => `${plural(n, "ligne à vérifier", "lignes à vérifier")} avant d'importer (elles seront écrites telles quelles) :`,
  reason: "Raison",
  column: "Colonne",
  wholeRow: "(toute la ligne)",
  noErrors: "Aucune erreur : le fichier peut être importé.",
  errorsTitle: (n: number) =>
    n <= 1
      ? `${formatCount(n)} ligne en erreur : rien ne sera importé tant qu'elle n'est pas corrigée.`
      : `${formatCount(n)} lignes en erreur : rien ne sera importé tant qu'elles ne sont pas corrigées.`,
  errorsTruncated: (shown: number, total: number) => `Les ${formatCount(shown)} premières erreurs sur ${formatCount(total)} sont listées.`,
  errorsHelp: "Corrigez ces lignes dans votre tableur, enregistrez, puis choisissez à nouveau le fichier.",
  nothingToDo: "Le territoire contient déjà tout ce que dit ce fichier : l'import ne changera rien.",
  apply: "Importer",
  applyHelp: "Toutes les lignes sont enregistrées en une seule fois, ou aucune.",
  resultTitle: "Import terminé",
  resultText: (rows: number) => `${plural(rows, "ligne importée", "lignes importées")}. Le réseau affiché a été rechargé.`,
  another: "Importer un autre fichier",
  progress: {
    uploading: (percent: number) => `Envoi du fichier : ${formatCount(percent)} %`,
    processing: "Analyse en cours…",
    applying: "Enregistrement en cours…",
    cancel: "Annuler",
    cancelled: "Envoi annulé. Rien n'a été enregistré.",
    label: "Progression",
  },
  actions: { preview: "La lecture du fichier", "dry-run": "L'essai à blanc", apply: "L'import" },
  failed: (action: string) => `${action} a échoué.`,
  errors: {
    UNREADABLE_FILE: "Le fichier ne peut pas être lu.",
    UNREADABLE_FILE_HELP: "Ouvrez-le dans votre tableur et enregistrez-le en « CSV UTF-8 » ou en classeur Excel (.xlsx), puis choisissez-le à nouveau.",
    FILE_TOO_LARGE: (mb: string) => `Le fichier dépasse la taille maximale de ${mb} Mo. Découpez-le en plusieurs fichiers (par année ou par groupe, par exemple) et importez-les l'un après l'autre.`,
    BAD_USER_INPUT: "La correspondance des colonnes ne peut pas être utilisée. Corrigez-la puis vérifiez à nouveau.",
    IMPORT_HAS_ERRORS: "Rien n'a été importé : des lignes ont des erreurs. Corrigez-les dans le fichier puis vérifiez à nouveau.",
    FORBIDDEN: "Votre rôle ne permet pas d'importer sur ce territoire : seuls ses coordinateurs et les administrateurs le peuvent. Demandez l'accès à l'administrateur de Maillage.",
    UNAUTHENTICATED: "Votre session a expiré. Reconnectez-vous, puis recommencez l'import.",
    NOT_FOUND: "Ce territoire n'existe plus. Rechargez la page.",
    // An import is written in one transaction: when the database stops, nothing of the file is written.
    DATABASE_UNAVAILABLE: "La base de données ne répond pas : rien n'a été enregistré. Réessayez dans un instant.",
    unreachable: "Impossible de joindre le serveur Maillage. Vérifiez votre connexion et que le serveur est démarré, puis réessayez.",
    other: "Le serveur Maillage a répondu par une erreur. Réessayez ; si l'erreur persiste, consultez le journal du serveur.",
    invalid: "La réponse du serveur est inattendue. Vérifiez que le client et le serveur viennent de la même version, puis rechargez la page.",
  },
  signInAgain: "Se reconnecter",
  dismiss: "Fermer le message",
} as const;

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
