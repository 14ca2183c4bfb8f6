import { readdir, readFile } from "node:fs/promises";
import neo4j, { Neo4jError, type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { createHash } from "node:crypto";
import { tokenFor, type TestViewer } from "../../../test/graphql.js";
import { AppError } from "../errors.js";
import { createQueryRunner, loadQueries, type QueryRunner } from "../neo4j/queries.js";
import { ImportService } from "./service.js";
import { migrateImportedIds, MIGRATION_VIEWER } from "./idMigration.js";
import { zipBombWorkbook } from "./testdata/zipBomb.js";

/**
 * The spreadsheet import through its HTTP endpoints, on the small demo territory: each kind of file
 * applied then re-imported (nothing changes), the bad-file corpus refused with the database
 * unchanged, and the roles. Records made here carry RUN in their names and are removed at the end.
 */
const TERRITORY = "gorges-causses-cevennes";
const COORDINATOR: TestViewer = { role: "COORDINATOR", territories: [TERRITORY] };
const RUN = `t${Date.now().toString(36)}`;
const bad = new URL("./testdata/bad/", import.meta.url);

let driver: Driver;
let snapshotQuery = "";

interface Report {
  rowCount: number;
  counts: Record<string, { created: number; updated: number; unchanged: number }>;
  ignored: { line: number; reason: string }[];
  errorCount: number;
  errors: { line: number; column: string | null; reason: string }[];
  applied: boolean;
  importId: string | null;
  warnings: { line: number; column: string | null; reason: string }[];
}
interface ErrorBody {
  error: { code: string; message: string; explanation?: string; report?: Report; problems?: string[] };
}

async function post(
  action: "preview" | "run",
  kind: string,
  body: Uint8Array | string,
  options: { mode?: "dry-run" | "apply"; fileName?: string; viewer?: TestViewer | null; territoryId?: string } = {},
): Promise<{ status: number; json: unknown }> {
  const viewer = options.viewer === undefined ? COORDINATOR : options.viewer;
  const params = new URLSearchParams({ territoryId: options.territoryId ?? TERRITORY, kind, fileName: options.fileName ?? "fichier.csv" });
  if (options.mode) params.set("mode", options.mode);
  const headers: Record<string, string> = { "content-type": "application/octet-stream" };
  if (viewer !== null) headers.authorization = `Bearer ${await tokenFor(viewer)}`;
  const response = await fetch(`${inject("appUrl")}/api/import/${action}?${params}`, { method: "POST", headers, body: typeof body === "string" ? new TextEncoder().encode(body) : body });
  return { status: response.status, json: await response.json() };
}

async function run(kind: string, csv: Uint8Array | string, mode: "dry-run" | "apply"): Promise<Report> {
  const { status, json } = await post("run", kind, csv, { mode });
  if (status !== 200) throw new Error(`import answered ${status}: ${JSON.stringify(json)}`);
  return json as Report;
}

/**
 * Everything an import can change on the territory (the import's own snapshot query: organisations,
 * people, memberships, groups, participations, events, attendances, with their values), in a stable
 * order. Scoped to the territory because other test files write elsewhere at the same time.
 */
async function fingerprint(): Promise<string> {
  const { records } = await driver.executeQuery(snapshotQuery, { territoryId: TERRITORY, withEvents: true });
  const attendances = await driver.executeQuery(
    "MATCH (:Territory {id: $territoryId})<-[:PART_OF]-(:Epci)<-[:PART_OF]-(:Commune)<-[:HELD_IN]-(e:Event)<-[r:ATTENDED]-(a:Actor) RETURN collect([a.id, e.id, r.volunteerHours]) AS attendanceRows",
    { territoryId: TERRITORY },
  );
  const row = { ...records[0]?.toObject(), ...attendances.records[0]?.toObject() };
  const sorted = Object.fromEntries(
    Object.entries(row).map(([key, rows]) => [key, (rows as unknown[]).map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).sort()]),
  );
  return JSON.stringify(sorted);
}

