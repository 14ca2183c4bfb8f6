import { newImportId } from "./ids.js";
import { KIND_FIELDS, type ColumnMapping, type FieldId, type ImportKind } from "./fields.js";
import { CATEGORY_WORDS, codeFor, EVENT_KIND_WORDS, ROLE_WORDS, SECTOR_WORDS } from "./labels.js";
import type {
  SnapshotActor,
  SnapshotAttendance,
  SnapshotEvent,
  SnapshotMembership,
  SnapshotOrganisation,
  SnapshotParticipation,
  SnapshotWorkGroup,
  TerritorySnapshot,
} from "./snapshot.js";
import { normaliseName, normalisePersonName, parseFrenchDate, parseFrenchNumber, refusedText } from "./values.js";

/**
 * A file's rows compared with the territory: what would be created, updated, left unchanged or
 * ignored, every row error, and the records to write. Pure: the dry run shows this plan, the apply
 * writes `writes` in one transaction, and the same file planned again after applying writes nothing.
 * Empty cells never erase what the database holds.
 */
export interface ImportTable {
  header: string[];
  rows: { line: number; cells: string[] }[];
}

export const ENTITIES = ["structures", "actors", "memberships", "workGroups", "participations", "events", "attendances"] as const;
export type Entity = (typeof ENTITIES)[number];

export interface EntityCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface RowError {
  line: number;
  /** Header of the column at fault, or null when the row as a whole is. */
  column: string | null;
  reason: string;
}

export type StructureWrite = Omit<SnapshotOrganisation, "isInstitution"> & { communeCode: string };
export interface ImportWrites {
  structures: StructureWrite[];
  actors: SnapshotActor[];
  memberships: SnapshotMembership[];
  workGroups: SnapshotWorkGroup[];
  participations: SnapshotParticipation[];
  events: SnapshotEvent[];
  attendances: SnapshotAttendance[];
}

export interface ImportPlan {
  kind: ImportKind;
  rowCount: number;
  counts: Record<Entity, EntityCounts>;
  ignored: { line: number; reason: string }[];
  errors: RowError[];
  /** What is written but looks wrong (a probable duplicate person); does not stop an apply. */
  warnings: RowError[];
  writes: ImportWrites;
}

/** A row error raised while reading one row: the row is reported and skipped. */
class RowProblem extends Error {
  constructor(
    readonly field: FieldId | null,
    reason: string,
  ) {
    super(reason);
  }
}

type Status = "created" | "updated" | "unchanged";

function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Same values under the same keys, whatever their order. */
function same(a: object, b: object): boolean {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return JSON.stringify(a, keys) === JSON.stringify(b, keys);
}
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;


/** French phone numbers as "04 66 12 34 56"; other forms (+ international) kept as typed. */
function phoneNumber(raw: string): string | null {
  const digits = raw.replace(/[\s.\-()]/g, "");
  const national = /^\+33\d{9}$/.test(digits) ? `0${digits.slice(3)}` : digits;
  if (/^0\d{9}$/.test(national)) return national.replace(/(\d{2})(?=\d)/g, "$1 ").trim();
  return /^\+\d{6,15}$/.test(digits) ? digits : null;
}

/** Records of one entity touched by the file: each counted once, with the record to write. */
class Tally<T> {
  private readonly status = new Map<string, Status>();
  private readonly records = new Map<string, T>();

  record(id: string, status: Status, value: T): void {
    const previous = this.status.get(id);
    // A record created by an earlier row stays "created"; "updated" wins over "unchanged".
    const next = previous === "created" || status === "created" ? "created" : previous === "updated" || status === "updated" ? "updated" : "unchanged";
    this.status.set(id, next);
    if (next !== "unchanged") this.records.set(id, value);
  }

  has(id: string): boolean {
    return this.status.has(id);
  }

  counts(): EntityCounts {
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for (const status of this.status.values()) counts[status] += 1;
    return counts;
  }

  writes(): T[] {
    return [...this.records.values()];
  }
}

/** How an event is recognised in a sheet: its title (normalised) and its date. */
export function eventKey(title: string, isoDate: string): string {
  return `${normaliseName(title)}|${isoDate}`;
}

/**
 * The keys of the events an attendance sheet names (rows whose title and date can be read): the
 * import fetches the existing attendances of those events only.
 */
