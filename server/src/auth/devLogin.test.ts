import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { devLoginRouter, type DevLoginSettings, type RealTerritoryCheck } from "./devLogin.js";
import { createTokenVerifier } from "./tokens.js";

const SECRET = "dev-login-unit-test-secret-0123456789abcdef";
const DEMO = ["pays-cevennes", "gorges-causses-cevennes"];
const settings = (overrides: Partial<DevLoginSettings> = {}): DevLoginSettings => ({
  enabled: true,
  forced: false,
  jwtSecret: SECRET,
  defaultTerritories: DEMO,
  ...overrides,
});
const verify = createTokenVerifier({ jwtSecret: SECRET, jwksUrl: undefined, issuer: undefined, audience: undefined });

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** The router alone on a free port; `realTerritoryExists` stands for the database's answer. */
async function serve(options: DevLoginSettings, realTerritoryExists: RealTerritoryCheck): Promise<string> {
  const app = express().use(devLoginRouter(options, realTerritoryExists));
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function login(base: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${base}/auth/dev-login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const config = async (base: string): Promise<unknown> => (await fetch(`${base}/auth/config`)).json();

describe("the development login", () => {
  it("is on while the database holds demo territories only", async () => {
    const base = await serve(settings(), async () => false);
    expect(await config(base)).toEqual({ devLogin: true });
    expect((await login(base, { role: "ANALYST" })).status).toBe(200);
  });

  it("stops as soon as a territory that is not demo data exists, checked at each call", async () => {
    let real = false;
    const base = await serve(settings(), async () => real);
    expect((await login(base, { role: "ADMIN" })).status).toBe(200);
    real = true;
    expect(await config(base)).toEqual({ devLogin: false });
    expect(await login(base, { role: "ADMIN" })).toEqual({ status: 404, body: { error: { code: "NOT_FOUND", message: "The development login is disabled." } } });
  });

  it("stays off when the check fails (the database cannot say)", async () => {
    const base = await serve(settings(), async () => {
      throw new Error("database down");
    });
    expect(await config(base)).toEqual({ devLogin: false });
    expect((await login(base, { role: "ADMIN" })).status).toBe(404);
  });

  it("stays off when disabled, whatever the data", async () => {
    const base = await serve(settings({ enabled: false }), async () => false);
    expect(await config(base)).toEqual({ devLogin: false });
    expect((await login(base, { role: "ANALYST" })).status).toBe(404);
  });

  it("runs over real territories only when forced", async () => {
    const base = await serve(settings({ forced: true }), async () => true);
    expect(await config(base)).toEqual({ devLogin: true });
    expect((await login(base, { role: "COORDINATOR" })).status).toBe(200);
  });

  it("gives a non-admin the territories asked, the demo ones when none is asked, and never every territory", async () => {
    const base = await serve(settings(), async () => false);
    const asked = await login(base, { role: "COORDINATOR", territories: ["pays-cevennes"] });
    expect((await verify(String(asked.body.token))).viewer.territories).toEqual(["pays-cevennes"]);
    const byDefault = await login(base, { role: "ANALYST" });
    expect((await verify(String(byDefault.body.token))).viewer.territories).toEqual(DEMO);
    for (const role of ["COORDINATOR", "ANALYST"]) {
      expect(await login(base, { role, territories: ["*"] })).toEqual({
        status: 400,
        body: { error: { code: "BAD_USER_INPUT", message: 'territories may not hold "*": only ADMIN sees every territory' } },
      });
      expect((await login(base, { role, territories: ["pays-cevennes", "*"] })).status).toBe(400);
    }
    const admin = await login(base, { role: "ADMIN" });
    expect((await verify(String(admin.body.token))).viewer.territories).toBe("ALL");
  });
});
