/**
 * Likely duplicates among a territory's people and structures: pairs worth a coordinator's look,
 * each with a score (0–1) and the reasons in French. Records are grouped by keys (a name word, an
 * e-mail, a phone, initials) and only records sharing a key are compared, so a territory of a few
 * thousand people is checked in milliseconds rather than comparing every pair.
 */
import { editDistance, jaroWinkler } from "./similarity.js";
import { emailKey, initialsOf, normaliseName, normalisePersonName, phoneKey, structureName, type StructureName } from "./names.js";

export interface ActorRecord {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string | null;
  readonly phone: string | null;
  /** Structures and institutions the person belongs or belonged to. */
  readonly organisationIds: readonly string[];
}

export interface StructureRecord {
  readonly id: string;
  readonly name: string;
  /** INSEE code of the commune it stands in, when known. */
  readonly communeCode: string | null;
}

export interface DuplicatePair {
  /** The two ids, in ascending order. */
  readonly firstId: string;
  readonly secondId: string;
  /** 0–1, two decimals: 1 is certain. */
  readonly score: number;
  /** Why the pair was proposed, in French, strongest first. */
  readonly reasons: readonly string[];
}

/** Pairs below this score are not proposed. */
export const MIN_SCORE = 0.72;
/** Keys shared by more records than this (a very common first name) are not used to pair. */
const MAX_BLOCK = 400;

export const REASONS = {
  sameName: "mêmes nom et prénom",
  sameNameSpelling: "même nom aux accents, majuscules ou titres près",
  swapped: "nom et prénom inversés",
  reordered: "mêmes mots du nom dans un autre ordre",
  oneLetter: "une lettre de différence",
  twoLetters: "deux lettres de différence",
  initial: "prénom réduit à l'initiale",
  compound: "prénom composé abrégé",
  compoundLastName: "nom de famille composé",
  sameEmail: "même courriel",
  samePhone: "même téléphone",
  otherEmails: "courriels différents",
  sharedOrganisation: "une structure en commun",
  sameStructureName: "même nom",
  reorderedWords: "mêmes mots dans un autre ordre",
  sameStructureSpelling: "même nom aux accents, majuscules ou ponctuation près",
  acronym: (acronyms: readonly string[]) => `sigle développé (${acronyms.map((a) => a.toUpperCase()).join(", ")})`,
  extraWords: "articles, « association » ou forme juridique en plus",
  contains: "un nom contient l'autre",
  initials: "sigle de l'autre nom",
  sameCommune: "même commune",
  otherCommunes: "communes différentes",
} as const;

const round = (score: number): number => Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;

/** Calls `compare` once for every two records sharing at least one key. */
function forEachCandidate<T extends { readonly id: string }>(records: readonly T[], keysOf: (record: T) => Iterable<string>, compare: (a: T, b: T) => void): void {
  const blocks = new Map<string, T[]>();
  for (const record of records) {
    for (const key of new Set(keysOf(record))) {
      const block = blocks.get(key);
      if (block) block.push(record);
      else blocks.set(key, [record]);
    }
  }
  const seen = new Set<string>();
  for (const block of blocks.values()) {
    if (block.length < 2 || block.length > MAX_BLOCK) continue;
    for (let i = 0; i < block.length; i += 1) {
      for (let j = i + 1; j < block.length; j += 1) {
        const a = block[i] as T;
        const b = block[j] as T;
        if (a.id === b.id) continue;
        const pairKey = a.id < b.id ? `${a.id}\u0000${b.id}` : `${b.id}\u0000${a.id}`;
        if (seen.has(pairKey)) continue;
        seen.add(pairKey);
        compare(a, b);
      }
    }
  }
}

function sortPairs(pairs: DuplicatePair[]): DuplicatePair[] {
  return pairs.sort((a, b) => b.score - a.score || a.firstId.localeCompare(b.firstId) || a.secondId.localeCompare(b.secondId));
}

const pairOf = (a: { id: string }, b: { id: string }, score: number, reasons: string[]): DuplicatePair =>
  a.id < b.id ? { firstId: a.id, secondId: b.id, score: round(score), reasons } : { firstId: b.id, secondId: a.id, score: round(score), reasons };

interface PreparedActor {
  readonly id: string;
  readonly record: ActorRecord;
  readonly first: string;
  readonly last: string;
  readonly raw: string;
  readonly email: string | null;
  readonly phone: string | null;
}

function prepareActor(record: ActorRecord): PreparedActor {
  return {
    id: record.id,
    record,
    first: normalisePersonName(record.firstName),
    last: normalisePersonName(record.lastName),
    raw: `${record.firstName.trim()} ${record.lastName.trim()}`,
    email: emailKey(record.email),
    phone: phoneKey(record.phone),
  };
}

