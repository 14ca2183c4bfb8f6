import { existsSync } from "node:fs";
import path from "node:path";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type Express, type RequestHandler } from "express";
import type { GraphQLSchema } from "graphql";
import { canSeePersonalData, devLoginRouter, devLoginState, personalDataPlugin, type AppAuth, type RequestContext, type Viewer } from "../auth/index.js";
import { repoRoot } from "../config.js";
import { formatError } from "../errors.js";
import { compilableRootFields, createExecutor, executorGateway } from "../graphql/executor.js";
import { readTypeDefs, schemaWithoutPersonalData } from "../graphql/schema.js";
import { writeNotifierPlugin } from "../graphql/writeNotifier.js";
import { DEFAULT_GRAPHQL_LIMITS, limitsPlugin, type BuildCostEstimate, type GraphQLLimits } from "../graphql/limits.js";
import type { Logger } from "../logger.js";
import type { QueryRunner } from "../neo4j/queries.js";
import { DatabaseStatus } from "../neo4j/status.js";
import { ImportService } from "../import/service.js";
import { graphiqlRouter } from "./graphiql.js";
import { importRouter } from "./importRoutes.js";
import { backupRouter } from "./backupRoutes.js";
import { noStore, securityHeaders } from "./securityHeaders.js";
import { variableDepthGuard } from "./variableDepth.js";

export const clientDist = path.join(repoRoot, "client", "dist");

export interface AppDependencies {
  schema: GraphQLSchema;
  queries: QueryRunner;
  log: Logger;
  /** Token verification, request context and development login (server/src/auth). */
  auth: AppAuth;
  /** Depth, cost, page-size and network limits of GraphQL operations; defaults when absent. */
  limits?: Partial<GraphQLLimits> | undefined;
  /** What a network costs now (0 when cached): the schema's AnalyticsService; without it every network counts by level. */
  analytics?: { expectedBuildCost: BuildCostEstimate } | undefined;
  /** Called after every mutation, e.g. to drop cached analytics. */
  onWrite?: () => void;
  /** The database's availability and a ping without retries (neo4j/monitor.ts); /health pings through `queries` when absent. */
  database?: { status: DatabaseStatus; ping: () => Promise<void> };
  /** Whether the start-up warm-up is over (/ready is false until then); always true when absent. */
  isWarm?: () => boolean;
}

/** /health answers within this, whatever the database does. */
const HEALTH_TIMEOUT_MS = 900;

