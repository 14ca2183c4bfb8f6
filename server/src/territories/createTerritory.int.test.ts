import { randomUUID } from "node:crypto";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ADMIN, graphqlAs, type GraphQLResponse, type TestViewer } from "../../../test/graphql.js";
import { readCommuneGeometries } from "../../../seed/src/geo.js";
import { readEpciGeography } from "../../../seed/src/territory.js";
import type { Viewer } from "../auth/viewer.js";
import { createQueryRunner, loadQueries, type QueryName, type QueryRunner } from "../neo4j/queries.js";
import { TerritoryService } from "./service.js";

/** CC du Haut-Languedoc (Hérault): 20 communes, 14 of them in the Tarn, whose contours the test geo source lacks. */
const EPCI = "200066553";
const TAG = randomUUID().slice(0, 8);
const TERRITORY = `test-haut-languedoc-${TAG}`;
const OTHER = `test-autre-${TAG}`;
const coordinator: TestViewer = { role: "COORDINATOR", territories: [TERRITORY] };
const analyst: TestViewer = { role: "ANALYST", territories: [TERRITORY] };
const demoCoordinator: TestViewer = { role: "COORDINATOR", territories: ["pays-cevennes"] };

const CREATE = /* GraphQL */ `
  mutation Create($input: NewTerritoryInput!) {
    createTerritory(input: $input) {
      id name isDemo communeCount population communesWithContour contourSource
      epcis { code name population communeCount }
      communesWithoutContour { code name }
      contracts { id name generation signedOn endsOn axisIds }
      axes { id name kind contractIds }
    }
  }
`;
const ADD_CONTRACT = /* GraphQL */ `
  mutation AddContract($territoryId: ID!, $input: AddContractInput!) {
    addContract(territoryId: $territoryId, input: $input) { id name generation signedOn endsOn axisIds }
  }
`;
const ADD_AXIS = /* GraphQL */ `
  mutation AddAxis($territoryId: ID!, $input: AddAxisInput!) {
    addAxis(territoryId: $territoryId, input: $input) { id name kind contractIds }
  }
`;
const TRAIL = /* GraphQL */ `
  query Trail($territoryId: ID!, $entityId: ID) {
    auditTrail(territoryId: $territoryId, entityId: $entityId, first: 200) {
      totalCount
      entries { userId userRole territoryId operation entityKind entityId entityName changes { field before after } }
    }
  }
`;
const CANDIDATES = /* GraphQL */ `
  query Candidates($search: String!) { epciCandidates(search: $search) { code name communeCount population territoryId territoryName } }
`;

interface TrailEntry {
  userId: string;
  userRole: string;
  territoryId: string;
  operation: string;
  entityKind: string;
  entityId: string;
  entityName: string | null;
  changes: { field: string; before: string | null; after: string | null }[];
}

async function trail(entityId: string | null = null): Promise<TrailEntry[]> {
  const response = await graphqlAs<{ auditTrail: { entries: TrailEntry[] } }>(ADMIN, TRAIL, { territoryId: TERRITORY, entityId });
  expect(response.errors).toBeUndefined();
  return response.data!.auditTrail.entries;
}

/** A change's fields, parsed: field → [before, after]. */
const changesOf = (entry: TrailEntry | undefined): Record<string, [unknown, unknown]> =>
  Object.fromEntries((entry?.changes ?? []).map((change) => [change.field, [JSON.parse(change.before ?? "null"), JSON.parse(change.after ?? "null")]]));

interface Creation {
  id: string;
  name: string;
  isDemo: boolean;
  communeCount: number;
  population: number;
  communesWithContour: number;
  contourSource: string;
  epcis: { code: string; name: string; population: number; communeCount: number }[];
  communesWithoutContour: { code: string; name: string }[];
  contracts: { id: string; name: string; generation: number; signedOn: string; endsOn: string | null; axisIds: string[] }[];
  axes: { id: string; name: string; kind: string; contractIds: string[] }[];
}

