import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

/**
 * Two tiers, visible in file names: `*.test.ts` are unit tests (no database), `*.int.test.ts` and
 * `client/e2e/*.test.ts` run against a real Neo4j and the app, started once by test/globalSetup.ts.
 * `npx vitest run --project unit` runs the fast tier alone.
 */
export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS build (its package has "main" and no "exports"), and so do
    // @neo4j/graphql, Apollo and graphql-jit; Vite would pick the "module" build for our own files and
    // make two graphql instances, whose types do not recognise each other's schemas.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    environment: "node",
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["server/src/**/*.test.ts", "seed/src/**/*.test.ts", "client/src/**/*.test.ts", "bench/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["server/src/**/*.int.test.ts", "seed/src/**/*.int.test.ts", "client/e2e/**/*.test.ts"],
          globalSetup: ["test/globalSetup.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
