/**
 * Whether a word is an ordinary French word (« rose », « pierre », « claire », « jean »), from the
 * word list of an-array-of-french-words (~336,000 forms, inflections included). The scrub of free
 * text (scrub.ts) replaces a first or last name standing alone only with care when it is also such
 * a word. The list is read on first use (about 4.5 MB) and kept, folded (lower case, no accents).
 */
import { createRequire } from "node:module";

/** Lower case, without accents: « Hélène » and « HELENE » are the same word. */
export const fold = (text: string): string => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

let words: ReadonlySet<string> | undefined;

function load(): ReadonlySet<string> {
  const list: unknown = createRequire(import.meta.url)("an-array-of-french-words");
  if (!Array.isArray(list)) throw new Error("an-array-of-french-words: expected an array of words");
  return new Set(list.filter((word): word is string => typeof word === "string").map(fold));
}

/** True when `word` (any case, with or without accents) is a French word of the list. */
export function isCommonFrenchWord(word: string): boolean {
  words ??= load();
  return words.has(fold(word));
}
