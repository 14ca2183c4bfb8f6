import { ApiError, requestGraphQL, type RequestOptions } from "./graphql";
import { array, boolean, integer, oneOf, optionalString, record, string } from "./parse";

/** The explorer's views a saved view can show (the client's `ViewKind`). */
export const SAVED_VIEW_KINDS = ["structures", "actors", "participation", "map"] as const;
export type SavedViewKind = (typeof SAVED_VIEW_KINDS)[number];

const API_KINDS = ["STRUCTURES", "ACTORS", "PARTICIPATION", "MAP"] as const;
type ApiKind = (typeof API_KINDS)[number];

const toApiKind = (view: SavedViewKind): ApiKind => API_KINDS[SAVED_VIEW_KINDS.indexOf(view)] ?? "STRUCTURES";
const fromApiKind = (kind: ApiKind): SavedViewKind => SAVED_VIEW_KINDS[API_KINDS.indexOf(kind)] ?? "structures";

/** Limits the server enforces (BAD_USER_INPUT above them); the client checks them first to say so in French. */
export const SAVED_VIEW_LIMITS = {
  nameLength: 120,
  subtitleLength: 600,
  stateLength: 250_000,
  pictureLength: 700_000,
  legendEntries: 40,
  legendLabelLength: 100,
} as const;

/** One row of a saved view's legend, as drawn when it was saved. */
export interface SavedViewLegendEntry {
  label: string;
  /** `#RRGGBB`. */
  colour: string;
  /** A Cytoscape node shape (`ellipse`, `round-rectangle`...). */
  shape: string;
}

/** A saved view as lists and slides show it: no state, but the picture taken at save time. */
export interface SavedViewSummary {
  id: string;
  territoryId: string;
  name: string;
  view: SavedViewKind;
  /** PNG data URL of the canvas when saved; null when none was taken or when withheld (see below). */
  picture: string | null;
  /** True when the picture shows people's names and the viewer may not see them (analysts). */
  isPictureWithheld: boolean;
  legend: SavedViewLegendEntry[];
  /** Filters and time window as the page stated them, in French. */
  subtitle: string;
  /** ISO date-times. */
  createdAt: string;
  updatedAt: string;
  /** Token subject of who saved it; null for viewers who may not see it (analysts). */
  authorId: string | null;
}

/** A saved view with what restores it: `state` is the client's snapshot, parsed from JSON but not validated. */
export interface SavedView extends SavedViewSummary {
  stateVersion: number;
  state: unknown;
}

export interface SaveViewInput {
  /** Replaces that view's content (same territory) instead of creating a new one. */
  id?: string;
  territoryId: string;
  name: string;
  view: SavedViewKind;
  /** A JSON-serialisable object carrying an integer `version`. */
  state: { version: number };
  picture: string | null;
  legend: readonly SavedViewLegendEntry[];
}

const SUMMARY_FIELDS = "id territoryId name view picture isPictureWithheld legend { label colour shape } subtitle createdAt updatedAt authorId";

export const LIST_SAVED_VIEWS = /* GraphQL */ `
  query ListSavedViews($territoryId: ID!) {
    savedViews(territoryId: $territoryId) { ${SUMMARY_FIELDS} }
  }
`;

export const GET_SAVED_VIEW = /* GraphQL */ `
  query GetSavedView($id: ID!) {
    savedView(id: $id) { ${SUMMARY_FIELDS} stateVersion state }
  }
`;

export const SAVE_VIEW = /* GraphQL */ `
  mutation SaveView($input: SaveViewInput!) {
    saveView(input: $input) { ${SUMMARY_FIELDS} }
  }
`;

export const RENAME_SAVED_VIEW = /* GraphQL */ `
  mutation RenameSavedView($id: ID!, $name: String!) {
    renameSavedView(id: $id, name: $name) { ${SUMMARY_FIELDS} }
  }
`;

