import { existsSync } from "node:fs";
import path from "node:path";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type Express } from "express";
import type { GraphQLSchema } from "graphql";
import { devLoginRouter, devLoginState, personalDataPlugin, type AppAuth, type RequestContext, type Viewer } from "../auth/index.js";
import { repoRoot } from "../config.js";
import { formatError } from "../errors.js";
import { compilableRootFields, createExecutor, executorGateway } from "../graphql/executor.js";
import { readTypeDefs } from "../graphql/schema.js";
import { writeNotifierPlugin } from "../graphql/writeNotifier.js";
import { DEFAULT_GRAPHQL_LIMITS, limitsPlugin, type GraphQLLimits } from "../graphql/limits.js";
import type { Logger } from "../logger.js";
import type { QueryRunner } from "../neo4j/queries.js";
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
  /** Depth, cost and page-size limits of GraphQL operations; defaults when absent. */
  limits?: Partial<GraphQLLimits> | undefined;
  /** Called after every mutation, e.g. to drop cached analytics. */
  onWrite?: () => void;
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
export async function createApp({ schema, queries, log, limits, auth, onWrite }: AppDependencies): Promise<App> {
  // Analytics queries run compiled (graphql-jit), everything else through graphql-js: see graphql/executor.ts.
  const executor = createExecutor(schema, { compilable: compilableRootFields(schema, readTypeDefs()) });
  const graphqlLimits: GraphQLLimits = { ...DEFAULT_GRAPHQL_LIMITS, ...limits };
  const apollo = new ApolloServer<RequestContext>({
    gateway: executorGateway(schema, executor),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    plugins: [
      // Cache hints are not used (no CDN or response cache in front of the API), and computing
      // them costs a hook call on every resolved field: ~14,000 ties per structure network.
      ApolloServerPluginCacheControlDisabled(),
      limitsPlugin(graphqlLimits),
      personalDataPlugin(),
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

  app.get("/health", async (_request, response) => {
    try {
      await queries.read("ping", {});
      response.json({ status: "ok", neo4j: "up" });
    } catch (error) {
      log.warn("health check failed", { error: String(error) });
      response.status(503).json({ status: "degraded", neo4j: "down" });
    }
  });

  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    variableDepthGuard(graphqlLimits.maxVariableDepth),
    expressMiddleware(apollo, {
      // Verifies the bearer token: without a valid one, no GraphQL at all (not even introspection).
      context: ({ req }) => auth.createContext(req),
    }),
  );

  app.use("/api/import", importRouter({ service: new ImportService(queries, onWrite), auth, log }));
  app.use("/api/backups", backupRouter({ queries, auth, log, onWrite }));

  app.use(devLoginRouter(auth.devLogin, realTerritoryCheck(queries)));

  app.use(graphiqlRouter(clientDist));

  if (existsSync(clientDist)) {
    app.use(express.static(clientDist, { index: "index.html", maxAge: "1h" }));
    app.get(/^\/(?!graphql|health).*/, (_request, response) => {
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
