import neo4j, { type Date as Neo4jDate, type Integer } from "neo4j-driver";
import { AppError } from "../../errors.js";
import { projectAffiliations } from "../../network/index.js";
import type { QueryRunner } from "../../neo4j/queries.js";
import { toPlain } from "../../neo4j/values.js";

export interface NetworkNode {
  id: string;
  name: string;
  kind: "STRUCTURE" | "INSTITUTION";
  sector: string | null;
  type: string;
  communeCode: string | null;
  communeName: string | null;
  epciCode: string | null;
  memberCount: number;
}

export interface NetworkTie {
  source: string;
  target: string;
  weight: number;
}

export interface StructureNetwork {
  territoryId: string;
  from: string | null;
  to: string | null;
  nodes: NetworkNode[];
  ties: NetworkTie[];
}

interface WorkGroupOrganisations {
  groupId: string;
  organisationIds: string[];
}

/** Two organisations are tied once per work group where both had members; source < target. */
function tiesThroughGroups(groups: readonly WorkGroupOrganisations[]): NetworkTie[] {
  const affiliations = groups.flatMap((group) =>
    group.organisationIds.map((organisationId) => ({ personId: organisationId, groupId: group.groupId })),
  );
  return projectAffiliations(affiliations);
}

export interface StructureNetworkArgs {
  territoryId: string;
  from?: unknown;
  to?: unknown;
}

/** The Date scalar of @neo4j/graphql hands resolvers driver Date values; accept ISO strings too. */
function toDate(value: unknown, name: string): Neo4jDate<number | Integer> | null {
  if (value === null || value === undefined) return null;
  if (neo4j.isDate(value)) return value;
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [year, month, day] = value.split("-").map(Number) as [number, number, number];
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCMonth() === month - 1 && check.getUTCDate() === day) return new neo4j.types.Date(year, month, day);
  }
  throw new AppError("BAD_USER_INPUT", `${name} must be a date (YYYY-MM-DD)`, { argument: name });
}

export async function resolveStructureNetwork(
  runner: QueryRunner,
  args: StructureNetworkArgs,
): Promise<StructureNetwork> {
  const from = toDate(args.from, "from");
  const to = toDate(args.to, "to");
  if (from !== null && to !== null && from.toString() > to.toString()) {
    throw new AppError("BAD_USER_INPUT", "from must not be after to", { argument: "from" });
  }
  const rows = await runner.read<{ nodes: unknown; groups: unknown }>("structureNetwork", {
    territoryId: args.territoryId,
    from,
    to,
  });
  const row = rows[0];
  if (row === undefined) {
    throw new AppError("NOT_FOUND", `No territory with id "${args.territoryId}"`, { argument: "territoryId" });
  }
  return {
    territoryId: args.territoryId,
    from: from?.toString() ?? null,
    to: to?.toString() ?? null,
    nodes: toPlain(row.nodes) as NetworkNode[],
    ties: tiesThroughGroups(toPlain(row.groups) as WorkGroupOrganisations[]),
  };
}
