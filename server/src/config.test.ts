import { describe, expect, it } from "vitest";
import path from "node:path";
import { ConfigError, DEFAULT_GEO_SOURCE, loadConfig, OFFICIAL_GEO_API, repoRoot } from "./config.js";

describe("loadConfig", () => {
  it("starts a local Neo4j on port 7687 and serves on 4000 when nothing is set", () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.neo4j).toMatchObject({ mode: "local", boltPort: 7687 });
    expect(config.geoSource).toBe(DEFAULT_GEO_SOURCE);
    expect(DEFAULT_GEO_SOURCE).toEqual([OFFICIAL_GEO_API, path.resolve(repoRoot, "seed/data/geo")]);
    expect(config.seedOnStart).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("reads contours only from GEO_SOURCE when it is set, with no fallback", () => {
    expect(loadConfig({ GEO_SOURCE: "/srv/geo/communes.geojson" }).geoSource).toBe("/srv/geo/communes.geojson");
    expect(loadConfig({ GEO_SOURCE: "none" }).geoSource).toBe("none");
  });

  it("uses an external Neo4j when NEO4J_URI is set", () => {
    const config = loadConfig({
      NEO4J_URI: "neo4j+s://abc.databases.neo4j.io",
      NEO4J_PASSWORD: "secret",
      JWT_SECRET: "a-test-secret-of-at-least-thirty-two-characters",
    });
    expect(config.neo4j).toEqual({
      mode: "external",
      uri: "neo4j+s://abc.databases.neo4j.io",
      username: "neo4j",
      password: "secret",
    });
  });

  it("reports every problem at once", () => {
    try {
      loadConfig({ PORT: "80000", NEO4J_URI: "http://x", LOG_LEVEL: "loud", SEED_ON_START: "maybe" });
      expect.unreachable("loadConfig should have thrown");
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join("\n");
      expect(problems).toMatch(/PORT must be a TCP port/);
      expect(problems).toMatch(/NEO4J_URI must look like/);
      expect(problems).toMatch(/NEO4J_PASSWORD is required/);
      expect(problems).toMatch(/LOG_LEVEL/);
      expect(problems).toMatch(/SEED_ON_START/);
      expect(problems).toMatch(/JWT_SECRET is required when NEO4J_URI is set/);
    }
  });

  it("keeps a generated JWT secret beside the local data directory and enables the development login", () => {
    const config = loadConfig({ NEO4J_DATA_DIR: "/tmp/maillage/neo4j" });
    expect(config.auth).toMatchObject({ jwtSecret: undefined, secretFile: "/tmp/maillage/jwt-secret", devLogin: true });
  });

  it("turns the development login off by default with an external Neo4j or a host others reach", () => {
    const external = { NEO4J_URI: "bolt://db.example:7687", NEO4J_PASSWORD: "p", JWT_SECRET: "x".repeat(32) };
    expect(loadConfig(external).auth).toMatchObject({ devLogin: false, devLoginForced: false, devLoginOffReasons: ["NEO4J_URI is set"] });
    expect(loadConfig({ HOST: "0.0.0.0" }).auth).toMatchObject({ devLogin: false, devLoginOffReasons: ["HOST 0.0.0.0 is not a loopback address"] });
    expect(loadConfig({ HOST: "192.168.1.20", AUTH_DEV_LOGIN: "true" }).auth.devLogin).toBe(false);
    for (const loopback of ["127.0.0.1", "127.0.1.1", "localhost", "::1", "[::1]"]) {
      expect(loadConfig({ HOST: loopback }).auth).toMatchObject({ devLogin: true, devLoginOffReasons: [] });
    }
    expect(loadConfig({ AUTH_DEV_LOGIN: "false" }).auth).toMatchObject({ devLogin: false, devLoginOffReasons: ["AUTH_DEV_LOGIN=false"] });
  });

  it("forces the development login on only when AUTH_DEV_LOGIN=force", () => {
    const external = { NEO4J_URI: "bolt://db.example:7687", NEO4J_PASSWORD: "p", JWT_SECRET: "x".repeat(32), HOST: "0.0.0.0" };
    expect(loadConfig({ ...external, AUTH_DEV_LOGIN: "force" }).auth).toMatchObject({ devLogin: true, devLoginForced: true });
    expect(() => loadConfig({ AUTH_DEV_LOGIN: "always" })).toThrow(/AUTH_DEV_LOGIN must be auto, false or force/);
  });

  it("refuses a short JWT secret and reads the token settings", () => {
    expect(() => loadConfig({ JWT_SECRET: "short" })).toThrow(/at least 32 characters/);
    const config = loadConfig({
      JWT_SECRET: "x".repeat(32),
      JWT_JWKS_URL: "https://id.example/jwks.json",
      JWT_ISSUER: "https://id.example",
      JWT_AUDIENCE: "maillage",
      AUTH_DEV_LOGIN: "false",
      JWT_MAX_LIFETIME_DAYS: "7",
    });
    expect(config.auth).toMatchObject({ jwksUrl: "https://id.example/jwks.json", issuer: "https://id.example", audience: "maillage", devLogin: false, maxTokenLifetimeDays: 7 });
    expect(loadConfig({}).auth.maxTokenLifetimeDays).toBe(30);
    expect(() => loadConfig({ JWT_MAX_LIFETIME_DAYS: "0" })).toThrow(/JWT_MAX_LIFETIME_DAYS must be a positive integer/);
  });
});
