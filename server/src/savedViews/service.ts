/**
 * Saved views (issue 5): named snapshots of the explorer stored as `(:SavedView)-[:SHOWS]->(:Territory)`.
 * Coordinators and analysts of the territory read them (a shared link opens for colleagues);
 * coordinators of the territory and administrators write them. A view out of the viewer's reach is
 * NOT_FOUND, like one that does not exist: ids do not reveal other territories' views.
 */
import { randomUUID } from "node:crypto";
import { isPlain, optionalText, text, type Plain } from "../analytics/values.js";
import { assertCanWriteTerritory, canSeePersonalData, type Viewer } from "../auth/viewer.js";
import { AppError } from "../errors.js";
import type { QueryRunner } from "../neo4j/queries.js";
import { toPlain } from "../neo4j/values.js";
import { pseudonymFor } from "../auth/pseudonym.js";
import { describeState, viewReferences, type ViewNames } from "./describe.js";
import { PEOPLE_VIEWS, SAVED_VIEW_KINDS, type LegendEntry, type SaveViewInput, type SavedViewKind } from "./input.js";
import { personalDataScrub, scrubJsonStrings, type KnownPerson } from "./scrub.js";

/** A saved view as stored; `state` is null when the query was told not to read it. */
export interface SavedViewRow {
  readonly id: string;
  readonly territoryId: string;
  readonly name: string;
  readonly view: SavedViewKind;
  readonly stateVersion: number;
  readonly state: string | null;
  readonly picture: string | null;
  readonly legend: readonly LegendEntry[];
  readonly subtitle: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly authorId: string | null;
}

/** What the API shows of a saved view to one viewer. */
export interface SavedViewOut extends Omit<SavedViewRow, "state"> {
  readonly state: string | null;
  readonly isPictureWithheld: boolean;
}

const isoDateTime = (row: Plain, key: string): string => new Date(text(row, key)).toISOString();

function legendRow(value: string | null): LegendEntry[] {
  if (value === null) return [];
  const parsed: unknown = JSON.parse(value);
  if (!Array.isArray(parsed)) throw new Error("Expected a JSON list in \"legend\"");
  return parsed.map((item: unknown) => {
    if (!isPlain(item)) throw new Error("Expected legend rows");
    return { label: text(item, "label"), colour: text(item, "colour"), shape: text(item, "shape") };
  });
}

/** Converts a query's `view` column (a shape mismatch is a bug: plain Error, logged, never shown). */
export function savedViewRow(value: unknown): SavedViewRow {
  const row = toPlain(value);
  if (!isPlain(row)) throw new Error("Expected a saved view map");
  const view = text(row, "view");
  if (!(SAVED_VIEW_KINDS as readonly string[]).includes(view)) throw new Error(`Unknown saved view kind "${view}"`);
  const version = row.stateVersion;
  if (typeof version !== "number") throw new Error("Expected a number in \"stateVersion\"");
  return {
    id: text(row, "id"),
    territoryId: text(row, "territoryId"),
    name: text(row, "name"),
    view: view as SavedViewKind,
    stateVersion: version,
    state: optionalText(row, "state"),
    picture: optionalText(row, "picture"),
    legend: legendRow(optionalText(row, "legend")),
    subtitle: optionalText(row, "subtitle") ?? "",
    createdAt: isoDateTime(row, "createdAt"),
    updatedAt: isoDateTime(row, "updatedAt"),
    authorId: optionalText(row, "authorId"),
  };
}

/** Pictures of people views show names: withheld from viewers who see pseudonyms; so is the author's id. */
export function forViewer(row: SavedViewRow, viewer: Viewer | null): SavedViewOut {
  const mayIdentify = canSeePersonalData(viewer);
  const isPictureWithheld = row.picture !== null && !mayIdentify && PEOPLE_VIEWS.has(row.view);
  return { ...row, picture: isPictureWithheld ? null : row.picture, isPictureWithheld, authorId: mayIdentify ? row.authorId : null };
}

const covers = (viewer: Viewer | null, territoryId: string): boolean =>
  viewer !== null && (viewer.territories === "ALL" || viewer.territories.includes(territoryId));

const notFound = (id: string): AppError => new AppError("NOT_FOUND", `No saved view with id "${id}"`, { argument: "id" });

export class SavedViewService {
  constructor(private readonly queries: QueryRunner) {}

  /**
   * The rows as this viewer may see them (forViewer). For viewers who may not see personal data, the
   * free texts (title; subtitle and legend stored before the server wrote them) first go through the
   * personal-data scrub: names, e-mails and phones of the territory's people become pseudonyms; so
   * do the strings of the state (scrubJsonStrings), which the server does not otherwise check.
   */
  async present(rows: readonly SavedViewRow[], viewer: Viewer | null, pseudonymSecret: string): Promise<SavedViewOut[]> {
    if (canSeePersonalData(viewer)) return rows.map((row) => forViewer(row, viewer));
    const scrubs = new Map<string, (text: string) => string>();
    const out: SavedViewOut[] = [];
    for (const row of rows) {
      let scrub = scrubs.get(row.territoryId);
      if (scrub === undefined) {
        scrub = personalDataScrub(await this.peopleOf(row.territoryId, pseudonymSecret));
        scrubs.set(row.territoryId, scrub);
      }
      const clean = scrub;
      const scrubbed: SavedViewRow = {
        ...row,
        name: clean(row.name),
        subtitle: clean(row.subtitle),
        state: row.state === null ? null : scrubJsonStrings(row.state, clean),
        legend: row.legend.map((entry) => ({ ...entry, label: clean(entry.label) })),
      };
      out.push(forViewer(scrubbed, viewer));
    }
    return out;
  }

