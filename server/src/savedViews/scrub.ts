/**
 * The personal-data scrub of free text shown to viewers who may not see personal data (pure): the
 * names, e-mails and phone numbers of the territory's people are replaced by their pseudonyms.
 * Used on saved views' titles (and on subtitles and legends stored before the server wrote them).
 */

export interface KnownPerson {
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly formerEmails: readonly string[];
  /** What stands in for the person, e.g. `Acteur 7K2Q9F3M`. */
  readonly pseudonym: string;
}

/** Lower case, without accents: « Hélène » and « HELENE » are the same word. */
const fold = (text: string): string => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

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
const LONGEST_NAME = 8;

/**
 * Builds the scrub for a territory's people. Replaced: full names in either order, last names alone
 * (3 letters or more), e-mails (current and former), phone numbers (whatever the separators); case
 * and accents ignored. First names alone are left: too common to tell a person, and replacing them
 * would garble ordinary words. Linear in the text: words are looked up, not matched one by one.
 */
export function personalDataScrub(people: readonly KnownPerson[]): (text: string) => string {
  const names = new Map<string, string>();
  const emails = new Map<string, string>();
  const phones = new Map<string, string>();
  const addName = (words: readonly string[], pseudonym: string): void => {
    if (words.length > 0 && words.length <= LONGEST_NAME) names.set(words.join(" "), pseudonym);
  };
  for (const person of people) {
    const first = wordsOf(person.firstName ?? "");
    const last = wordsOf(person.lastName ?? "");
    if (first.length > 0 && last.length > 0) {
      addName([...first, ...last], person.pseudonym);
      addName([...last, ...first], person.pseudonym);
    }
    if (last.join("").length >= 3) addName(last, person.pseudonym);
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

/** Replaces the longest runs of words that name someone, left to right. */
function replaceNames(text: string, names: ReadonlyMap<string, string>): string {
  const words = [...text.matchAll(WORD)].map((match) => ({ word: fold(match[0]), start: match.index, end: match.index + match[0].length }));
  let out = "";
  let copied = 0;
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    let pseudonym: string | undefined;
    for (let length = Math.min(LONGEST_NAME, words.length - i); length >= 1 && pseudonym === undefined; length -= 1) {
      const run = words.slice(i, i + length);
      const isJoined = run.every((word, index) => index === 0 || NAME_GAP.test(text.slice(run[index - 1]!.end, word.start)));
      const found = isJoined ? names.get(run.map((word) => word.word).join(" ")) : undefined;
      if (found !== undefined) {
        pseudonym = found;
        matched = length;
      }
    }
    if (pseudonym === undefined) {
      i += 1;
      continue;
    }
    out += text.slice(copied, words[i]!.start) + pseudonym;
    copied = words[i + matched - 1]!.end;
    i += matched;
  }
  return out + text.slice(copied);
}
