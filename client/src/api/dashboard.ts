/** The Tableau de bord's operations (dashboard.graphql, coverage and territoryComparison), one per panel. */
import { requestGraphQL, type RequestOptions } from "./graphql";
import { toFilterInput, windowInput, type NetworkQueryFilter, type TimeWindow } from "./network";
import { array, integer, number, optionalString, record, string, type Json } from "./parse";

export const DASHBOARD_MEASURES = ["ACTIVE_ACTORS", "ACTIVE_STRUCTURES", "EVENTS", "VOLUNTEER_HOURS", "ACTIVE_WORK_GROUPS", "DENSITY", "LARGEST_COMPONENT_SIZE"] as const;
export type DashboardMeasure = (typeof DASHBOARD_MEASURES)[number];

/** The field of DashboardYear each measure reads. */
export const MEASURE_FIELD: Readonly<Record<DashboardMeasure, keyof Omit<DashboardYear, "year" | "contract">>> = {
  ACTIVE_ACTORS: "activeActors",
  ACTIVE_STRUCTURES: "activeStructures",
  EVENTS: "events",
  VOLUNTEER_HOURS: "volunteerHours",
  ACTIVE_WORK_GROUPS: "activeWorkGroups",
  DENSITY: "density",
  LARGEST_COMPONENT_SIZE: "largestComponentSize",
};

export interface DashboardYear {
  year: number;
  contract: string | null;
  activeActors: number;
  activeStructures: number;
  events: number;
  volunteerHours: number;
  activeWorkGroups: number;
  density: number;
  largestComponentSize: number;
}

export interface HeadlineFigure {
  measure: DashboardMeasure;
  value: number;
  previousContract: string | null;
  previousValue: number | null;
  change: number | null;
}

export interface DashboardTrends {
  territoryName: string;
  year: number;
  contracts: { name: string; firstYear: number }[];
  years: DashboardYear[];
  headline: HeadlineFigure[];
}

export interface NetworkShape {
  nodeCount: number;
  tieCount: number;
  degreeDistribution: { degree: number; count: number }[];
  topNodes: { id: string; label: string; degree: number }[];
  topTieCount: number;
  topTieShare: number;
  dependencies: { id: string; label: string; memberCount: number; partnerCount: number }[];
}

export interface DashboardCoverage {
  axes: { id: string; name: string }[];
  communes: { code: string; name: string; population: number; epciCode: string }[];
  /** Structures working on the axis in the commune (level 1), by commune code then axis id. */
  cells: { communeCode: string; axisId: string; workingStructures: number; attendingStructures: number }[];
  coverageShare: number;
}

export interface ComparedTerritory {
  territoryId: string;
  territoryName: string;
  inhabitants: number;
  perTenThousand: { activeActors: number; structures: number; events: number; volunteerHours: number; activeWorkGroups: number };
}

export const GET_DASHBOARD_TRENDS = /* GraphQL */ `
  query GetDashboardTrends($territoryId: ID!, $year: Int!, $filter: NetworkFilterInput) {
    dashboardTrends(territoryId: $territoryId, year: $year, filter: $filter) {
      territoryName year
      contracts { name firstYear }
      years { year contract activeActors activeStructures events volunteerHours activeWorkGroups density largestComponentSize }
      headline { measure value previousContract previousValue change }
    }
  }
`;

export const GET_NETWORK_SHAPE = /* GraphQL */ `
  query GetNetworkShape($territoryId: ID!, $window: WindowInput, $filter: NetworkFilterInput) {
    networkShape(territoryId: $territoryId, window: $window, filter: $filter, top: 10) {
      nodeCount tieCount degreeDistribution { degree count }
      topNodes { node { id label } degree } topTieCount topTieShare
      dependencies { structure { id label } memberCount partnerCount }
    }
  }
`;

export const GET_DASHBOARD_COVERAGE = /* GraphQL */ `
  query GetDashboardCoverage($territoryId: ID!, $window: WindowInput, $axisId: ID) {
    coverage(territoryId: $territoryId, window: $window, axisId: $axisId) {
      axes { id name } communes { code name population epciCode }
      cells { communeCode axisId workingStructures attendingStructures } coverageShare
    }
  }
`;

export const GET_DASHBOARD_COMPARISON = /* GraphQL */ `
  query GetDashboardComparison($territoryIds: [ID!]!, $year: Int!) {
    territoryComparison(territoryIds: $territoryIds, year: $year) {
      territories {
        territoryId territoryName keyFigures { inhabitants }
        perTenThousandInhabitants { activeActors structures events volunteerHours activeWorkGroups }
      }
    }
  }
`;

const list = <T>(value: unknown, path: string, item: (entry: Json, path: string) => T): T[] =>
  array(value, path).map((entry, i) => item(record(entry, `${path}[${i}]`), `${path}[${i}]`));

function measure(value: unknown, path: string): DashboardMeasure {
  const found = DASHBOARD_MEASURES.find((m) => m === value);
  if (!found) throw new TypeError(`${path} : mesure inconnue`);
  return found;
}

const nullableNumber = (value: unknown, path: string): number | null => (value === null || value === undefined ? null : number(value, path));

