import type { Role } from "../api/auth";
import type { ApiErrorKind } from "../api/graphql";
import type { NodeCategory } from "../graph/palette";

/** Every text the user reads, in French, in one place. */
export const CATEGORY_LABELS: Readonly<Record<NodeCategory, string>> = {
  CARE: "Soin",
  PREVENTION: "Prévention",
  SOCIAL: "Social",
  MEDICO_SOCIAL: "Médico-social",
  EDUCATION: "Éducation",
  JUSTICE: "Justice",
  LOCAL_AUTHORITY: "Collectivité",
  INSTITUTION: "Institution",
};

const numberFormat = new Intl.NumberFormat("fr-FR");
export const formatCount = (n: number): string => numberFormat.format(n);

/** "1 groupe", "3 groupes": French treats 0 and 1 as singular. */
export function plural(n: number, singular: string, pluralForm: string): string {
  return `${formatCount(n)} ${n <= 1 ? singular : pluralForm}`;
}

export const fr = {
  app: {
    name: "Maillage",
    demoBadge: "Données fictives",
    demoBadgeTitle: "Ce territoire contient des données de démonstration inventées : aucune personne réelle.",
    territoryLabel: "Territoire",
    counts: (nodes: number, ties: number) =>
      `${plural(nodes, "structure ou institution", "structures et institutions")} · ${plural(ties, "lien", "liens")}`,
    loading: "Chargement du réseau…",
    loadingTerritories: "Chargement des territoires…",
    layingOut: "Disposition du réseau…",
    layoutFailed: "Le réseau n'a pas pu être disposé. Rechargez la page ; si l'erreur persiste, signalez-la avec le nom du territoire.",
    retry: "Réessayer",
    noTerritory: "Aucun territoire n'est enregistré.",
    noTerritoryHelp: "Chargez les données de démonstration (npm run seed) puis rechargez la page.",
    emptyNetwork: "Aucune structure ni institution n'a de membre actif sur ce territoire.",
    canvasLabel: (name: string) =>
      `Réseau de collaboration de ${name}. Utilisez le champ « Rechercher » pour atteindre une organisation au clavier.`,
  },
  login: {
    title: "Connexion de développement",
    intro:
      "Connexion sans mot de passe, réservée au développement et aux démonstrations. Choisissez le rôle avec lequel explorer le réseau.",
    roles: {
      ADMIN: { name: "Administrateur", help: "Voit et gère tous les territoires et toutes les données." },
      COORDINATOR: { name: "Coordinateur·rice", help: "Explore le réseau de son territoire et voit les noms des personnes." },
      ANALYST: { name: "Analyste", help: "Interroge le réseau : les personnes y sont pseudonymisées." },
    } satisfies Record<Role, { name: string; help: string }>,
    signingIn: "Connexion…",
    expired: "Votre session a expiré. Reconnectez-vous pour continuer.",
    signedOut: "Vous êtes déconnecté·e.",
    disabled: "La connexion de développement est désactivée sur ce serveur. Demandez un accès à l'administrateur.",
    unavailable:
      "Le serveur ne propose pas (encore) la connexion de développement. Vérifiez qu'il est à jour et démarré, puis réessayez.",
    failed: "La connexion a échoué. Réessayez ; si l'erreur persiste, consultez le journal du serveur.",
    signOut: "Se déconnecter",
    roleBadge: (roleName: string) => `Rôle : ${roleName}`,
    forbidden: "Votre rôle ne donne pas accès à ce territoire.",
  },
  timeWindow: {
    label: "Période",
    allPeriod: "Toute la période",
    custom: "Période personnalisée",
    from: "Du",
    to: "Au",
    apply: "Appliquer",
    contract: (name: string, fromYear: string, toYear: string | null) =>
      toYear ? `${name} (${fromYear}–${toYear})` : `${name} (depuis ${fromYear})`,
    between: (from: string, to: string) => `du ${from} au ${to}`,
    since: (from: string) => `depuis le ${from}`,
    until: (to: string) => `jusqu'au ${to}`,
    invalid: "La date de début doit précéder la date de fin.",
  },
  filters: {
    title: "Filtres",
    minWeight: "Liens d'au moins",
    minWeightValue: (n: number) => plural(n, "groupe de travail en commun", "groupes de travail en commun"),
    minWeightHelp: "Masque les liens faibles (un seul groupe partagé) pour lire la structure du réseau.",
    epci: "Intercommunalité (EPCI)",
    allEpcis: "Toutes les intercommunalités",
    active: "Filtres actifs",
    none: "Aucun filtre : tout le réseau chargé est dessiné.",
    chipMinWeight: (n: number) => `Liens : au moins ${plural(n, "groupe", "groupes")} en commun`,
    chipCategories: (shown: readonly string[]) => `Secteur : ${shown.join(", ")}`,
    chipCategoriesExcept: (hidden: readonly string[]) => `Secteur : tout sauf ${hidden.join(", ")}`,
    chipNoCategory: "Secteur : aucun",
    chipEpci: (name: string) => `EPCI : ${name}`,
    remove: (label: string) => `Retirer le filtre « ${label} »`,
    clearAll: "Tout effacer",
    nothingShown: "Aucune organisation ne correspond aux filtres actifs. Retirez un filtre pour en voir.",
  },
  search: {
    label: "Rechercher",
    placeholder: "Structure ou commune…",
    noResult: "Aucune organisation ne correspond.",
    hint: "↑ ↓ pour parcourir, Entrée pour afficher, Échap pour effacer",
    results: (n: number) => plural(n, "résultat", "résultats"),
  },
  errors: {
    title: "Le réseau n'a pas pu être chargé",
    byKind: {
      unreachable:
        "Impossible de joindre le serveur Maillage. Vérifiez qu'il est démarré (npm start) puis rechargez la page.",
      http: "Le serveur Maillage a répondu par une erreur. Réessayez dans un instant ; si l'erreur persiste, consultez le journal du serveur.",
      graphql: "Le serveur Maillage a refusé la requête.",
      "invalid-response":
        "La réponse du serveur Maillage est inattendue. Vérifiez que le client et le serveur viennent de la même version (npm run build).",
    } satisfies Record<ApiErrorKind, string>,
    detail: "Détail",
  },
  legend: {
    title: "Légende",
    filterHint: "Décochez un secteur pour le masquer.",
    hidden: "masqué",
    sizeHint: "Taille : nombre de membres",
    widthHint: "Épaisseur du lien : groupes de travail en commun",
    structureShape: "Structure",
    institutionShape: "Institution",
  },
  details: {
    close: "Fermer",
    closeHint: "Fermer le panneau (Échap)",
    kind: { STRUCTURE: "Structure", INSTITUTION: "Institution" },
    type: "Type",
    sector: "Secteur",
    commune: "Commune",
    members: "Membres",
    memberCount: (n: number) => plural(n, "membre", "membres"),
    partners: "Partenaires",
    noPartner: "Aucun partenaire : cette organisation ne partage aucun groupe de travail.",
    sharedGroups: (n: number) => `${plural(n, "groupe de travail", "groupes de travail")} en commun`,
    unknownCommune: "Non renseignée",
  },
  map: {
    noContours:
      "Les contours des communes ne sont pas disponibles : la carte ne peut pas être dessinée. Les structures sont regroupées par intercommunalité et par commune.",
    noContoursHelp:
      "Pour afficher la carte, demandez à l'administrateur de configurer une source de contours (variable GEO_SOURCE) puis de redémarrer le serveur.",
    coverageTitle: { structures: "Structures par commune", actors: "Acteurs par commune" },
    zoneBlanche: { structures: "Aucune structure (zone blanche)", actors: "Aucun acteur (zone blanche)" },
    range: (min: number, max: number) => (min === max ? formatCount(min) : `${formatCount(min)} à ${formatCount(max)}`),
    outsideTerritory: "Hors territoire",
    noCommune: "Commune non renseignée",
  },
} as const;
