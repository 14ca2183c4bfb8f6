/**
 * How merging two nodes treats their relationships and properties, decided without the database:
 * the service reads both nodes, asks for a plan, and applies it in the same transaction.
 *
 * Every relationship of the merged node moves to the kept node with all its properties. When both
 * nodes have the same relationship (same type, direction and other end):
 * - dated ones (`since`/`until`, such as MEMBER_OF, PARTICIPATES_IN, PARTNERS_WITH) become one when
 *   their ranges overlap and their other properties agree: earliest known `since` (a missing one
 *   is unknown, so it may overlap anything), latest `until` (a missing one means still going);
 *   ranges apart, or another role, stay as separate relationships;
 * - undated ones (ATTENDED, LOCATED_IN, ORGANISED_BY, SIGNED...) become one: the kept node's values,
 *   missing ones filled from the merged node's, the larger number when both have one (the same
 *   attendance recorded twice keeps its larger `volunteerHours`, it is not counted twice).
 * Relationships between the two nodes themselves are dropped: a node is not its own partner.
 */

export type Properties = Readonly<Record<string, unknown>>;

export interface StoredRelationship {
  readonly elementId: string;
  readonly type: string;
  /** True when the relationship leaves the node (kept or merged) it was read from. */
  readonly isOutgoing: boolean;
  /** Element id of the node at the other end. */
  readonly otherElementId: string;
  /** Stored properties, as the driver gave them (written back unchanged). */
  readonly properties: Properties;
  /** `since` and `until` as ISO dates, or null when absent. */
  readonly since: string | null;
  readonly until: string | null;
}

export interface NewRelationship {
  readonly type: string;
  readonly isOutgoing: boolean;
  readonly otherElementId: string;
  readonly properties: Properties;
}

export interface MergePlan {
  /** Relationships to create on the kept node. */
  readonly create: readonly NewRelationship[];
  /** Relationships of the kept node whose properties become these. */
  readonly update: readonly { readonly elementId: string; readonly properties: Properties }[];
  /** Relationships of the kept node folded into another one. */
  readonly delete: readonly string[];
  /** The kept node's empty properties, filled from the merged node. */
  readonly fill: Properties;
  readonly counts: MergeCounts;
}

export interface MergeCounts {
  /** Relationships of the merged node moved to the kept node as they were. */
  readonly moved: number;
  /** Relationships of the merged node joined with one of the kept node's (overlapping ranges, or undated). */
  readonly joined: number;
  /** Relationships of the merged node kept beside an equivalent one of the kept node (ranges apart, other role). */
  readonly keptApart: number;
  /** Relationships between the two nodes, dropped. */
  readonly dropped: number;
}

const DATE_KEYS = new Set(["since", "until"]);

const isEmpty = (value: unknown): boolean => value === null || value === undefined || (typeof value === "string" && value.trim() === "");

/** A comparable form of a stored value (driver dates and integers print as ISO dates and digits). */
function valueKey(value: unknown): string {
  if (Array.isArray(value)) return JSON.stringify(value.map(valueKey));
  return `${typeof value}:${String(value)}`;
}

/** Driver integers are objects; plain numbers are compared as numbers. */
function numberOf(value: unknown): number | null {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "object" && value !== null && typeof (value as { toNumber?: unknown }).toNumber === "function") {
    return (value as { toNumber: () => number }).toNumber();
  }
  return null;
}

/** The kept node's empty properties (null, missing, blank text) that the merged node has; never `id`. */
export function fillProperties(kept: Properties, merged: Properties): Properties {
  const fill: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(merged)) {
    if (key === "id" || isEmpty(value) || !isEmpty(kept[key])) continue;
    fill[key] = value;
  }
  return fill;
}

/** True when no property other than the dates has two different values. */
function agree(a: Properties, b: Properties): boolean {
  return Object.keys(a).every((key) => DATE_KEYS.has(key) || isEmpty(a[key]) || isEmpty(b[key]) || valueKey(a[key]) === valueKey(b[key]));
}

/** `first`'s values, missing ones taken from `second`; the larger of two numbers. */
function combine(first: Properties, second: Properties): Record<string, unknown> {
  const result: Record<string, unknown> = { ...first };
  for (const [key, value] of Object.entries(second)) {
    if (isEmpty(result[key])) {
      if (!isEmpty(value)) result[key] = value;
      continue;
    }
    const a = numberOf(result[key]);
    const b = numberOf(value);
    if (a !== null && b !== null && b > a) result[key] = value;
  }
  return result;
}

interface Cluster {
  readonly members: StoredRelationship[];
  since: string | null;
  until: string | null;
  properties: Record<string, unknown>;
}

const START = "";
const END = "\uffff";
const overlaps = (a: Cluster, b: Cluster): boolean =>
  (a.since ?? START) <= (b.until ?? END) && (b.since ?? START) <= (a.until ?? END);

