import type { ApolloServerPlugin, BaseContext } from "@apollo/server";

/**
 * Calls `onWrite` after every mutation that reached execution, so that derived data (the analytics
 * cache) never outlives a write made through the API.
 */
export function writeNotifierPlugin<TContext extends BaseContext>(onWrite: () => void): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation }) {
          if (operation?.operation === "mutation") onWrite();
        },
      };
    },
  };
}
