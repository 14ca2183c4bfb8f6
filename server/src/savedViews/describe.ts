/**
 * What the server writes itself about a saved view (pure): its subtitle, from the saved state, and
 * the closed list of texts a legend row may carry. Neither is free text a client can choose, so
 * neither can carry a person's name or e-mail to the analysts of the territory (issue 19).
 */
import { SECTOR_LABELS as EXPORT_SECTOR_LABELS } from "../export/labels.js";

/** Names of what the state's filters point at, looked up in the view's territory (null when not found). */
export interface ViewNames {
  readonly axis: string | null;
  readonly workGroup: string | null;
  readonly epci: string | null;
  readonly commune: string | null;
}

/** The ids the subtitle needs names for. */
export interface ViewReferences {
  readonly axisId: string | null;
  readonly workGroupId: string | null;
  readonly epciCode: string | null;
  readonly communeCode: string | null;
}

/** The legend's categories: the sectors of the exports, plus institutions and work groups. */
const SECTOR_LABELS: Readonly<Record<string, string>> = {
  ...EXPORT_SECTOR_LABELS,
  INSTITUTION: "Institution",
  WORK_GROUP: "Groupe de travail",
};

const ACTOR_CATEGORY_LABELS: Readonly<Record<string, string>> = {
  PROFESSIONAL: "Professionnel·le",
  ELECTED: "Élu·e",
  VOLUNTEER: "Bénévole",
  INSTITUTIONAL: "Représentant·e institutionnel·le",
};

const ROLE_LABELS: Readonly<Record<string, string>> = { PILOT: "Pilote", CO_PILOT: "Co-pilote", MEMBER: "Membre" };

/** Legend rows the page draws (client/src/features/savedViews/describe.ts): sectors and communities. */
const COMMUNITY_LABEL = /^Communauté [1-9][0-9]?$/;
const LEGEND_LABELS: ReadonlySet<string> = new Set([...Object.values(SECTOR_LABELS), "Autres communautés"]);

/** True for a text the page's legend can show; any other label is refused when a view is saved. */
export const isLegendLabel = (label: string): boolean => LEGEND_LABELS.has(label) || COMMUNITY_LABEL.test(label);

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const textOrNull = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const textList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function frenchDate(iso: string): string | null {
  const match = ISO_DATE.exec(iso);
  return match === null ? null : `${match[3]}/${match[2]}/${match[1]}`;
}

/** `du 27/06/2019 au 31/12/2025`, `depuis le …`, `jusqu'au …`, or `Toute la période`. */
function describeWindow(value: unknown): string {
  const window = isRecord(value) ? value : {};
  const from = frenchDate(textOrNull(window.from) ?? "");
  const to = frenchDate(textOrNull(window.to) ?? "");
  if (from !== null && to !== null) return `du ${from} au ${to}`;
  if (from !== null) return `depuis le ${from}`;
  if (to !== null) return `jusqu'au ${to}`;
  return "Toute la période";
}

/** The filters of a state the subtitle names, read leniently (a malformed part is left out). */
export function viewReferences(state: string): ViewReferences {
  const filters = filtersOf(state);
  return {
    axisId: textOrNull(filters.axisId),
    workGroupId: textOrNull(filters.workGroupId),
    epciCode: textOrNull(filters.epciCode),
    communeCode: textOrNull(filters.communeCode),
  };
}

function parsed(state: string): Json {
  try {
    const value: unknown = JSON.parse(state);
    return isRecord(value) ? value : {};
  } catch {
    return {};
  }
}

const filtersOf = (state: string): Json => {
  const filters = parsed(state).filters;
  return isRecord(filters) ? filters : {};
};

/**
 * The subtitle of a saved view, in French, from its state and the names of what its filters point
 * at: `Période : du 27/06/2019 au 31/12/2025 · Comparée à : … · Axe : Santé mentale · …`. Only
 * fixed texts and names of the territory's axes, work groups, EPCI and communes.
 */
export function describeState(state: string, names: ViewNames): string {
  const root = parsed(state);
  const filters = filtersOf(state);
  const parts = [`Période : ${describeWindow(root.window)}`];
  if (isRecord(root.compareWindow)) parts.push(`Comparée à : ${describeWindow(root.compareWindow)}`);
  const minWeight = filters.minWeight;
  if (typeof minWeight === "number" && Number.isInteger(minWeight) && minWeight > 1) parts.push(`Liens : au moins ${minWeight} groupes ou événements en commun`);
  const hidden = textList(filters.hiddenCategories).map((code) => SECTOR_LABELS[code]).filter((label): label is string => label !== undefined);
  if (hidden.length > 0) parts.push(`Secteur : tout sauf ${hidden.join(", ")}`);
  if (names.epci !== null) parts.push(`EPCI : ${names.epci}`);
  if (names.commune !== null) parts.push(`Commune : ${names.commune}`);
  if (names.axis !== null) parts.push(`Axe : ${names.axis}`);
  if (names.workGroup !== null) parts.push(`Groupe : ${names.workGroup}`);
  const categories = textList(filters.actorCategories).map((code) => ACTOR_CATEGORY_LABELS[code]).filter((label): label is string => label !== undefined);
  if (categories.length > 0) parts.push(`Acteurs : ${categories.join(", ")}`);
  const role = textOrNull(filters.role);
  if (role !== null && ROLE_LABELS[role] !== undefined) parts.push(`Rôle : ${ROLE_LABELS[role]}`);
  return parts.join(" · ");
}
