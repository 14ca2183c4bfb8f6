import type { GraphiQLProps } from "graphiql";
import { TOKEN_KEY } from "../src/features/login/session";

type Fetcher = GraphiQLProps["fetcher"];

/** The headers editor's initial content: the bearer token the app's sign-in kept for this tab, if any. */
export function initialHeaders(storage: Pick<Storage, "getItem">): string {
  const token = storage.getItem(TOKEN_KEY);
  return token ? JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2) : "{}";
}

/**
 * POSTs operations as JSON to Maillage's endpoint with the headers typed in GraphiQL; the answer,
 * errors included, is shown as the server sent it.
 */
export function createFetcher(endpoint: string): Fetcher {
  return async (params, options) => {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...options?.headers },
      body: JSON.stringify(params),
    });
    const body: unknown = await response.json();
    return body as Awaited<ReturnType<Fetcher>>;
  };
}