export function sheetEventKeys(table: ImportTable, mapping: ColumnMapping): Set<string> {
  const keys = new Set<string>();
  const titleColumn = mapping.event;
  const dateColumn = mapping.date;
  if (titleColumn === undefined || dateColumn === undefined) return keys;
  for (const row of table.rows) {
    const date = parseFrenchDate(row.cells[dateColumn] ?? "");
    const title = (row.cells[titleColumn] ?? "").trim();
    if (date.ok && title !== "") keys.add(eventKey(title, date.value));
  }
  return keys;
}

export function planImport(kind: ImportKind, table: ImportTable, mapping: ColumnMapping, snapshot: TerritorySnapshot, today: string): ImportPlan {
  return new Planner(kind, table, mapping, snapshot, today).run();
}

class Planner {
  private readonly errors: RowError[] = [];
  private readonly warnings: RowError[] = [];
  private readonly ignored: { line: number; reason: string }[] = [];
  private readonly communeByCode;
  private readonly communesByName;
  private readonly axisById;
  private readonly axesByName;
  private readonly orgById;
  private readonly orgsByName;
  private readonly actorById;
  private readonly actorsByEmail;
  /** People by the e-mails of those merged into them (lower case): a sheet naming one means them. */
  private readonly actorsByFormerEmail;
  private readonly actorsByName;
  private readonly memberships;
  private readonly workGroupById;
  private readonly workGroupsByName;
  private readonly participations;
  private readonly eventsByKey;
  private readonly attendances;
  /** Rows already read, by the key of what they describe: a repeated row is ignored. */
  private readonly seenRows = new Map<string, { line: number; value: string }>();
  private readonly tallies = {
    structures: new Tally<StructureWrite>(),
    actors: new Tally<SnapshotActor>(),
    memberships: new Tally<SnapshotMembership>(),
    workGroups: new Tally<SnapshotWorkGroup>(),
    participations: new Tally<SnapshotParticipation>(),
    events: new Tally<SnapshotEvent>(),
    attendances: new Tally<SnapshotAttendance>(),
  };
  private line = 0;
  private cells: string[] = [];

  constructor(
    private readonly kind: ImportKind,
    private readonly table: ImportTable,
    private readonly mapping: ColumnMapping,
    private readonly snapshot: TerritorySnapshot,
    private readonly today: string,
  ) {
    this.communeByCode = new Map(snapshot.communes.map((c) => [c.code, c]));
    this.communesByName = group(snapshot.communes, (c) => normaliseName(c.name));
    this.axisById = new Map(snapshot.axes.map((a) => [a.id, a]));
    this.axesByName = group(snapshot.axes, (a) => normaliseName(a.name));
    this.orgById = new Map(snapshot.organisations.map((o) => [o.id, o]));
    this.orgsByName = group(snapshot.organisations, (o) => normaliseName(o.name));
    this.actorById = new Map(snapshot.actors.map((a) => [a.id, a]));
    // An id from before the migration of imported ids (idMigration.ts) still names its record.
    for (const { formerId, id } of snapshot.idAliases ?? []) {
      const organisation = this.orgById.get(id);
      const actor = this.actorById.get(id);
      if (organisation) this.orgById.set(formerId, organisation);
      if (actor) this.actorById.set(formerId, actor);
    }
    this.actorsByEmail = group(
      snapshot.actors.filter((a) => a.email),
      (a) => (a.email ?? "").toLowerCase(),
    );
    this.actorsByFormerEmail = new Map(
      [...group(snapshot.formerEmails, (f) => f.email.toLowerCase())].map(([email, former]) => [
        email,
        [...new Set(former.map((f) => f.actorId))].flatMap((id) => this.actorById.get(id) ?? []),
      ]),
    );
    this.actorsByName = group(snapshot.actors, (a) => normalisePersonName(`${a.firstName} ${a.lastName}`));
    this.memberships = new Map(snapshot.memberships.map((m) => [`${m.actorId}|${m.organisationId}`, m]));
    this.workGroupById = new Map(snapshot.workGroups.map((w) => [w.id, w]));
    this.workGroupsByName = group(snapshot.workGroups, (w) => normaliseName(w.name));
    this.participations = new Map(snapshot.participations.map((p) => [`${p.actorId}|${p.workGroupId}`, p]));
    this.eventsByKey = group(snapshot.events, (e) => eventKey(e.title, e.date));
    this.attendances = new Map(snapshot.attendances.map((a) => [`${a.actorId}|${a.eventId}`, a]));
  }

