import { Faker, fr } from "@faker-js/faker";
import { describe, expect, it } from "vitest";
import { findActorDuplicates, findStructureDuplicates, MIN_SCORE, REASONS, type ActorRecord, type StructureRecord } from "./detect.js";

const actor = (id: string, firstName: string, lastName: string, extra: Partial<ActorRecord> = {}): ActorRecord => ({
  id, firstName, lastName, email: null, phone: null, organisationIds: [], ...extra,
});
const structure = (id: string, name: string, communeCode: string | null = "30007"): StructureRecord => ({ id, name, communeCode });

/** The pair of these two ids, or undefined. */
const pairOf = <T extends { firstId: string; secondId: string }>(pairs: readonly T[], a: string, b: string): T | undefined =>
  pairs.find((pair) => (pair.firstId === a && pair.secondId === b) || (pair.firstId === b && pair.secondId === a));

describe("findActorDuplicates", () => {
  it("pairs names that differ by accents, case and titles", () => {
    const pairs = findActorDuplicates([actor("a1", "Hélène", "Lefèvre"), actor("a2", "helene", "LEFEVRE"), actor("a3", "Dr Hélène", "Lefèvre")]);
    expect(pairs).toHaveLength(3);
    expect(pairOf(pairs, "a1", "a2")?.reasons).toEqual([REASONS.sameNameSpelling]);
    expect(pairOf(pairs, "a1", "a3")?.reasons).toEqual([REASONS.sameNameSpelling]);
    expect(pairOf(pairs, "a1", "a2")?.score).toBe(0.95);
  });

  it("pairs first and last names swapped", () => {
    const [pair] = findActorDuplicates([actor("a1", "Martin", "Sophie"), actor("a2", "Sophie", "Martin")]);
    expect(pair).toMatchObject({ firstId: "a1", secondId: "a2", reasons: [REASONS.swapped] });
  });

  it("pairs a one-letter typo, a swap of two letters, two letters in a long name", () => {
    const pairs = findActorDuplicates([
      actor("a1", "Adèle", "Gautier"), actor("a2", "Adèle", "Gauthier"),
      actor("b1", "Bernard", "Matrin"), actor("b2", "Bernard", "Martin"),
      actor("c1", "Christophe", "Vandenberghe"), actor("c2", "Christophe", "Vandenberge"), actor("c3", "Christophe", "Vanderberge"),
    ]);
    expect(pairOf(pairs, "a1", "a2")?.reasons).toEqual([REASONS.oneLetter]);
    expect(pairOf(pairs, "b1", "b2")?.reasons).toEqual([REASONS.oneLetter]);
    expect(pairOf(pairs, "c1", "c3")?.reasons).toEqual([REASONS.twoLetters]);
    expect(pairOf(pairs, "a1", "b1")).toBeUndefined();
  });

  it("pairs a first name cut to its initial or a compound first name shortened", () => {
    const pairs = findActorDuplicates([actor("a1", "J.", "Roussel"), actor("a2", "Jean-Marc", "Roussel"), actor("a3", "Jean", "Roussel")]);
    expect(pairOf(pairs, "a1", "a2")?.reasons).toEqual([REASONS.initial]);
    expect(pairOf(pairs, "a2", "a3")?.reasons).toEqual([REASONS.compound]);
  });

  it("pairs a last name with the compound name that holds it", () => {
    const [pair] = findActorDuplicates([actor("a1", "Marie", "Durand"), actor("a2", "Marie", "Dupuis-Durand")]);
    expect(pair?.reasons).toEqual([REASONS.compoundLastName]);
  });

  it("pairs different names with the same e-mail or phone, and says so", () => {
    const pairs = findActorDuplicates([
      actor("a1", "Dominique", "Morel", { email: "d.morel@exemple.test" }),
      actor("a2", "Anne", "Blanc", { email: "D.Morel@exemple.test ", phone: "+33 6 12 34 56 78" }),
      actor("a3", "Paul", "Nguyen", { phone: "06 12 34 56 78" }),
    ]);
    expect(pairOf(pairs, "a1", "a2")?.reasons).toEqual([REASONS.sameEmail]);
    expect(pairOf(pairs, "a2", "a3")?.reasons).toEqual([REASONS.samePhone]);
    expect(pairOf(pairs, "a1", "a3")).toBeUndefined();
  });

  it("weighs contacts and shared structures in the score", () => {
    const pairs = findActorDuplicates([
      actor("a1", "Manon", "Renaud", { email: "manon.renaud@exemple.test", organisationIds: ["s1"] }),
      actor("a2", "Manon", "Renaud", { email: "manon.renaud@exemple.test", organisationIds: ["s1", "s2"] }),
      actor("a3", "Manon", "Renaud", { email: "manon@ailleurs.test" }),
    ]);
    const same = pairOf(pairs, "a1", "a2");
    const other = pairOf(pairs, "a1", "a3");
    expect(same?.reasons).toEqual([REASONS.sameName, REASONS.sameEmail, REASONS.sharedOrganisation]);
    expect(same?.score).toBe(1);
    expect(other?.reasons).toEqual([REASONS.sameName, REASONS.otherEmails]);
    expect(other?.score).toBeLessThan(same?.score ?? 0);
  });

  it("does not pair unrelated people, short or gendered first names, or people sharing one name", () => {
    const pairs = findActorDuplicates([
      actor("a1", "Léa", "Roux"), actor("a2", "Léo", "Roux"),
      actor("b1", "Louis", "Garnier"), actor("b2", "Louise", "Garnier"),
      actor("c1", "Jean", "Moulin"), actor("c2", "Jeanne", "Moulin"),
      actor("d1", "Sophie", "Martin"), actor("d2", "Camille", "Martin"),
      actor("e1", "Oriane", "Huet", { email: "oriane.huet@exemple.test" }), actor("e2", "Ariane", "Huet", { email: "ariane.huet@exemple.test" }),
      actor("f1", "Nicolas", "Bernard"), actor("f2", "Thomas", "Petit"),
    ]);
    expect(pairs).toEqual([]);
  });

  it("finds the near-duplicates planted among 2,000 generated people, quickly enough", () => {
    const faker = new Faker({ locale: [fr] });
    faker.seed(6);
    const people: ActorRecord[] = Array.from({ length: 2000 }, (_, index) => {
      const firstName = faker.person.firstName();
      const lastName = faker.person.lastName();
      return actor(`p${index}`, firstName, lastName, { email: `${index}.${faker.internet.email({ firstName, lastName })}` });
    });
    const planted: [string, string][] = [];
    for (let index = 0; index < 2000; index += 100) {
      const source = people[index] as ActorRecord;
      const variants = [
        { firstName: source.lastName, lastName: source.firstName },
        { firstName: `Dr ${source.firstName.toUpperCase()}`, lastName: source.lastName },
        { firstName: source.firstName, lastName: `${source.lastName}x` },
        { firstName: source.firstName.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase(), lastName: source.lastName, email: source.email },
      ];
      const variant = variants[(index / 100) % variants.length] as Partial<ActorRecord>;
      const id = `dup${index}`;
      people.push(actor(id, variant.firstName ?? "", variant.lastName ?? "", { email: variant.email ?? null }));
      planted.push([source.id, id]);
    }
    const started = performance.now();
    const pairs = findActorDuplicates(people);
    const elapsed = performance.now() - started;
    console.info(`findActorDuplicates: ${people.length} people, ${pairs.length} pairs in ${elapsed.toFixed(0)} ms`);
    for (const [a, b] of planted) expect(pairOf(pairs, a, b), `${a} / ${b}`).toBeDefined();
    expect(pairs.every((pair) => pair.score >= MIN_SCORE && pair.score <= 1 && pair.reasons.length > 0)).toBe(true);
    // Namesakes happen among generated names; planted pairs must stay most of what is proposed.
    expect(pairs.length).toBeLessThan(planted.length * 4);
  });
});

