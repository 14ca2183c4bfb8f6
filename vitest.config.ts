import { defineConfig } from "vitest/config";

/**
 * Two tiers, visible in file names: `*.test.ts` are unit tests (no database), `*.int.test.ts` and
 * `client/e2e/*.test.ts` run against a real Neo4j and the app, started once by test/globalSetup.ts.
 * `npx vitest run --project unit` runs the fast tier alone.
 */
export default defineConfig({
  test: {
    environment: "node",
    projects: [
      {
        test: {
          name: "unit",
          include: ["server/src/**/*.test.ts", "seed/src/**/*.test.ts", "client/src/**/*.test.ts", "bench/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
        },
      },
      {
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