  run(): ImportPlan {
    for (const row of this.table.rows) {
      this.line = row.line;
      this.cells = row.cells;
      if (row.cells.length > this.table.header.length && row.cells.slice(this.table.header.length).some((c) => c.trim() !== "")) {
        this.errors.push({ line: row.line, column: null, reason: `la ligne a ${row.cells.length} colonnes, l'en-tête ${this.table.header.length}` });
        continue;
      }
      try {
        if (this.kind === "STRUCTURES") this.structureRow();
        else if (this.kind === "ACTORS") this.actorRow();
        else if (this.kind === "MEMBERSHIPS") this.membershipRow();
        else this.attendanceRow();
      } catch (error) {
        if (!(error instanceof RowProblem)) throw error;
        this.errors.push({ line: row.line, column: error.field === null ? null : this.columnName(error.field), reason: error.message });
      }
    }
    const counts = Object.fromEntries(ENTITIES.map((entity) => [entity, this.tallies[entity].counts()])) as Record<Entity, EntityCounts>;
    const writes = Object.fromEntries(ENTITIES.map((entity) => [entity, this.tallies[entity].writes()])) as unknown as ImportWrites;
    return { kind: this.kind, rowCount: this.table.rows.length, counts, ignored: this.ignored, errors: this.errors, warnings: this.warnings, writes };
  }

  private columnName(field: FieldId): string | null {
    const column = this.mapping[field];
    return column === undefined ? null : (this.table.header[column] ?? null);
  }

  /** The trimmed text of a field's cell ("" when the field has no column); refused texts throw. */
  private text(field: FieldId, maxLength = 200): string {
    const column = this.mapping[field];
    const value = column === undefined ? "" : (this.cells[column] ?? "").trim();
    const refused = value === "" ? null : refusedText(value, maxLength);
    if (refused !== null) throw new RowProblem(field, refused);
    return value;
  }

  private required(field: FieldId): string {
    const value = this.text(field);
    const label = KIND_FIELDS[this.kind].find((f) => f.id === field)?.label ?? field;
    if (value === "") throw new RowProblem(field, `« ${label} » est vide`);
    return value;
  }

  private date(field: FieldId): string | null {
    const value = this.text(field);
    if (value === "") return null;
    const parsed = parseFrenchDate(value);
    // The value is quoted, so that the message says what was read ("date impossible : « 31/02/2024 »").
    if (!parsed.ok) throw new RowProblem(field, parsed.reason.includes("«") ? parsed.reason : `${parsed.reason} : « ${value} »`);
    return parsed.value;
  }

  private number(field: FieldId): number | null {
    const value = this.text(field);
    if (value === "") return null;
    const parsed = parseFrenchNumber(value);
    if (!parsed.ok) throw new RowProblem(field, parsed.reason);
    return parsed.value;
  }

  private code(field: FieldId, words: Readonly<Record<string, string>>, accepted: string): string | null {
    const value = this.text(field);
    if (value === "") return null;
    const code = codeFor(words, value);
    if (code === undefined) throw new RowProblem(field, `valeur inconnue « ${value} » (attendu : ${accepted})`);
    return code;
  }

  /** A repeated row (same key and same content) is ignored; the same key with other content is an error. */
  private firstTime(key: string, value: unknown): boolean {
    const seen = this.seenRows.get(key);
    const text = JSON.stringify(value);
    if (seen === undefined) {
      this.seenRows.set(key, { line: this.line, value: text });
      return true;
    }
    if (seen.value === text) {
      this.ignored.push({ line: this.line, reason: `répète la ligne ${seen.line}` });
      return false;
    }
    throw new RowProblem(null, `contredit la ligne ${seen.line} (même enregistrement, autres valeurs)`);
  }

  private commune(field: FieldId): string | null {
    const value = this.text(field);
    if (value === "") return null;
    if (/^\d[\dAB]\d{3}$/i.test(value)) {
      const commune = this.communeByCode.get(value.toUpperCase());
      if (!commune) throw new RowProblem(field, `aucune commune du territoire n'a le code INSEE ${value}`);
      return commune.code;
    }
    const matches = this.communesByName.get(normaliseName(value)) ?? [];
    if (matches.length === 0) throw new RowProblem(field, `commune inconnue sur ce territoire : « ${value} »`);
    if (matches.length > 1) throw new RowProblem(field, `plusieurs communes s'appellent « ${value} » : indiquez le code INSEE`);
    return (matches[0] as { code: string }).code;
  }

