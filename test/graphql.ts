/** Integration tests' GraphQL client: mints a token for the given viewer and POSTs to the test app. */
import { inject } from "vitest";
import { mintToken } from "../server/src/auth/tokens.js";
import type { Role } from "../server/src/auth/viewer.js";

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [key: string]: unknown } }[];
}

export interface TestViewer {
  role: Role;
  /** Territory ids; ADMIN sees every territory whatever is given. */
  territories: string[];
}

export const ADMIN: TestViewer = { role: "ADMIN", territories: ["*"] };

/** A token for this viewer, signed with the test app's secret. */
export async function tokenFor(viewer: TestViewer, expiresInSeconds = 600): Promise<string> {
  const subject = `test-${viewer.role.toLowerCase()}-${viewer.territories.join("+")}`;
  const { token } = await mintToken(inject("jwtSecret"), { subject, ...viewer, expiresInSeconds });
  return token;
}

/** POSTs an operation to /graphql, with a bearer token for `viewer` (none when null). */
export async function graphqlAs<T = Record<string, unknown>>(
  viewer: TestViewer | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (viewer !== null) headers.authorization = `Bearer ${await tokenFor(viewer)}`;
  const response = await fetch(`${inject("appUrl")}/graphql`, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, "status">;
  return { status: response.status, ...body };
}
