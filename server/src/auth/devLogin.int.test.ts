import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { realTerritoryCheck } from "../http/app.js";
import { createQueryRunner, loadQueries } from "../neo4j/queries.js";
import { devLoginRouter } from "./devLogin.js";

const REAL = `dev-login-real-territory-${process.pid}`;

/**
 * The development login against the database: a territory that is not demo data turns it off at
 * the next call (the shared test app forces it on, so this one has its own router).
 */
describe("the development login over a database holding a real territory", () => {
  let driver: Driver;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    driver = neo4j.driver(inject("neo4jUri"));
    const queries = createQueryRunner(driver, loadQueries());
    const app = express().use(
      devLoginRouter(
        { enabled: true, forced: false, jwtSecret: "dev-login-int-test-secret-0123456789abcdef", defaultTerritories: ["pays-cevennes"] },
        realTerritoryCheck(queries),
      ),
    );
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await driver.executeQuery("CREATE (:Territory {id: $id, name: 'Territoire réel (test)', isDemo: false})", { id: REAL });
  });

  afterAll(async () => {
    await driver?.executeQuery("MATCH (t:Territory {id: $id}) DETACH DELETE t", { id: REAL });
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await driver?.close();
  });

  it("sees the real territory and refuses to log anyone in", async () => {
    expect(await (await fetch(`${base}/auth/config`)).json()).toEqual({ devLogin: false });
    const response = await fetch(`${base}/auth/dev-login`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"role":"ADMIN"}' });
    expect(response.status).toBe(404);
  });
});
