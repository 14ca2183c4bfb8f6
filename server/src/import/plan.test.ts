import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv.js";
import { guessMapping, mappingProblems, type ImportKind } from "./fields.js";
import { planImport, sheetEventKeys, type ImportPlan } from "./plan.js";
import type { TerritorySnapshot } from "./snapshot.js";

/** A tiny territory: two communes, one axis, two structures, two people, one group, one event. */
function snapshot(): TerritorySnapshot {
  return {
    territoryId: "t",
    communes: [{ code: "30007", name: "Alès" }, { code: "30028", name: "Bagard" }],
    axes: [{ id: "t-ax-1", name: "Santé mentale" }],
    organisations: [
      { id: "t-s-1", name: "CCAS d'Alès", isInstitution: false, communeCode: "30007", sector: "SOCIAL", kind: "CCAS" },
      { id: "t-i-1", name: "ARS Occitanie", isInstitution: true, communeCode: "30007", sector: null, kind: null },
    ],
    actors: [
      { id: "t-a-1", firstName: "Élodie", lastName: "Fabre", email: "elodie.fabre@exemple.test", phone: null, category: "PROFESSIONAL", profession: "Infirmière" },
      { id: "t-a-2", firstName: "Marc", lastName: "Roux", email: null, phone: null, category: "ELECTED", profession: null },
    ],
    formerEmails: [],
    memberships: [{ actorId: "t-a-1", organisationId: "t-s-1", role: null, since: "2019-01-01", until: null }],
    workGroups: [{ id: "t-g-1", name: "Réseau santé mentale", kind: "NETWORK", startedOn: "2019-09-01", endedOn: null, axisIds: ["t-ax-1"] }],
    participations: [{ actorId: "t-a-1", workGroupId: "t-g-1", role: "PILOT", since: "2019-09-01", until: null }],
    events: [{ id: "t-e-1", title: "Réunion plénière", kind: "MEETING", date: "2023-03-12", durationHours: 2, communeCode: "30007", organiserId: "t-g-1", axisIds: [] }],
    attendances: [{ actorId: "t-a-1", eventId: "t-e-1", volunteerHours: 0 }],
  };
}

async function plan(kind: ImportKind, csv: string, base = snapshot()): Promise<ImportPlan> {
  const table = await parseCsv(csv);
  const mapping = guessMapping(kind, table.header);
  expect(mappingProblems(kind, mapping, table.header.length)).toEqual([]);
  return planImport(kind, table, mapping, base, "2026-12-01");
}

/** The snapshot after applying a plan's writes, as the database would hold it. */
function applied(base: TerritorySnapshot, result: ImportPlan): TerritorySnapshot {
  const merge = <T>(current: T[], writes: T[], key: (item: T) => string): T[] => {
    const byKey = new Map(current.map((item) => [key(item), item]));
    for (const write of writes) byKey.set(key(write), write);
    return [...byKey.values()];
  };
  const w = result.writes;
  return {
    ...base,
    organisations: merge(base.organisations, w.structures.map((s) => ({ ...s, isInstitution: false })), (o) => o.id),
    actors: merge(base.actors, w.actors, (a) => a.id),
    memberships: merge(base.memberships, w.memberships, (m) => `${m.actorId}|${m.organisationId}`),
    workGroups: merge(base.workGroups, w.workGroups, (g) => g.id),
    participations: merge(base.participations, w.participations, (p) => `${p.actorId}|${p.workGroupId}`),
    events: merge(base.events, w.events, (e) => e.id),
    attendances: merge(base.attendances, w.attendances, (a) => `${a.actorId}|${a.eventId}`),
  };
}

describe("guessMapping", () => {
  it("matches French headers whatever their accents and case, each column to one field", async () => {
    const header = ["NOM", "Prénom", "E-mail", "Structure de rattachement", "Catégorie", "Tél."];
    expect(guessMapping("ACTORS", header)).toEqual({ lastName: 0, firstName: 1, email: 2, organisation: 3, category: 4, phone: 5 });
  });

  it("names the missing required columns", async () => {
    expect(mappingProblems("STRUCTURES", { name: 0 }, 1)).toEqual(["Colonne obligatoire manquante : « Commune (nom ou code INSEE) »."]);
    expect(mappingProblems("ATTENDANCE", { event: 0, date: 1, lastName: 2 }, 3)[0]).toMatch(/Courriel/);
  });
});

