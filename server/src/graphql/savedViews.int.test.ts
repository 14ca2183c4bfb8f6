import { randomUUID } from "node:crypto";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ADMIN, graphqlAs, type GraphQLResponse, type TestViewer } from "../../../test/graphql.js";

const CEVENNES = "pays-cevennes";
const GORGES = "gorges-causses-cevennes";
const coordinator: TestViewer = { role: "COORDINATOR", territories: [CEVENNES] };
const analyst: TestViewer = { role: "ANALYST", territories: [CEVENNES] };
const otherCoordinator: TestViewer = { role: "COORDINATOR", territories: [GORGES] };
const otherAnalyst: TestViewer = { role: "ANALYST", territories: [GORGES] };

/** Every view of this run has a name starting with it, and is removed at the end. */
const TAG = `test-${randomUUID().slice(0, 8)}`;
const PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
const FIELDS = "id territoryId name view stateVersion picture isPictureWithheld legend { label colour shape } subtitle createdAt updatedAt authorId";

interface View {
  id: string;
  territoryId: string;
  name: string;
  view: string;
  stateVersion: number;
  state?: string;
  picture: string | null;
  isPictureWithheld: boolean;
  legend: { label: string; colour: string; shape: string }[];
  subtitle: string;
  createdAt: string;
  updatedAt: string;
  authorId: string | null;
}

const codeOf = (response: GraphQLResponse<unknown>): string | undefined => response.errors?.[0]?.extensions?.code;

function input(overrides: Record<string, unknown> = {}) {
  return {
    territoryId: CEVENNES,
    name: `${TAG} Comité de pilotage`,
    view: "STRUCTURES",
    state: JSON.stringify({ version: 1, window: { from: "2019-06-27", to: "2025-12-31" }, filters: { axisId: "axis-mental-health" }, positions: { s1: [10, 20] } }),
    picture: PNG,
    legend: [{ label: "Soin", colour: "#0072B2", shape: "ellipse" }],
    subtitle: "Période : CLS 3 · Axe : Santé mentale",
    ...overrides,
  };
}

async function save(viewer: TestViewer, overrides: Record<string, unknown> = {}) {
  return graphqlAs<{ saveView: View }>(viewer, `mutation ($input: SaveViewInput!) { saveView(input: $input) { ${FIELDS} } }`, { input: input(overrides) });
}

async function saved(viewer: TestViewer, overrides: Record<string, unknown> = {}): Promise<View> {
  const response = await save(viewer, overrides);
  expect(response.errors).toBeUndefined();
  return response.data!.saveView;
}

const list = (viewer: TestViewer, territoryId = CEVENNES, fields = FIELDS) =>
  graphqlAs<{ savedViews: View[] }>(viewer, `query ($t: ID!) { savedViews(territoryId: $t) { ${fields} } }`, { t: territoryId });
const read = (viewer: TestViewer, id: string) =>
  graphqlAs<{ savedView: View }>(viewer, `query ($id: ID!) { savedView(id: $id) { ${FIELDS} state } }`, { id });
const rename = (viewer: TestViewer, id: string, name: string) =>
  graphqlAs<{ renameSavedView: View }>(viewer, `mutation ($id: ID!, $name: String!) { renameSavedView(id: $id, name: $name) { ${FIELDS} } }`, { id, name });
const remove = (viewer: TestViewer, id: string) =>
  graphqlAs<{ deleteSavedView: string }>(viewer, `mutation ($id: ID!) { deleteSavedView(id: $id) }`, { id });

let driver: Driver;

/** What this run stored, straight from Neo4j: saved views and their :SHOWS ties. */
async function stored(): Promise<{ views: number; ties: number }> {
  const result = await driver.executeQuery(
    "MATCH (v:SavedView) WHERE v.name STARTS WITH $tag OPTIONAL MATCH (v)-[s:SHOWS]->(:Territory) RETURN count(DISTINCT v) AS views, count(s) AS ties",
    { tag: TAG },
  );
  const record = result.records[0];
  return { views: Number(record?.get("views")), ties: Number(record?.get("ties")) };
}

beforeAll(() => {
  driver = neo4j.driver(inject("neo4jUri"));
});

afterAll(async () => {
  await driver.executeQuery("MATCH (v:SavedView) WHERE v.name STARTS WITH $tag DETACH DELETE v", { tag: TAG });
  await driver.close();
});