async function countOf(cypher: string, parameters: Record<string, unknown> = {}): Promise<number> {
  const { records } = await driver.executeQuery(cypher, { run: RUN, ...parameters });
  return Number(records[0]?.get(0));
}

const windows1252 = (text: string): Uint8Array =>
  Uint8Array.from([...text].map((char) => ({ "é": 0xe9, "è": 0xe8, "ç": 0xe7, "à": 0xe0, "ô": 0xf4, "É": 0xc9, "œ": 0x9c, "’": 0x92 })[char] ?? char.charCodeAt(0)));

beforeAll(async () => {
  driver = neo4j.driver(inject("neo4jUri"));
  snapshotQuery = await readFile(new URL("../../../cypher/queries/importSnapshot.cypher", import.meta.url), "utf8");
});

afterAll(async () => {
  await driver.executeQuery("MATCH (e:AuditEntry {userId: $user}) DETACH DELETE e", { user: MIGRATION_VIEWER.subject });
  await driver.executeQuery(
    `MATCH (n) WHERE (n:Structure AND n.name ENDS WITH $run) OR (n:Actor AND n.lastName ENDS WITH $run)
       OR (n:WorkGroup AND n.name ENDS WITH $run) OR (n:Event AND n.title ENDS WITH $run)
     DETACH DELETE n`,
    { run: RUN },
  );
  await driver.close();
});