/** "Louis" and "Louise", "Jean" and "Jeanne": usually two people, not a typo. */
const isGenderVariant = (a: string, b: string): boolean => {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(short) && ["e", "ne", "le", "te"].includes(long.slice(short.length));
};

/** Letters apart in one name; first names of three letters or fewer ("Léa", "Léo") never count as typos. */
function typoDistance(a: string, b: string, isFirstName: boolean): number {
  if (a === b) return 0;
  if (isFirstName && (Math.min(a.length, b.length) <= 3 || isGenderVariant(a, b))) return 3;
  const distance = editDistance(a, b, 2);
  // Two letters apart is a typo only in names long enough, and still close overall.
  if (distance === 2 && (Math.min(a.length, b.length) < 6 || jaroWinkler(a, b) < 0.9)) return 3;
  return distance;
}

/** The score and reasons the names alone give, or null when they do not look alike. */
function compareActorNames(a: PreparedActor, b: PreparedActor): { score: number; reasons: string[] } | null {
  if (a.first === "" && a.last === "") return null;
  if (a.first === b.first && a.last === b.last) {
    return { score: 0.95, reasons: [a.raw === b.raw ? REASONS.sameName : REASONS.sameNameSpelling] };
  }
  if (a.first === b.last && a.last === b.first) return { score: 0.92, reasons: [REASONS.swapped] };
  const wordsA = `${a.first} ${a.last}`.split(" ").filter(Boolean).sort().join(" ");
  const wordsB = `${b.first} ${b.last}`.split(" ").filter(Boolean).sort().join(" ");
  if (wordsA === wordsB) return { score: 0.9, reasons: [REASONS.reordered] };

  const straight = typoDistance(a.first, b.first, true) + typoDistance(a.last, b.last, false);
  const swapped = typoDistance(a.first, b.last, true) + typoDistance(a.last, b.first, false);
  const distance = Math.min(straight, swapped);
  const swapReason = swapped < straight ? [REASONS.swapped] : [];
  // A letter apart in a first name is often another first name ("Oriane", "Ariane"); in a last name, a spelling ("Gautier", "Gauthier").
  const isLastNameOnly = swapped < straight ? a.first === b.last : a.first === b.first;
  if (distance === 1) return { score: (isLastNameOnly ? 0.86 : 0.82) - swapReason.length * 0.03, reasons: [...swapReason, REASONS.oneLetter] };
  if (distance === 2) return { score: 0.76 - swapReason.length * 0.03, reasons: [...swapReason, REASONS.twoLetters] };

  if (a.last === b.last) {
    const [short, long] = a.first.length <= b.first.length ? [a.first, b.first] : [b.first, a.first];
    if (short.length === 1 && long.startsWith(short)) return { score: 0.76, reasons: [REASONS.initial] };
    const shortWords = short.split(" ");
    const longWords = long.split(" ");
    if (longWords.length > shortWords.length && shortWords.every((word, index) => longWords[index] === word)) {
      return { score: 0.74, reasons: [REASONS.compound] };
    }
  }
  if (a.first === b.first && a.last !== "" && b.last !== "") {
    const [short, long] = a.last.length <= b.last.length ? [a.last, b.last] : [b.last, a.last];
    const longWords = new Set(long.split(" "));
    if (short.split(" ").every((word) => longWords.has(word))) return { score: 0.74, reasons: [REASONS.compoundLastName] };
  }
  return null;
}

function compareActors(a: PreparedActor, b: PreparedActor): DuplicatePair | null {
  const byName = compareActorNames(a, b);
  const sameEmail = a.email !== null && a.email === b.email;
  const samePhone = a.phone !== null && a.phone === b.phone;
  if (byName === null && !sameEmail && !samePhone) return null;
  let score = byName?.score ?? (sameEmail && samePhone ? 0.82 : sameEmail ? 0.76 : 0.72);
  const reasons = [...(byName?.reasons ?? [])];
  if (sameEmail) {
    reasons.push(REASONS.sameEmail);
    if (byName !== null) score += 0.04;
  }
  if (samePhone) {
    reasons.push(REASONS.samePhone);
    if (byName !== null) score += 0.03;
  }
  if (a.email !== null && b.email !== null && !sameEmail) {
    reasons.push(REASONS.otherEmails);
    score -= 0.12;
  }
  const organisations = new Set(a.record.organisationIds);
  if (b.record.organisationIds.some((id) => organisations.has(id))) {
    reasons.push(REASONS.sharedOrganisation);
    score += 0.03;
  }
  return score >= MIN_SCORE ? pairOf(a, b, score, reasons) : null;
}

function* actorKeys(actor: PreparedActor): Iterable<string> {
  for (const word of `${actor.first} ${actor.last}`.split(" ")) if (word.length >= 2) yield `w:${word}`;
  if (actor.email !== null) yield `e:${actor.email}`;
  if (actor.phone !== null) yield `p:${actor.phone}`;
}