describe("saving a view", () => {
  it("stores it linked to its territory, with the author's user id, and returns it", async () => {
    const before = await stored();
    const view = await saved(coordinator, { name: `  ${TAG} Comité de pilotage  ` });
    expect(view).toMatchObject({
      territoryId: CEVENNES,
      name: `${TAG} Comité de pilotage`,
      view: "STRUCTURES",
      stateVersion: 1,
      picture: PNG,
      isPictureWithheld: false,
      legend: [{ label: "Soin", colour: "#0072B2", shape: "ellipse" }],
      // Written by the server from the state (the axis id of the state is not one of the territory).
      subtitle: "Période : du 27/06/2019 au 31/12/2025",
      authorId: `test-coordinator-${CEVENNES}`,
    });
    expect(view.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(view.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(view.updatedAt).toBe(view.createdAt);
    expect(await stored()).toEqual({ views: before.views + 1, ties: before.ties + 1 });
  });

  it("writes the subtitle from the state, naming the territory's axis, whatever subtitle the client sends", async () => {
    const catalog = await graphqlAs<{ territoryCatalog: { axes: { id: string; name: string }[] } }>(coordinator, `{ territoryCatalog(territoryId: "${CEVENNES}") { axes { id name } } }`);
    const axis = catalog.data!.territoryCatalog.axes[0]!;
    const view = await saved(coordinator, {
      state: JSON.stringify({ version: 1, window: { from: "2019-06-27", to: null }, filters: { axisId: axis.id, minWeight: 2, role: "PILOT" } }),
      subtitle: "Focus : quelqu'un <x@exemple.fr>",
    });
    expect(view.subtitle).toBe(`Période : depuis le 27/06/2019 · Liens : au moins 2 groupes ou événements en commun · Axe : ${axis.name} · Rôle : Pilote`);
  });

  it("refuses a legend row that is not one the page draws (free text) with BAD_USER_INPUT", async () => {
    const response = await save(coordinator, { legend: [{ label: "Focus : Marie Martin", colour: "#000000", shape: "ellipse" }] });
    expect(codeOf(response)).toBe("BAD_USER_INPUT");
  });

  it("shows analysts the title after the personal-data scrub: a person's name and e-mail become their pseudonym", async () => {
    const people = await graphqlAs<{ actors: { id: string; firstName: string; lastName: string; email: string; pseudonym: string }[] }>(
      coordinator,
      `{ actors(limit: 1, sort: [{ id: ASC }], where: { AND: [{ id: { startsWith: "${CEVENNES}-" } }, { email: { contains: "@" } }] }) { id firstName lastName email pseudonym } }`,
    );
    const person = people.data!.actors[0]!;
    const title = `${TAG} Focus : ${person.firstName} ${person.lastName} <${person.email}>`;
    const view = await saved(coordinator, { name: title });
    expect(view.name).toBe(title);
    const seen = (await read(analyst, view.id)).data!.savedView;
    expect(seen.name).toBe(`${TAG} Focus : ${person.pseudonym} <${person.pseudonym}>`);
    const listed = (await list(analyst)).data!.savedViews.find((v) => v.id === view.id);
    expect(listed?.name).toBe(seen.name);
    for (const text of [seen.name, seen.subtitle, ...seen.legend.map((row) => row.label)]) {
      expect(text).not.toContain(person.lastName);
      expect(text).not.toContain(person.email);
    }
    expect((await read(coordinator, view.id)).data!.savedView.name).toBe(title);
  });

  it("shows analysts a first name alone and the state's free text after the scrub", async () => {
    const people = await graphqlAs<{ actors: { firstName: string; lastName: string; email: string }[] }>(
      coordinator,
      `{ actors(limit: 1, sort: [{ id: ASC }], where: { AND: [{ id: { startsWith: "${CEVENNES}-" } }, { email: { contains: "@" } }] }) { firstName lastName email } }`,
    );
    const person = people.data!.actors[0]!;
    const state = JSON.stringify({ version: 1, window: { from: "2019-06-27", to: "2025-12-31" }, note: `${person.firstName} ${person.lastName} <${person.email}>`, positions: { s1: [10, 20] } });
    const view = await saved(coordinator, { name: `${TAG} Réunion avec ${person.firstName}`, state });
    const seen = (await read(analyst, view.id)).data!.savedView;
    expect(seen.name).not.toContain(person.firstName);
    expect(seen.name).toMatch(/^.* Réunion avec (Acteur [0-9A-Z]{8}|\[nom masqué\])$/);
    for (const secret of [person.lastName, person.email]) expect(seen.state).not.toContain(secret);
    expect(JSON.parse(seen.state!)).toMatchObject({ version: 1, window: { from: "2019-06-27" }, positions: { s1: [10, 20] } });
    expect((await read(coordinator, view.id)).data!.savedView.state).toBe(state);
  });

  it("lets administrators save on any territory", async () => {
    const view = await saved(ADMIN, { territoryId: GORGES, view: "MAP", picture: null });
    expect(view).toMatchObject({ territoryId: GORGES, view: "MAP", picture: null, isPictureWithheld: false });
  });

  it("is refused to analysts and to coordinators of another territory (FORBIDDEN), and nothing is written", async () => {
    const before = await stored();
    expect(codeOf(await save(analyst))).toBe("FORBIDDEN");
    expect(codeOf(await save(otherCoordinator))).toBe("FORBIDDEN");
    expect(codeOf(await save(coordinator, { territoryId: GORGES }))).toBe("FORBIDDEN");
    expect(await stored()).toEqual(before);
  });

  it("is NOT_FOUND on a territory that does not exist, and writes nothing", async () => {
    const before = await stored();
    expect(codeOf(await save(ADMIN, { territoryId: `${TAG}-nowhere` }))).toBe("NOT_FOUND");
    expect(await stored()).toEqual(before);
  });

  it.each([
    ["an empty name", { name: "   " }, "input.name"],
    ["a name over 120 characters", { name: `${TAG} ${"x".repeat(120)}` }, "input.name"],
    ["a state that is not JSON", { state: "{ version: 1" }, "input.state"],
    ["a state without version", { state: "{}" }, "input.state"],
    ["a state over 250,000 characters", { state: JSON.stringify({ version: 1, pad: "x".repeat(250_000) }) }, "input.state"],
    ["a picture that is not a PNG data URL", { picture: "data:image/svg+xml;base64,PHN2Zz4=" }, "input.picture"],
    ["a picture whose bytes are not PNG", { picture: "data:image/png;base64,R0lGODlhAQABAAAAACw=" }, "input.picture"],
    ["a picture over 700,000 characters", { picture: PNG + "A".repeat(700_000) }, "input.picture"],
    ["a legend colour that is not #RRGGBB", { legend: [{ label: "Soin", colour: "blue", shape: "ellipse" }] }, "input.legend[0].colour"],
  ])("refuses %s with BAD_USER_INPUT, writing nothing", async (_what, overrides, argument) => {
    const before = await stored();
    const response = await save(coordinator, overrides);
    expect(codeOf(response)).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0]?.extensions?.argument).toBe(argument);
    expect(response.data).toBeNull();
    expect(await stored()).toEqual(before);
  });

  it("replaces a view's content with its id, keeping its creation date", async () => {
    const view = await saved(coordinator, { name: `${TAG} à remplacer` });
    const response = await save(coordinator, { id: view.id, name: `${TAG} remplacée`, view: "MAP", state: '{"version":2}', picture: null, legend: [] });
    expect(response.errors).toBeUndefined();
    const replaced = response.data!.saveView;
    expect(replaced).toMatchObject({ id: view.id, name: `${TAG} remplacée`, view: "MAP", stateVersion: 2, picture: null, legend: [], createdAt: view.createdAt });
    expect(Date.parse(replaced.updatedAt)).toBeGreaterThanOrEqual(Date.parse(view.updatedAt));
    expect(codeOf(await save(ADMIN, { id: view.id, territoryId: GORGES }))).toBe("NOT_FOUND");
    expect(codeOf(await save(ADMIN, { id: randomUUID() }))).toBe("NOT_FOUND");
    expect(codeOf(await save(analyst, { id: view.id }))).toBe("FORBIDDEN");
  });
});

