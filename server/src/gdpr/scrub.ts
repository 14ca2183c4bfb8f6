/**
 * What erasing a person changes in a saved view (pure): the explorer's snapshot (`state`) names
 * people by actor id (focus centre, path ends, expanded nodes, node positions); the subtitle may
 * hold a name; the picture of a people view may show it.
 */

/** Views whose picture draws people's names. */
export const PEOPLE_VIEW_KINDS: ReadonlySet<string> = new Set(["ACTORS", "PARTICIPATION"]);

/** Put in place of an erased person's name in a saved view's subtitle. */
export const ERASED_PERSON_TEXT = "personne effacée";

export interface StoredView {
  readonly view: string;
  readonly territoryId: string;
  readonly state: string;
  readonly subtitle: string;
  readonly hasPicture: boolean;
}

export interface ErasedPerson {
  readonly id: string;
  /** "First Last", empty when unknown. */
  readonly fullName: string;
  readonly territoryIds: readonly string[];
}

export interface ScrubbedView {
  readonly state: string;
  readonly subtitle: string;
  readonly dropPicture: boolean;
  readonly isChanged: boolean;
}

const GONE = Symbol("gone");

/**
 * The id disappears from lists and as a key; an object that points at the person by one of its
 * values (a focus centred on them, a path from or to them) goes as a whole (null in its parent).
 * A path cut by the removal loses its cached nodes (`pathIds: null`: the page computes it again).
 */
function scrubValue(value: unknown, id: string): unknown {
  if (value === id) return GONE;
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, id)).filter((item) => item !== GONE);
  if (typeof value !== "object" || value === null) return value;
  if (Object.values(value).some((inner) => inner === id)) return GONE;
  return scrubObject(value as Record<string, unknown>, id);
}

function scrubObject(object: Record<string, unknown>, id: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(object)) {
    if (key === id) continue;
    const scrubbed = scrubValue(inner, id);
    const isCutPath = key === "pathIds" && Array.isArray(inner) && Array.isArray(scrubbed) && scrubbed.length !== inner.length;
    out[key] = scrubbed === GONE || isCutPath ? null : scrubbed;
  }
  return out;
}

/** The state without the person: JSON in, JSON out; text that is not JSON loses every occurrence of the id. */
export function scrubState(state: string, id: string): string {
  if (id === "" || !state.includes(id)) return state;
  let parsed: unknown;
  try {
    parsed = JSON.parse(state);
  } catch {
    return state.split(id).join("");
  }
  const scrubbed = typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? scrubObject(parsed as Record<string, unknown>, id) : scrubValue(parsed, id);
  return JSON.stringify(scrubbed === GONE ? null : scrubbed);
}

export function scrubSavedView(view: StoredView, person: ErasedPerson): ScrubbedView {
  const state = scrubState(view.state, person.id);
  const hasName = person.fullName !== "" && view.subtitle.includes(person.fullName);
  const subtitle = hasName ? view.subtitle.split(person.fullName).join(ERASED_PERSON_TEXT) : view.subtitle;
  const showsPeople = PEOPLE_VIEW_KINDS.has(view.view) && person.territoryIds.includes(view.territoryId);
  const dropPicture = view.hasPicture && (showsPeople || hasName || state !== view.state);
  return { state, subtitle, dropPicture, isChanged: dropPicture || state !== view.state || subtitle !== view.subtitle };
}
