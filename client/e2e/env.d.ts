declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the app (server + built client) started by the global test setup. */
    appUrl: string;
    /** Bolt URI of the test Neo4j, for tests that write their own data (and remove it). */
    neo4jUri: string;
  }
}

export {};