describe("reading saved views", () => {
  let structures: View;
  let actors: View;

  beforeAll(async () => {
    structures = await saved(coordinator, { name: `${TAG} structures` });
    actors = await saved(coordinator, { name: `${TAG} acteurs`, view: "ACTORS" });
  });

  it("lists the territory's views, most recently changed first, for its coordinators and analysts", async () => {
    for (const viewer of [coordinator, analyst, ADMIN]) {
      const response = await list(viewer);
      expect(response.errors).toBeUndefined();
      const ids = response.data!.savedViews.map((v) => v.id);
      expect(ids.indexOf(actors.id)).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(actors.id)).toBeLessThan(ids.indexOf(structures.id));
      expect(response.data!.savedViews.every((v) => v.territoryId === CEVENNES)).toBe(true);
    }
  });

  it("withholds from analysts the pictures that show people, and the author's id", async () => {
    const byId = new Map((await list(analyst)).data!.savedViews.map((v) => [v.id, v]));
    expect(byId.get(actors.id)).toMatchObject({ picture: null, isPictureWithheld: true, authorId: null });
    expect(byId.get(structures.id)).toMatchObject({ picture: PNG, isPictureWithheld: false, authorId: null });
    expect((await read(coordinator, actors.id)).data!.savedView).toMatchObject({ picture: PNG, isPictureWithheld: false });
  });

  it("gives the state only when asked for, in the list and by id", async () => {
    const withState = await list(coordinator, CEVENNES, "id state");
    expect(withState.data!.savedViews.find((v) => v.id === structures.id)?.state).toBe(input().state);
    const one = await read(analyst, structures.id);
    expect(one.errors).toBeUndefined();
    expect(one.data!.savedView).toMatchObject({ id: structures.id, name: `${TAG} structures`, state: input().state });
  });

  it("keeps other territories' views out of reach: FORBIDDEN list, NOT_FOUND view (like an unknown id)", async () => {
    expect(codeOf(await list(otherCoordinator))).toBe("FORBIDDEN");
    expect(codeOf(await list(otherAnalyst))).toBe("FORBIDDEN");
    expect(codeOf(await list(ADMIN, `${TAG}-nowhere`))).toBe("NOT_FOUND");
    for (const viewer of [otherCoordinator, otherAnalyst]) {
      const response = await read(viewer, structures.id);
      expect(codeOf(response)).toBe("NOT_FOUND");
      expect(response.errors?.[0]?.message).toBe(`No saved view with id "${structures.id}"`);
    }
    expect(codeOf(await read(coordinator, randomUUID()))).toBe("NOT_FOUND");
    const theirs = (await list(otherCoordinator, GORGES)).data!.savedViews.map((v) => v.id);
    expect(theirs).not.toContain(structures.id);
  });
});