  private organisation(field: FieldId, required: boolean): SnapshotOrganisation | null {
    const value = required ? this.required(field) : this.text(field);
    if (value === "") return null;
    const byId = this.orgById.get(value);
    if (byId) return byId;
    const matches = this.orgsByName.get(normaliseName(value)) ?? [];
    if (matches.length === 1) return matches[0] as SnapshotOrganisation;
    if (matches.length > 1) throw new RowProblem(field, `plusieurs structures s'appellent « ${value} » : utilisez leur identifiant Maillage`);
    throw new RowProblem(field, `structure inconnue « ${value} » : importez d'abord l'annuaire des structures`);
  }

  private axis(): string | null {
    const value = this.text("axis");
    if (value === "") return null;
    const axis = this.axisById.get(value) ?? this.axesByName.get(normaliseName(value))?.[0];
    if (!axis) throw new RowProblem("axis", `axe inconnu « ${value} » : ${this.snapshot.axes.map((a) => a.name).join(", ")}`);
    return axis.id;
  }

  /** The people with this e-mail (lower case); none has it now, those into whom its owner was merged. */
  private withEmail(email: string): SnapshotActor[] {
    const current = this.actorsByEmail.get(email) ?? [];
    return current.length > 0 ? current : (this.actorsByFormerEmail.get(email) ?? []);
  }

  /** The person of a membership or attendance row, by e-mail (a merged-away one included), else by name (either order, titles ignored). */
  private person(): SnapshotActor {
    const email = this.text("email").toLowerCase();
    if (email !== "") {
      const byEmail = this.withEmail(email);
      if (byEmail.length === 1) return byEmail[0] as SnapshotActor;
    }
    const first = this.text("firstName");
    const last = this.text("lastName");
    if (first === "" && last === "" && email === "") throw new RowProblem(null, "ni nom ni courriel : impossible de savoir de qui il s'agit");
    const names = [normalisePersonName(`${first} ${last}`), normalisePersonName(`${last} ${first}`)];
    const matches = [...new Set(names.flatMap((name) => this.actorsByName.get(name) ?? []))];
    if (matches.length === 1) return matches[0] as SnapshotActor;
    const who = `${first} ${last}`.trim() || email;
    if (matches.length > 1) throw new RowProblem("lastName", `plusieurs personnes s'appellent « ${who} » : ajoutez une colonne Courriel`);
    throw new RowProblem(email !== "" ? "email" : "lastName", `personne inconnue « ${who} » : importez d'abord l'annuaire des acteurs`);
  }

  private structureRow(): void {
    const name = this.required("name");
    const communeCode = this.commune("commune");
    if (communeCode === null) throw new RowProblem("commune", "« Commune » est vide");
    const sector = this.code("sector", SECTOR_WORDS, "soin, prévention, social, médico-social, éducation, justice, collectivité");
    const type = this.text("type");
    const id = this.text("id");
    let existing: SnapshotOrganisation | undefined;
    if (id !== "") {
      existing = this.orgById.get(id);
      if (!existing || existing.isInstitution) throw new RowProblem("id", `aucune structure n'a l'identifiant « ${id} »`);
    } else {
      const matches = (this.orgsByName.get(normaliseName(name)) ?? []).filter((o) => !o.isInstitution && o.communeCode === communeCode);
      if (matches.length > 1) throw new RowProblem("name", `plusieurs structures « ${name} » dans cette commune : utilisez leur identifiant Maillage`);
      existing = matches[0];
    }
    const record: StructureWrite = existing
      ? { id: existing.id, name: id !== "" ? name : existing.name, communeCode, sector: sector ?? existing.sector, kind: type || existing.kind }
      : { id: newImportId(this.snapshot.territoryId, "s"), name, communeCode, sector, kind: type || null };
    if (!this.firstTime(`structure|${record.id}`, record)) return;
    const status: Status = !existing ? "created" : same({ ...existing, isInstitution: false }, { ...record, isInstitution: false }) ? "unchanged" : "updated";
    this.tallies.structures.record(record.id, status, record);
    if (!existing) {
      const added = { ...record, isInstitution: false };
      this.orgById.set(record.id, added);
      this.orgsByName.set(normaliseName(name), [...(this.orgsByName.get(normaliseName(name)) ?? []), added]);
    }
  }

