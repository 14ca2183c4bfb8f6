import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
import type { AnalyticsService } from "../../analytics/service.js";
import type { RequestContext } from "../../auth/context.js";
import { AppError } from "../../errors.js";
import { parseName, parseSaveViewInput, parseViewId } from "../../savedViews/input.js";
import type { SavedViewOut, SavedViewRow, SavedViewService } from "../../savedViews/service.js";
import { assertReadable } from "./analytics.js";

type Args = Record<string, unknown>;

/** True when the selection (fragments included) asks for `field` of the listed objects. */
function selects(selectionSet: SelectionSetNode | undefined, field: string, info: GraphQLResolveInfo, depth = 0): boolean {
  if (selectionSet === undefined || depth > 10) return false;
  return selectionSet.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === field;
    if (selection.kind === Kind.INLINE_FRAGMENT) return selects(selection.selectionSet, field, info, depth + 1);
    return selects(info.fragments[selection.name.value]?.selectionSet, field, info, depth + 1);
  });
}

/** Resolvers of savedViews.graphql; every write is one transaction (see SavedViewService). */
export function createSavedViewResolvers(service: SavedViewService, analytics: AnalyticsService) {
  const presentOne = async (row: SavedViewRow, context: RequestContext): Promise<SavedViewOut> =>
    (await service.present([row], context.viewer, context.pseudonymSecret))[0]!;
  return {
    Query: {
      savedViews: async (_parent: unknown, args: Args, context: RequestContext, info: GraphQLResolveInfo) => {
        const territoryId = args.territoryId;
        if (typeof territoryId !== "string" || territoryId.length === 0) throw new AppError("BAD_USER_INPUT", "territoryId is required", { argument: "territoryId" });
        await assertReadable(analytics, context, territoryId);
        // States can be large and lists rarely need them: read them only when asked for.
        const withState = info.fieldNodes.some((node) => selects(node.selectionSet, "state", info));
        const rows = await service.list(territoryId, withState);
        // No view: say NOT_FOUND when there is no such territory either (an empty list otherwise).
        if (rows.length === 0) await analytics.territory(territoryId);
        return await service.present(rows, context.viewer, context.pseudonymSecret);
      },
      savedView: async (_parent: unknown, args: Args, context: RequestContext) =>
        presentOne(await service.get(context.viewer, parseViewId(args.id)), context),
    },
    Mutation: {
      saveView: async (_parent: unknown, args: Args, context: RequestContext) =>
        presentOne(await service.save(context.viewer, parseSaveViewInput(args.input)), context),
      renameSavedView: async (_parent: unknown, args: Args, context: RequestContext) =>
        presentOne(await service.rename(context.viewer, parseViewId(args.id), parseName(args.name)), context),
      deleteSavedView: async (_parent: unknown, args: Args, context: RequestContext) => service.delete(context.viewer, parseViewId(args.id)),
    },
  };
}