describe("renaming and deleting a saved view", () => {
  it("renames for the territory's coordinator, trims, and refuses others", async () => {
    const view = await saved(coordinator, { name: `${TAG} ancien nom` });
    const renamed = await rename(coordinator, view.id, `  ${TAG} nouveau nom `);
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data!.renameSavedView).toMatchObject({ id: view.id, name: `${TAG} nouveau nom`, createdAt: view.createdAt });
    expect(codeOf(await rename(coordinator, view.id, " "))).toBe("BAD_USER_INPUT");
    expect(codeOf(await rename(coordinator, view.id, "x".repeat(121)))).toBe("BAD_USER_INPUT");
    expect(codeOf(await rename(analyst, view.id, `${TAG} analyste`))).toBe("FORBIDDEN");
    expect(codeOf(await rename(otherCoordinator, view.id, `${TAG} voisin`))).toBe("NOT_FOUND");
    expect(codeOf(await rename(coordinator, randomUUID(), `${TAG} personne`))).toBe("NOT_FOUND");
    expect((await read(analyst, view.id)).data!.savedView.name).toBe(`${TAG} nouveau nom`);
  });

  it("deletes for the territory's coordinator or an administrator, then the view is NOT_FOUND", async () => {
    const view = await saved(coordinator, { name: `${TAG} à supprimer` });
    const second = await saved(coordinator, { name: `${TAG} à supprimer aussi` });
    const before = await stored();
    expect(codeOf(await remove(analyst, view.id))).toBe("FORBIDDEN");
    expect(codeOf(await remove(otherCoordinator, view.id))).toBe("NOT_FOUND");
    expect(await stored()).toEqual(before);
    const deleted = await remove(coordinator, view.id);
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data).toEqual({ deleteSavedView: view.id });
    expect((await remove(ADMIN, second.id)).data).toEqual({ deleteSavedView: second.id });
    expect(await stored()).toEqual({ views: before.views - 2, ties: before.ties - 2 });
    expect(codeOf(await read(coordinator, view.id))).toBe("NOT_FOUND");
    expect(codeOf(await remove(coordinator, view.id))).toBe("NOT_FOUND");
  });
});
