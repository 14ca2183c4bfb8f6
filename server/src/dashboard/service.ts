import type { Analysis } from "../analytics/analysis.js";
import { TtlCache } from "../analytics/cache.js";
import type { NetworkFilter } from "../analytics/filters.js";
import type { AnalyticsService } from "../analytics/service.js";
import { optionalText, text, type Plain } from "../analytics/values.js";
import { yearWindow, type Window } from "../analytics/window.js";
import { toPlain } from "../neo4j/values.js";
import type { QueryRunner } from "../neo4j/queries.js";
import { degreeDistribution, singlePersonStructures, topConcentration, type DegreeCount, type Membership } from "../network/index.js";
import { contractOfYear, dashboardYears, headlineFigures, type DashboardContract, type DashboardYear, type HeadlineFigure } from "./trends.js";

export interface DashboardTrends {
  readonly territoryId: string;
  readonly territoryName: string;
  readonly contracts: readonly DashboardContract[];
  readonly years: readonly DashboardYear[];
}

export interface DashboardShape {
  /** The structure network the shape is measured on (cached by the analytics service). */
  readonly analysis: Analysis;
  readonly degreeDistribution: readonly DegreeCount[];
  readonly top: readonly { readonly id: string; readonly degree: number }[];
  readonly topTieCount: number;
  readonly topTieShare: number;
  /** Structures tied to the rest of the network through one member only, most partners first. */
  readonly dependencies: readonly { readonly organisationId: string; readonly memberCount: number; readonly partnerCount: number }[];
}

/**
 * The network the dashboard measures under a filter: every tie of the window (no backbone, no
 * weight threshold: those choose what the explorer draws, not what the network is), counted.
 */
export function dashboardFilter(filter: NetworkFilter): NetworkFilter {
  return { ...filter, minWeight: 1, weighting: "COUNT", backbone: null };
}

/** Years at most computed together (each runs a query and builds a network on the analysis pool). */
const YEARS_AT_ONCE = 4;

async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The figures of the Tableau de bord that the analytics API does not give as such: the territory's
 * figures year by year since its first contract, and the shape of a window's network (degree
 * distribution, concentration on the best-connected structures, single-person dependencies). Built
 * on the analytics service (its key figures and cached networks); answers are cached per territory,
 * checked against the territory's data version like the networks. Permission checks are the resolvers'.
 */
export class DashboardService {
  private readonly trendsCache: TtlCache<DashboardTrends>;
  private readonly shapeCache: TtlCache<DashboardShape>;

  constructor(
    private readonly queries: QueryRunner,
    private readonly analytics: AnalyticsService,
    options: { ttlMs?: number; maxEntries?: number; now?: () => Date } = {},
  ) {
    // Checked against the data version at every read, the years (a few kB, seconds to compute) can stay a day.
    this.trendsCache = new TtlCache<DashboardTrends>(options.ttlMs ?? 24 * 60 * 60_000, options.maxEntries ?? 32);
    this.shapeCache = new TtlCache<DashboardShape>(options.ttlMs ?? 10 * 60_000, options.maxEntries ?? 32);
    this.now = options.now ?? (() => new Date());
  }

  private readonly now: () => Date;

  async contracts(territoryId: string): Promise<DashboardContract[]> {
    const rows = await this.queries.read<Plain>("dashboardContracts", { territoryId });
    return rows.map((row) => {
      const plain = toPlain(row) as Plain;
      const signedOn = text(plain, "signedOn");
      return { name: text(plain, "name"), signedOn, endsOn: optionalText(plain, "endsOn"), firstYear: Number(signedOn.slice(0, 4)) };
    });
  }

  /** Every year since the first contract: key figures, and the measures of the year's structure network under `filter`. */
  async trends(territoryId: string, filter: NetworkFilter): Promise<DashboardTrends> {
    const measured = dashboardFilter(filter);
    const key = `${JSON.stringify(territoryId)}|trends|${JSON.stringify(measured)}`;
    const version = await this.analytics.dataVersion(territoryId);
    return this.trendsCache.get(key, () => this.computeTrends(territoryId, measured), { version });
  }

  private async computeTrends(territoryId: string, filter: NetworkFilter): Promise<DashboardTrends> {
    const [territory, contracts] = await Promise.all([this.analytics.territory(territoryId), this.contracts(territoryId)]);
    const years = dashboardYears(contracts, this.now().getUTCFullYear());
    const rows = await mapLimited(years, YEARS_AT_ONCE, async (year): Promise<DashboardYear> => {
      const [figures, analysis] = await Promise.all([
        this.analytics.keyFigures(territoryId, year),
        this.analytics.analyse({ territoryId, level: "STRUCTURE", window: yearWindow(year), filter }),
      ]);
      const metrics = analysis.graphMetrics();
      let activeStructures = 0;
      for (const id of analysis.nodeIds()) if ((analysis.node(id)?.activeMemberCount ?? 0) > 0) activeStructures += 1;
      return {
        year,
        contract: contractOfYear(contracts, year)?.name ?? null,
        activeActors: figures.activeActors,
        activeStructures,
        events: figures.events,
        volunteerHours: figures.volunteerHours,
        activeWorkGroups: figures.activeWorkGroups,
        density: metrics.density,
        largestComponentSize: metrics.largestComponentSize,
        structureCount: metrics.nodeCount,
        structureTies: metrics.tieCount,
      };
    });
    return { territoryId, territoryName: territory.name, contracts, years: rows };
  }

  /** The figures of `year` with their change since the previous contract ("En quelques chiffres"). */
  headline(trends: DashboardTrends, year: number): HeadlineFigure[] {
    return headlineFigures(trends.contracts, trends.years, year);
  }

  /** Degree distribution, concentration on the `top` best-connected structures, and the structures hanging on one person, for a window. */
  async shape(territoryId: string, window: Window, filter: NetworkFilter, top: number): Promise<DashboardShape> {
    const measured = dashboardFilter(filter);
    const key = `${JSON.stringify(territoryId)}|shape|${JSON.stringify([window.from, window.to, measured, top])}`;
    const version = await this.analytics.dataVersion(territoryId);
    return this.shapeCache.get(key, () => this.computeShape(territoryId, window, measured, top), { version });
  }

  private async computeShape(territoryId: string, window: Window, filter: NetworkFilter, top: number): Promise<DashboardShape> {
    const [structures, people] = await Promise.all([
      this.analytics.analyse({ territoryId, level: "STRUCTURE", window, filter }),
      this.analytics.analyse({ territoryId, level: "ACTOR", window, filter }),
    ]);
    const concentration = topConcentration(structures.graph, top);
    const memberships: Membership[] = [];
    for (const node of people.network.nodes.values()) {
      for (const organisationId of node.organisationIds) memberships.push({ personId: node.id, organisationId });
    }
    const dependencies = singlePersonStructures(memberships, people.network.ties)
      // Organisations the structure network leaves out (a place or sector filter) are not listed.
      .filter((each) => structures.node(each.organisationId) !== undefined)
      .map((each) => ({
        organisationId: each.organisationId,
        // Members in the window, as the structure network counts them (not only the active ones).
        memberCount: structures.node(each.organisationId)?.memberCount ?? each.memberCount,
        partnerCount: each.partnerOrganisations.length,
      }))
      .sort((a, b) => b.partnerCount - a.partnerCount || (a.organisationId < b.organisationId ? -1 : 1));
    return {
      analysis: structures,
      degreeDistribution: degreeDistribution(structures.graph),
      top: concentration.top,
      topTieCount: concentration.tiesTouchingTop,
      topTieShare: concentration.share,
      dependencies,
    };
  }
}

