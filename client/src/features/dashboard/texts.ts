import type { DashboardMeasure } from "../../api/dashboard";
import { formatCount } from "../../i18n/fr";

const decimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 3 });
const oneDecimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 0 });

/** A measure's value as the dashboard writes it (density with decimals, hours rounded). */
export function formatMeasure(measure: DashboardMeasure, value: number): string {
  if (measure === "DENSITY") return decimal.format(value);
  return formatCount(Math.round(value));
}

export const formatDecimal = (value: number): string => oneDecimal.format(value);
export const formatPercent = (value: number): string => percent.format(value);

/** Every word of the Tableau de bord. */
export const dashboardTexts = {
  open: "Tableau de bord",
  openHint: "Les chiffres, tendances et la couverture du territoire en graphiques",
  title: (territory: string) => `Tableau de bord — ${territory}`,
  regionLabel: "Tableau de bord du territoire",
  loading: "Calcul des chiffres du territoire…",
  failed: "Ce panneau n'a pas pu être calculé.",
  retry: "Réessayer",
  source: (territory: string, date: string) => `Source : Maillage, ${territory}, données du graphe au ${date}`,
  demoSource: " (données fictives)",
  comparedSource: (date: string) => `Source : Maillage, territoires comparés (figures de l'année, population municipale INSEE), données du graphe au ${date}`,
  filtersNote: "La période et les filtres de la barre latérale s'appliquent ; le filtre des liens significatifs et le seuil de poids ne concernent que le dessin des réseaux.",
  panels: {
    figures: "En quelques chiffres",
    trends: "Tendances par année",
    coverage: "Couverture du territoire",
    shape: "Forme du réseau",
    comparison: "Comparaison des territoires",
  },
  measures: {
    ACTIVE_ACTORS: "Acteurs actifs",
    ACTIVE_STRUCTURES: "Structures actives",
    EVENTS: "Événements",
    VOLUNTEER_HOURS: "Heures de bénévolat",
    ACTIVE_WORK_GROUPS: "Groupes de travail actifs",
    DENSITY: "Densité du réseau des structures",
    LARGEST_COMPONENT_SIZE: "Plus grand groupe connecté",
  } satisfies Record<DashboardMeasure, string>,
  units: {
    ACTIVE_ACTORS: "personnes",
    ACTIVE_STRUCTURES: "structures",
    EVENTS: "événements",
    VOLUNTEER_HOURS: "heures",
    ACTIVE_WORK_GROUPS: "groupes",
    DENSITY: "part des liens possibles (0 à 1)",
    LARGEST_COMPONENT_SIZE: "structures",
  } satisfies Record<DashboardMeasure, string>,
  yearOf: (year: number) => `en ${year}`,
  years: (from: number, to: number) => (from === to ? `${from}` : `${from} à ${to}`),
  change: (sign: string, value: string, contract: string) => `${sign}${value} par rapport à la moyenne annuelle du ${contract}`,
  noPrevious: "pas de contrat précédent à comparer",
  sparkline: (measure: string) => `Évolution par année : ${measure}`,
  contractMark: "début de contrat",
  unit: (unit: string) => `Unité : ${unit}`,
  period: (period: string) => `Période : ${period}`,
  coverageTitle: "Structures travaillant sur chaque axe, par commune",
  coverageUnit: "structures (blanc : zone blanche, personne ne travaille sur l'axe)",
  coverageShare: (share: string) => `${share} des couples commune × axe couverts`,
  sortBy: "Trier les communes par",
  sortPopulation: "population",
  sortName: "nom",
  axesTitle: "Axes par nombre de structures qui y travaillent",
  axesUnit: "structures (situées dans les communes du territoire)",
  degreeTitle: "Distribution des degrés (échelle logarithmique)",
  degreeUnit: "nombre de structures ayant ce nombre de partenaires",
  degreeX: "Partenaires (liens)",
  degreeY: "Structures",
  topTitle: "Les 10 structures les plus reliées",
  topUnit: "liens",
  topShare: (share: string, ties: string, total: string) => `${share} des liens (${ties} sur ${total}) touchent ces 10 structures`,
  dependencyTitle: "Structures reliées au réseau par une seule personne",
  dependencyUnit: "organisations partenaires jointes par cette personne",
  dependencyNote: (total: number, shown: number) =>
    total > shown ? `${formatCount(total)} structures en tout ; les ${formatCount(shown)} qui joignent le plus de partenaires` : `${formatCount(total)} structure${total > 1 ? "s" : ""}`,
  noDependency: "Aucune structure ne dépend d'une seule personne sur cette période.",
  comparisonTitle: (measure: string) => `${measure} pour 10 000 habitants`,
  comparisonUnit: "pour 10 000 habitants",
  comparisonMeasures: {
    activeActors: "Acteurs actifs",
    structures: "Structures",
    events: "Événements",
    volunteerHours: "Heures de bénévolat",
    activeWorkGroups: "Groupes de travail actifs",
  },
  exportSvg: "SVG",
  exportPng: "PNG",
  exportHint: (title: string, format: string) => `Exporter « ${title} » en ${format}`,
  dataTable: "Voir les données",
  columnValue: "Valeur",
  chartLabel: (title: string, period: string) => `Graphique : ${title}, ${period}. Les valeurs exactes sont dans le tableau « Voir les données ».`,
  epci: (name: string) => name,
  unknownEpci: "Autre intercommunalité",
};
