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

/** Lower is better: whole start of the text, then start of a word, then anywhere. */
export function rank(text: string, query: string): number | null {
  if (text.startsWith(query)) return 0;
  if (text.includes(` ${query}`)) return 1;
  if (text.includes(query)) return 2;
  return null;
}

const collator = new Intl.Collator("fr", { sensitivity: "base" });

/**
 * Organisations whose name or commune contains the query, accents and case ignored. Name matches
 * come before commune matches; within a level, larger organisations first, then alphabetical.
 */
export function searchNodes(nodes: readonly NetworkNode[], query: string, limit = 8): SearchResult[] {
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
    if (byCommune !== null) scored.push({ result: { node, field: "commune" }, score: 3 + byCommune });
  }
  return scored
    .sort(
      (a, b) =>
        a.score - b.score ||
        b.result.node.memberCount - a.result.node.memberCount ||
        collator.compare(a.result.node.name, b.result.node.name),
    )
    .slice(0, limit)
    .map((s) => s.result);
}

/** Something found that is not a drawn node: a work group or a commune of the territory. */
export interface SearchEntry {
  id: string;
  kind: "WORK_GROUP" | "COMMUNE";
  name: string;
}

/** Work groups and communes whose name contains the query, best match first. */
export function searchEntries(entries: readonly SearchEntry[], query: string, limit = 4): SearchEntry[] {
  const q = normalise(query);
  if (q === "") return [];
  const scored: { entry: SearchEntry; score: number }[] = [];
  for (const entry of entries) {
    const score = rank(normalise(entry.name), q);
    if (score !== null) scored.push({ entry, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || collator.compare(a.entry.name, b.entry.name))
    .slice(0, limit)
    .map((s) => s.entry);
}
