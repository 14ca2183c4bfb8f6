import type { Role } from "../api/auth";
import type { ApiErrorKind } from "../api/graphql";
import type { ActorCategory, ParticipationRole } from "../api/network";
import type { ColourMode, SizeMetric } from "../graph/elements";
import type { RoleFilter } from "../features/filters/filters";
import type { LayoutKind, ViewKind } from "../features/views/views";
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
  WORK_GROUP: "Groupe de travail",
};

export const ACTOR_CATEGORY_LABELS: Readonly<Record<ActorCategory, string>> = {
  PROFESSIONAL: "Professionnel·le",
  ELECTED: "Élu·e",
  VOLUNTEER: "Bénévole",
  INSTITUTIONAL: "Représentant·e institutionnel·le",
};

export const ROLE_LABELS: Readonly<Record<ParticipationRole, string>> = {
  PILOT: "Pilote",
  CO_PILOT: "Co-pilote",
  MEMBER: "Membre",
};

export const ROLE_FILTER_LABELS: Readonly<Record<RoleFilter, string>> = {
  ALL: "Tous les rôles",
  PILOTS: "Pilotes et co-pilotes",
  MEMBERS: "Membres (hors pilotes)",
};

const numberFormat = new Intl.NumberFormat("fr-FR");
export const formatCount = (n: number): string => numberFormat.format(n);

/** "1 groupe", "3 groupes": French treats 0 and 1 as singular. */
export function plural(n: number, singular: string, pluralForm: string): string {
  return `${formatCount(n)} ${n <= 1 ? singular : pluralForm}`;
}

const organisationCounts = (nodes: number, ties: number): string =>
  `${plural(nodes, "structure ou institution", "structures et institutions")} · ${plural(ties, "lien", "liens")}`;