describe("planImport", () => {
  it("creates new structures, matches existing ones by name and commune, and updates what changed", async () => {
    const result = await plan("STRUCTURES", "Nom;Commune;Secteur;Type\nccas d’ales;30007;Social;CCAS\nCCAS d'Alès;Alès;Médico-social;\nMaison de santé;Bagard;Soins;MSP\n");
    // Row 2 and 3 describe the same structure differently: the second is an error, not a silent overwrite.
    expect(result.errors).toEqual([{ line: 3, column: null, reason: "contredit la ligne 2 (même enregistrement, autres valeurs)" }]);
    expect(result.counts.structures).toEqual({ created: 1, updated: 0, unchanged: 1 });
    expect(result.writes.structures).toEqual([
      { id: expect.stringMatching(/^t-imp-s-[0-9a-f]{16}$/), name: "Maison de santé", communeCode: "30028", sector: "CARE", kind: "MSP" },
    ]);
  });

  it("reports each bad cell with its line, column and a French reason", async () => {
    const result = await plan("STRUCTURES", "Nom;Commune;Secteur\n=1+1;Alès;Social\nAsso;Nîmes;Social\nAsso;Alès;Sport\n<b>x</b>;Alès;\n;Alès;\n");
    expect(result.errors).toEqual([
      { line: 2, column: "Nom", reason: "commence par =, +, - ou @ : une formule de tableur n'est pas acceptée" },
      { line: 3, column: "Commune", reason: "commune inconnue sur ce territoire : « Nîmes »" },
      { line: 4, column: "Secteur", reason: "valeur inconnue « Sport » (attendu : soin, prévention, social, médico-social, éducation, justice, collectivité)" },
      { line: 5, column: "Nom", reason: "contient du HTML ou du script" },
      { line: 6, column: "Nom", reason: "« Nom de la structure » est vide" },
    ]);
    expect(result.writes.structures).toEqual([]);
  });

  it("adds actors with their membership, matching existing people by e-mail or by name", async () => {
    const csv = [
      "Nom;Prénom;Courriel;Structure;Catégorie;Téléphone;Depuis",
      "FABRE;Dr Elodie;;CCAS d'Alès;;;",
      "Roux;Marc;marc.roux@exemple.test;ARS Occitanie;Élu·e;04 66 12 34 56;01/02/2020",
      "Martin;Léa;lea.martin@exemple.test;CCAS d'Alès;Bénévole;+33639981234;mars 2021",
    ].join("\n");
    const result = await plan("ACTORS", csv);
    expect(result.errors).toEqual([{ line: 4, column: "Depuis", reason: "date illisible « mars 2021 » (attendu par exemple 12/03/2023)" }]);
    expect(result.counts.actors).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(result.writes.actors).toEqual([
      { id: "t-a-2", firstName: "Marc", lastName: "Roux", email: "marc.roux@exemple.test", phone: "04 66 12 34 56", category: "ELECTED", profession: null },
    ]);
    expect(result.counts.memberships).toEqual({ created: 1, updated: 0, unchanged: 1 });
    expect(result.writes.memberships).toEqual([{ actorId: "t-a-2", organisationId: "t-i-1", role: null, since: "2020-02-01", until: null }]);
  });

  it("finds a person by the e-mail of someone merged into them, without creating anyone or taking that e-mail back", async () => {
    // Élodie Fabre (t-a-1) is who "E. Fabre <e.fabre@ancien.test>" was merged into.
    const base = { ...snapshot(), formerEmails: [{ actorId: "t-a-1", email: "e.fabre@ancien.test" }] };
    const directory = await plan("ACTORS", "Nom;Prénom;Courriel;Structure\nFabre;E.;E.Fabre@ancien.test;CCAS d'Alès\n", base);
    expect(directory.errors).toEqual([]);
    expect(directory.counts.actors).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(directory.writes.actors).toEqual([]);
    const groups = await plan("MEMBERSHIPS", "Courriel;Groupe de travail;Rôle\ne.fabre@ancien.test;Réseau santé mentale;Pilote\n", base);
    expect(groups.errors).toEqual([]);
    expect(groups.counts.participations).toEqual({ created: 0, updated: 0, unchanged: 1 });
    // Without the former e-mail, the same directory row is a new person.
    expect((await plan("ACTORS", "Nom;Prénom;Courriel;Structure\nFabre;E.;e.fabre@ancien.test;CCAS d'Alès\n")).counts.actors.created).toBe(1);
  });

  it("creates a work group on its first member and finds people with first and last names swapped", async () => {
    const csv = "Nom;Prénom;Groupe de travail;Rôle;Depuis;Axe\nMarc;Roux;Groupe prévention suicide;Co-pilote;15/01/2024;Santé mentale\nFabre;Élodie;Groupe prévention suicide;;10/01/2024;\nFabre;Élodie;Réseau santé mentale;Pilote;;\n";
    const result = await plan("MEMBERSHIPS", csv);
    expect(result.errors).toEqual([]);
    expect(result.writes.workGroups).toEqual([
      { id: expect.stringMatching(/^t-imp-g-/), name: "Groupe prévention suicide", kind: "WORK_GROUP", startedOn: "2024-01-10", endedOn: null, axisIds: ["t-ax-1"] },
    ]);
    expect(result.counts.participations).toEqual({ created: 2, updated: 0, unchanged: 1 });
  });

  it("adds attendances, creates events that need it, ignores repeated rows and refuses unknown people", async () => {
    const csv = [
      "Nom;Prénom;Événement;Date;Commune;Heures bénévoles;Organisé par",
      "Fabre;Élodie;Réunion plénière;12/03/2023;;;",
      "Roux;Marc;Réunion plénière;12 mars 2023;;1,5;",
      "Roux;Marc;Réunion plénière;2023-03-12;;1,5;",
      "Roux;Marc;Forum santé jeunes;04/05/2023;Bagard;2;Réseau santé mentale",
      "Inconnu;Paul;Forum santé jeunes;04/05/2023;Bagard;;",
      "Roux;Marc;Atelier mémoire;05/05/2023;;;",
    ].join("\n");
    const result = await plan("ATTENDANCE", csv);
    expect(result.ignored).toEqual([{ line: 4, reason: "répète la ligne 3" }]);
    expect(result.errors).toEqual([
      { line: 6, column: "Nom", reason: "personne inconnue « Paul Inconnu » : importez d'abord l'annuaire des acteurs" },
      { line: 7, column: "Commune", reason: "événement inconnu « Atelier mémoire » du 2023-05-05 : indiquez sa commune pour le créer" },
    ]);
    expect(result.counts.events).toEqual({ created: 1, updated: 0, unchanged: 1 });
    expect(result.writes.events[0]).toMatchObject({ title: "Forum santé jeunes", date: "2023-05-04", communeCode: "30028", organiserId: "t-g-1", kind: "MEETING" });
    expect(result.counts.attendances).toEqual({ created: 2, updated: 0, unchanged: 1 });
  });

  it("lists the events a sheet names, for fetching their attendances only", async () => {
    const table = await parseCsv("Événement;Date\nRéunion plénière;12/03/2023\nRÉUNION  plénière;12 mars 2023\nForum;demain\n;01/01/2024\n");
    expect([...sheetEventKeys(table, guessMapping("ATTENDANCE", table.header))]).toEqual(["reunion pleniere|2023-03-12"]);
  });

  it.each<[ImportKind, string]>([
    ["STRUCTURES", "Nom;Commune;Secteur\nMaison de santé;Bagard;Soin\nCCAS d'Alès;Alès;Prévention\n"],
    ["ACTORS", "Nom;Prénom;Courriel;Structure\nMartin;Léa;lea.martin@exemple.test;CCAS d'Alès\nRoux;Marc;;ARS Occitanie\n"],
    ["MEMBERSHIPS", "Courriel;Groupe de travail;Rôle;Axe\nelodie.fabre@exemple.test;Nouveau groupe;Membre;Santé mentale\n"],
    ["ATTENDANCE", "Nom;Prénom;Événement;Date;Commune;Heures bénévoles\nRoux;Marc;Forum;04/05/2023;Bagard;2\n"],
  ])("plans nothing to write when the same %s file comes again after being applied", async (kind, csv) => {
    const first = await plan(kind, csv);
    expect(first.errors).toEqual([]);
    const again = await plan(kind, csv, applied(snapshot(), first));
    expect(again.errors).toEqual([]);
    for (const writes of Object.values(again.writes)) expect(writes).toEqual([]);
  });
});
