/**
 * What the explorer benchmark asks the app over HTTP: a development-login session, and the size of
 * each network the page could draw, to tell which view the page really drew.
 */
import type { ViewCandidate } from "./browserStats.js";

export interface DevSession {
  readonly token: string;
  readonly expiresAt: string;
  readonly role: string;
  /** `"ALL"` or territory ids, as `/auth/dev-login` answers and the page stores it. */
  readonly territories: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

async function postJson(url: string, body: unknown, token?: string, timeoutMs = 120_000): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const json: unknown = await response.json();
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

/** `POST /auth/dev-login` for a role and territories, as the login screen does. */
export async function devLogin(baseUrl: string, role: string, territories: readonly string[]): Promise<DevSession> {
  const json = await postJson(new URL("/auth/dev-login", baseUrl).toString(), { role, territories });
  if (!isRecord(json) || typeof json.token !== "string" || typeof json.expiresAt !== "string" || !isRecord(json.viewer)) {
    throw new Error(`unexpected dev-login answer: ${JSON.stringify(json)}`);
  }
  const { role: granted, territories: scope } = json.viewer;
  if (typeof granted !== "string") throw new Error("dev-login gave no role");
  return { token: json.token, expiresAt: json.expiresAt, role: granted, territories: scope };
}

/** Puts the session in sessionStorage before the page's scripts run (keys of client/src/features/login/session.ts). */
export function sessionScript(origin: string, session: DevSession): string {
  const viewer = JSON.stringify({ expiresAt: session.expiresAt, role: session.role, territories: session.territories });
  return `(() => { if (location.origin !== ${JSON.stringify(origin)}) return;
    sessionStorage.setItem("maillage.token", ${JSON.stringify(session.token)});
    sessionStorage.setItem("maillage.viewer", ${JSON.stringify(viewer)}); })();`;
}

async function graphql(baseUrl: string, token: string, query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const json = await postJson(new URL("/graphql", baseUrl).toString(), { query, variables }, token);
  if (!isRecord(json) || json.errors !== undefined || !isRecord(json.data)) throw new Error(`GraphQL error: ${JSON.stringify(json).slice(0, 500)}`);
  return json.data;
}

export interface TimeWindow {
  readonly from: string | null;
  readonly to: string | null;
}

/** The page's default window: the latest contract (client/src/features/timeWindow/timeWindow.ts). */
export async function currentContractWindow(baseUrl: string, token: string, territoryId: string): Promise<TimeWindow> {
  const data = await graphql(baseUrl, token, `query($id: ID!) { territories(where: { id: { eq: $id } }) { contracts { generation signedOn endsOn } } }`, { id: territoryId });
  const territory: unknown = Array.isArray(data.territories) ? data.territories[0] : undefined;
  const contracts = isRecord(territory) && Array.isArray(territory.contracts) ? territory.contracts.filter(isRecord) : [];
  const latest = [...contracts].sort((a, b) => Number(b.generation) - Number(a.generation))[0];
  if (!latest || typeof latest.signedOn !== "string") return { from: null, to: null };
  return { from: latest.signedOn, to: typeof latest.endsOn === "string" ? latest.endsOn : null };
}

async function collaborationCounts(
  baseUrl: string,
  token: string,
  territoryId: string,
  level: "ACTOR" | "STRUCTURE",
  window: TimeWindow,
  minWeight: number,
): Promise<{ nodes: number; ties: number }> {
  const data = await graphql(
    baseUrl,
    token,
    `query($id: ID!, $level: NetworkLevel!, $window: WindowInput, $minWeight: Int) {
      collaborationNetwork(territoryId: $id, level: $level, window: $window, filter: { minWeight: $minWeight }, first: 1) {
        nodes { id } ties { totalCount } } }`,
    { id: territoryId, level, window: window.from === null && window.to === null ? null : window, minWeight },
  );
  const network = data.collaborationNetwork;
  if (!isRecord(network) || !Array.isArray(network.nodes) || !isRecord(network.ties)) throw new Error("collaborationNetwork: unexpected answer");
  return { nodes: network.nodes.length, ties: Number(network.ties.totalCount) };
}

/** The page's default tie filter: ties shared by at least two work groups. */
/** The page's default tie thresholds per view (client/src/features/views/views.ts). */
export const PAGE_MIN_WEIGHT = { STRUCTURE: 20, ACTOR: 8 } as const;

export async function viewCandidates(
  baseUrl: string,
  token: string,
  territoryId: string,
  spans: { readonly window: TimeWindow; readonly wholePeriod: boolean },
  failures: string[],
): Promise<ViewCandidate[]> {
  const candidates: ViewCandidate[] = [];
  const attempt = async (what: string, run: () => Promise<void>): Promise<void> => {
    try {
      await run();
    } catch (error) {
      failures.push(`${what}: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`);
    }
  };
  const whole: TimeWindow = { from: null, to: null };
  const named: [string, TimeWindow][] = [["current contract", spans.window]];
  if (spans.wholePeriod) named.push(["whole period", whole]);
  for (const [name, span] of named) {
    for (const level of ["ACTOR", "STRUCTURE"] as const) {
      const minWeight = PAGE_MIN_WEIGHT[level];
      const what = level === "ACTOR" ? "actors" : "structures";
      const label = `${what} (collaborationNetwork ${level}, ${name}, weight ≥ ${minWeight})`;
      await attempt(label, async () => {
        const counts = await collaborationCounts(baseUrl, token, territoryId, level, span, minWeight);
        candidates.push({ label, nodes: counts.nodes, edges: counts.ties });
      });
    }
  }
  return candidates;
}
