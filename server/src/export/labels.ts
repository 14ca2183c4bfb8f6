import type { ExportMetadata, ExportNodeKind, ExportView } from "./model.js";

/** The French texts of the exports (file contents are read by people: Gephi, spreadsheets). */
export const KIND_LABELS: Readonly<Record<ExportNodeKind, string>> = {
  STRUCTURE: "Structure",
  INSTITUTION: "Institution",
  ACTOR: "Acteur",
  WORK_GROUP: "Groupe de travail",
};

/** Organisations' sectors in French, as the page's legend names them. */
export const SECTOR_LABELS: Readonly<Record<string, string>> = {
  CARE: "Soin",
  PREVENTION: "Prévention",
  SOCIAL: "Social",
  MEDICO_SOCIAL: "Médico-social",
  EDUCATION: "Éducation",
  JUSTICE: "Justice",
  LOCAL_AUTHORITY: "Collectivité",
};

const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  PROFESSIONAL: "Professionnel·le",
  ELECTED: "Élu·e",
  VOLUNTEER: "Bénévole",
  INSTITUTIONAL: "Représentant·e institutionnel·le",
};

const ROLE_LABELS: Readonly<Record<string, string>> = { PILOT: "Pilote", CO_PILOT: "Co-pilote", MEMBER: "Membre" };

export const VIEW_LABELS: Readonly<Record<ExportView, string>> = {
  STRUCTURES: "Réseau des structures",
  ACTORS: "Réseau des acteurs",
  PARTICIPATION: "Acteurs et groupes de travail",
};

export const DEMO_NOTICE = "Données fictives";

// Unknown codes are shown as they are rather than dropped: a new sector still reads.
const labelOf = (labels: Readonly<Record<string, string>>, code: string | null): string | null =>
  code === null ? null : (labels[code] ?? code);

export const sectorLabel = (code: string | null): string | null => labelOf(SECTOR_LABELS, code);
export const categoryLabel = (code: string | null): string | null => labelOf(CATEGORY_LABELS, code);
export const roleLabel = (code: string | null): string | null => labelOf(ROLE_LABELS, code);

/** `2019-01-01` → `01/01/2019`. */
const frenchDate = (iso: string): string => {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
};

/** "du 01/01/2019 au 31/12/2024", "depuis le …", "jusqu'au …", "toutes périodes". */
export function windowText(window: ExportMetadata["window"]): string {
  if (window.from !== null && window.to !== null) return `du ${frenchDate(window.from)} au ${frenchDate(window.to)}`;
  if (window.from !== null) return `depuis le ${frenchDate(window.from)}`;
  if (window.to !== null) return `jusqu'au ${frenchDate(window.to)}`;
  return "toutes périodes";
}

/** One paragraph saying what the file holds: view, territory, period, filters, fictitious data. */
export function describe(metadata: ExportMetadata): string {
  const parts = [
    `${VIEW_LABELS[metadata.view]} du territoire ${metadata.territoryName}`,
    `période : ${windowText(metadata.window)}`,
    metadata.filters === "" ? "sans filtre" : `filtres : ${metadata.filters}`,
  ];
  const text = `${parts.join(" ; ")}.`;
  return metadata.isDemo ? `${DEMO_NOTICE}. ${text}` : text;
}

const WORK_GROUP_KIND_LABELS: Readonly<Record<string, string>> = { WORK_GROUP: "Groupe de travail", NETWORK: "Réseau", COMMITTEE: "Comité" };

export const workGroupKindLabel = (code: string): string => WORK_GROUP_KIND_LABELS[code] ?? code;