export const fr = {
  app: {
    name: "Maillage",
    demoBadge: "Données fictives",
    demoBadgeTitle: "Ce territoire contient des données de démonstration inventées : aucune personne réelle.",
    territoryLabel: "Territoire",
    countsByView: {
      structures: organisationCounts,
      map: organisationCounts,
      actors: (nodes: number, ties: number) => `${plural(nodes, "acteur", "acteurs")} · ${plural(ties, "lien", "liens")}`,
      participation: (nodes: number, ties: number) => `${plural(nodes, "acteur ou groupe", "acteurs et groupes")} · ${plural(ties, "participation", "participations")}`,
    } satisfies Record<ViewKind, (nodes: number, ties: number) => string>,
    loading: "Chargement du réseau…",
    loadingTerritories: "Chargement des territoires…",
    layingOut: "Disposition du réseau…",
    refining: "Regroupé par communauté en attendant la disposition par forces…",
    layoutFailed: "Le réseau n'a pas pu être disposé. Rechargez la page ; si l'erreur persiste, signalez-la avec le nom du territoire.",
    retry: "Réessayer",
    noTerritory: "Aucun territoire n'est enregistré.",
    noTerritoryHelp: "Chargez les données de démonstration (npm run seed) puis rechargez la page.",
    emptyByView: {
      structures: "Aucune structure ni institution n'a de membre actif sur ce territoire pour cette période.",
      map: "Aucune structure ni institution n'a de membre actif sur ce territoire pour cette période.",
      actors: "Aucun acteur n'a participé à un groupe de travail ou à un événement pour cette période et ces filtres.",
      participation: "Aucune participation à un groupe de travail pour cette période et ces filtres.",
    } satisfies Record<ViewKind, string>,
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
    minWeightHelp: "Masque les liens faibles pour lire la structure du réseau. Les métriques sont recalculées sur le réseau affiché.",
    epci: "Intercommunalité (EPCI)",
    allEpcis: "Toutes les intercommunalités",
    active: "Filtres actifs",
    none: "Aucun filtre : tout le réseau chargé est dessiné.",
    chipMinWeight: (n: number) => `Liens : au moins ${plural(n, "groupe ou événement", "groupes ou événements")} en commun`,
    chipCategories: (shown: readonly string[]) => `Secteur : ${shown.join(", ")}`,
    chipCategoriesExcept: (hidden: readonly string[]) => `Secteur : tout sauf ${hidden.join(", ")}`,
    chipNoCategory: "Secteur : aucun",
    chipEpci: (name: string) => `EPCI : ${name}`,
    chipCommune: (name: string) => `Commune : ${name}`,
    chipAxis: (name: string) => `Axe : ${name}`,
    chipWorkGroup: (name: string) => `Groupe : ${name}`,
    chipActorCategories: (names: readonly string[]) => `Acteurs : ${names.join(", ")}`,
    chipRole: (name: string) => `Rôle : ${name}`,
    commune: "Commune",
    allCommunes: "Toutes les communes",
    axis: "Axe prioritaire",
    allAxes: "Tous les axes",
    workGroup: "Groupe de travail",
    allWorkGroups: "Tous les groupes de travail",
    actorCategories: "Catégories d'acteurs",
    role: "Rôle dans les groupes",
    roleHelp: "Ne compte que les participations de ce rôle (les événements ne comptent plus).",
    minWeightLinks: (n: number) => plural(n, "groupe ou événement en commun", "groupes ou événements en commun"),
    remove: (label: string) => `Retirer le filtre « ${label} »`,
    clearAll: "Tout effacer",
    nothingShown: "Aucune organisation ne correspond aux filtres actifs. Retirez un filtre pour en voir.",
  },
  search: {
    label: "Rechercher",
    placeholder: "Structure, acteur, groupe, commune…",
    noResult: "Aucun résultat.",
    kinds: { STRUCTURE: "Structure", INSTITUTION: "Institution", ACTOR: "Acteur", WORK_GROUP: "Groupe de travail", COMMUNE: "Commune" },
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
    byCode: {
      FORBIDDEN: "Votre rôle ne permet pas cette demande. Demandez l'accès à l'administrateur de Maillage.",
      NOT_FOUND: "Ce que vous demandez n'existe plus sur ce territoire. Rechargez la page.",
      BAD_USER_INPUT: "La demande est invalide (période, filtre ou seuil). Modifiez-la puis réessayez.",
      QUERY_TOO_COMPLEX: "Le réseau demandé est trop grand. Choisissez une période plus courte ou un seuil de liens plus élevé.",
      QUERY_TOO_DEEP: "La demande est trop imbriquée. Rechargez la page.",
      PAGE_SIZE_TOO_LARGE: "La demande porte sur trop d'éléments à la fois. Rechargez la page.",
      INTERNAL_SERVER_ERROR: "Le serveur Maillage a rencontré une erreur. Réessayez ; si l'erreur persiste, consultez le journal du serveur.",
    } as Readonly<Record<string, string>>,
  },
  legend: {
    title: "Légende",
    filterHint: "Décochez un secteur pour le masquer.",
    hidden: "masqué",
    sizeBy: (label: string) => `Taille : ${label}`,
    widthHint: "Épaisseur du lien : groupes de travail et événements en commun",
    participationHint: "Trait épais : pilote ou co-pilote du groupe",
    communities: "Communautés (Louvain)",
    community: (n: number) => `Communauté ${n + 1}`,
    otherCommunities: "Autres communautés",
    metricRamp: (label: string) => `Couleur : ${label}, du plus faible au plus fort`,
    low: "faible",
    high: "fort",
    comparison: "Comparaison des deux périodes",
    joined: "Arrivé·e dans la période",
    left: "Parti·e depuis la période de référence",
    gained: "Lien gagné",
    lost: "Lien perdu",
    path: "Chemin le plus court",
  },
  details: {
    close: "Fermer",
    closeHint: "Fermer le panneau (Échap)",
    type: "Type",
    sector: "Secteur",
    commune: "Commune",
    members: "Membres",
    memberCount: (n: number) => plural(n, "membre", "membres"),
    partners: "Partenaires",
    noPartner: "Aucun partenaire : cette organisation ne partage aucun groupe de travail.",
    sharedGroups: (n: number) => `${plural(n, "groupe ou événement", "groupes ou événements")} en commun`,
    unknownCommune: "Non renseignée",
  },
  views: {
    title: "Vue",
    names: {
      structures: "Structures",
      actors: "Acteurs",
      participation: "Acteurs et groupes",
      map: "Carte du territoire",
    } satisfies Record<ViewKind, string>,
    help: {
      structures: "Structures et institutions liées par les groupes de travail et événements partagés par leurs membres.",
      actors: "Personnes liées par leurs participations communes (groupes de travail, événements).",
      participation: "Qui participe à quel groupe de travail : réseau à deux types de nœuds.",
      map: "Les structures dans leur commune, les liens à travers le territoire.",
    } satisfies Record<ViewKind, string>,
  },
  layouts: {
    title: "Disposition",
    names: { force: "Forces (fcose)", concentric: "Concentrique (métrique)", geographic: "Géographique", axis: "Par axe prioritaire" } satisfies Record<LayoutKind, string>,
    noAxis: "Sans axe",
  },
  metrics: {
    title: "Métriques",
    sizeBy: "Taille selon",
    colourBy: "Couleur selon",
    sizes: { members: "Nombre de membres", degree: "Degré (partenaires)", weightedDegree: "Degré pondéré", betweenness: "Intermédiarité" } satisfies Record<SizeMetric, string>,
    colours: { category: "Secteur", community: "Communauté", betweenness: "Intermédiarité", degree: "Degré" } satisfies Record<ColourMode, string>,
    degree: "Degré",
    weightedDegree: "Degré pondéré",
    betweenness: "Intermédiarité",
    community: "Communauté",
    unavailable: "Métriques non disponibles dans cette vue (réseau à deux types de nœuds).",
  },
  lists: {
    title: "Repères pour la coordination",
    brokers: "Passeurs (plus forte intermédiarité)",
    brokersHelp: "Ceux par qui passent le plus de chemins entre les autres.",
    isolated: "Structures isolées",
    isolatedHelp: "Aucun lien dans le réseau affiché.",
    singlePerson: "Liées par une seule personne",
    singlePersonHelp: "Structures dont un seul membre participe : le lien tient à une personne.",
    none: "Aucune.",
    more: (n: number) => `et ${formatCount(n)} de plus`,
  },
  focus: {
    ego: "Centrer sur ce nœud",
    depth: "Profondeur",
    depthValue: (n: number) => plural(n, "niveau", "niveaux"),
    active: (name: string, depth: number) => `Focus : ${name} (${plural(depth, "niveau", "niveaux")})`,
    clear: "Quitter le focus",
    expand: "Déplier ses voisins",
    collapse: "Replier ses voisins",
    pathTo: "Chemin le plus court vers…",
    pathPlaceholder: "Nom de l'autre nœud…",
    pathActive: (from: string, to: string, length: number) => `Chemin : ${from} → ${to} (${plural(length, "lien", "liens")})`,
    noPath: (from: string, to: string) => `Aucun chemin entre ${from} et ${to} dans le réseau affiché.`,
  },
  compare: {
    toggle: "Comparer avec une autre période",
    reference: "Période de référence",
    summary: (gained: number, lost: number, joined: number, left: number) =>
      `${plural(gained, "lien gagné", "liens gagnés")}, ${plural(lost, "lien perdu", "liens perdus")}, ${plural(joined, "arrivée", "arrivées")}, ${plural(left, "départ", "départs")}`,
  },
  panel: {
    workGroup: "Groupe de travail",
    commune: "Commune",
    loading: "Chargement des détails…",
    failed: "Les détails n'ont pas pu être chargés. Réessayez.",
    members: "Membres",
    workGroups: "Groupes de travail",
    axes: "Axes prioritaires",
    events: "Événements",
    structures: "Structures",
    coverage: "Couverture par axe",
    notCovered: "zone blanche",
    coverageCell: (structures: number, actors: number) => `${plural(structures, "structure", "structures")} · ${plural(actors, "acteur", "acteurs")}`,
    population: (n: number) => `${formatCount(n)} habitants`,
    populationLabel: "Population",
    epci: "Intercommunalité",
    participants: (n: number) => plural(n, "participant", "participants"),
    attendees: (n: number) => plural(n, "présent", "présents"),
    email: "Courriel",
    phone: "Téléphone",
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
    coverageToggle: "Couverture du territoire (zones blanches)",
    coverageUnit: "Compter",
    noCommune: "Commune non renseignée",
  },
} as const;
