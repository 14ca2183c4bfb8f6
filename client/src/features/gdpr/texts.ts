import { formatCount, plural } from "../../i18n/fr";

/** Every text of the GDPR tools, in French. */
export const gdprTexts = {
  open: "Données personnelles (RGPD)",
  openHint: "Personnes inactives ; export et effacement des données d'une personne",
  title: "Données personnelles (RGPD)",
  intro: (territory: string) =>
    `Les droits des personnes enregistrées sur « ${territory} » : leur remettre tout ce que Maillage détient sur elles (droit d'accès), les effacer (droit à l'effacement), et revoir celles qui n'ont plus d'activité (durée de conservation limitée).`,
  fromPanel: "Données personnelles (RGPD)",
  fromPanelHint: (name: string) => `Exporter ou effacer les données de ${name}`,
  subject: {
    title: "Personne choisie",
    none: "Aucune personne choisie. Choisissez-en une dans la liste des personnes inactives ci-dessous, ou ouvrez sa fiche dans le réseau et cliquez sur « Données personnelles (RGPD) ».",
    export: "Exporter ses données",
    exportHint: "Un fichier JSON avec tout ce que Maillage détient sur cette personne, à lui remettre.",
    exporting: "Export en cours…",
    exported: (fileName: string) => `Données exportées : ${fileName}.`,
    erase: "Effacer cette personne",
    eraseHint: "Efface sa fiche, ses adhésions, participations et présences, et son nom des vues enregistrées et du journal. Irréversible.",
    clear: "Choisir une autre personne",
  },
  confirm: {
    title: "Effacer définitivement une personne",
    message: (name: string) =>
      `Effacer ${name} de Maillage : sa fiche, ses coordonnées, ses adhésions, participations et présences, son identifiant dans les vues enregistrées, et son nom dans le journal des modifications (qui garde la trace de l'effacement). Cette action ne peut pas être annulée ; pensez à exporter ses données d'abord si elle les a demandées.`,
    label: (name: string) => `Pour confirmer, tapez son nom (« ${name} ») ou le mot EFFACER`,
    word: "EFFACER",
    mismatch: (name: string) => `Tapez « ${name} » ou EFFACER pour confirmer.`,
    submit: "Effacer définitivement",
  },
  erased: (name: string, relationships: number) =>
    `${name} a été effacé·e de Maillage (${plural(relationships, "lien supprimé", "liens supprimés")}). Le réseau affiché a été rechargé.`,
  inactive: {
    title: "Personnes inactives",
    yearsLabel: "Sans activité depuis (années)",
    yearsHelp: "Aucune présence à un événement, ni participation à un groupe ou adhésion à une structure en cours, pendant ce nombre d'années.",
    show: "Afficher",
    loading: "Recherche des personnes inactives…",
    summary: (count: number, since: string) =>
      count === 0
        ? `Aucune personne sans activité depuis le ${since}.`
        : `${plural(count, "personne", "personnes")} sans activité depuis le ${since}, la plus ancienne inactivité d'abord.`,
    columns: { name: "Personne", category: "Catégorie", lastActivity: "Dernière activité", action: "Action" },
    never: "Aucune activité enregistrée",
    choose: "Choisir",
    chooseLabel: (name: string) => `Choisir ${name}`,
    chosen: "Choisie",
    yearsInvalid: (min: number, max: number) => `Un nombre entier d'années, de ${formatCount(min)} à ${formatCount(max)}.`,
  },
  errors: {
    FORBIDDEN: "Votre rôle ne permet pas d'utiliser ces outils sur ce territoire : seuls ses coordinateurs et les administrateurs le peuvent.",
    NOT_FOUND_PERSON: "Cette personne n'existe plus : elle a peut-être été effacée entre-temps.",
    NOT_FOUND_TERRITORY: "Ce territoire n'existe plus. Rechargez la page.",
    BAD_USER_INPUT: "La demande est invalide. Vérifiez le nombre d'années, puis réessayez.",
    DATABASE_UNAVAILABLE: "La base de données ne répond pas. Réessayez dans un instant.",
    unreachable: "Impossible de joindre le serveur Maillage. Vérifiez votre connexion et que le serveur est démarré, puis réessayez.",
    other: "Le serveur Maillage a répondu par une erreur. Réessayez ; si l'erreur persiste, consultez le journal du serveur.",
    exportFailed: "L'export a échoué.",
    reportFailed: "La liste n'a pas pu être chargée.",
  },
} as const;