function input(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: TERRITORY,
    name: `Haut-Languedoc (test ${TAG})`,
    epciCodes: [EPCI],
    contracts: [
      { generation: 2, signedOn: "2019-07-01", endsOn: null },
      { generation: 1, signedOn: "2014-03-01", endsOn: "2019-06-30" },
    ],
    axes: [
      { name: "Santé mentale", kind: "POPULATION" },
      { name: "Accès aux soins", kind: "TRANSVERSAL" },
    ],
    ...overrides,
  };
}

const codeOf = (response: GraphQLResponse<unknown>): string | undefined => response.errors?.[0]?.extensions?.code;

let driver: Driver;

async function count(cypher: string, parameters: Record<string, unknown> = {}): Promise<number> {
  const { records } = await driver.executeQuery(cypher, parameters, { routing: "READ" });
  return neo4j.integer.toNumber(records[0]?.get("n") ?? 0);
}

/** Nodes a creation writes for the test's EPCI or the test's territories, audit entries included: unchanged by a refusal. */
const written = (): Promise<number> =>
  count(
    `CALL () {
       MATCH (t:Territory) WHERE t.id IN $ids RETURN count(t) AS k
       UNION ALL MATCH (e:Epci {code: $epci}) RETURN count(e) AS k
       UNION ALL MATCH (c:Commune) WHERE c.code IN $communes RETURN count(c) AS k
       UNION ALL MATCH (a:Axis) WHERE a.id STARTS WITH $prefix OR a.id STARTS WITH $other RETURN count(a) AS k
       UNION ALL MATCH (k:Contract) WHERE k.id STARTS WITH $prefix OR k.id STARTS WITH $other RETURN count(k) AS k
       UNION ALL MATCH (e:AuditEntry) WHERE e.territoryId IN $ids RETURN count(e) AS k
     } RETURN sum(k) AS n`,
    { ids: [TERRITORY, OTHER], epci: EPCI, communes: geography.communes.map((c) => c.code), prefix: `${TERRITORY}-`, other: `${OTHER}-` },
  );

const geography = readEpciGeography([EPCI]);

async function cleanUp(): Promise<void> {
  await driver.executeQuery(
    `MATCH (t:Territory) WHERE t.id IN $ids
     OPTIONAL MATCH (t)<-[:BELONGS_TO]-(a:Axis)
     OPTIONAL MATCH (t)<-[:COVERS]-(k:Contract)
     DETACH DELETE t, a, k`,
    { ids: [TERRITORY, OTHER] },
  );
  await driver.executeQuery(`MATCH (e:Epci {code: $epci}) OPTIONAL MATCH (e)<-[:PART_OF]-(c:Commune) DETACH DELETE e, c`, { epci: EPCI });
  await driver.executeQuery(`MATCH (e:AuditEntry) WHERE e.territoryId IN $ids DELETE e`, { ids: [TERRITORY, OTHER] });
}

beforeAll(async () => {
  driver = neo4j.driver(inject("neo4jUri"));
  await cleanUp();
});

afterAll(async () => {
  await cleanUp();
  expect(await written()).toBe(0);
  await driver.close();
});

describe("createTerritory refusals", () => {
  it("refuses coordinators and analysts, even of the territory's id, and writes nothing", async () => {
    for (const viewer of [coordinator, analyst, demoCoordinator]) {
      const response = await graphqlAs(viewer, CREATE, { input: input() });
      expect(codeOf(response)).toBe("FORBIDDEN");
    }
    expect(codeOf(await graphqlAs(coordinator, CANDIDATES, { search: "languedoc" }))).toBe("FORBIDDEN");
    expect(await written()).toBe(0);
  });

  it("lists the unknown EPCI codes and writes nothing", async () => {
    const response = await graphqlAs(ADMIN, CREATE, { input: input({ epciCodes: [EPCI, "200042802", "99999999x"] }) });
    expect(codeOf(response)).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0]?.extensions?.unknownEpciCodes).toEqual(["99999999x", "200042802"]);
    expect(response.errors?.[0]?.message).toContain("200042802");
    expect(await written()).toBe(0);
  });

  it("refuses bad or disordered dates, an empty name and no axis, and writes nothing", async () => {
    const cases: Record<string, unknown>[] = [
      { contracts: [{ generation: 1, signedOn: "2020-01-01", endsOn: "2019-12-31" }] },
      { contracts: [{ generation: 1, signedOn: "2018-01-01", endsOn: null }, { generation: 2, signedOn: "2017-01-01", endsOn: null }] },
      { contracts: [{ generation: 1, signedOn: "2018-01-01", endsOn: "2022-12-31" }, { generation: 2, signedOn: "2021-01-01", endsOn: null }] },
      { name: "   ", id: null },
      { axes: [] },
    ];
    for (const overrides of cases) {
      const response = await graphqlAs(ADMIN, CREATE, { input: input(overrides) });
      expect(codeOf(response), JSON.stringify(overrides)).toBe("BAD_USER_INPUT");
    }
    const impossible = await graphqlAs(ADMIN, CREATE, { input: input({ contracts: [{ generation: 1, signedOn: "2021-02-30" }] }) });
    expect(codeOf(impossible)).toBe("BAD_USER_INPUT");
    expect(await written()).toBe(0);
  });
});