  private actorRow(): void {
    const lastName = this.required("lastName");
    const firstName = this.required("firstName");
    const email = this.text("email").toLowerCase();
    if (email !== "" && !EMAIL.test(email)) throw new RowProblem("email", `adresse de courriel invalide « ${email} »`);
    const rawPhone = this.text("phone");
    const phone = rawPhone === "" ? null : phoneNumber(rawPhone);
    if (rawPhone !== "" && phone === null) throw new RowProblem("phone", `numéro de téléphone invalide « ${rawPhone} »`);
    const category = this.code("category", CATEGORY_WORDS, "professionnel·le, élu·e, bénévole, institutionnel·le");
    const profession = this.text("profession");
    const organisation = this.organisation("organisation", true) as SnapshotOrganisation;
    const memberRole = this.text("memberRole");
    const since = this.date("since");
    const until = this.date("until");
    if (since !== null && until !== null && until < since) throw new RowProblem("until", "la date de fin précède la date de début");
    const id = this.text("id");
    let existing: SnapshotActor | undefined;
    if (id !== "") {
      existing = this.actorById.get(id);
      if (!existing) throw new RowProblem("id", `aucun acteur n'a l'identifiant « ${id} »`);
    } else if (email !== "" && this.withEmail(email).length === 1) {
      existing = this.withEmail(email)[0];
    } else {
      const byName = (this.actorsByName.get(normalisePersonName(`${firstName} ${lastName}`)) ?? []).filter((a) => email === "" || !a.email || a.email === email);
      const inOrganisation = byName.filter((a) => this.memberships.has(`${a.id}|${organisation.id}`));
      const candidates = byName.length > 1 ? inOrganisation : byName;
      if (candidates.length > 1) throw new RowProblem("lastName", `plusieurs « ${firstName} ${lastName} » dans cette structure : ajoutez une colonne Courriel`);
      existing = candidates[0];
    }
    if (existing === undefined && email !== "") this.warnIfProbableDuplicate(firstName, lastName, email, organisation);
    const record: SnapshotActor = existing
      ? {
          id: existing.id,
          firstName: id !== "" ? firstName : existing.firstName,
          lastName: id !== "" ? lastName : existing.lastName,
          // A merged-away e-mail finds the person but does not replace their e-mail.
          email: email !== "" && !(this.actorsByFormerEmail.get(email) ?? []).includes(existing) ? email : existing.email,
          phone: phone ?? existing.phone,
          category: category ?? existing.category,
          profession: profession || existing.profession,
        }
      : {
          id: newImportId(this.snapshot.territoryId, "a"),
          firstName, lastName, email: email || null, phone, category: category ?? "PROFESSIONAL", profession: profession || null,
        };
    if (!this.firstTime(`actor|${record.id}|${organisation.id}`, { record, memberRole, since, until })) return;
    this.tallies.actors.record(record.id, !existing ? "created" : same(existing, record) ? "unchanged" : "updated", record);
    if (!existing) {
      this.actorById.set(record.id, record);
      const key = normalisePersonName(`${firstName} ${lastName}`);
      this.actorsByName.set(key, [...(this.actorsByName.get(key) ?? []), record]);
      if (record.email) this.actorsByEmail.set(record.email, [record]);
    }
    const key = `${record.id}|${organisation.id}`;
    const current = this.memberships.get(key);
    const membership: SnapshotMembership = current
      ? { ...current, role: memberRole || current.role, since: since ?? current.since, until: until ?? current.until }
      : { actorId: record.id, organisationId: organisation.id, role: memberRole || null, since, until };
    this.tallies.memberships.record(key, !current ? "created" : same(current, membership) ? "unchanged" : "updated", membership);
    this.memberships.set(key, membership);
  }

  /**
   * A new person (by e-mail) with the name of someone already in the same organisation under another
   * e-mail is probably that person with a second address: said, so that the dry run shows it.
   */
  private warnIfProbableDuplicate(firstName: string, lastName: string, email: string, organisation: SnapshotOrganisation): void {
    const twin = (this.actorsByName.get(normalisePersonName(`${firstName} ${lastName}`)) ?? []).find(
      (actor) => actor.email !== null && actor.email !== email && this.memberships.has(`${actor.id}|${organisation.id}`),
    );
    if (twin === undefined) return;
    this.warnings.push({
      line: this.line,
      column: this.columnName("email"),
      reason: `doublon probable : « ${twin.firstName} ${twin.lastName} » de « ${organisation.name} » existe déjà avec le courriel « ${twin.email ?? ""} » ; le courriel « ${email} » créera une deuxième personne (corrigez le courriel, ou fusionnez ensuite les doublons)`,
    });
  }

