import { categoryLabel, roleLabel, sectorLabel } from "./labels.js";

/** The filters of an export with names instead of ids, as the resolver finds them. */
export interface FilterDescription {
  readonly axes: readonly string[];
  readonly workGroups: readonly string[];
  readonly sectors: readonly string[];
  readonly categories: readonly string[];
  readonly epcis: readonly string[];
  readonly communes: readonly string[];
  /** What makes a tie; both (the default) is not mentioned. */
  readonly through: readonly ("WORK_GROUP" | "EVENT")[];
  readonly roles: readonly string[];
  readonly minWeight: number;
  /** What tie weights add up; null or absent for networks without weights (the two-mode view). */
  readonly weighting?: "COUNT" | "NEWMAN" | null;
  /** The significance level of the backbone kept, or null / absent: every tie. */
  readonly backboneAlpha?: number | null;
  /** Nodes chosen on screen (positions given), or null for the whole network. */
  readonly selectedNodes: number | null;
}

const listOf = (label: string, plural: string, values: readonly string[]): string[] =>
  values.length === 0 ? [] : [`${values.length > 1 ? plural : label} : ${values.join(", ")}`];

const labelled = (codes: readonly string[], label: (code: string) => string | null): string[] => codes.map((code) => label(code) ?? code);

const frenchNumber = (value: number): string => String(value).replace(".", ",");

/** The filters in French, e.g. "axe : Santé mentale ; poids minimal des liens : 20"; empty when none. */
export function filtersText(filter: FilterDescription): string {
  const through = filter.through.length === 1 ? [`liens par : ${filter.through[0] === "EVENT" ? "événements" : "groupes de travail"} seulement`] : [];
  return [
    ...listOf("axe", "axes", filter.axes),
    ...listOf("groupe de travail", "groupes de travail", filter.workGroups),
    ...listOf("secteur", "secteurs", labelled(filter.sectors, sectorLabel)),
    ...listOf("catégorie", "catégories", labelled(filter.categories, categoryLabel)),
    ...listOf("EPCI", "EPCI", filter.epcis),
    ...listOf("commune", "communes", filter.communes),
    ...through,
    ...listOf("rôle", "rôles", labelled(filter.roles, roleLabel)),
    ...(filter.weighting === "NEWMAN" ? ["pondération : Newman (1/(n − 1) par activité de n participants)"] : []),
    ...(filter.weighting === "COUNT" ? ["pondération : nombre d'activités partagées"] : []),
    ...(filter.backboneAlpha == null ? [] : [`liens significatifs (modèle SDSM, α = ${frenchNumber(filter.backboneAlpha)})`]),
    ...(filter.minWeight !== 1 ? [`poids minimal des liens : ${frenchNumber(filter.minWeight)}`] : []),
    ...(filter.selectedNodes === null ? [] : [`nœuds affichés à l'écran : ${filter.selectedNodes}`]),
  ].join(" ; ");
}