describe("findStructureDuplicates", () => {
  it("pairs names that differ by accents, case, punctuation, articles and legal words", () => {
    const pairs = findStructureDuplicates([
      structure("s1", "Maison des adolescents – antenne d'Alès"),
      structure("s2", "MAISON DES ADOLESCENTS, ANTENNE D'ALES"),
      structure("s3", "Association Cévennes Santé Réseaux"),
      structure("s4", "Cévennes santé réseaux"),
    ]);
    expect(pairOf(pairs, "s1", "s2")?.reasons).toEqual([REASONS.sameStructureSpelling, REASONS.sameCommune]);
    expect(pairOf(pairs, "s3", "s4")?.reasons).toEqual([REASONS.extraWords, REASONS.sameCommune]);
  });

  it("pairs a name with its acronym, from the sector's list or from its initials", () => {
    const pairs = findStructureDuplicates([
      structure("s1", "CCAS d'Alès"),
      structure("s2", "Centre communal d'action sociale d'Alès"),
      structure("s3", "Asso. CSR"),
      structure("s4", "Cévennes Santé Réseaux"),
      structure("s5", "Ehpad Les Mimosas"),
      structure("s6", "Établissement d'hébergement pour personnes âgées dépendantes Les Mimosas"),
    ]);
    expect(pairOf(pairs, "s1", "s2")?.reasons).toEqual([REASONS.acronym(["ccas"]), REASONS.extraWords, REASONS.sameCommune]);
    expect(pairOf(pairs, "s3", "s4")?.reasons).toEqual([REASONS.initials, REASONS.sameCommune]);
    expect(pairOf(pairs, "s5", "s6")?.reasons[0]).toBe(REASONS.acronym(["ehpad"]));
  });

  it("pairs typos and names that contain the other", () => {
    const pairs = findStructureDuplicates([
      structure("s1", "Clinique du Gardon"),
      structure("s2", "Clinique du Gradon"),
      structure("s3", "Centre hospitalier d'Alès"),
      structure("s4", "Centre hospitalier Alès-Cévennes"),
    ]);
    expect(pairOf(pairs, "s1", "s2")?.reasons).toEqual([REASONS.oneLetter, REASONS.sameCommune]);
    expect(pairOf(pairs, "s3", "s4")?.reasons).toEqual([REASONS.contains, REASONS.sameCommune]);
  });

  it("lowers the score of look-alikes in different communes", () => {
    const pairs = findStructureDuplicates([structure("s1", "Épicerie solidaire", "30007"), structure("s2", "Épicerie solidaire", "30132"), structure("s3", "Epicerie Solidaire", "30007")]);
    expect(pairOf(pairs, "s1", "s2")?.reasons).toEqual([REASONS.sameStructureName, REASONS.otherCommunes]);
    expect(pairOf(pairs, "s1", "s2")?.score).toBeLessThan(pairOf(pairs, "s1", "s3")?.score ?? 0);
  });

  it("does not pair structures that only share their kind or their commune", () => {
    const pairs = findStructureDuplicates([
      structure("s1", "Pharmacie des Halles (Alès)"),
      structure("s2", "Pharmacie du Pont (Alès)"),
      structure("s3", "École Victor Hugo (Salindres)", "30305"),
      structure("s4", "École Victor Hugo (Saint-Ambroix)", "30243"),
      structure("s5", "Centre médico-psychologique d'Alès"),
      structure("s6", "Centre médico-psychologique de Saint-Ambroix", "30243"),
      structure("s7", "CCAS d'Alès"),
      structure("s8", "CIAS d'Alès Agglomération"),
    ]);
    expect(pairs).toEqual([]);
  });
});
