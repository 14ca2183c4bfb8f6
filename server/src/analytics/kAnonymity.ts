/**
 * Re-identification (issue 19): a pseudonym hides a name, not a person who is the only « Sage-femme »
 * of a commune. In answers and exports for viewers who may not see personal data, an actor's
 * profession and commune are given only where at least k actors of the network share the
 * combination (with their category, sector and organisations, the other quasi-identifiers an
 * analyst can read); otherwise they are generalised: the profession becomes the category (« Élu·e »), the
 * commune is left out (the EPCI stays). Pure: no driver, no GraphQL.
 */
import type { AnalysedNode } from "./collaboration.js";

export const DEFAULT_K_ANONYMITY = 5;

const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  PROFESSIONAL: "Professionnel·le",
  ELECTED: "Élu·e",
  VOLUNTEER: "Bénévole",
  INSTITUTIONAL: "Représentant·e institutionnel·le",
};

/** The category in French, shown in place of a profession that would single a person out. */
export const generalisedProfession = (category: string | null): string | null => (category === null ? null : (CATEGORY_LABELS[category] ?? category));

/**
 * The same rule for a list that names a person's organisations (the explorer's details panels):
 * their profession (and role) is given only where, in each organisation of the territory they
 * belonged to during the window, at least k people share their category, profession and role.
 * `peers` holds one such count per membership; a person without a membership is generalised.
 */
export const isReleasedAmongPeers = (peers: readonly number[], k: number): boolean => peers.length > 0 && peers.every((count) => count >= k);

/** What an analyst is shown of an actor's quasi-identifiers. */
export interface ReleasedActor {
  readonly type: string | null;
  readonly communeCode: string | null;
  readonly communeName: string | null;
  readonly isGeneralised: boolean;
}

type ActorLike = Pick<AnalysedNode, "id" | "kind" | "type" | "category" | "communeCode" | "communeName" | "sector" | "organisationIds">;

/**
 * Every quasi-identifier shown with the profession and the commune: category, profession, commune,
 * sector, and the organisations: an analyst reads every actor's memberships (the generated API, the
 * details panels), so a profession shared in the commune but not in the organisation would still
 * name « the midwife of that health centre ».
 */
const comboKey = (node: ActorLike): string => JSON.stringify([node.category, node.type, node.communeCode, node.sector, [...node.organisationIds].sort()]);

/** The released attributes of every actor among `nodes` (organisations are not people: left out). */
export function releaseActors(nodes: Iterable<ActorLike>, k: number): Map<string, ReleasedActor> {
  const actors = [...nodes].filter((node) => node.kind === "ACTOR");
  const counts = new Map<string, number>();
  for (const actor of actors) counts.set(comboKey(actor), (counts.get(comboKey(actor)) ?? 0) + 1);
  const released = new Map<string, ReleasedActor>();
  for (const actor of actors) {
    const isShared = (counts.get(comboKey(actor)) ?? 0) >= k;
    released.set(
      actor.id,
      isShared
        ? { type: actor.type, communeCode: actor.communeCode, communeName: actor.communeName, isGeneralised: false }
        : { type: generalisedProfession(actor.category), communeCode: null, communeName: null, isGeneralised: true },
    );
  }
  return released;
}

/** Quasi-identifiers of one person as a viewer sees them (commune or, generalised, EPCI). */
export interface QuasiIdentifiers {
  readonly category: string | null;
  readonly profession: string | null;
  readonly place: string | null;
  readonly sector: string | null;
}

/** Share (0 to 1) of the records whose quasi-identifiers no other record has. */
export function uniqueShare(records: readonly QuasiIdentifiers[]): { unique: number; total: number; share: number } {
  const key = (record: QuasiIdentifiers): string => JSON.stringify([record.category, record.profession, record.place, record.sector]);
  const counts = new Map<string, number>();
  for (const record of records) counts.set(key(record), (counts.get(key(record)) ?? 0) + 1);
  const unique = records.filter((record) => counts.get(key(record)) === 1).length;
  return { unique, total: records.length, share: records.length === 0 ? 0 : unique / records.length };
}

const cache = new WeakMap<object, { k: number; released: Map<string, ReleasedActor> }>();

/** releaseActors over one analysed network, computed once per network (keyed by its object) and k. */
export function releasedActorsOf(network: { readonly nodes: ReadonlyMap<string, AnalysedNode> }, k: number): Map<string, ReleasedActor> {
  const cached = cache.get(network);
  if (cached !== undefined && cached.k === k) return cached.released;
  const released = releaseActors(network.nodes.values(), k);
  cache.set(network, { k, released });
  return released;
}
