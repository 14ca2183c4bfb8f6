/**
 * The map's fallback without contours (no geo source): structures grouped in Cytoscape compound
 * nodes, one per EPCI and, inside it, one per commune, so that "where" still reads at a glance.
 */
import type { ElementDefinition } from "cytoscape";
import { fr } from "../../i18n/fr";
import type { PlaceableNode } from "./placement";
import type { MapCommune, MapEpci } from "./types";

/** Group ids carry a prefix with a colon, which network node ids never hold. */
export const epciGroupId = (code: string) => `epci:${code}`;
export const communeGroupId = (code: string) => `commune:${code}`;
/** Nodes whose commune is outside the territory's catalogue (e.g. a regional agency). */
export const OUTSIDE_GROUP_ID = "group:outside";
/** Nodes without a commune. */
export const NO_COMMUNE_GROUP_ID = "group:no-commune";

export type GroupLevel = "epci" | "commune" | "other";

export interface GroupData {
  id: string;
  label: string;
  level: GroupLevel;
  parent?: string;
}

const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });
const byName = <T extends { name: string; code: string }>(a: T, b: T) => collator.compare(a.name, b.name) || collator.compare(a.code, b.code);

function group(data: GroupData): ElementDefinition {
  return { group: "nodes", data: { ...data }, classes: `map-group map-group--${data.level}`, selectable: false, grabbable: false };
}

/**
 * Compound parents first (each EPCI, then its communes, by name; "outside" and "no commune" last),
 * then one definition per node with its `parent` set. Only groups that hold nodes are made.
 * Merge the nodes' own data with `withGroups`.
 */
export function groupedElements(
  nodes: readonly PlaceableNode[],
  communes: readonly MapCommune[],
  epcis: readonly MapEpci[],
): ElementDefinition[] {
  const communeByCode = new Map(communes.map((c) => [c.code, c]));
  const epciByCode = new Map(epcis.map((e) => [e.code, e]));
  const parentOf = new Map<string, string>();
  const usedCommunes = new Map<string, MapCommune>();
  let hasOutside = false;
  let hasNoCommune = false;
  for (const node of nodes) {
    const commune = node.communeCode === null ? undefined : communeByCode.get(node.communeCode);
    if (commune) {
      usedCommunes.set(commune.code, commune);
      parentOf.set(node.id, communeGroupId(commune.code));
    } else if (node.communeCode === null) {
      hasNoCommune = true;
      parentOf.set(node.id, NO_COMMUNE_GROUP_ID);
    } else {
      hasOutside = true;
      parentOf.set(node.id, OUTSIDE_GROUP_ID);
    }
  }

  const communesByEpci = new Map<string, MapCommune[]>();
  const withoutEpci: MapCommune[] = [];
  for (const commune of usedCommunes.values()) {
    if (!epciByCode.has(commune.epciCode)) {
      withoutEpci.push(commune);
      continue;
    }
    const list = communesByEpci.get(commune.epciCode);
    if (list) list.push(commune);
    else communesByEpci.set(commune.epciCode, [commune]);
  }

  const elements: ElementDefinition[] = [];
  const usedEpcis = [...epciByCode.values()].filter((e) => communesByEpci.has(e.code)).sort(byName);
  for (const epci of usedEpcis) {
    const id = epciGroupId(epci.code);
    elements.push(group({ id, label: epci.name, level: "epci" }));
    for (const commune of (communesByEpci.get(epci.code) ?? []).sort(byName)) {
      elements.push(group({ id: communeGroupId(commune.code), label: commune.name, level: "commune", parent: id }));
    }
  }
  for (const commune of withoutEpci.sort(byName)) {
    elements.push(group({ id: communeGroupId(commune.code), label: commune.name, level: "commune" }));
  }
  if (hasOutside) elements.push(group({ id: OUTSIDE_GROUP_ID, label: fr.map.outsideTerritory, level: "other" }));
  if (hasNoCommune) elements.push(group({ id: NO_COMMUNE_GROUP_ID, label: fr.map.noCommune, level: "other" }));
  for (const node of nodes) {
    const parent = parentOf.get(node.id);
    if (parent) elements.push({ group: "nodes", data: { id: node.id, parent } });
  }
  return elements;
}

/**
 * The network's own elements inside the groups: the groups first (Cytoscape needs a parent before
 * its children), then every element, each node given the parent `grouped` assigns it.
 */
export function withGroups(elements: readonly ElementDefinition[], grouped: readonly ElementDefinition[]): ElementDefinition[] {
  const groups: ElementDefinition[] = [];
  const parentOf = new Map<string, string>();
  for (const element of grouped) {
    const { id, parent } = element.data;
    if (id === undefined) continue;
    if ((element.classes ?? "").includes("map-group")) groups.push(element);
    else if (typeof parent === "string") parentOf.set(id, parent);
  }
  const placed = elements.map((element) => {
    const parent = element.data.id === undefined ? undefined : parentOf.get(element.data.id);
    return parent === undefined || element.group === "edges" ? element : { ...element, data: { ...element.data, parent } };
  });
  return [...groups, ...placed];
}

export { groupStylesheet } from "../../graph/groupStyle";
