import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_GEO_SOURCE, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("starts a local Neo4j on port 7687 and serves on 4000 when nothing is set", () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.neo4j).toMatchObject({ mode: "local", boltPort: 7687 });
    expect(config.geoSource).toBe(DEFAULT_GEO_SOURCE);
    expect(config.seedOnStart).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("uses an external Neo4j when NEO4J_URI is set", () => {
    const config = loadConfig({ NEO4J_URI: "neo4j+s://abc.databases.neo4j.io", NEO4J_PASSWORD: "secret" });
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
    }
  });
});
