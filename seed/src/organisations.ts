/**
 * Institutions and structures: institutions from the spec, structures placed in communes by
 * population (heavy tail towards the main town, none in several small communes).
 */
import {
  ALL_AXIS_KEYS,
  ASSOCIATION_ROLES,
  ASSOCIATION_TEMPLATES,
  INSTITUTION_ROLES,
  STRUCTURE_KINDS,
  fillName,
  type AxisKey,
  type StructureKindDefinition,
  type StructureKindKey,
} from "./catalog.js";
import type { OrganisationDraft } from "./drafts.js";
import type { InstitutionRow, Sector, StructureRow } from "./model.js";
import type { Random } from "./random.js";
import { localAxes, type TerritorySpec } from "./spec.js";
import type { CommuneInfo, TerritoryGeography } from "./territory.js";

export interface StructurePlan {
  readonly kind: StructureKindDefinition | undefined;
  readonly name: string;
  readonly label: string;
  readonly sector: Sector;
  readonly axes: readonly AxisKey[];
  readonly commune: CommuneInfo;
  readonly isHub: boolean;
  readonly isAnchor: boolean;
  readonly kindKey: StructureKindKey | "association";
}

const kindByKey = new Map(STRUCTURE_KINDS.map((kind) => [kind.key, kind]));

function structureKind(key: StructureKindKey): StructureKindDefinition {
  const kind = kindByKey.get(key);
  if (kind === undefined) throw new Error(`Unknown structure kind ${key}`);
  return kind;
}

function communeByCode(geography: TerritoryGeography, code: string): CommuneInfo {
  const commune = geography.communes.find((item) => item.code === code);
  if (commune === undefined) throw new Error(`Commune ${code} is not in the territory`);
  return commune;
}

export function buildInstitutions(spec: TerritorySpec, geography: TerritoryGeography): { rows: InstitutionRow[]; drafts: OrganisationDraft[] } {
  const rows: InstitutionRow[] = [];
  const drafts: OrganisationDraft[] = [];
  for (const institution of spec.institutions) {
    const row: InstitutionRow = {
      id: `${spec.id}-i-${institution.key}`,
      name: institution.name,
      kind: institution.kind,
      communeCode: institution.communeCode,
    };
    rows.push(row);
    drafts.push({
      id: row.id,
      label: "Institution",
      commune: communeByCode(geography, institution.communeCode),
      axes: new Set(localAxes(spec, ALL_AXIS_KEYS)),
      isGeneralist: true,
      isHub: institution.isHub,
      isIsolated: false,
      roles: INSTITUTION_ROLES,
      size: institution.members,
    });
  }
  return { rows, drafts };
}

/** Picks a name not used yet, trying the variants from a random offset. */
function uniqueName(random: Random, variants: readonly string[], commune: CommuneInfo, used: Set<string>, addCommune = true): string {
  const offset = random.int(0, variants.length - 1);
  for (let step = 0; step < variants.length; step += 1) {
    const template = variants[(offset + step) % variants.length] ?? "";
    const filled = fillName(template, commune.name);
    const name = template.includes("{") || !addCommune ? filled : `${filled} (${commune.name})`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  const base = fillName(variants[offset] ?? "Structure", commune.name);
  for (let counter = 2; ; counter += 1) {
    const name = `${base} (${commune.name}) ${counter}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

function planStructures(spec: TerritorySpec, geography: TerritoryGeography, random: Random): StructurePlan[] {
  const used = new Set<string>();
  const plans: StructurePlan[] = [];
  const fromKind = (kind: StructureKindDefinition, commune: CommuneInfo, isHub: boolean, isAnchor: boolean): StructurePlan => ({
    kind,
    name: uniqueName(random, kind.names, commune, used, kind.isMultiple),
    label: kind.label,
    sector: kind.sector,
    axes: kind.axes,
    commune,
    isHub,
    isAnchor,
    kindKey: kind.key,
  });

  for (const anchor of spec.anchors) {
    const plan = fromKind(structureKind(anchor.kind), communeByCode(geography, anchor.communeCode), anchor.isHub, true);
    if (anchor.name !== undefined) used.add(anchor.name);
    plans.push(anchor.name === undefined ? plan : { ...plan, name: anchor.name });
  }
  for (const kind of STRUCTURE_KINDS) {
    const count = spec.structureCounts[kind.key] ?? 0;
    if (count === 0) continue;
    const candidates = geography.communes.filter((commune) => commune.population >= kind.minPopulation);
    const weight = (commune: CommuneInfo): number => commune.population ** kind.exponent;
    const communes = kind.isMultiple
      ? Array.from({ length: count }, () => random.weightedPick(candidates, weight))
      : random.weightedSample(candidates, count, weight);
    for (const commune of communes) plans.push(fromKind(kind, commune, false, false));
  }
  const associations = spec.scale.structures - plans.length;
  if (associations < 0) throw new Error(`${spec.id}: more structures planned than scale.structures`);
  for (let index = 0; index < associations; index += 1) {
    const commune = random.weightedPick(geography.communes, (item) => item.population ** 0.8);
    const first = random.pick(ASSOCIATION_TEMPLATES);
    const chosen = [first, ...random.shuffle(ASSOCIATION_TEMPLATES)].find((item) => !used.has(fillName(item.name, commune.name))) ?? first;
    const name = uniqueName(random, [chosen.name], commune, used);
    plans.push({
      kind: undefined,
      name,
      label: chosen.label,
      sector: chosen.sector,
      axes: chosen.axes,
      commune,
      isHub: false,
      isAnchor: false,
      kindKey: "association",
    });
  }
  return plans;
}

const ISOLATION_PRONE: ReadonlySet<string> = new Set(["pharmacy", "medicalPractice", "physio", "nursing", "school", "association", "townHall"]);

export function buildStructures(
  spec: TerritorySpec,
  geography: TerritoryGeography,
  random: Random,
): { rows: StructureRow[]; drafts: OrganisationDraft[] } {
  const plans = planStructures(spec, geography, random);
  const rows: StructureRow[] = [];
  const drafts: OrganisationDraft[] = [];
  const width = String(plans.length).length < 3 ? 3 : String(plans.length).length;
  plans.forEach((plan, index) => {
    const row: StructureRow = {
      id: `${spec.id}-s-${String(index + 1).padStart(width, "0")}`,
      name: plan.name,
      sector: plan.sector,
      kind: plan.label,
      communeCode: plan.commune.code,
    };
    rows.push(row);
    const isGeneralist = plan.kindKey === "coordination" || plan.kindKey === "townHall";
    const [low, high] = plan.kind?.size ?? [3, 9];
    drafts.push({
      id: row.id,
      label: "Structure",
      commune: plan.commune,
      axes: new Set(localAxes(spec, isGeneralist ? ALL_AXIS_KEYS : plan.axes)),
      isGeneralist,
      isHub: plan.isHub,
      isIsolated: false,
      structure: row,
      roles: plan.kind?.roles ?? ASSOCIATION_ROLES,
      size: random.int(low, high),
    });
  });
  // Isolated structures: small ones, rather in small communes, whose members take part in nothing.
  const prone = drafts.filter((_draft, index) => !plans[index]?.isAnchor && ISOLATION_PRONE.has(plans[index]?.kindKey ?? ""));
  for (const draft of random.weightedSample(prone, spec.scale.isolatedStructures, (item) => 1 / Math.sqrt(item.commune.population))) {
    draft.isIsolated = true;
  }
  return { rows, drafts };
}
