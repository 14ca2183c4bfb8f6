/**
 * The personal-data scrub of free text shown to viewers who may not see personal data (pure apart
 * from reading the word list once, commonWords.ts): the names, e-mails and phone numbers of the
 * territory's people are replaced by their pseudonyms. Used on saved views' titles (and on
 * subtitles and legends stored before the server wrote them).
 */
import { fold, isCommonFrenchWord } from "./commonWords.js";

export interface KnownPerson {
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly formerEmails: readonly string[];
  /** What stands in for the person, e.g. `Acteur 7K2Q9F3M`. */
  readonly pseudonym: string;
}

/** Put in place of a name that several of the territory's people bear (no pseudonym would be the right one). */
export const MASKED_NAME = "[nom masqué]";

/** The words of a name or a text: runs of letters and digits (hyphens, apostrophes and spaces split them). */
const WORD = /[\p{L}\p{N}]+/gu;
const wordsOf = (text: string): string[] => [...fold(text).matchAll(WORD)].map((match) => match[0]);

const EMAIL = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+\.[^\s<>()[\]"',;:]+/gu;
const PHONE = /\+?\d[\d\s.\-]{5,}\d/g;

/** A phone number's digits, +33 written as 0. */
function phoneDigits(text: string): string {
  const digits = text.replace(/\D/g, "");
  return text.trim().startsWith("+33") ? `0${digits.slice(2)}` : digits;
}

/** Only spaces, hyphens and apostrophes may stand between the words of a name in the text. */
const NAME_GAP = /^[\s\-'’]+$/u;
/** A hyphen with no space: the words around it make one compound (« Saint-Jean-du-Gard »). */
const COMPOUND_GAP = /^[-\u2010\u2011]$/u;
/** What ends a sentence: a capital after it says nothing about a name. */
const SENTENCE_END = /[.!?…]$/u;
/** Titles whose full stop ends no sentence: « M. Rose », « Dr. Claire ». */
const TITLE_ABBREVIATION = /(?:^|[^\p{L}])(?:M|Mme|Mlle|Dr|Pr)\.$/u;
const OPENING = /[\s«»"“”'‘’([]+$/u;
const LONGEST_NAME = 8;
/** A name alone shorter than this is too likely to be something else (« Li », « Al »). */
const SHORTEST_LONE_NAME = 3;

interface NameEntry {
  readonly pseudonyms: Set<string>;
  /** Only a first name or a last name alone: matched with the care of isLoneNameHere. */
  isLone: boolean;
}

/**
 * Builds the scrub for a territory's people. Replaced: full names in either order, last names and
 * first names alone (3 letters or more), e-mails (current and former), phone numbers (whatever the
 * separators); case and accents ignored. A name several people bear becomes MASKED_NAME. A first or
 * last name standing alone is left when it is part of a compound word (« Saint-Jean-du-Gard »), and,
 * when it is also an ordinary French word (« Rose », « Claire », « Pierre »), unless it is written
 * with a capital where a sentence does not start (« avec Claire », not « Claire vision », « une
 * rose »). Linear in the text: words are looked up, not matched one by one.
 */
export function personalDataScrub(people: readonly KnownPerson[]): (text: string) => string {
  const names = new Map<string, NameEntry>();
  const emails = new Map<string, string>();
  const phones = new Map<string, string>();
  const addName = (words: readonly string[], pseudonym: string, isLone: boolean): void => {
    if (words.length === 0 || words.length > LONGEST_NAME) return;
    if (isLone && words.join("").length < SHORTEST_LONE_NAME) return;
    const key = words.join(" ");
    const entry = names.get(key);
    if (entry === undefined) names.set(key, { pseudonyms: new Set([pseudonym]), isLone });
    else {
      entry.pseudonyms.add(pseudonym);
      entry.isLone &&= isLone;
    }
  };
  for (const person of people) {
    const first = wordsOf(person.firstName ?? "");
    const last = wordsOf(person.lastName ?? "");
    if (first.length > 0 && last.length > 0) {
      addName([...first, ...last], person.pseudonym, false);
      addName([...last, ...first], person.pseudonym, false);
    }
    addName(last, person.pseudonym, true);
    addName(first, person.pseudonym, true);
    for (const email of [person.email, ...person.formerEmails]) if (email !== null && email.trim() !== "") emails.set(fold(email.trim()), person.pseudonym);
    if (person.phone !== null && phoneDigits(person.phone).length >= 6) phones.set(phoneDigits(person.phone), person.pseudonym);
  }
  return (text) => {
    const contacts = text
      .replace(EMAIL, (email) => emails.get(fold(email)) ?? email)
      .replace(PHONE, (phone) => phones.get(phoneDigits(phone)) ?? phone);
    return replaceNames(contacts, names);
  };
}

interface TextWord {
  readonly original: string;
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Whether words[from, to) of the text, a first or last name alone, stands there as a name: not glued
 * by a hyphen to the words around it, and, for an ordinary French word, capitalised where no
 * sentence starts.
 */
function isLoneNameHere(text: string, words: readonly TextWord[], from: number, to: number): boolean {
  const first = words[from]!;
  const before = words[from - 1];
  const after = words[to];
  if (before !== undefined && COMPOUND_GAP.test(text.slice(before.end, first.start))) return false;
  if (after !== undefined && COMPOUND_GAP.test(text.slice(words[to - 1]!.end, after.start))) return false;
  if (to - from > 1 || !isCommonFrenchWord(first.word)) return true;
  if (!/^\p{Lu}/u.test(first.original)) return false;
  const preceding = text.slice(0, first.start).replace(OPENING, "");
  return preceding !== "" && (!SENTENCE_END.test(preceding) || TITLE_ABBREVIATION.test(preceding));
}

/** Replaces the longest runs of words that name someone, left to right. */
function replaceNames(text: string, names: ReadonlyMap<string, NameEntry>): string {
  const words: TextWord[] = [...text.matchAll(WORD)].map((match) => ({
    original: match[0],
    word: fold(match[0]),
    start: match.index,
    end: match.index + match[0].length,
  }));
  let out = "";
  let copied = 0;
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    let replacement: string | undefined;
    for (let length = Math.min(LONGEST_NAME, words.length - i); length >= 1 && replacement === undefined; length -= 1) {
      const run = words.slice(i, i + length);
      const isJoined = run.every((word, index) => index === 0 || NAME_GAP.test(text.slice(run[index - 1]!.end, word.start)));
      const entry = isJoined ? names.get(run.map((word) => word.word).join(" ")) : undefined;
      if (entry === undefined || (entry.isLone && !isLoneNameHere(text, words, i, i + length))) continue;
      replacement = entry.pseudonyms.size === 1 ? [...entry.pseudonyms][0]! : MASKED_NAME;
      matched = length;
    }
    if (replacement === undefined) {
      i += 1;
      continue;
    }
    out += text.slice(copied, words[i]!.start) + replacement;
    copied = words[i + matched - 1]!.end;
    i += matched;
  }
  return out + text.slice(copied);
}

/**
 * A saved view's state (JSON text) with every string in it, keys included, through `scrub`: the
 * server checks only that the state is a JSON object with a version, so any text a page (or a
 * hand-made request) put there reaches whoever reads the view. Numbers, booleans and the shape stay;
 * ids pass unchanged (lower case and joined by hyphens, they never stand as a name).
 */
export function scrubJsonStrings(json: string, scrub: (text: string) => string): string {
  const walk = (value: unknown): unknown => {
    if (typeof value === "string") return scrub(value);
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value !== "object" || value === null) return value;
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [scrub(key), walk(inner)]));
  };
  try {
    return JSON.stringify(walk(JSON.parse(json)));
  } catch {
    return scrub(json);
  }
}