  private async peopleOf(territoryId: string, pseudonymSecret: string): Promise<KnownPerson[]> {
    const rows = await this.queries.read<Record<string, unknown>>("territoryPeopleContacts", { territoryId });
    const textOf = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
    return rows.map((row) => ({
      firstName: textOf(row.firstName),
      lastName: textOf(row.lastName),
      email: textOf(row.email),
      phone: textOf(row.phone),
      formerEmails: Array.isArray(row.formerEmails) ? row.formerEmails.filter((email): email is string => typeof email === "string") : [],
      pseudonym: pseudonymFor(String(row.id), pseudonymSecret),
    }));
  }

  /** The subtitle the server writes from the state: fixed texts and the territory's names only. */
  private async subtitle(territoryId: string, state: string): Promise<string> {
    const [row] = await this.queries.read<Record<string, unknown>>("savedViewNames", { territoryId, ...viewReferences(state) });
    const nameOf = (value: unknown): string | null => (typeof value === "string" ? value : null);
    const names: ViewNames = { axis: nameOf(row?.axis), workGroup: nameOf(row?.workGroup), epci: nameOf(row?.epci), commune: nameOf(row?.commune) };
    return describeState(state, names);
  }

  /** The territory's views; the caller has checked the viewer may read the territory. */
  async list(territoryId: string, withState: boolean): Promise<SavedViewRow[]> {
    const rows = await this.queries.read<{ view: unknown }>("savedViewsOfTerritory", { territoryId, withState });
    return rows.map((row) => savedViewRow(row.view));
  }

  /** NOT_FOUND when the view does not exist or its territory is not the viewer's. */
  async get(viewer: Viewer | null, id: string): Promise<SavedViewRow> {
    const [row] = await this.queries.read<{ view: unknown }>("savedViewById", { id });
    const view = row === undefined ? undefined : savedViewRow(row.view);
    if (view === undefined || !covers(viewer, view.territoryId)) throw notFound(id);
    return view;
  }

  /** Creates a view, or replaces the content of `input.id` (which must show the same territory). */
  async save(viewer: Viewer | null, input: SaveViewInput): Promise<SavedViewRow> {
    assertCanWriteTerritory(viewer, input.territoryId);
    const parameters = {
      territoryId: input.territoryId,
      name: input.name,
      view: input.view,
      stateVersion: input.stateVersion,
      state: input.state,
      picture: input.picture,
      legend: JSON.stringify(input.legend),
      subtitle: await this.subtitle(input.territoryId, input.state),
      authorId: viewer?.subject ?? null,
    };
    if (input.id === null) {
      const [row] = await this.queries.write<{ view: unknown }>("savedViewCreate", { ...parameters, id: randomUUID() });
      if (row === undefined) throw new AppError("NOT_FOUND", `No territory with id "${input.territoryId}"`, { argument: "input.territoryId" });
      return savedViewRow(row.view);
    }
    await this.writableTerritory(viewer, input.id, input.territoryId);
    const [row] = await this.queries.write<{ view: unknown }>("savedViewReplace", { ...parameters, id: input.id });
    if (row === undefined) throw notFound(input.id);
    return savedViewRow(row.view);
  }

  async rename(viewer: Viewer | null, id: string, name: string): Promise<SavedViewRow> {
    const territoryId = await this.writableTerritory(viewer, id);
    const [row] = await this.queries.write<{ view: unknown }>("savedViewRename", { id, territoryId, name });
    if (row === undefined) throw notFound(id);
    return savedViewRow(row.view);
  }

  async delete(viewer: Viewer | null, id: string): Promise<string> {
    const territoryId = await this.writableTerritory(viewer, id);
    const [row] = await this.queries.write<{ id: unknown }>("savedViewDelete", { id, territoryId });
    if (row === undefined) throw notFound(id);
    return id;
  }

  /**
   * The view's territory when the viewer may change it: NOT_FOUND when it is out of reach (or,
   * with `expected`, shows another territory), FORBIDDEN when the viewer only reads it.
   */
  private async writableTerritory(viewer: Viewer | null, id: string, expected?: string): Promise<string> {
    const [row] = await this.queries.read<{ territoryId: unknown }>("savedViewTerritory", { id });
    const territoryId = row === undefined ? undefined : row.territoryId;
    if (typeof territoryId !== "string" || !covers(viewer, territoryId) || (expected !== undefined && territoryId !== expected)) throw notFound(id);
    assertCanWriteTerritory(viewer, territoryId);
    return territoryId;
  }
}
