import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildSchema } from "../graphql/schema.js";
import { createApp } from "../http/app.js";
import { createLogger } from "../logger.js";
import { findFreePort } from "../neo4j/localNeo4j.js";
import { createQueryRunner, loadQueries } from "../neo4j/queries.js";
import { createAppAuth } from "./index.js";
import { derivePseudonymSecret } from "./secrets.js";
import { mintToken } from "./tokens.js";

const CEVENNES = "pays-cevennes";
const GORGES = "gorges-causses-cevennes";
const ISSUER = "https://id.example.test/realms/ars";
const AUDIENCE = "maillage";
const HS_SECRET = "jwks-test-hs256-secret-not-for-production-0123456789";

interface Signer {
  readonly alg: "RS256" | "ES256";
  readonly kid: string;
  readonly privateKey: CryptoKey;
}

interface Claims {
  role?: string;
  territories?: string[];
  iss?: string;
  aud?: string;
  /** null: the claim is left out. */
  exp?: number | null;
  iat?: number;
}

/** Signs like an identity provider would: kid in the header, issuer and audience in the claims. */
function sign(signer: Signer, claims: Claims = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const { role = "ANALYST", territories = [CEVENNES], iss = ISSUER, aud = AUDIENCE, exp = now + 600, iat = now - 5 } = claims;
  const jwt = new SignJWT({ role, territories })
    .setProtectedHeader({ alg: signer.alg, kid: signer.kid, typ: "JWT" })
    .setSubject(`someone-${signer.kid}`)
    .setIssuer(iss)
    .setAudience(aud)
    .setIssuedAt(iat);
  return (exp === null ? jwt : jwt.setExpirationTime(exp)).sign(signer.privateKey);
}

async function signer(alg: Signer["alg"], kid: string): Promise<{ signer: Signer; jwk: JWK }> {
  const { publicKey, privateKey } = await generateKeyPair(alg);
  const jwk = { ...(await exportJWK(publicKey)), kid, alg, use: "sig" };
  return { signer: { alg, kid, privateKey }, jwk };
}

/**
 * The app with tokens from an identity provider: a JWKS served on 127.0.0.1 by this test, with
 * JWT_ISSUER and JWT_AUDIENCE set, and an HS256 secret alongside.
 */