describe("spreadsheet import", () => {
  let axisName = "";

  it("previews a file: encoding, separator, guessed columns and the first rows", async () => {
    const { status, json } = await post("preview", "ACTORS", windows1252(`NOM,Prénom,"Courriel",Structure de rattachement\r\nLefèvre,Zoé,"zoe@exemple.test","Maison, ${RUN}"\r\n`));
    expect(status).toBe(200);
    expect(json).toMatchObject({
      format: "CSV", encoding: "Windows-1252", delimiter: ",", header: ["NOM", "Prénom", "Courriel", "Structure de rattachement"],
      rowCount: 1, sample: [["Lefèvre", "Zoé", "zoe@exemple.test", `Maison, ${RUN}`]],
      mapping: { lastName: 0, firstName: 1, email: 2, organisation: 3 }, problems: [],
    });
  });

  it("previews an XLSX workbook written by another program", async () => {
    const { status, json } = await post("preview", "ATTENDANCE", await readFile(new URL("./testdata/good/attendance.xlsx", import.meta.url)), { fileName: "presences.xlsx" });
    expect(status).toBe(200);
    expect(json).toMatchObject({ format: "XLSX", rowCount: 2, mapping: { lastName: 0, firstName: 1, event: 2, date: 3, commune: 4, volunteerHours: 5 }, problems: [] });
  });

  it("says that nothing was written when the database goes away during an apply", async () => {
    // The real queries, but the connection is lost once the import has run in its transaction,
    // before the commit (as when Neo4j is killed); no retry, so the failure comes at once.
    const noRetry = neo4j.driver(inject("neo4jUri"), undefined, { maxTransactionRetryTime: 1 });
    try {
      const queries = createQueryRunner(noRetry, loadQueries());
      const lostBeforeCommit: QueryRunner = {
        ...queries,
        writeTransaction: (work) =>
          queries.writeTransaction(async (tx) => {
            await work(tx);
            throw new Neo4jError("Connection lost", "ServiceUnavailable", "", "");
          }),
      };
      const csv = `Nom de la structure;Commune;Secteur;Type\nCoupure ${RUN};Florac-Trois-Rivières;Social;Association\n`;
      const before = await fingerprint();
      const file = { name: "structures.csv", bytes: new TextEncoder().encode(csv) };
      const viewer = { subject: "test:coupure", role: "COORDINATOR" as const, territories: [TERRITORY] };
      const failure = await new ImportService(lostBeforeCommit).run({ territoryId: TERRITORY, kind: "STRUCTURES", file, apply: true, viewer }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(AppError);
      expect(failure).toMatchObject({ code: "DATABASE_UNAVAILABLE", details: { nothingWritten: true } });
      expect((failure as AppError).message).toMatch(/nothing was written/);
      expect(await fingerprint()).toBe(before);
    } finally {
      await noRetry.close();
    }
  });

  it("dry-runs a structures directory without writing, then applies it (audited), then finds nothing to do the second time", { timeout: 240_000 }, async () => {
    const csv = `\uFEFFNom de la structure;Commune;Secteur;Type\nMaison des aidants ${RUN};Florac-Trois-Rivières;Médico-social;Association\n"Épicerie solidaire; ${RUN}";48061;social;Épicerie\n`;
    const before = await fingerprint();
    const dry = await run("STRUCTURES", csv, "dry-run");
    expect(dry).toMatchObject({ applied: false, errorCount: 0, counts: { structures: { created: 2, updated: 0, unchanged: 0 } } });
    expect(await fingerprint()).toBe(before);
    const applied = await run("STRUCTURES", csv, "apply");
    expect(applied).toMatchObject({ applied: true, counts: { structures: { created: 2 } } });
    expect(await countOf("MATCH (s:Structure)-[:LOCATED_IN]->(:Commune {code: '48061'}) WHERE s.name ENDS WITH $run RETURN count(s)")).toBe(2);
    // Audited in the import's transaction: one entry for the import, one per structure it created.
    const importId = String(applied.importId);
    const { records: trail } = await driver.executeQuery(
      "MATCH (e:AuditEntry) WHERE $id IN e.relatedIds RETURN e.entityKind AS kind, e.entityName AS name, e.operation AS operation, e.userId AS userId, e.territoryId AS territoryId, e.changes AS changes ORDER BY kind, name",
      { id: importId },
    );
    const entries = trail.map((record) => ({
      kind: String(record.get("kind")),
      name: record.get("name") as string | null,
      operation: String(record.get("operation")),
      userId: String(record.get("userId")),
      territoryId: String(record.get("territoryId")),
      changes: JSON.parse(String(record.get("changes"))) as Record<string, { before: unknown; after: unknown }>,
    }));
    expect(entries.map((entry) => [entry.kind, entry.operation, entry.userId, entry.territoryId])).toEqual([
      ["IMPORT", "CREATE", `test-coordinator-${TERRITORY}`, TERRITORY],
      ["STRUCTURE", "CREATE", `test-coordinator-${TERRITORY}`, TERRITORY],
      ["STRUCTURE", "CREATE", `test-coordinator-${TERRITORY}`, TERRITORY],
    ]);
    expect(entries[0]?.name).toBe("fichier.csv");
    expect(entries[0]?.changes).toMatchObject({ fileName: { after: "fichier.csv" }, importKind: { after: "STRUCTURES" }, rowCount: { after: 2 }, created: { after: 2 }, updated: { after: 0 } });
    expect(entries.slice(1).map((entry) => entry.name)).toEqual([`Maison des aidants ${RUN}`, `Épicerie solidaire; ${RUN}`].sort());
    expect(entries[1]?.changes).toMatchObject({ name: { before: null }, communeCode: { before: null, after: "48061" } });
    const after = await fingerprint();
    const auditBefore = await countOf("MATCH (e:AuditEntry {entityKind: 'IMPORT'}) RETURN count(e)");
    const again = await run("STRUCTURES", csv, "apply");
    expect(again.counts.structures).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(again.importId).toBeNull();
    expect(await countOf("MATCH (e:AuditEntry {entityKind: 'IMPORT'}) RETURN count(e)")).toBe(auditBefore);
    expect(await fingerprint()).toBe(after);
    // A change of one structure is one UPDATE entry whose `before` is the stored value.
    const changed = await run("STRUCTURES", csv.replace("Médico-social;Association", "Médico-social;Accueil de jour"), "apply");
    expect(changed.counts.structures).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const { records: update } = await driver.executeQuery("MATCH (e:AuditEntry {entityKind: 'STRUCTURE', operation: 'UPDATE'}) WHERE $id IN e.relatedIds RETURN e.changes AS changes", { id: changed.importId });
    expect(update.map((record) => JSON.parse(String(record.get("changes"))) as unknown)).toEqual([{ kind: { before: "Association", after: "Accueil de jour" } }]);
  });

  it("imports an actors directory in Windows-1252 with ',' and quotes, matched again by e-mail on re-import", async () => {
    const csv = windows1252(`Nom,Prénom,Courriel,Téléphone,Structure,Catégorie\r\nLefèvre${RUN},Zoé,zoe.${RUN}@exemple.test,01 99 00 12 34,Maison des aidants ${RUN},Bénévole\r\n"Garçon ${RUN}",Léo,leo.${RUN}@exemple.test,,"Épicerie solidaire; ${RUN}",Élu\r\n`);
    const applied = await run("ACTORS", csv, "apply");
    expect(applied).toMatchObject({ errorCount: 0, counts: { actors: { created: 2 }, memberships: { created: 2 } } });
    expect(await countOf("MATCH (a:Actor {email: 'zoe.' + $run + '@exemple.test', firstName: 'Zoé', category: 'VOLUNTEER', phone: '01 99 00 12 34'})-[:MEMBER_OF]->(s:Structure) WHERE s.name ENDS WITH $run RETURN count(a)")).toBe(1);
    const after = await fingerprint();
    expect((await run("ACTORS", csv, "apply")).counts.actors).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await fingerprint()).toBe(after);
  });

  it("gives imported people ids that cannot be recomputed from their e-mail, and finds them again on re-import", async () => {
    const email = `ines.${RUN}@exemple.test`;
    const csv = `Nom;Prénom;Courriel;Structure\nRoux${RUN};Inès;${email};Maison des aidants ${RUN}\n`;
    expect((await run("ACTORS", csv, "apply")).counts.actors).toMatchObject({ created: 1 });
    const { records } = await driver.executeQuery("MATCH (a:Actor {email: $email}) RETURN a.id AS id", { email });
    const id = String(records[0]?.get("id"));
    const oldStyle = `${TERRITORY}-imp-a-${createHash("sha256").update(email).digest("hex").slice(0, 12)}`;
    expect(id).toMatch(new RegExp(`^${TERRITORY}-imp-a-[0-9a-f]{16}$`));
    expect(id).not.toBe(oldStyle);
    expect(id).not.toContain(createHash("sha256").update(email).digest("hex").slice(0, 8));
    expect((await run("ACTORS", csv, "apply")).counts.actors).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await countOf("MATCH (a:Actor {email: $email}) RETURN count(a)", { email })).toBe(1);
  });

  it("migrates ids made from an e-mail at start: a random id, audited, the old one kept as an alias for id columns and saved views", async () => {
    const email = `old.${RUN}@exemple.test`;
    const oldId = `${TERRITORY}-imp-a-${createHash("sha256").update(email).digest("hex").slice(0, 12)}`;
    await driver.executeQuery(
      `MATCH (s:Structure)-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(:Territory {id: $territoryId})
       WITH s ORDER BY s.id LIMIT 1
       CREATE (:Actor {id: $oldId, firstName: 'Ancien', lastName: 'Format' + $run, email: $email, category: 'PROFESSIONAL'})-[:MEMBER_OF]->(s)`,
      { territoryId: TERRITORY, oldId, email, run: RUN },
    );
    const report = await migrateImportedIds(createQueryRunner(driver, loadQueries()));
    expect(report.nodes).toBeGreaterThanOrEqual(1);
    const { records } = await driver.executeQuery("MATCH (a:Actor {email: $email}) RETURN a.id AS id, a.formerIds AS formerIds", { email });
    const newId = String(records[0]?.get("id"));
    expect(newId).toMatch(new RegExp(`^${TERRITORY}-imp-a-[0-9a-f]{16}$`));
    expect(records[0]?.get("formerIds")).toEqual([oldId]);
    expect(await countOf("MATCH (e:AuditEntry {entityId: $newId, userId: $user}) WHERE $oldId IN e.relatedIds RETURN count(e)", { newId, oldId, user: MIGRATION_VIEWER.subject })).toBe(1);
    // Nothing left to migrate: a second start changes nothing.
    expect((await migrateImportedIds(createQueryRunner(driver, loadQueries()))).nodes).toBe(0);
    // A coordinator's spreadsheet naming the old id still finds the person (updated, not created).
    const csv = `Identifiant;Nom;Prénom;Courriel;Téléphone;Structure\n${oldId};Format${RUN};Ancien;${email};04 66 00 00 01;Maison des aidants ${RUN}\n`;
    const applied = await run("ACTORS", csv, "apply");
    expect(applied.errorCount).toBe(0);
    expect(applied.counts.actors).toMatchObject({ created: 0, updated: 1 });
    expect(await countOf("MATCH (a:Actor {id: $newId, phone: '04 66 00 00 01'}) RETURN count(a)", { newId })).toBe(1);
  });

  it("says in the dry run that a known person with another e-mail is a probable duplicate, writing nothing", async () => {
    const before = await fingerprint();
    const csv = `Nom;Prénom;Courriel;Structure\nLefèvre${RUN};Zoé;zoe.autre.${RUN}@exemple.test;Maison des aidants ${RUN}\n`;
    const dry = await run("ACTORS", csv, "dry-run");
    expect(dry).toMatchObject({ applied: false, errorCount: 0, counts: { actors: { created: 1 } } });
    expect(dry.warnings).toEqual([{
      line: 2,
      column: "Courriel",
      reason: expect.stringMatching(new RegExp(`^doublon probable : « Zoé Lefèvre${RUN} » de « Maison des aidants ${RUN} » existe déjà avec le courriel « zoe\\.${RUN}@exemple\\.test » ; le courriel « zoe\\.autre\\.${RUN}@exemple\\.test »`)),
    }]);
    expect(await fingerprint()).toBe(before);
  });

  it("imports a work-group list, creating the group on its territory with its axis", async () => {
    const { records } = await driver.executeQuery("MATCH (:Territory {id: $t})<-[:BELONGS_TO]-(a:Axis) RETURN a.name AS name ORDER BY name LIMIT 1", { t: TERRITORY });
    axisName = String(records[0]?.get("name"));
    const csv = `Courriel;Groupe de travail;Rôle;Depuis;Axe\nzoe.${RUN}@exemple.test;Groupe aidants ${RUN};Pilote;03/01/2024;${axisName}\nleo.${RUN}@exemple.test;Groupe aidants ${RUN};membre;2024-01-15;\n`;
    const applied = await run("MEMBERSHIPS", csv, "apply");
    expect(applied).toMatchObject({ errorCount: 0, counts: { workGroups: { created: 1 }, participations: { created: 2 } } });
    expect(await countOf("MATCH (:Territory {id: $t})<-[:BELONGS_TO]-(g:WorkGroup {startedOn: date('2024-01-03')})-[:WORKS_ON]->(:Axis {name: $axis}) WHERE g.name ENDS WITH $run RETURN count(g)", { t: TERRITORY, axis: axisName })).toBe(1);
    expect(await countOf("MATCH (:Actor)-[p:PARTICIPATES_IN {role: 'PILOT'}]->(g:WorkGroup) WHERE g.name ENDS WITH $run RETURN count(p)")).toBe(1);
    expect((await run("MEMBERSHIPS", csv, "apply")).counts.participations).toEqual({ created: 0, updated: 0, unchanged: 2 });
  });

  it("imports an attendance sheet with dates in several French forms; the analytics see the new ties", async () => {
    const csv = `Nom;Prénom;Événement;Date;Commune;Heures bénévoles;Organisé par\nLefèvre${RUN};Zoé;Réunion des aidants ${RUN};12/03/2024;Florac-Trois-Rivières;1,5;Groupe aidants ${RUN}\nGarçon ${RUN};Léo;Réunion des aidants ${RUN};12 mars 2024;;;\nGarçon ${RUN};Léo;Réunion des aidants ${RUN};2024-03-12;;;\n`;
    const applied = await run("ATTENDANCE", csv, "apply");
    expect(applied).toMatchObject({ errorCount: 0, counts: { events: { created: 1 }, attendances: { created: 2 } }, ignored: [{ line: 4, reason: "répète la ligne 3" }] });
    expect(await countOf("MATCH (:Actor)-[r:ATTENDED]->(e:Event {date: date('2024-03-12')})-[:ORGANISED_BY]->(:WorkGroup) WHERE e.title ENDS WITH $run RETURN sum(r.volunteerHours)")).toBe(1.5);
    expect((await run("ATTENDANCE", csv, "apply")).counts.attendances).toEqual({ created: 0, updated: 0, unchanged: 2 });
    // The write dropped the cached networks: the two people are now tied in the 2024 actor network.
    const response = await fetch(`${inject("appUrl")}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await tokenFor(COORDINATOR)}` },
      body: JSON.stringify({
        query: `{ collaborationNetwork(territoryId: "${TERRITORY}", level: ACTOR, window: { from: "2024-01-01", to: "2024-12-31" }) { nodes { id label } } }`,
      }),
    });
    const body = (await response.json()) as { data: { collaborationNetwork: { nodes: { label: string }[] } } };
    expect(body.data.collaborationNetwork.nodes.map((n) => n.label)).toEqual(expect.arrayContaining([`Zoé Lefèvre${RUN}`, `Léo Garçon ${RUN}`]));
  });

  it("applies nothing at all when one row of the file has an error", async () => {
    const before = await fingerprint();
    const { status, json } = await post("run", "STRUCTURES", await readFile(new URL("one-good-row-one-bad.csv", bad)), { mode: "apply" });
    expect(status).toBe(422);
    expect((json as ErrorBody).error).toMatchObject({ code: "IMPORT_HAS_ERRORS", report: { errorCount: 1, errors: [{ line: 3, column: "Secteur" }] } });
    expect(await fingerprint()).toBe(before);
  });

  it("refuses every file of the bad corpus with a clear error, and the database is unchanged", async () => {
    const expected: Record<string, { status: number; code: string; text: RegExp }> = {
      "empty.csv": { status: 400, code: "UNREADABLE_FILE", text: /vide/ },
      "utf16.csv": { status: 400, code: "UNREADABLE_FILE", text: /UTF-16/ },
      "picture.png": { status: 400, code: "UNREADABLE_FILE", text: /pas un fichier texte/ },
      "old-excel.xls": { status: 400, code: "UNREADABLE_FILE", text: /\.xls/ },
      "formula.xlsx": { status: 422, code: "IMPORT_HAS_ERRORS", text: /formule/ },
      "unterminated-quote.csv": { status: 400, code: "UNREADABLE_FILE", text: /Guillemet ouvert ligne 2/ },
      "missing-columns.csv": { status: 400, code: "BAD_USER_INPUT", text: /Colonne obligatoire manquante : « Commune/ },
      "extra-cells.csv": { status: 422, code: "IMPORT_HAS_ERRORS", text: /4 colonnes, l'en-tête 2/ },
      "formulas.csv": { status: 422, code: "IMPORT_HAS_ERRORS", text: /formule/ },
      "cypher-names.csv": { status: 422, code: "IMPORT_HAS_ERRORS", text: /Cypher/ },
      "html-names.csv": { status: 422, code: "IMPORT_HAS_ERRORS", text: /HTML/ },
      "unknown-commune.csv": { status: 422, code: "IMPORT_HAS_ERRORS", text: /commune inconnue sur ce territoire : « Nîmes »/ },
      "one-good-row-one-bad.csv": { status: 422, code: "IMPORT_HAS_ERRORS", text: /Sport/ },
      // Issue 22: a UTF-8 file with one stray byte is UTF-8, the row with the byte refused; in the header the file is refused.
      "stray-byte.csv": { status: 422, code: "IMPORT_HAS_ERRORS", text: /caractère illisible ligne 4 : octet 0xE9 dans « Accueil H\?lène »/ },
      "accented-header-stray-byte.csv": { status: 400, code: "UNREADABLE_FILE", text: /caractère illisible ligne 1 \(ligne d'en-tête\) : octet 0xE9 dans la colonne « Type d'\?tablissement »/ },
      "header-only.csv": { status: 400, code: "UNREADABLE_FILE", text: /aucune ligne de données/ },
    };
    const files = (await readdir(bad)).sort();
    expect(files).toEqual(Object.keys(expected).sort());
    const before = await fingerprint();
    for (const file of files) {
      const { status, json } = await post("run", "STRUCTURES", await readFile(new URL(file, bad)), { mode: "apply", fileName: file });
      const error = (json as ErrorBody).error;
      const rule = expected[file];
      const said = [error.explanation, ...(error.problems ?? []), ...(error.report?.errors.map((e) => e.reason) ?? [])].join(" | ");
      // Every message a user reads is French: never the English of the API's `message` alone.
      expect(said, file).not.toMatch(/\b(rows have errors|nothing was written|bytes)\b/);
      if (file !== "missing-columns.csv") expect(said, file).not.toMatch(/Colonne obligatoire manquante/);
      expect({ file, status, code: error.code }).toEqual({ file, status: rule?.status, code: rule?.code });
      expect(said, file).toMatch(rule?.text ?? /./);
      if (error.report) expect(error.report.errors.length, file).toBe(error.report.errorCount);
    }
    expect(await fingerprint()).toBe(before);
  });

  it("refuses a zip bomb (an .xlsx whose sheet inflates to 1.2 GB) in French, quickly, and the database is unchanged", async () => {
    const bomb = zipBombWorkbook(1.2e9);
    const before = await fingerprint();
    const started = performance.now();
    const { status, json } = await post("run", "STRUCTURES", bomb, { mode: "apply", fileName: "annuaire.xlsx" });
    const elapsed = performance.now() - started;
    expect(status).toBe(400);
    expect((json as ErrorBody).error).toMatchObject({ code: "UNREADABLE_FILE", explanation: expect.stringMatching(/se décompresse en plus de 200 Mo/) });
    expect(elapsed).toBeLessThan(2000);
    expect(await fingerprint()).toBe(before);
  }, 120_000);

  it("refuses a 50 MB file before reading it", async () => {
    const line = `Maison ${"x".repeat(80)};Florac-Trois-Rivières;Soin\n`;
    const big = `Nom de la structure;Commune;Secteur\n${line.repeat(Math.ceil((50 * 1024 * 1024) / line.length))}`;
    const { status, json } = await post("run", "STRUCTURES", big, { mode: "dry-run" });
    expect(status).toBe(413);
    expect((json as ErrorBody).error.code).toBe("FILE_TOO_LARGE");
    expect((json as ErrorBody).error.message).toMatch(/dépasse la taille permise : un import prend des fichiers de 20 Mo au plus/);
  });

  it("is for coordinators of the territory and administrators: analysts, other territories and anonymous users are refused", async () => {
    const csv = `Nom de la structure;Commune\nRefusée ${RUN};Florac-Trois-Rivières\n`;
    const analyst = await post("run", "STRUCTURES", csv, { mode: "apply", viewer: { role: "ANALYST", territories: [TERRITORY] } });
    expect([analyst.status, (analyst.json as ErrorBody).error.code]).toEqual([403, "FORBIDDEN"]);
    const elsewhere = await post("run", "STRUCTURES", csv, { mode: "apply", viewer: { role: "COORDINATOR", territories: ["pays-cevennes"] } });
    expect([elsewhere.status, (elsewhere.json as ErrorBody).error.code]).toEqual([403, "FORBIDDEN"]);
    const anonymous = await post("run", "STRUCTURES", csv, { mode: "apply", viewer: null });
    expect([anonymous.status, (anonymous.json as ErrorBody).error.code]).toEqual([401, "UNAUTHENTICATED"]);
    const admin = await post("run", "STRUCTURES", csv, { mode: "dry-run", viewer: { role: "ADMIN", territories: ["*"] } });
    expect(admin.status).toBe(200);
    expect(await countOf("MATCH (s:Structure) WHERE s.name = 'Refusée ' + $run RETURN count(s)")).toBe(0);
    const badKind = await post("run", "PIZZAS", csv, { mode: "apply" });
    expect([badKind.status, (badKind.json as ErrorBody).error.code]).toEqual([400, "BAD_USER_INPUT"]);
  });
});
