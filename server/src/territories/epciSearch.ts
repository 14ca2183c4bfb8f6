/**
 * Finds EPCI for the new-territory form: by SIREN code (or its beginning) or by name, ignoring
 * accents, case, apostrophes and dashes; every word typed must start a word of the name
 * ("ales agglo" finds "CA Alès Agglomération"). Pure: the list comes from the caller.
 */
import type { EpciSummary } from "../../../seed/src/territory.js";

export const EPCI_SEARCH_LIMIT = 20;
const MIN_SEARCH_LENGTH = 2;

/** Lower case, no accents, words separated by single spaces ("Cèze-Cévennes" → "ceze cevennes"). */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

interface Indexed {
  readonly epci: EpciSummary;
  readonly words: readonly string[];
  readonly folded: string;
}

const indexes = new WeakMap<readonly EpciSummary[], readonly Indexed[]>();

function indexOf(epcis: readonly EpciSummary[]): readonly Indexed[] {
  let index = indexes.get(epcis);
  if (index === undefined) {
    index = epcis.map((epci) => {
      const folded = foldText(epci.name);
      return { epci, folded, words: folded.split(" ") };
    });
    indexes.set(epcis, index);
  }
  return index;
}

/**
 * At most `limit` EPCI matching `search`: codes by prefix; names whose words each start with one
 * typed word. Names holding the words as typed, in a row, come first; then by population (largest first).
 * Fewer than two characters find nothing.
 */
export function searchEpcis(epcis: readonly EpciSummary[], search: string, limit = EPCI_SEARCH_LIMIT): EpciSummary[] {
  const query = foldText(search);
  if (query.replace(/ /g, "").length < MIN_SEARCH_LENGTH) return [];
  const index = indexOf(epcis);
  if (/^\d+$/.test(query)) {
    return index
      .filter((item) => item.epci.code.startsWith(query))
      .map((item) => item.epci)
      .sort((a, b) => a.code.localeCompare(b.code))
      .slice(0, limit);
  }
  const typed = query.split(" ");
  const matches = index.filter((item) => typed.every((word) => item.words.some((candidate) => candidate.startsWith(word))));
  const rank = (item: Indexed): number => (` ${item.folded}`.includes(` ${query}`) ? 0 : 1);
  return matches
    .sort((a, b) => rank(a) - rank(b) || b.epci.population - a.epci.population || a.epci.name.localeCompare(b.epci.name, "fr"))
    .slice(0, limit)
    .map((item) => item.epci);
}
