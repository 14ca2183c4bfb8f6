import path from "node:path";
import { fileURLToPath } from "node:url";
import type { GeoSource } from "../../seed/src/geo.js";
import { PRELOAD_TERRITORIES } from "./analytics/pageNetworks.js";

/** Root of the repository, resolved from this file so that the working directory does not matter. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export type Neo4jTarget =
  | { readonly mode: "external"; readonly uri: string; readonly username: string; readonly password: string }
  | {
      readonly mode: "local";
      readonly dataDir: string;
      readonly boltPort: number;
      readonly heapMb: number;
      readonly pageCache: string;
    };

export type LogLevel = "debug" | "info" | "warn" | "error";

/** Bearer tokens and pseudonyms (see server/src/auth). */
export interface AuthConfig {
  /** HS256 secret from JWT_SECRET; unset in local mode means "generated once into `secretFile`". */
  readonly jwtSecret: string | undefined;
  /** Local mode only: where a generated secret is kept (`.data/jwt-secret`). */
  readonly secretFile: string | undefined;
  readonly jwksUrl: string | undefined;
  readonly issuer: string | undefined;
  readonly audience: string | undefined;
  /** Keys pseudonyms; derived from the JWT secret when unset. */
  readonly pseudonymSecret: string | undefined;
  /**
   * The development login may run: AUTH_DEV_LOGIN is `auto` (the default) and nothing here makes it
   * risky, or it is `force`. At run time it also stops while a non-demo territory exists, unless forced.
   */
  readonly devLogin: boolean;
  /** AUTH_DEV_LOGIN=force: on whatever the database, NEO4J_URI or HOST. */
  readonly devLoginForced: boolean;
  /** Why the development login is off (for the start-up log); empty when it may run. */
  readonly devLoginOffReasons: readonly string[];
  /** JWT_MAX_LIFETIME_DAYS: longest token lifetime accepted (`exp` − `iat`), and oldest `iat`. */
  readonly maxTokenLifetimeDays: number;
}

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly neo4j: Neo4jTarget;
  readonly neo4jDatabase: string | undefined;
  /** Where commune contours come from: a URL template, a local file or folder, or "none". */
  /** Where commune contours come from: one source, or sources tried in order (see seed/src/geo.ts). */
  readonly geoSource: GeoSource;
  readonly seedOnStart: boolean;
  /** Whether the page's queries and networks are computed once the app listens (see http/warmUp.ts). */
  readonly warmUpOnStart: boolean;
  /** How many territories' page networks the warm-up computes and keeps, the most used first (analytics/pageNetworks.ts). */
  readonly warmUpTerritories: number;
  readonly logLevel: LogLevel;
  /** Limits on GraphQL operations, checked before they run (see server/src/graphql/limits.ts). */
  readonly graphqlLimits: {
    readonly maxDepth: number;
    readonly maxCost: number;
    readonly maxPageSize: number;
    readonly maxNetworkCost: number;
    readonly maxAnalyticsFields: number;
    readonly networkCostPerMinute: number;
    readonly maxTokens: number;
  };
  /** Worker threads that build and measure networks (server/src/analytics/analysisPool.ts); 0 = on the main thread. */
  readonly analysisThreads: number | undefined;
  readonly auth: AuthConfig;
  /** Analysts see an actor's profession and commune only where this many people share them (server/src/analytics/kAnonymity.ts). */
  readonly kAnonymity: number;
}

/** The official geo API; `{epci}` is replaced by each EPCI's SIREN code. */
export const OFFICIAL_GEO_API = "https://geo.api.gouv.fr/communes?codeEpci={epci}&format=geojson&geometry=contour";

/** Contours shipped in the repository for offline runs and tests (IGN ADMIN EXPRESS, simplified; see seed/data/geo/README.md). */
export const LOCAL_GEO_COPY = path.resolve(repoRoot, "seed/data/geo");