export function parseDashboardTrends(data: unknown): DashboardTrends {
  const t = record(record(data, "data").dashboardTrends, "dashboardTrends");
  return {
    territoryName: string(t.territoryName, "territoryName"),
    year: integer(t.year, "year"),
    contracts: list(t.contracts, "contracts", (c, p) => ({ name: string(c.name, `${p}.name`), firstYear: integer(c.firstYear, `${p}.firstYear`) })),
    years: list(t.years, "years", (y, p) => ({
      year: integer(y.year, `${p}.year`),
      contract: optionalString(y.contract, `${p}.contract`),
      activeActors: integer(y.activeActors, `${p}.activeActors`),
      activeStructures: integer(y.activeStructures, `${p}.activeStructures`),
      events: integer(y.events, `${p}.events`),
      volunteerHours: number(y.volunteerHours, `${p}.volunteerHours`),
      activeWorkGroups: integer(y.activeWorkGroups, `${p}.activeWorkGroups`),
      density: number(y.density, `${p}.density`),
      largestComponentSize: integer(y.largestComponentSize, `${p}.largestComponentSize`),
    })),
    headline: list(t.headline, "headline", (h, p) => ({
      measure: measure(h.measure, `${p}.measure`),
      value: number(h.value, `${p}.value`),
      previousContract: optionalString(h.previousContract, `${p}.previousContract`),
      previousValue: nullableNumber(h.previousValue, `${p}.previousValue`),
      change: nullableNumber(h.change, `${p}.change`),
    })),
  };
}

export function parseNetworkShape(data: unknown): NetworkShape {
  const s = record(record(data, "data").networkShape, "networkShape");
  return {
    nodeCount: integer(s.nodeCount, "nodeCount"),
    tieCount: integer(s.tieCount, "tieCount"),
    degreeDistribution: list(s.degreeDistribution, "degreeDistribution", (d, p) => ({ degree: integer(d.degree, `${p}.degree`), count: integer(d.count, `${p}.count`) })),
    topNodes: list(s.topNodes, "topNodes", (t, p) => {
      const node = record(t.node, `${p}.node`);
      return { id: string(node.id, `${p}.node.id`), label: string(node.label, `${p}.node.label`), degree: integer(t.degree, `${p}.degree`) };
    }),
    topTieCount: integer(s.topTieCount, "topTieCount"),
    topTieShare: number(s.topTieShare, "topTieShare"),
    dependencies: list(s.dependencies, "dependencies", (d, p) => {
      const node = record(d.structure, `${p}.structure`);
      return {
        id: string(node.id, `${p}.structure.id`),
        label: string(node.label, `${p}.structure.label`),
        memberCount: integer(d.memberCount, `${p}.memberCount`),
        partnerCount: integer(d.partnerCount, `${p}.partnerCount`),
      };
    }),
  };
}

export function parseDashboardCoverage(data: unknown): DashboardCoverage {
  const c = record(record(data, "data").coverage, "coverage");
  return {
    axes: list(c.axes, "axes", (a, p) => ({ id: string(a.id, `${p}.id`), name: string(a.name, `${p}.name`) })),
    communes: list(c.communes, "communes", (m, p) => ({
      code: string(m.code, `${p}.code`),
      name: string(m.name, `${p}.name`),
      population: integer(m.population, `${p}.population`),
      epciCode: string(m.epciCode, `${p}.epciCode`),
    })),
    cells: list(c.cells, "cells", (m, p) => ({
      communeCode: string(m.communeCode, `${p}.communeCode`),
      axisId: string(m.axisId, `${p}.axisId`),
      workingStructures: integer(m.workingStructures, `${p}.workingStructures`),
      attendingStructures: integer(m.attendingStructures, `${p}.attendingStructures`),
    })),
    coverageShare: number(c.coverageShare, "coverageShare"),
  };
}

export function parseDashboardComparison(data: unknown): ComparedTerritory[] {
  const c = record(record(data, "data").territoryComparison, "territoryComparison");
  return list(c.territories, "territories", (t, p) => {
    const per = record(t.perTenThousandInhabitants, `${p}.perTenThousandInhabitants`);
    const at = (field: string) => number(per[field], `${p}.perTenThousandInhabitants.${field}`);
    return {
      territoryId: string(t.territoryId, `${p}.territoryId`),
      territoryName: string(t.territoryName, `${p}.territoryName`),
      inhabitants: integer(record(t.keyFigures, `${p}.keyFigures`).inhabitants, `${p}.keyFigures.inhabitants`),
      perTenThousand: { activeActors: at("activeActors"), structures: at("structures"), events: at("events"), volunteerHours: at("volunteerHours"), activeWorkGroups: at("activeWorkGroups") },
    };
  });
}

export async function fetchDashboardTrends(territoryId: string, year: number, filter: NetworkQueryFilter, options?: RequestOptions): Promise<DashboardTrends> {
  return parseDashboardTrends(await requestGraphQL(GET_DASHBOARD_TRENDS, { territoryId, year, filter: toFilterInput(filter) }, options));
}

export async function fetchNetworkShape(territoryId: string, window: TimeWindow, filter: NetworkQueryFilter, options?: RequestOptions): Promise<NetworkShape> {
  return parseNetworkShape(await requestGraphQL(GET_NETWORK_SHAPE, { territoryId, window: windowInput(window), filter: toFilterInput(filter) }, options));
}

export async function fetchDashboardCoverage(territoryId: string, window: TimeWindow, axisId: string | null, options?: RequestOptions): Promise<DashboardCoverage> {
  return parseDashboardCoverage(await requestGraphQL(GET_DASHBOARD_COVERAGE, { territoryId, window: windowInput(window), axisId }, options));
}

export async function fetchDashboardComparison(territoryIds: readonly string[], year: number, options?: RequestOptions): Promise<ComparedTerritory[]> {
  return parseDashboardComparison(await requestGraphQL(GET_DASHBOARD_COMPARISON, { territoryIds, year }, options));
}