/** A ping that settles within `ms`: "up", "down" with the error, or "timeout". */
async function pingWithin(ping: () => Promise<void>, ms: number): Promise<{ neo4j: "up" } | { neo4j: "down"; reason: string } | { neo4j: "timeout" }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<{ neo4j: "timeout" }>((resolve) => {
    timer = setTimeout(() => resolve({ neo4j: "timeout" }), ms);
  });
  const answer = ping().then(
    () => ({ neo4j: "up" as const }),
    (error: unknown) => ({ neo4j: "down" as const, reason: error instanceof Error ? error.message : String(error) }),
  );
  try {
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** While the database is known to be down, answers 503 at once (GraphQL-shaped or JSON-API-shaped) instead of waiting for driver time-outs. */
function whileDatabaseDown(status: DatabaseStatus, shape: "graphql" | "json"): RequestHandler {
  return (_request, response, next) => {
    if (status.isUp) {
      next();
      return;
    }
    const error = { code: "DATABASE_UNAVAILABLE", message: "The database is unavailable. Try again in a moment." };
    response
      .status(503)
      .set("retry-after", "5")
      .json(shape === "graphql" ? { errors: [{ message: error.message, extensions: { code: error.code } }] } : { error });
  };
}

/** Whether a territory that is not demo data exists (the development login stops then). */
export function realTerritoryCheck(queries: QueryRunner): () => Promise<boolean> {
  return async () => (await queries.read<{ exists: boolean }>("realTerritoryExists", {}))[0]?.exists === true;
}

export interface App {
  express: Express;
  /** "off", "on" or "forced" now (see auth/devLogin.ts): the start-up log says which. */
  devLoginState(): Promise<"off" | "on" | "forced">;
  /** Runs an operation as `viewer` through the whole API, without HTTP (the start-up warm-up, warmUp.ts). */
  execute(viewer: Viewer, query: string, variables: Record<string, unknown>): Promise<{ errorCodes: string[] }>;
  stop(): Promise<void>;
}

/** The HTTP adapter: /health, /graphql and the built client on one Express app. */
export async function createApp({ schema, queries, log, limits, analytics, auth, onWrite, database, isWarm }: AppDependencies): Promise<App> {
  const status = database?.status ?? new DatabaseStatus();
  const ping = database?.ping ?? (async () => void (await queries.read("ping", {})));
  // Analytics queries run compiled (graphql-jit), everything else through graphql-js: see graphql/executor.ts.
  // Viewers who may not see personal data get the schema without personal fields (graphql/schema.ts):
  // their operations are validated (personalDataPlugin) and run against it.
  const restricted = schemaWithoutPersonalData(schema);
  const executors = {
    full: createExecutor(schema, { compilable: compilableRootFields(schema, readTypeDefs()) }),
    restricted: createExecutor(restricted, { compilable: compilableRootFields(restricted, readTypeDefs()) }),
  };
  const executor: ReturnType<typeof createExecutor> = {
    isCompiled: executors.full.isCompiled,
    execute: (args) => (canSeePersonalData((args.contextValue as RequestContext).viewer) ? executors.full : executors.restricted).execute(args),
  };
  const graphqlLimits: GraphQLLimits = { ...DEFAULT_GRAPHQL_LIMITS, ...limits };
  const apollo = new ApolloServer<RequestContext>({
    gateway: executorGateway(schema, executor),
    // A document of too many tokens is refused while parsing (GRAPHQL_PARSE_FAILED), before validation.
    parseOptions: { maxTokens: graphqlLimits.maxTokens },
    introspection: true,
    includeStacktraceInErrorResponses: false,
    plugins: [
      // Cache hints are not used (no CDN or response cache in front of the API), and computing
      // them costs a hook call on every resolved field: ~14,000 ties per structure network.
      ApolloServerPluginCacheControlDisabled(),
      limitsPlugin(graphqlLimits, { estimate: analytics === undefined ? undefined : (request) => analytics.expectedBuildCost(request) }),
      personalDataPlugin(restricted),
      writeNotifierPlugin<RequestContext>(onWrite ?? (() => undefined)),
    ],
    formatError: (formatted, error) =>
      formatError(formatted, error, (internal) => log.error("graphql request failed", { error: String(internal) })),
  });
  await apollo.start();

  const app = express();
  app.disable("x-powered-by");
  app.use(securityHeaders());
  // Answers that can hold people's data (GraphQL: exports and GDPR included; backups; imports; tokens): never cached.
  app.use(["/graphql", "/api", "/auth"], noStore);

  // Liveness for a load balancer or a process manager: answers within a second, 503 with the reason when Neo4j is down or slow.
  app.get("/health", async (_request, response) => {
    const known = status.current;
    if (!known.up) {
      response.status(503).json({ status: "degraded", neo4j: "down", reason: known.reason, since: new Date(known.since).toISOString() });
      return;
    }
    const answer = await pingWithin(ping, HEALTH_TIMEOUT_MS);
    if (answer.neo4j === "up") {
      response.json({ status: "ok", neo4j: "up" });
      return;
    }
    log.warn("health check failed", answer);
    const reason = answer.neo4j === "timeout" ? `Neo4j did not answer within ${HEALTH_TIMEOUT_MS} ms` : answer.reason;
    response.status(503).json({ status: "degraded", neo4j: answer.neo4j === "timeout" ? "slow" : "down", reason });
  });

  // Readiness: whether this process should get traffic (false while warming up or while Neo4j is down); never touches Neo4j.
  app.get("/ready", (_request, response) => {
    const known = status.current;
    if (!known.up) response.status(503).json({ ready: false, reason: known.reason });
    else if (isWarm !== undefined && !isWarm()) response.status(503).json({ ready: false, reason: "warming up" });
    else response.json({ ready: true });
  });

  app.use(
    "/graphql",
    whileDatabaseDown(status, "graphql"),
    express.json({ limit: "1mb" }),
    variableDepthGuard(graphqlLimits.maxVariableDepth),
    expressMiddleware(apollo, {
      // Verifies the bearer token: without a valid one, no GraphQL at all (not even introspection).
      context: ({ req }) => auth.createContext(req),
    }),
  );

  app.use("/api/import", whileDatabaseDown(status, "json"), importRouter({ service: new ImportService(queries, onWrite), auth, log }));
  app.use("/api/backups", whileDatabaseDown(status, "json"), backupRouter({ queries, auth, log, onWrite }));

  app.use(devLoginRouter(auth.devLogin, realTerritoryCheck(queries)));

  app.use(graphiqlRouter(clientDist));

  if (existsSync(clientDist)) {
    app.use(express.static(clientDist, { index: "index.html", maxAge: "1h" }));
    app.get(/^\/(?!graphql|health|ready).*/, (_request, response) => {
      response.sendFile(path.join(clientDist, "index.html"));
    });
  } else {
    log.warn("client not built: run `npm run build:client` to serve the page", { clientDist });
  }

  const execute = async (viewer: Viewer, query: string, variables: Record<string, unknown>) => {
    const response = await apollo.executeOperation<Record<string, unknown>>({ query, variables }, { contextValue: auth.contextFor(viewer) });
    if (response.body.kind !== "single") throw new Error("an operation answered in several parts");
    const errors = response.body.singleResult.errors ?? [];
    return { errorCodes: errors.map((error) => String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR")) };
  };

  return { express: app, execute, devLoginState: () => devLoginState(auth.devLogin, realTerritoryCheck(queries)), stop: () => apollo.stop() };
}
