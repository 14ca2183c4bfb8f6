import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { Kind, type OperationDefinitionNode } from "graphql";

/**
 * Mutations that change nothing the analytics derive from: saved views (issue 5) are pictures of
 * the network, not part of it, so saving one keeps the (costly) cached networks.
 */
export const NETWORK_NEUTRAL_MUTATIONS: ReadonlySet<string> = new Set(["saveView", "renameSavedView", "deleteSavedView"]);

/** True unless every root field of the mutation is known to leave the network alone (fragments count as writes). */
export function changesNetwork(operation: OperationDefinitionNode): boolean {
  return !operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && (selection.name.value === "__typename" || NETWORK_NEUTRAL_MUTATIONS.has(selection.name.value)),
  );
}

/**
 * Calls `onWrite` after every mutation that reached execution and may change the network, so that
 * derived data (the analytics cache) never outlives a write made through the API.
 */
export function writeNotifierPlugin<TContext extends BaseContext>(onWrite: () => void): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation }) {
          if (operation?.operation === "mutation" && changesNetwork(operation)) onWrite();
        },
      };
    },
  };
}
