import { formatCount, plural } from "../../i18n/fr";

/** Megabytes with one decimal at most, in French ("29,6"). */
export const megabytes = (bytes: number): string => (bytes / (1024 * 1024)).toLocaleString("fr-FR", { maximumFractionDigits: 1 });

/** "812 octets", "35 Ko", "29,6 Mo". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return plural(bytes, "octet", "octets");
  if (bytes < 1024 * 1024) return `${formatCount(Math.round(bytes / 1024))} Ko`;
  return `${megabytes(bytes)} Mo`;
}

/** Every text of the territory backup and restore, in French. */
export const backupTexts = {
  open: "Sauvegarde et restauration",
  openHint: "Le territoire dans un fichier, ou un territoire recréé depuis son fichier",
  title: "Sauvegarde et restauration",
  download: {
    title: "Sauvegarder le territoire",
    help: (territory: string) =>
      `Un seul fichier (.ndjson) avec tout « ${territory} » : contrats, communes, structures, personnes et leurs coordonnées, groupes, événements, vues enregistrées. Il contient des données personnelles : conservez-le en lieu sûr.`,
    noTerritory: "Aucun territoire n'est ouvert : il n'y a rien à sauvegarder.",
    start: "Télécharger la sauvegarde",
    preparing: "Le serveur prépare la sauvegarde…",
    receiving: (loaded: number, total: number | null) =>
      total ? `Téléchargement : ${fileSize(loaded)} sur ${fileSize(total)}` : `Téléchargement : ${fileSize(loaded)}`,
    done: (fileName: string, size: number) => `Sauvegarde téléchargée : ${fileName} (${fileSize(size)}).`,
    cancelled: "Téléchargement annulé.",
    failed: "La sauvegarde a échoué.",
  },
  restore: {
    title: "Restaurer une sauvegarde",
    help: "Recrée un territoire à partir de son fichier de sauvegarde, en une seule fois : tout ou rien. Le territoire ne doit pas déjà exister dans cette base (après la perte d'une base, ou pour l'installer sur un autre serveur).",
    fileLabel: "Choisir un fichier de sauvegarde…",
    noFile: "Aucun fichier choisi.",
    fileChosen: (name: string, size: number) => `Fichier choisi : ${name} (${fileSize(size)})`,
    start: "Restaurer",
    sending: (percent: number) => `Envoi du fichier : ${formatCount(percent)} %`,
    restoring: "Vérification et restauration en cours…",
    done: (name: string, nodes: number, relationships: number) =>
      `Territoire « ${name} » restauré : ${plural(nodes, "nœud", "nœuds")} et ${plural(relationships, "relation", "relations")}. Il est ouvert et figure dans la liste des territoires.`,
    cancelled: "Envoi annulé. Rien n'a été restauré.",
    failed: "La restauration a échoué.",
  },
  cancel: "Annuler",
  progressLabel: "Progression",
  signInAgain: "Se reconnecter",
  errors: {
    NOT_A_BACKUP: "Ce fichier n'est pas une sauvegarde de territoire Maillage : sa première ligne doit être l'en-tête « maillage-territory-backup ».",
    UNSUPPORTED_VERSION: (version: string) =>
      `Cette sauvegarde est au format ${version}, que cette version de Maillage ne sait pas lire. Restaurez-la avec la version de Maillage qui l'a faite.`,
    TRUNCATED: "La sauvegarde est incomplète : le fichier a été coupé, peut-être pendant son téléchargement. Téléchargez-la à nouveau.",
    CORRUPTED: "Le contenu de la sauvegarde ne correspond pas à sa somme de contrôle : le fichier a été modifié ou abîmé depuis la sauvegarde.",
    MALFORMED: (line: number | null) =>
      line === null ? "La sauvegarde est mal formée : son contenu ne correspond pas à son en-tête." : `La sauvegarde est mal formée à la ligne ${formatCount(line)}.`,
    nothingRestored: "Rien n'a été restauré.",
    TERRITORY_EXISTS: (name: string) =>
      `Le territoire « ${name} » existe déjà dans cette base : rien n'a été restauré. Une sauvegarde se restaure dans une base où son territoire n'existe pas encore.`,
    DATA_EXISTS: "Des données de cette sauvegarde (mêmes identifiants, mêmes codes de communes ou d'EPCI) existent déjà dans cette base, sous un autre territoire : rien n'a été restauré.",
    FILE_TOO_LARGE: (mb: string) => `Le fichier dépasse la taille maximale d'une sauvegarde (${mb} Mo).`,
    FORBIDDEN: "Seuls les administrateurs peuvent sauvegarder ou restaurer un territoire.",
    UNAUTHENTICATED: "Votre session a expiré. Reconnectez-vous, puis recommencez.",
    NOT_FOUND: "Ce territoire n'existe plus. Rechargez la page.",
    DATABASE_UNAVAILABLE: "La base de données ne répond pas. Réessayez dans un instant.",
    unreachable: "Impossible de joindre le serveur Maillage. Vérifiez votre connexion et que le serveur est démarré, puis réessayez.",
    invalid: "La réponse du serveur est inattendue. Vérifiez que le client et le serveur viennent de la même version, puis rechargez la page.",
    other: "Le serveur Maillage a répondu par une erreur. Réessayez ; si l'erreur persiste, consultez le journal du serveur.",
  },
} as const;
