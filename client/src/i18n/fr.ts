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
      `Réseau de collaboration de ${name}. Utilisez la liste « Aller à » pour parcourir les organisations au clavier.`,
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
    sizeHint: "Taille : nombre de membres",
    widthHint: "Épaisseur du lien : groupes de travail en commun",
    structureShape: "Structure",
    institutionShape: "Institution",
  },
  picker: {
    label: "Aller à",
    placeholder: "Choisir une organisation…",
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
} as const;