describe("createTerritory", () => {
  let created: Creation;

  beforeAll(async () => {
    const response = await graphqlAs<{ createTerritory: Creation }>(ADMIN, CREATE, { input: input() });
    expect(response.errors).toBeUndefined();
    created = response.data!.createTerritory;
  });

  it("reports the official communes and populations, and the communes without contour", async () => {
    const reading = await readCommuneGeometries(inject("geoSource"), { epciCodes: [EPCI], communeCodes: geography.communes.map((c) => c.code) });
    const population = geography.communes.reduce((sum, commune) => sum + commune.population, 0);
    expect(created).toMatchObject({ id: TERRITORY, isDemo: false, communeCount: 20, population, contourSource: "READ" });
    expect(created.epcis).toEqual([{ code: EPCI, name: "CC du Haut-Languedoc", population, communeCount: 20 }]);
    expect(created.communesWithContour).toBe(reading.geometries.size);
    expect(created.communesWithContour).toBeGreaterThan(0);
    expect(created.communesWithoutContour.map((c) => c.code)).toEqual(reading.unmatched);
    expect(created.communesWithoutContour.every((c) => c.code.startsWith("81"))).toBe(true);
  });

  it("writes the territory, its EPCI and communes with populations, centroids and contours", async () => {
    const { records } = await driver.executeQuery(
      `MATCH (t:Territory {id: $id})<-[:PART_OF]-(e:Epci)<-[:PART_OF]-(c:Commune)
       RETURN t.isDemo AS isDemo, t.name AS name, e.code AS epci, e.population AS epciPopulation,
              c.code AS code, c.population AS population, c.departement AS departement,
              c.centroid AS centroid, c.contour AS contour
       ORDER BY code`,
      { id: TERRITORY },
      { routing: "READ" },
    );
    expect(records).toHaveLength(geography.communes.length);
    expect(records[0]?.get("isDemo")).toBe(false);
    expect(records[0]?.get("name")).toBe(`Haut-Languedoc (test ${TAG})`);
    const expected = new Map(geography.communes.map((c) => [c.code, c]));
    for (const record of records) {
      const code = String(record.get("code"));
      expect(neo4j.integer.toNumber(record.get("population"))).toBe(expected.get(code)?.population);
      expect(record.get("departement")).toBe(expected.get(code)?.departement);
      const hasContour = !created.communesWithoutContour.some((c) => c.code === code);
      if (hasContour) {
        const contour: unknown = JSON.parse(String(record.get("contour")));
        expect((contour as { type: string }).type).toMatch(/Polygon/);
        const centroid = record.get("centroid") as { x: number; y: number };
        // Hérault's part of the EPCI: about 43.6°N, 2.8°E.
        expect(centroid.y).toBeGreaterThan(43.3);
        expect(centroid.y).toBeLessThan(43.9);
        expect(centroid.x).toBeGreaterThan(2.4);
        expect(centroid.x).toBeLessThan(3.2);
      } else {
        expect(record.get("contour")).toBeNull();
        expect(record.get("centroid")).toBeNull();
      }
    }
  });

  it("writes the axes and contracts, every contract prioritising every axis", async () => {
    expect(created.contracts.map((c) => [c.id, c.name, c.generation, c.signedOn, c.endsOn])).toEqual([
      [`${TERRITORY}-cls1`, "CLS 1", 1, "2014-03-01", "2019-06-30"],
      [`${TERRITORY}-cls2`, "CLS 2", 2, "2019-07-01", null],
    ]);
    expect(created.axes.map((a) => a.id)).toEqual([`${TERRITORY}-sante-mentale`, `${TERRITORY}-acces-aux-soins`]);
    const { records } = await driver.executeQuery(
      `MATCH (t:Territory {id: $id})<-[:COVERS]-(k:Contract)
       OPTIONAL MATCH (k)-[:PRIORITISES]->(a:Axis)-[:BELONGS_TO]->(t)
       WITH k, collect(a.kind) AS kinds ORDER BY k.generation
       RETURN k.id AS id, k.signedOn AS signedOn, k.endsOn AS endsOn, kinds`,
      { id: TERRITORY },
      { routing: "READ" },
    );
    expect(records.map((r) => [r.get("id"), String(r.get("signedOn")), r.get("endsOn") === null ? null : String(r.get("endsOn")), [...(r.get("kinds") as string[])].sort()])).toEqual([
      [`${TERRITORY}-cls1`, "2014-03-01", "2019-06-30", ["POPULATION", "TRANSVERSAL"]],
      [`${TERRITORY}-cls2`, "2019-07-01", null, ["POPULATION", "TRANSVERSAL"]],
    ]);
  });

  it("is listed with the other territories and offered as taken among the EPCI candidates", async () => {
    const listed = await graphqlAs<{ territories: { id: string; isDemo: boolean; epcis: { code: string }[]; axes: { id: string }[] }[] }>(
      ADMIN,
      `query { territories { id isDemo epcis { code } axes { id } } }`,
    );
    const mine = listed.data?.territories.find((t) => t.id === TERRITORY);
    expect(mine).toMatchObject({ isDemo: false, epcis: [{ code: EPCI }] });
    expect(listed.data?.territories.some((t) => t.id === "pays-cevennes")).toBe(true);
    const candidates = await graphqlAs<{ epciCandidates: { code: string; territoryId: string | null; territoryName: string | null }[] }>(ADMIN, CANDIDATES, {
      search: "haut languedoc",
    });
    expect(candidates.data?.epciCandidates.find((c) => c.code === EPCI)).toMatchObject({ territoryId: TERRITORY, territoryName: `Haut-Languedoc (test ${TAG})` });
  });

  it("can be explored while it holds no structure yet: empty networks, its axes and communes", async () => {
    const response = await graphqlAs<{
      structures: { territoryId: string };
      actors: { territoryId: string };
      participation: { territoryId: string };
      catalog: { axes: { id: string }[] };
      coverage: { territoryId: string };
      figures: { territoryName: string };
    }>(
      ADMIN,
      `query ($t: ID!) {
         structures: collaborationNetwork(territoryId: $t, level: STRUCTURE) { territoryId }
         actors: collaborationNetwork(territoryId: $t, level: ACTOR) { territoryId }
         participation: participationNetwork(territoryId: $t) { territoryId }
         catalog: territoryCatalog(territoryId: $t) { axes { id } }
         coverage: coverage(territoryId: $t) { territoryId }
         figures: keyFigures(territoryId: $t, year: 2024) { territoryName }
       }`,
      { t: TERRITORY },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.structures.territoryId).toBe(TERRITORY);
    expect(response.data?.catalog.axes).toHaveLength(2);
    expect(response.data?.figures.territoryName).toBe(`Haut-Languedoc (test ${TAG})`);
  });

  it("records its creation in the audit trail: one entry by the administrator, naming its EPCI, contracts and axes", async () => {
    const entries = await trail();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ userId: "test-admin-*", userRole: "ADMIN", territoryId: TERRITORY, operation: "CREATE", entityKind: "TERRITORY", entityId: TERRITORY, entityName: created.name });
    expect(changesOf(entries[0])).toEqual({
      name: [null, created.name],
      epciCodes: [null, [EPCI]],
      contractIds: [null, [`${TERRITORY}-cls1`, `${TERRITORY}-cls2`]],
      axisIds: [null, [`${TERRITORY}-acces-aux-soins`, `${TERRITORY}-sante-mentale`]],
    });
    // Found from an axis or a contract too.
    expect((await trail(`${TERRITORY}-sante-mentale`)).map((entry) => entry.entityKind)).toEqual(["TERRITORY"]);
  });

  it("refuses the same id again (CONFLICT) and changes nothing", async () => {
    const before = await written();
    const again = await graphqlAs(ADMIN, CREATE, { input: input({ name: "Autre nom", epciCodes: ["200034379"] }) });
    expect(codeOf(again)).toBe("CONFLICT");
    expect(again.errors?.[0]?.extensions?.argument).toBe("input.id");
    const derived = await graphqlAs(ADMIN, CREATE, { input: input({ id: null, name: TERRITORY, epciCodes: ["200034379"] }) });
    expect(codeOf(derived)).toBe("CONFLICT");
    expect(await written()).toBe(before);
    expect(await count(`MATCH (e:Epci {code: "200034379"}) RETURN count(e) AS n`)).toBe(0);
  });

  it("refuses an EPCI that already belongs to a territory (CONFLICT) and changes nothing", async () => {
    const before = await written();
    const response = await graphqlAs(ADMIN, CREATE, { input: input({ id: OTHER, name: "Autre" }) });
    expect(codeOf(response)).toBe("CONFLICT");
    expect(response.errors?.[0]?.extensions?.epciCodes).toEqual([EPCI]);
    expect(await written()).toBe(before);
    expect(await count(`MATCH (t:Territory {id: $id}) RETURN count(t) AS n`, { id: OTHER })).toBe(0);
  });
});

