import type { NetworkNode } from "../../api/network";

/**
 * Lower case, without accents (NFD then combining marks dropped), punctuation as spaces:
 * "Alès" and "ales", "Saint-Jean" and "saint jean", "l'Hôpital" and "l hopital" compare equal.
 */
export function normalise(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export type MatchField = "name" | "commune";

export interface SearchResult {
  node: NetworkNode;
  field: MatchField;
}

/** Lower is better: the whole text, then its start, then the start of a word, then anywhere. */
export function rank(text: string, query: string): number | null {
  if (text === query) return 0;
  if (text.startsWith(query)) return 1;
  if (text.includes(` ${query}`)) return 2;
  if (text.includes(query)) return 3;
  return null;
}

/** A node found by its commune ranks after every node found by its name. */
const BY_COMMUNE = 4;

const collator = new Intl.Collator("fr", { sensitivity: "base" });

/**
 * Organisations whose name or commune contains the query, accents and case ignored. Name matches
 * come before commune matches; within a level, larger organisations first, then alphabetical.
 */
export function searchNodes(nodes: readonly NetworkNode[], query: string, limit = 8): SearchResult[] {
  return scoredNodes(nodes, query, limit).map((s) => s.result);
}

function scoredNodes(nodes: readonly NetworkNode[], query: string, limit: number): { result: SearchResult; score: number }[] {
  const q = normalise(query);
  if (q === "") return [];
  const scored: { result: SearchResult; score: number }[] = [];
  for (const node of nodes) {
    const byName = rank(normalise(node.name), q);
    if (byName !== null) {
      scored.push({ result: { node, field: "name" }, score: byName });
      continue;
    }
    const byCommune = node.communeName ? rank(normalise(node.communeName), q) : null;
    if (byCommune !== null) scored.push({ result: { node, field: "commune" }, score: BY_COMMUNE + byCommune });
  }
  return scored
    .sort(
      (a, b) =>
        a.score - b.score ||
        b.result.node.memberCount - a.result.node.memberCount ||
        collator.compare(a.result.node.name, b.result.node.name),
    )
    .slice(0, limit);
}

/** Something found that is not a drawn node: a work group or a commune of the territory. */
export interface SearchEntry {
  id: string;
  kind: "WORK_GROUP" | "COMMUNE";
  name: string;
}

/** Work groups and communes whose name contains the query, best match first. */
export function searchEntries(entries: readonly SearchEntry[], query: string, limit = 4): SearchEntry[] {
  return scoredEntries(entries, query, limit).map((s) => s.entry);
}

function scoredEntries(entries: readonly SearchEntry[], query: string, limit: number): { entry: SearchEntry; score: number }[] {
  const q = normalise(query);
  if (q === "") return [];
  const scored: { entry: SearchEntry; score: number }[] = [];
  for (const entry of entries) {
    const score = rank(normalise(entry.name), q);
    if (score !== null) scored.push({ entry, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || collator.compare(a.entry.name, b.entry.name))
    .slice(0, limit);
}

export type SearchHit = { type: "node"; node: NetworkNode; field: MatchField } | { type: "entry"; entry: SearchEntry };

/**
 * The search box's list: up to `limits.nodes` drawn nodes and `limits.entries` work groups and
 * communes, in one order, best match first ("ales" puts the commune Alès before the structures
 * whose name holds it, and those before the structures located there); on an equal match, nodes
 * first. A work group drawn as a node (two-mode view) is found as a node, not twice.
 */
export function searchAll(
  nodes: readonly NetworkNode[],
  entries: readonly SearchEntry[],
  query: string,
  limits: { nodes: number; entries: number } = { nodes: 8, entries: 4 },
): SearchHit[] {
  const drawn = new Set(nodes.map((n) => n.id));
  const hits: { hit: SearchHit; score: number }[] = [
    ...scoredNodes(nodes, query, limits.nodes).map(({ result, score }) => ({ hit: { type: "node" as const, ...result }, score })),
    ...scoredEntries(
      entries.filter((e) => !drawn.has(e.id)),
      query,
      limits.entries,
    ).map(({ entry, score }) => ({ hit: { type: "entry" as const, entry }, score })),
  ];
  // Array.prototype.sort is stable: nodes stay before entries of the same score.
  return hits.sort((a, b) => a.score - b.score).map((h) => h.hit);
}
