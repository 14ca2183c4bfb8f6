import type { Changes } from "../../audit/changes.js";
import { readAuditTrail, type AuditEntry } from "../../audit/trail.js";
import type { RequestContext } from "../../auth/context.js";
import { expectedVersion, id, parseActorInput, parseEventInput, parseMembershipInput, parseParticipationInput, parseStructureInput, parseWorkGroupInput } from "../../editing/input.js";
import type { EditingService, EditResult } from "../../editing/service.js";
import type { QueryRunner } from "../../neo4j/queries.js";

type Args = Record<string, unknown>;

/** The API's list form of changes: values as JSON text, null for none. */
export function fieldChanges(changes: Changes): { field: string; before: string | null; after: string | null }[] {
  const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));
  return Object.entries(changes).map(([field, change]) => ({ field, before: json(change.before), after: json(change.after) }));
}

const result = (edit: EditResult) => ({ ...edit, changes: fieldChanges(edit.changes) });
const entry = (audit: AuditEntry) => ({ ...audit, changes: fieldChanges(audit.changes) });

function first(value: unknown): number {
  // GraphQL has checked it is an Int (or the default); the range is checked by readAuditTrail.
  return typeof value === "number" ? value : 50;
}

/** Resolvers of editing.graphql and audit.graphql; the service and the trail check who may do what. */
export function createEditingResolvers(service: EditingService, queries: QueryRunner) {
  return {
    Query: {
      auditTrail: async (_parent: unknown, args: Args, context: RequestContext) => {
        const page = await readAuditTrail(queries, context.viewer, {
          territoryId: id(args.territoryId, "territoryId"),
          first: first(args.first),
          after: typeof args.after === "string" ? args.after : null,
          entityId: args.entityId === null || args.entityId === undefined ? null : id(args.entityId, "entityId"),
        });
        return { ...page, entries: page.entries.map(entry) };
      },
    },
    Mutation: {
      saveStructure: async (_parent: unknown, args: Args, context: RequestContext) => result(await service.saveStructure(context.viewer, parseStructureInput(args.input))),
      deleteStructure: async (_parent: unknown, args: Args, context: RequestContext) =>
        result(await service.deleteStructure(context.viewer, id(args.territoryId, "territoryId"), id(args.id, "id"), expectedVersion(args.expectedVersion, "expectedVersion"))),
      saveActor: async (_parent: unknown, args: Args, context: RequestContext) => result(await service.saveActor(context.viewer, parseActorInput(args.input))),
      deleteActor: async (_parent: unknown, args: Args, context: RequestContext) =>
        result(await service.deleteActor(context.viewer, id(args.territoryId, "territoryId"), id(args.id, "id"), expectedVersion(args.expectedVersion, "expectedVersion"))),
      saveMembership: async (_parent: unknown, args: Args, context: RequestContext) => result(await service.saveMembership(context.viewer, parseMembershipInput(args.input))),
      deleteMembership: async (_parent: unknown, args: Args, context: RequestContext) =>
        result(await service.deleteMembership(context.viewer, id(args.territoryId, "territoryId"), id(args.actorId, "actorId"), id(args.organisationId, "organisationId"), expectedVersion(args.expectedVersion, "expectedVersion"))),
      saveParticipation: async (_parent: unknown, args: Args, context: RequestContext) => result(await service.saveParticipation(context.viewer, parseParticipationInput(args.input))),
      deleteParticipation: async (_parent: unknown, args: Args, context: RequestContext) =>
        result(await service.deleteParticipation(context.viewer, id(args.territoryId, "territoryId"), id(args.actorId, "actorId"), id(args.workGroupId, "workGroupId"), expectedVersion(args.expectedVersion, "expectedVersion"))),
      saveWorkGroup: async (_parent: unknown, args: Args, context: RequestContext) => result(await service.saveWorkGroup(context.viewer, parseWorkGroupInput(args.input))),
      deleteWorkGroup: async (_parent: unknown, args: Args, context: RequestContext) =>
        result(await service.deleteWorkGroup(context.viewer, id(args.territoryId, "territoryId"), id(args.id, "id"), expectedVersion(args.expectedVersion, "expectedVersion"))),
      saveEvent: async (_parent: unknown, args: Args, context: RequestContext) => result(await service.saveEvent(context.viewer, parseEventInput(args.input))),
      deleteEvent: async (_parent: unknown, args: Args, context: RequestContext) =>
        result(await service.deleteEvent(context.viewer, id(args.territoryId, "territoryId"), id(args.id, "id"), expectedVersion(args.expectedVersion, "expectedVersion"))),
    },
  };
}