/** With GEO_SOURCE unset: the official geo API, and when it cannot be reached (no internet), the local copy. */
export const DEFAULT_GEO_SOURCE: readonly string[] = Object.freeze([OFFICIAL_GEO_API, LOCAL_GEO_COPY]);

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join("\n  - ")}`);
    this.name = "ConfigError";
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** True for addresses only this machine reaches: 127.0.0.0/8, ::1, localhost. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127(\.\d{1,3}){3}$/.test(bare) || /^::ffff:127(\.\d{1,3}){3}$/.test(bare);
}

/**
 * AUTH_DEV_LOGIN: `auto` (default; `true` says the same) turns the development login off wherever it
 * could hand out real people's data: an external Neo4j (NEO4J_URI), or a HOST other people reach.
 * `false` turns it off, `force` on regardless (and then the log warns at every start).
 */
function devLoginSettings(
  raw: string | undefined,
  { externalNeo4j, host, problems }: { externalNeo4j: boolean; host: string; problems: string[] },
): Pick<AuthConfig, "devLogin" | "devLoginForced" | "devLoginOffReasons"> {
  const mode = raw?.toLowerCase() ?? "auto";
  if (mode === "force") return { devLogin: true, devLoginForced: true, devLoginOffReasons: [] };
  if (["0", "false", "no", "off"].includes(mode)) return { devLogin: false, devLoginForced: false, devLoginOffReasons: ["AUTH_DEV_LOGIN=false"] };
  if (!["auto", "1", "true", "yes", "on"].includes(mode)) {
    problems.push(`AUTH_DEV_LOGIN must be auto, false or force (got "${raw}")`);
  }
  const reasons = [
    ...(externalNeo4j ? ["NEO4J_URI is set"] : []),
    ...(isLoopbackHost(host) ? [] : [`HOST ${host} is not a loopback address`]),
  ];
  return { devLogin: reasons.length === 0, devLoginForced: false, devLoginOffReasons: reasons };
}

/** Parses the environment once into a frozen, typed object; reports every problem at once. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === "" ? undefined : value;
  };
  const port = (name: string, fallback: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > 65535) {
      problems.push(`${name} must be a TCP port between 1 and 65535 (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const positiveInt = (name: string, fallback: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) {
      problems.push(`${name} must be a positive integer (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const analysisThreads = (): number | undefined => {
    const raw = read("ANALYSIS_THREADS");
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0 || value > 64) {
      problems.push(`ANALYSIS_THREADS must be an integer from 0 to 64 (got "${raw}")`);
      return undefined;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = read(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (["1", "true", "yes", "on"].includes(raw)) return true;
    if (["0", "false", "no", "off"].includes(raw)) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };

  const uri = read("NEO4J_URI");
  let neo4j: Neo4jTarget;
  if (uri !== undefined) {
    if (!/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/.test(uri)) {
      problems.push(`NEO4J_URI must look like bolt://host:7687 or neo4j+s://host (got "${uri}")`);
    }
    const password = read("NEO4J_PASSWORD");
    if (password === undefined) problems.push("NEO4J_PASSWORD is required when NEO4J_URI is set");
    neo4j = { mode: "external", uri, username: read("NEO4J_USERNAME") ?? "neo4j", password: password ?? "" };
  } else {
    const pageCache = read("NEO4J_PAGE_CACHE") ?? "256m";
    if (!/^\d+[kmg]?$/i.test(pageCache)) problems.push(`NEO4J_PAGE_CACHE must look like 256m (got "${pageCache}")`);
    neo4j = {
      mode: "local",
      dataDir: path.resolve(repoRoot, read("NEO4J_DATA_DIR") ?? ".data/neo4j"),
      boltPort: port("NEO4J_BOLT_PORT", 7687),
      heapMb: positiveInt("NEO4J_HEAP_MB", 1024),
      pageCache,
    };
  }

  const host = read("HOST") ?? "127.0.0.1";
  const jwtSecret = read("JWT_SECRET");
  const jwksUrl = read("JWT_JWKS_URL");
  const pseudonymSecret = read("PSEUDONYM_SECRET");
  if (jwtSecret !== undefined && jwtSecret.length < 32) problems.push("JWT_SECRET must be at least 32 characters long");
  if (jwksUrl !== undefined && !/^https?:\/\/.+/.test(jwksUrl)) problems.push(`JWT_JWKS_URL must be an http(s) URL (got "${jwksUrl}")`);
  if (neo4j.mode === "external" && jwtSecret === undefined && jwksUrl === undefined) {
    problems.push("JWT_SECRET is required when NEO4J_URI is set (a random string of 32 characters or more, e.g. `openssl rand -base64 48`)");
  }
  if (jwtSecret === undefined && jwksUrl !== undefined && pseudonymSecret === undefined && neo4j.mode === "external") {
    problems.push("PSEUDONYM_SECRET is required when tokens come from JWT_JWKS_URL without JWT_SECRET");
  }
  const auth: AuthConfig = {
    jwtSecret,
    secretFile: neo4j.mode === "local" ? path.join(path.dirname(neo4j.dataDir), "jwt-secret") : undefined,
    jwksUrl,
    issuer: read("JWT_ISSUER"),
    audience: read("JWT_AUDIENCE"),
    pseudonymSecret,
    ...devLoginSettings(read("AUTH_DEV_LOGIN"), { externalNeo4j: neo4j.mode === "external", host, problems }),
    maxTokenLifetimeDays: positiveInt("JWT_MAX_LIFETIME_DAYS", 30),
  };

  const logLevel = read("LOG_LEVEL") ?? "info";
  if (!["debug", "info", "warn", "error"].includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of debug, info, warn, error (got "${logLevel}")`);
  }

  const config: Config = {
    host,
    port: port("PORT", 4000),
    neo4j,
    neo4jDatabase: read("NEO4J_DATABASE"),
    geoSource: read("GEO_SOURCE") ?? DEFAULT_GEO_SOURCE,
    seedOnStart: bool("SEED_ON_START", true),
    warmUpOnStart: bool("WARM_UP_ON_START", true),
    warmUpTerritories: positiveInt("WARM_UP_TERRITORIES", PRELOAD_TERRITORIES),
    logLevel: logLevel as LogLevel,
    graphqlLimits: Object.freeze({
      maxDepth: positiveInt("GRAPHQL_MAX_DEPTH", 10),
      maxCost: positiveInt("GRAPHQL_MAX_COST", 20_000),
      maxPageSize: positiveInt("GRAPHQL_MAX_PAGE_SIZE", 1_000),
      maxNetworkCost: positiveInt("GRAPHQL_MAX_NETWORK_COST", 8),
      maxAnalyticsFields: positiveInt("GRAPHQL_MAX_ANALYTICS_FIELDS", 10),
      networkCostPerMinute: positiveInt("NETWORK_COST_PER_MINUTE", 60),
      maxTokens: positiveInt("GRAPHQL_MAX_TOKENS", 15_000),
    }),
    analysisThreads: analysisThreads(),
    auth: Object.freeze(auth),
    kAnonymity: positiveInt("K_ANONYMITY", 5),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}