function join(into: Cluster, from: Cluster): void {
  into.members.push(...from.members);
  const properties = combine(into.properties, from.properties);
  // A missing `since` is unknown: the earliest known one is kept. A missing `until` means still going.
  const earliest = from.since === null ? into : into.since === null || from.since < into.since ? from : into;
  const latest = into.until === null ? into : from.until === null || from.until > into.until ? from : into;
  // Dates are written back as stored (driver values), taken from the relationship that holds them.
  if ("since" in earliest.properties) properties.since = earliest.properties.since;
  if (latest.until === null) delete properties.until;
  else properties.until = latest.properties.until;
  into.since = earliest.since;
  into.until = latest.until;
  into.properties = properties;
}

/** Joins the relationships of one group (same type, direction, other end) as the module comment says. */
function clusterGroup(relationships: readonly StoredRelationship[]): Cluster[] {
  const isDated = relationships.some((r) => r.since !== null || r.until !== null);
  const clusters: Cluster[] = relationships.map((r) => ({ members: [r], since: r.since, until: r.until, properties: { ...r.properties } }));
  if (!isDated) {
    const [first, ...others] = clusters;
    if (first === undefined) return [];
    for (const other of others) {
      first.members.push(...other.members);
      first.properties = combine(first.properties, other.properties);
    }
    return [first];
  }
  let isChanged = true;
  while (isChanged) {
    isChanged = false;
    for (let i = 0; i < clusters.length && !isChanged; i += 1) {
      for (let j = i + 1; j < clusters.length && !isChanged; j += 1) {
        const a = clusters[i] as Cluster;
        const b = clusters[j] as Cluster;
        if (!overlaps(a, b) || !agree(a.properties, b.properties)) continue;
        join(a, b);
        clusters.splice(j, 1);
        isChanged = true;
      }
    }
  }
  return clusters;
}

const groupKey = (r: StoredRelationship): string => `${r.type}\u0000${r.isOutgoing ? ">" : "<"}\u0000${r.otherElementId}`;

const sameProperties = (a: Properties, b: Properties): boolean => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => valueKey(a[key]) === valueKey(b[key]));
};

/**
 * The plan that moves `merged`'s relationships onto `kept`. `keptRelationships` and
 * `mergedRelationships` are each node's own relationships, read from that node.
 */
export function planMerge(input: {
  readonly keptElementId: string;
  readonly mergedElementId: string;
  readonly keptProperties: Properties;
  readonly mergedProperties: Properties;
  readonly keptRelationships: readonly StoredRelationship[];
  readonly mergedRelationships: readonly StoredRelationship[];
}): MergePlan {
  const between = (r: StoredRelationship) => r.otherElementId === input.keptElementId || r.otherElementId === input.mergedElementId;
  const dropped = input.mergedRelationships.filter(between).length;
  const groups = new Map<string, { kept: StoredRelationship[]; merged: StoredRelationship[] }>();
  for (const [side, list] of [["kept", input.keptRelationships], ["merged", input.mergedRelationships]] as const) {
    for (const r of list) {
      if (between(r)) continue;
      const key = groupKey(r);
      const group = groups.get(key) ?? { kept: [], merged: [] };
      group[side].push(r);
      groups.set(key, group);
    }
  }
  const create: NewRelationship[] = [];
  const update: { elementId: string; properties: Properties }[] = [];
  const remove: string[] = [];
  let moved = 0;
  let joined = 0;
  let keptApart = 0;
  for (const group of groups.values()) {
    if (group.merged.length === 0) continue;
    const template = group.merged[0] as StoredRelationship;
    const newOne = (properties: Properties): NewRelationship => ({ type: template.type, isOutgoing: template.isOutgoing, otherElementId: template.otherElementId, properties });
    if (group.kept.length === 0) {
      for (const r of group.merged) create.push(newOne(r.properties));
      moved += group.merged.length;
      continue;
    }
    const keptIds = new Set(group.kept.map((r) => r.elementId));
    // The kept node's relationships first, so that their values win.
    for (const cluster of clusterGroup([...group.kept, ...group.merged])) {
      const keptMembers = cluster.members.filter((r) => keptIds.has(r.elementId));
      const mergedCount = cluster.members.length - keptMembers.length;
      const [survivor, ...folded] = keptMembers;
      if (survivor === undefined) {
        create.push(newOne(cluster.properties));
        keptApart += mergedCount;
        continue;
      }
      joined += mergedCount;
      if (!sameProperties(survivor.properties, cluster.properties)) update.push({ elementId: survivor.elementId, properties: cluster.properties });
      remove.push(...folded.map((r) => r.elementId));
    }
  }
  return {
    create,
    update,
    delete: remove,
    fill: fillProperties(input.keptProperties, input.mergedProperties),
    counts: { moved, joined, keptApart, dropped },
  };
}
