import { NO_FILTER, parseFilter } from "../../analytics/filters.js";
import type { AnalyticsService } from "../../analytics/service.js";
import { parseWindow, type Window } from "../../analytics/window.js";
import { actorResolvers } from "../../auth/actorResolvers.js";
import type { RequestContext } from "../../auth/context.js";
import { canSeePersonalData } from "../../auth/viewer.js";
import { AppError } from "../../errors.js";
import type { PersonRow } from "../../explorer/rows.js";
import type { ExplorerService, PanelViewer } from "../../explorer/service.js";
import { DEFAULT_K_ANONYMITY } from "../../analytics/kAnonymity.js";
import { apiNode, assertReadable } from "./analytics.js";

type Args = Record<string, unknown>;

function requiredId(args: Args, name: string): string {
  const value = args[name];
  if (typeof value !== "string" || value.length === 0) throw new AppError("BAD_USER_INPUT", `${name} is required`, { argument: name });
  return value;
}

const windowOut = (window: Window) => ({ from: window.from, to: window.to });

/** The same rule as `Actor.displayName`: the real name for viewers allowed to see it, else the pseudonym. */
function person(row: PersonRow, context: RequestContext) {
  return {
    id: row.id,
    label: actorResolvers.Actor.displayName({ id: row.id, firstName: row.firstName, lastName: row.lastName }, {}, context),
    category: row.category,
    profession: row.profession,
  };
}

const byLabel = (a: { actor: { label: string; id: string } }, b: { actor: { label: string; id: string } }): number =>
  a.actor.label.localeCompare(b.actor.label, "fr") || (a.actor.id < b.actor.id ? -1 : 1);

const ROLE_ORDER: Readonly<Record<string, number>> = { PILOT: 0, CO_PILOT: 1, MEMBER: 2 };

/** Checks the viewer may read the territory, then parses the common arguments of a details panel. */
async function panelRequest(analytics: AnalyticsService, args: Args, context: RequestContext, idArgument = "id") {
  const territoryId = requiredId(args, "territoryId");
  await assertReadable(analytics, context, territoryId);
  const withPersonalData = canSeePersonalData(context.viewer);
  const viewer: PanelViewer = withPersonalData ? { withPersonalData } : { withPersonalData, kAnonymity: context.kAnonymity ?? DEFAULT_K_ANONYMITY };
  return { territoryId, id: requiredId(args, idArgument), window: parseWindow(args.window), withPersonalData, viewer };
}

/** Resolvers of the coordinator explorer's queries (explorer.graphql); the service does the work. */
export function createExplorerResolvers(service: ExplorerService, analytics: AnalyticsService) {
  return {
    territoryCatalog: async (_parent: unknown, args: Args, context: RequestContext) => {
      const territoryId = requiredId(args, "territoryId");
      await assertReadable(analytics, context, territoryId);
      return service.catalog(territoryId);
    },

    participationNetwork: async (_parent: unknown, args: Args, context: RequestContext) => {
      const territoryId = requiredId(args, "territoryId");
      await assertReadable(analytics, context, territoryId);
      const window = parseWindow(args.window);
      const network = await service.participationNetwork(territoryId, window, parseFilter(args.filter));
      return {
        territoryId,
        window: windowOut(window),
        actors: () => network.actorIds.map((id) => apiNode(network.analysis, id, context)),
        workGroups: network.workGroups,
        participations: network.participations,
      };
    },

    organisationDetails: async (_parent: unknown, args: Args, context: RequestContext) => {
      const { territoryId, id, window, withPersonalData, viewer } = await panelRequest(analytics, args, context);
      const details = await service.organisation(territoryId, id, window, viewer);
      return {
        territoryId,
        window: windowOut(window),
        ...details.organisation,
        // Only computed when asked for: it builds (or reuses, cached) the structure network of the window.
        node: async () => {
          const analysis = await analytics.analyse({ territoryId, level: "STRUCTURE", window, filter: NO_FILTER });
          if (analysis.node(id) === undefined) throw new AppError("NOT_FOUND", `No node "${id}" in this territory's network`, { argument: "id" });
          return apiNode(analysis, id, context);
        },
        commune: details.commune,
        memberCount: details.members.length,
        members: details.members
          .map((member) => ({
            actor: person(member.person, context),
            role: member.role,
            since: member.since,
            until: member.until,
            email: withPersonalData ? member.email : null,
            phone: withPersonalData ? member.phone : null,
          }))
          .sort(byLabel),
        workGroups: details.workGroups,
        axes: details.axes,
      };
    },

    workGroupDetails: async (_parent: unknown, args: Args, context: RequestContext) => {
      const { territoryId, id, window, viewer } = await panelRequest(analytics, args, context);
      const details = await service.workGroup(territoryId, id, window, viewer);
      return {
        territoryId,
        window: windowOut(window),
        ...details.workGroup,
        axes: details.axes,
        members: details.members
          .map((member) => ({ ...member, actor: person(member.person, context) }))
          .sort((a, b) => (ROLE_ORDER[a.role] ?? 3) - (ROLE_ORDER[b.role] ?? 3) || byLabel(a, b)),
        events: details.events,
      };
    },

    communeDetails: async (_parent: unknown, args: Args, context: RequestContext) => {
      const { territoryId, id: code, window } = await panelRequest(analytics, args, context, "code");
      const details = await service.commune(territoryId, code, window);
      return { territoryId, window: windowOut(window), commune: details.commune, structures: details.organisations, coverage: details.coverage };
    },

    actorDetails: async (_parent: unknown, args: Args, context: RequestContext) => {
      const { territoryId, id, window, withPersonalData, viewer } = await panelRequest(analytics, args, context);
      const details = await service.actor(territoryId, id, window, viewer);
      return {
        territoryId,
        window: windowOut(window),
        ...person(details.person, context),
        email: withPersonalData ? details.contact.email : null,
        phone: withPersonalData ? details.contact.phone : null,
        organisations: details.organisations,
        workGroups: details.workGroups,
        eventsAttended: details.eventsAttended,
      };
    },
  };
}