describe("addContract and addAxis", () => {
  it("let a coordinator of the territory add the next contract, prioritising every axis by default", async () => {
    const response = await graphqlAs<{ addContract: { id: string; axisIds: string[]; endsOn: string | null } }>(coordinator, ADD_CONTRACT, {
      territoryId: TERRITORY,
      input: { generation: 3, signedOn: "2025-01-15", endsOn: "2029-12-31" },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.addContract).toMatchObject({ id: `${TERRITORY}-cls3`, endsOn: "2029-12-31" });
    expect([...(response.data?.addContract.axisIds ?? [])].sort()).toEqual([`${TERRITORY}-acces-aux-soins`, `${TERRITORY}-sante-mentale`]);
    expect(await count(`MATCH (:Contract {id: $id})-[:PRIORITISES]->(a:Axis) RETURN count(a) AS n`, { id: `${TERRITORY}-cls3` })).toBe(2);
  });

  it("refuse analysts, coordinators of other territories, a generation twice and a contract signed too early", async () => {
    const next = { generation: 4, signedOn: "2030-01-01" };
    expect(codeOf(await graphqlAs(analyst, ADD_CONTRACT, { territoryId: TERRITORY, input: next }))).toBe("FORBIDDEN");
    expect(codeOf(await graphqlAs(demoCoordinator, ADD_CONTRACT, { territoryId: TERRITORY, input: next }))).toBe("FORBIDDEN");
    expect(codeOf(await graphqlAs(coordinator, ADD_CONTRACT, { territoryId: TERRITORY, input: { generation: 3, signedOn: "2030-01-01" } }))).toBe("CONFLICT");
    expect(codeOf(await graphqlAs(coordinator, ADD_CONTRACT, { territoryId: TERRITORY, input: { generation: 4, signedOn: "2027-01-01" } }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await graphqlAs(ADMIN, ADD_CONTRACT, { territoryId: `${TERRITORY}-nope`, input: next }))).toBe("NOT_FOUND");
    expect(await count(`MATCH (k:Contract) WHERE k.id STARTS WITH $prefix RETURN count(k) AS n`, { prefix: `${TERRITORY}-` })).toBe(3);
  });

  it("let a coordinator add an axis, a priority of the latest contract by default, and refuse the same name twice", async () => {
    const response = await graphqlAs<{ addAxis: { id: string; kind: string; contractIds: string[] } }>(coordinator, ADD_AXIS, {
      territoryId: TERRITORY,
      input: { name: "Jeunesse", kind: "POPULATION" },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.addAxis).toEqual({ id: `${TERRITORY}-jeunesse`, name: "Jeunesse", kind: "POPULATION", contractIds: [`${TERRITORY}-cls3`] });
    expect(await count(`MATCH (:Territory {id: $t})<-[:BELONGS_TO]-(:Axis {id: $a})<-[:PRIORITISES]-(k:Contract) RETURN count(k) AS n`, { t: TERRITORY, a: `${TERRITORY}-jeunesse` })).toBe(1);
    expect(codeOf(await graphqlAs(coordinator, ADD_AXIS, { territoryId: TERRITORY, input: { name: "JEUNESSE", kind: "TRANSVERSAL" } }))).toBe("CONFLICT");
    expect(codeOf(await graphqlAs(analyst, ADD_AXIS, { territoryId: TERRITORY, input: { name: "Nutrition", kind: "POPULATION" } }))).toBe("FORBIDDEN");
    expect(codeOf(await graphqlAs(coordinator, ADD_AXIS, { territoryId: TERRITORY, input: { name: "Nutrition", kind: "POPULATION", contractIds: ["pays-cevennes-cls3"] } }))).toBe("BAD_USER_INPUT");
    expect(await count(`MATCH (a:Axis) WHERE a.id STARTS WITH $prefix RETURN count(a) AS n`, { prefix: `${TERRITORY}-` })).toBe(3);
  });

  it("record each contract and axis added in the audit trail, under the coordinator, and nothing for the refusals", async () => {
    const entries = await trail();
    expect(entries.map((entry) => [entry.entityKind, entry.entityId])).toEqual([
      ["AXIS", `${TERRITORY}-jeunesse`],
      ["CONTRACT", `${TERRITORY}-cls3`],
      ["TERRITORY", TERRITORY],
    ]);
    const [axis, contract] = entries;
    expect(contract).toMatchObject({ userId: `test-coordinator-${TERRITORY}`, userRole: "COORDINATOR", operation: "CREATE", entityName: "CLS 3" });
    expect(changesOf(contract)).toEqual({
      generation: [null, 3],
      signedOn: [null, "2025-01-15"],
      endsOn: [null, "2029-12-31"],
      axisIds: [null, [`${TERRITORY}-acces-aux-soins`, `${TERRITORY}-sante-mentale`]],
    });
    expect(axis).toMatchObject({ userRole: "COORDINATOR", operation: "CREATE", entityName: "Jeunesse" });
    expect(changesOf(axis)).toEqual({ name: [null, "Jeunesse"], kind: [null, "POPULATION"], contractIds: [null, [`${TERRITORY}-cls3`]] });
    // The territory's own trail (auditTrail(entityId: territory)) holds all three.
    expect(await trail(TERRITORY)).toHaveLength(3);
  });

  it("write neither the axis nor the contract when their audit entry cannot be written (one transaction)", async () => {
    const real = createQueryRunner(driver, loadQueries());
    const failing: QueryRunner = {
      ...real,
      writeTransaction: (work) =>
        real.writeTransaction((tx) =>
          work({
            changed: (territoryIds) => tx.changed(territoryIds),
            run: (name: QueryName, parameters: Record<string, unknown>) =>
              name === "auditEntryCreate" ? Promise.reject(new Error("audit write forced to fail")) : tx.run(name, parameters),
          }),
        ),
    };
    const service = new TerritoryService(failing, "none");
    const viewer: Viewer = { subject: "test-failing", role: "COORDINATOR", territories: [TERRITORY] };
    const before = await written();
    await expect(service.addAxis(viewer, TERRITORY, { name: "Nutrition", kind: "POPULATION" })).rejects.toThrow("audit write forced to fail");
    await expect(service.addContract(viewer, TERRITORY, { generation: 4, signedOn: "2030-01-01" })).rejects.toThrow("audit write forced to fail");
    expect(await written()).toBe(before);
    expect(await count(`MATCH (n) WHERE n.id IN $ids RETURN count(n) AS n`, { ids: [`${TERRITORY}-nutrition`, `${TERRITORY}-cls4`] })).toBe(0);
  });
});
