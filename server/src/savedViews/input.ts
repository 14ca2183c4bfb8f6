/**
 * Validation of what a client sends to save or rename a view. Values enter as `unknown` (GraphQL
 * has checked the types, not the limits) and leave as a typed, trimmed input, or a BAD_USER_INPUT
 * naming the argument. Nothing is written before the whole input passes.
 */
import { AppError } from "../errors.js";
import { isLegendLabel } from "./describe.js";

export const SAVED_VIEW_KINDS = ["STRUCTURES", "ACTORS", "PARTICIPATION", "MAP"] as const;
export type SavedViewKind = (typeof SAVED_VIEW_KINDS)[number];

/** Views whose nodes are people: their pictures show names. */
export const PEOPLE_VIEWS: ReadonlySet<SavedViewKind> = new Set(["ACTORS", "PARTICIPATION"]);

/** Kept in step with the SDL (savedViews.graphql) and the client (client/src/api/savedViews.ts). */
export const LIMITS = {
  nameLength: 120,
  subtitleLength: 600,
  stateLength: 250_000,
  pictureLength: 700_000,
  legendEntries: 40,
  legendLabelLength: 100,
  shapeLength: 30,
  idLength: 200,
} as const;

export interface LegendEntry {
  readonly label: string;
  readonly colour: string;
  readonly shape: string;
}

export interface SaveViewInput {
  readonly id: string | null;
  readonly territoryId: string;
  readonly name: string;
  readonly view: SavedViewKind;
  readonly state: string;
  readonly stateVersion: number;
  readonly picture: string | null;
  readonly legend: readonly LegendEntry[];
}

const PNG_PREFIX = "data:image/png;base64,";
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const COLOUR = /^#[0-9A-Fa-f]{6}$/;
const SHAPE = /^[a-z][a-z-]*$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

const bad = (argument: string, message: string): AppError => new AppError("BAD_USER_INPUT", message, { argument });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function id(value: unknown, argument: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > LIMITS.idLength) throw bad(argument, `${argument} is required`);
  return value;
}

/** A name once trimmed: 1 to 120 characters, no control characters. */
export function parseName(value: unknown, argument = "name"): string {
  const name = typeof value === "string" ? value.trim() : "";
  if (name.length === 0) throw bad(argument, "The name must not be empty");
  if (name.length > LIMITS.nameLength) throw bad(argument, `The name must be at most ${LIMITS.nameLength} characters`);
  if (CONTROL.test(name)) throw bad(argument, "The name must not contain control characters");
  return name;
}

/** The JSON text of an object with an integer `version` from 1; returns that version. */
export function parseState(value: unknown, argument = "input.state"): { state: string; version: number } {
  if (typeof value !== "string") throw bad(argument, "The state must be JSON text");
  if (value.length > LIMITS.stateLength) throw bad(argument, `The state must be at most ${LIMITS.stateLength} characters`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw bad(argument, "The state is not valid JSON");
  }
  if (!isRecord(parsed)) throw bad(argument, "The state must be a JSON object");
  const version = parsed.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) throw bad(argument, "The state must carry an integer version from 1");
  return { state: value, version };
}

/** A PNG data URL, checked down to the PNG signature of its bytes; null for none. */
export function parsePicture(value: unknown, argument = "input.picture"): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string" || !value.startsWith(PNG_PREFIX)) throw bad(argument, "The picture must be a PNG data URL (data:image/png;base64,...)");
  if (value.length > LIMITS.pictureLength) throw bad(argument, `The picture must be at most ${LIMITS.pictureLength} characters`);
  const data = value.slice(PNG_PREFIX.length);
  if (data.length % 4 !== 0 || !BASE64.test(data)) throw bad(argument, "The picture is not valid base64");
  const head = Buffer.from(data.slice(0, 12), "base64");
  if (!PNG_SIGNATURE.every((byte, index) => head[index] === byte)) throw bad(argument, "The picture is not a PNG image");
  return value;
}

function legendText(value: unknown, argument: string, max: number, pattern?: RegExp): string {
  const text = typeof value === "string" ? value.trim() : "";
  if (text.length === 0 || text.length > max || CONTROL.test(text) || (pattern !== undefined && !pattern.test(text))) {
    throw bad(argument, `${argument} is invalid`);
  }
  return text;
}

/** A legend row's text: one of those the page draws (sectors, communities), never free text. */
function legendLabel(value: unknown, argument: string): string {
  const label = legendText(value, argument, LIMITS.legendLabelLength);
  if (!isLegendLabel(label)) throw bad(argument, `${argument} must be a sector or a community of the legend`);
  return label;
}

export function parseLegend(value: unknown, argument = "input.legend"): LegendEntry[] {
  if (!Array.isArray(value)) throw bad(argument, "The legend must be a list");
  if (value.length > LIMITS.legendEntries) throw bad(argument, `The legend must have at most ${LIMITS.legendEntries} rows`);
  return value.map((item: unknown, index) => {
    const at = `${argument}[${index}]`;
    if (!isRecord(item)) throw bad(at, `${at} is invalid`);
    return {
      label: legendLabel(item.label, `${at}.label`),
      colour: legendText(item.colour, `${at}.colour`, 7, COLOUR),
      shape: legendText(item.shape, `${at}.shape`, LIMITS.shapeLength, SHAPE),
    };
  });
}

function parseKind(value: unknown, argument = "input.view"): SavedViewKind {
  if (typeof value !== "string" || !(SAVED_VIEW_KINDS as readonly string[]).includes(value)) throw bad(argument, "Unknown view");
  return value as SavedViewKind;
}

/** The `input` argument of `saveView`, validated as a whole. */
export function parseSaveViewInput(value: unknown): SaveViewInput {
  if (!isRecord(value)) throw bad("input", "input is required");
  const { state, version } = parseState(value.state);
  return {
    id: value.id === null || value.id === undefined ? null : id(value.id, "input.id"),
    territoryId: id(value.territoryId, "input.territoryId"),
    name: parseName(value.name, "input.name"),
    view: parseKind(value.view),
    state,
    stateVersion: version,
    picture: parsePicture(value.picture),
    legend: parseLegend(value.legend),
    // `subtitle` is no longer read: the server writes it from the state (describe.ts).
  };
}

export const parseViewId = (value: unknown): string => id(value, "id");