  private membershipRow(): void {
    const person = this.person();
    const groupName = this.required("workGroup");
    const role = this.code("role", ROLE_WORDS, "pilote, co-pilote, membre") ?? "MEMBER";
    const since = this.date("since");
    const until = this.date("until");
    if (since !== null && until !== null && until < since) throw new RowProblem("until", "la date de fin précède la date de début");
    const axisId = this.axis();
    const groupKey = normaliseName(groupName);
    const groups = this.workGroupsByName.get(groupKey) ?? [];
    if (groups.length > 1) throw new RowProblem("workGroup", `plusieurs groupes s'appellent « ${groupName} »`);
    let workGroup = groups[0];
    if (!workGroup || this.tallies.workGroups.has(workGroup.id)) {
      // A group new to Maillage starts with its first member; its axis comes from the file.
      const startedOn = [workGroup?.startedOn, since ?? this.today].filter((d): d is string => d !== undefined).sort()[0] as string;
      const axisIds = [...new Set([...(workGroup?.axisIds ?? []), ...(axisId ? [axisId] : [])])];
      workGroup = { id: workGroup?.id ?? newImportId(this.snapshot.territoryId, "g"), name: workGroup?.name ?? groupName, kind: "WORK_GROUP", startedOn, endedOn: null, axisIds };
      this.tallies.workGroups.record(workGroup.id, "created", workGroup);
      this.workGroupsByName.set(groupKey, [workGroup]);
      this.workGroupById.set(workGroup.id, workGroup);
    }
    const key = `${person.id}|${workGroup.id}`;
    if (!this.firstTime(`participation|${key}`, { role, since, until })) return;
    const current = this.participations.get(key);
    const participation: SnapshotParticipation = current
      ? { ...current, role: this.text("role") === "" ? current.role : role, since: since ?? current.since, until: until ?? current.until }
      : { actorId: person.id, workGroupId: workGroup.id, role, since, until };
    this.tallies.participations.record(key, !current ? "created" : same(current, participation) ? "unchanged" : "updated", participation);
  }

  private attendanceRow(): void {
    const person = this.person();
    const title = this.required("event");
    const date = this.date("date");
    if (date === null) throw new RowProblem("date", "« Date » est vide");
    const volunteerHours = this.number("volunteerHours") ?? 0;
    const key = eventKey(title, date);
    const events = this.eventsByKey.get(key) ?? [];
    if (events.length > 1) throw new RowProblem("event", `plusieurs événements « ${title} » le même jour`);
    let event = events[0];
    if (!event) {
      const communeCode = this.commune("commune");
      if (communeCode === null) throw new RowProblem("commune", `événement inconnu « ${title} » du ${date} : indiquez sa commune pour le créer`);
      const organiserName = this.text("organiser");
      let organiserId: string | null = null;
      if (organiserName !== "") {
        const groups = this.workGroupsByName.get(normaliseName(organiserName)) ?? [];
        organiserId = groups.length === 1 ? (groups[0] as SnapshotWorkGroup).id : (this.organisation("organiser", false)?.id ?? null);
      }
      const axisId = this.axis();
      event = {
        id: newImportId(this.snapshot.territoryId, "e"),
        title,
        kind: this.code("eventKind", EVENT_KIND_WORDS, "réunion, formation, action publique, conférence") ?? "MEETING",
        date,
        durationHours: this.number("duration"),
        communeCode,
        organiserId,
        axisIds: axisId ? [axisId] : [],
      };
      this.eventsByKey.set(key, [event]);
      this.tallies.events.record(event.id, "created", event);
    } else if (!this.tallies.events.has(event.id)) {
      this.tallies.events.record(event.id, "unchanged", event);
    }
    const attendanceKey = `${person.id}|${event.id}`;
    if (!this.firstTime(`attendance|${attendanceKey}`, { volunteerHours })) return;
    const current = this.attendances.get(attendanceKey);
    const attendance: SnapshotAttendance = { actorId: person.id, eventId: event.id, volunteerHours: this.text("volunteerHours") === "" && current ? current.volunteerHours : volunteerHours };
    this.tallies.attendances.record(attendanceKey, !current ? "created" : same(current, attendance) ? "unchanged" : "updated", attendance);
  }
}