/** Likely duplicate people, highest score first. */
export function findActorDuplicates(actors: readonly ActorRecord[]): DuplicatePair[] {
  const pairs: DuplicatePair[] = [];
  forEachCandidate(actors.map(prepareActor), actorKeys, (a, b) => {
    const pair = compareActors(a, b);
    if (pair) pairs.push(pair);
  });
  return sortPairs(pairs);
}

interface PreparedStructure {
  readonly id: string;
  readonly record: StructureRecord;
  readonly name: StructureName;
  readonly initials: string;
}

const prepareStructure = (record: StructureRecord): PreparedStructure => {
  const name = structureName(record.name);
  return { id: record.id, record, name, initials: initialsOf(name.tokens) };
};

function compareStructureNames(a: PreparedStructure, b: PreparedStructure): { score: number; reasons: string[] } | null {
  if (a.name.canonical === "") return null;
  if (a.record.name.trim() === b.record.name.trim()) return { score: 0.97, reasons: [REASONS.sameStructureName] };
  if (a.name.normalised === b.name.normalised) return { score: 0.95, reasons: [REASONS.sameStructureSpelling] };
  const explain = (isSameCanonical = false): string[] => {
    const reasons: string[] = [];
    const acronyms = [...new Set([...a.name.expanded, ...b.name.expanded])].filter(
      (acronym) => a.name.expanded.includes(acronym) !== b.name.expanded.includes(acronym),
    );
    if (acronyms.length > 0) reasons.push(REASONS.acronym(acronyms));
    if (isSameCanonical && a.name.dropped.join(" ") !== b.name.dropped.join(" ")) reasons.push(REASONS.extraWords);
    return reasons;
  };
  if (a.name.canonical === b.name.canonical) return { score: 0.92, reasons: explain(true) };
  const sortedA = [...a.name.tokens].sort().join(" ");
  const sortedB = [...b.name.tokens].sort().join(" ");
  if (sortedA === sortedB) return { score: 0.88, reasons: [REASONS.reorderedWords, ...explain(true)] };
  const distance = editDistance(a.name.canonical, b.name.canonical, 2);
  const shortest = Math.min(a.name.canonical.length, b.name.canonical.length);
  if (distance === 1 && shortest >= 5) return { score: 0.87, reasons: [REASONS.oneLetter, ...explain()] };
  if (distance === 2 && shortest >= 10) return { score: 0.8, reasons: [REASONS.twoLetters, ...explain()] };
  const [small, large] = a.name.tokens.length <= b.name.tokens.length ? [a, b] : [b, a];
  const largeTokens = new Set(large.name.tokens);
  if (small.name.tokens.length >= 2 && small.name.tokens.every((token) => largeTokens.has(token))) {
    return { score: 0.76, reasons: [REASONS.contains, ...explain()] };
  }
  const isInitials = (short: PreparedStructure, long: PreparedStructure) =>
    long.initials.length >= 3 && short.name.tokens.includes(long.initials) && short.name.tokens.length <= 2;
  if (isInitials(a, b) || isInitials(b, a)) return { score: 0.78, reasons: [REASONS.initials] };
  return null;
}

function compareStructures(a: PreparedStructure, b: PreparedStructure): DuplicatePair | null {
  const byName = compareStructureNames(a, b);
  if (byName === null) return null;
  let { score } = byName;
  const reasons = [...byName.reasons];
  if (a.record.communeCode !== null && b.record.communeCode !== null) {
    if (a.record.communeCode === b.record.communeCode) {
      reasons.push(REASONS.sameCommune);
      score += 0.03;
    } else {
      reasons.push(REASONS.otherCommunes);
      score -= 0.15;
    }
  }
  return score >= MIN_SCORE ? pairOf(a, b, score, reasons) : null;
}

function* structureKeys(structure: PreparedStructure): Iterable<string> {
  for (const token of structure.name.tokens) if (token.length >= 3) yield `w:${token}`;
  // Initials meet a name written as its acronym ("CSR" and "Cévennes Santé Réseaux").
  if (structure.initials.length >= 3) yield `w:${structure.initials}`;
  // A typo in a one-word name still shares its first letters.
  if (structure.name.tokens.length === 1) yield `s:${structure.name.canonical.slice(0, 3)}`;
  if (normaliseName(structure.record.name) !== "") yield `n:${normaliseName(structure.record.name)}`;
}

/** Likely duplicate structures, highest score first. */
export function findStructureDuplicates(structures: readonly StructureRecord[]): DuplicatePair[] {
  const pairs: DuplicatePair[] = [];
  forEachCandidate(structures.map(prepareStructure), structureKeys, (a, b) => {
    const pair = compareStructures(a, b);
    if (pair) pairs.push(pair);
  });
  return sortPairs(pairs);
}