export const DELETE_SAVED_VIEW = /* GraphQL */ `
  mutation DeleteSavedView($id: ID!) {
    deleteSavedView(id: $id)
  }
`;

function parseLegendEntry(item: unknown, path: string): SavedViewLegendEntry {
  const entry = record(item, path);
  return { label: string(entry.label, `${path}.label`), colour: string(entry.colour, `${path}.colour`), shape: string(entry.shape, `${path}.shape`) };
}

export function parseSavedViewSummary(item: unknown, path: string): SavedViewSummary {
  const v = record(item, path);
  return {
    id: string(v.id, `${path}.id`),
    territoryId: string(v.territoryId, `${path}.territoryId`),
    name: string(v.name, `${path}.name`),
    view: fromApiKind(oneOf(v.view, API_KINDS, `${path}.view`)),
    picture: optionalString(v.picture, `${path}.picture`),
    isPictureWithheld: boolean(v.isPictureWithheld, `${path}.isPictureWithheld`),
    legend: array(v.legend, `${path}.legend`).map((entry, i) => parseLegendEntry(entry, `${path}.legend[${i}]`)),
    subtitle: string(v.subtitle, `${path}.subtitle`),
    createdAt: string(v.createdAt, `${path}.createdAt`),
    updatedAt: string(v.updatedAt, `${path}.updatedAt`),
    authorId: optionalString(v.authorId, `${path}.authorId`),
  };
}

export function parseSavedView(item: unknown, path: string): SavedView {
  const v = record(item, path);
  const text = string(v.state, `${path}.state`);
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch {
    throw new ApiError("invalid-response", `${path}.state : JSON illisible`);
  }
  return { ...parseSavedViewSummary(v, path), stateVersion: integer(v.stateVersion, `${path}.stateVersion`), state };
}

/** The territory's saved views, most recently changed first, with their pictures. */
export async function listSavedViews(territoryId: string, options?: RequestOptions): Promise<SavedViewSummary[]> {
  const data = record(await requestGraphQL(LIST_SAVED_VIEWS, { territoryId }, options), "data");
  return array(data.savedViews, "savedViews").map((item, i) => parseSavedViewSummary(item, `savedViews[${i}]`));
}

/** One saved view with its state; NOT_FOUND (ApiError code) when it does not exist or is out of reach. */
export async function fetchSavedView(id: string, options?: RequestOptions): Promise<SavedView> {
  const data = record(await requestGraphQL(GET_SAVED_VIEW, { id }, options), "data");
  return parseSavedView(data.savedView, "savedView");
}

/** Creates a saved view (or replaces the content of `input.id`); coordinators of the territory and administrators only. */
export async function saveView(input: SaveViewInput, options?: RequestOptions): Promise<SavedViewSummary> {
  const variables = {
    input: {
      ...(input.id === undefined ? {} : { id: input.id }),
      territoryId: input.territoryId,
      name: input.name,
      view: toApiKind(input.view),
      state: JSON.stringify(input.state),
      picture: input.picture,
      legend: input.legend.map(({ label, colour, shape }) => ({ label, colour, shape })),
      // No subtitle: the server writes it from the state.
    },
  };
  const data = record(await requestGraphQL(SAVE_VIEW, variables, options), "data");
  return parseSavedViewSummary(data.saveView, "saveView");
}

export async function renameSavedView(id: string, name: string, options?: RequestOptions): Promise<SavedViewSummary> {
  const data = record(await requestGraphQL(RENAME_SAVED_VIEW, { id, name }, options), "data");
  return parseSavedViewSummary(data.renameSavedView, "renameSavedView");
}

/** Deletes a saved view; resolves with its id. */
export async function deleteSavedView(id: string, options?: RequestOptions): Promise<string> {
  const data = record(await requestGraphQL(DELETE_SAVED_VIEW, { id }, options), "data");
  return string(data.deleteSavedView, "deleteSavedView");
}