describe("tokens signed by the keys of a JWKS URL", () => {
  let jwksServer: Server;
  let appServer: Server;
  let stopApp: () => Promise<void>;
  let driver: Driver;
  let appUrl: string;
  let jwksRequests = 0;
  let rsa: Signer;
  let ec: Signer;
  let stranger: Signer;
  let impostor: Signer;

  beforeAll(async () => {
    const rsaKey = await signer("RS256", "rsa-2026");
    const ecKey = await signer("ES256", "ec-2026");
    rsa = rsaKey.signer;
    ec = ecKey.signer;
    // A key the provider does not publish, and one that claims a published kid.
    stranger = (await signer("RS256", "rsa-unpublished")).signer;
    impostor = (await signer("RS256", "rsa-2026")).signer;
    const body = JSON.stringify({ keys: [rsaKey.jwk, ecKey.jwk] });
    jwksServer = createServer((request, response) => {
      jwksRequests += 1;
      if (request.url !== "/.well-known/jwks.json") {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { "content-type": "application/json" }).end(body);
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve));
    const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`;

    driver = neo4j.driver(inject("neo4jUri"));
    const queries = createQueryRunner(driver, loadQueries());
    const auth = createAppAuth(
      { jwksUrl, issuer: ISSUER, audience: AUDIENCE, devLogin: false },
      { jwtSecret: HS_SECRET, pseudonymSecret: derivePseudonymSecret(HS_SECRET) },
      { database: undefined, demoTerritoryIds: [CEVENNES, GORGES] },
    );
    const app = await createApp({ schema: await buildSchema({ driver, queries }), queries, log: createLogger("error", { component: "jwks-test" }), auth });
    stopApp = app.stop;
    const port = await findFreePort();
    appServer = await new Promise<Server>((resolve) => {
      const listening = app.express.listen(port, "127.0.0.1", () => resolve(listening));
    });
    appUrl = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => (appServer ? appServer.close(() => resolve()) : resolve()));
    await stopApp?.();
    await new Promise<void>((resolve) => (jwksServer ? jwksServer.close(() => resolve()) : resolve()));
    await driver?.close();
  });

  async function ask(token: string, query: string): Promise<{ status: number; data?: unknown; code?: string | undefined }> {
    const response = await fetch(`${appUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    return { status: response.status, data: body.data, code: body.errors?.[0]?.extensions?.code };
  }

  const territories = "{ territories(sort: [{ id: ASC }]) { id } }";
  const names = "{ actors(limit: 1, sort: [{ id: ASC }]) { firstName } }";

  it("accepts an RS256 token with its role and territories", async () => {
    const token = await sign(rsa, { role: "ANALYST", territories: [CEVENNES] });
    expect(await ask(token, territories)).toEqual({ status: 200, data: { territories: [{ id: CEVENNES }] }, code: undefined });
    // An analyst, so names stay hidden.
    expect((await ask(token, names)).code).toBe("FORBIDDEN");
  });

  it("accepts an ES256 token with its role and territories", async () => {
    const token = await sign(ec, { role: "COORDINATOR", territories: [GORGES] });
    expect(await ask(token, territories)).toEqual({ status: 200, data: { territories: [{ id: GORGES }] }, code: undefined });
    // A coordinator reads names, of their own territory only.
    const result = await ask(token, names);
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ actors: [{ firstName: expect.any(String) }] });
  });

  it("still accepts HS256 tokens signed with JWT_SECRET alongside", async () => {
    const { token } = await mintToken(HS_SECRET, { subject: "local", role: "ADMIN", territories: [], expiresInSeconds: 600, issuer: ISSUER, audience: AUDIENCE });
    expect(await ask(token, territories)).toEqual({ status: 200, data: { territories: [{ id: GORGES }, { id: CEVENNES }] }, code: undefined });
  });

  it.each([
    ["an unknown kid", () => sign(stranger)],
    ["a wrong signature under a published kid", () => sign(impostor)],
    ["another issuer", () => sign(rsa, { iss: "https://id.example.test/realms/other" })],
    ["another audience", () => sign(ec, { aud: "another-app" })],
    ["an expired one", () => sign(rsa, { exp: Math.floor(Date.now() / 1000) - 120 })],
    ["one without exp", () => sign(rsa, { exp: null })],
    ["one valid until 2500", () => sign(ec, { exp: Date.UTC(2500, 0, 1) / 1000 })],
    ["one issued a year ahead", () => sign(rsa, { iat: Math.floor(Date.now() / 1000) + 365 * 24 * 3600, exp: Math.floor(Date.now() / 1000) + 366 * 24 * 3600 })],
    ['a COORDINATOR with territories ["*"]', () => sign(ec, { role: "COORDINATOR", territories: ["*"] })],
    ['an ANALYST with territories ["*"]', () => sign(rsa, { role: "ANALYST", territories: ["*"] })],
    ["an HS256 token of another issuer", async () => (await mintToken(HS_SECRET, { subject: "x", role: "ADMIN", territories: [], expiresInSeconds: 600, issuer: "https://elsewhere.test", audience: AUDIENCE })).token],
    ["an HS256 token without the audience", async () => (await mintToken(HS_SECRET, { subject: "x", role: "ADMIN", territories: [], expiresInSeconds: 600, issuer: ISSUER })).token],
  ])("refuses %s with 401 UNAUTHENTICATED", async (_case, token) => {
    const result = await ask(await token(), territories);
    expect(result).toEqual({ status: 401, data: undefined, code: "UNAUTHENTICATED" });
  });

  it("fetched the keys from the JWKS URL", () => {
    expect(jwksRequests).toBeGreaterThan(0);
  });
});
