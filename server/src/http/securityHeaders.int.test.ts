/**
 * Security headers on the test app: the page, GraphiQL, /graphql and a backup download. Needs the
 * client built (`npm run build:client`) for the page and GraphiQL.
 */
import { describe, expect, inject, it } from "vitest";
import { ADMIN, tokenFor } from "../../../test/graphql.js";

const get = async (path: string, init: RequestInit = {}): Promise<Response> => fetch(`${inject("appUrl")}${path}`, init);

/** The policy's directives by name. */
function policy(response: Response): Map<string, string[]> {
  const header = response.headers.get("content-security-policy") ?? "";
  return new Map(
    header
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0] !== "")
      .map(([name = "", ...values]) => [name, values]),
  );
}

function expectStrictHeaders(response: Response): void {
  const directives = policy(response);
  expect(directives.get("default-src")).toEqual(["'self'"]);
  expect(directives.get("script-src")).toEqual(["'self'"]);
  expect(directives.get("script-src-attr")).toEqual(["'none'"]);
  expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
  expect(directives.get("object-src")).toEqual(["'none'"]);
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("referrer-policy")).toBe("no-referrer");
  expect(response.headers.get("x-frame-options")).toBe("DENY");
}

describe("security headers", () => {
  it("protect the page, which itself holds no inline script", async () => {
    const response = await get("/");
    expect(response.status).toBe(200);
    expectStrictHeaders(response);
    const html = await response.text();
    // Every script of the built page is a file of this origin: the policy lets none inline run.
    expect(html.match(/<script\b[^>]*>/g)?.every((tag) => /\bsrc="\/[^"]+"/.test(tag))).toBe(true);
    expect(html).not.toMatch(/<script\b[^>]*>[^<\s]/);
  });

  it("protect GraphiQL", async () => {
    const response = await get("/graphiql");
    expect(response.status).toBe(200);
    expectStrictHeaders(response);
  });

  it("keep /graphql answers out of every cache", async () => {
    const response = await get("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await tokenFor(ADMIN)}` },
      body: JSON.stringify({ query: "{ territories { id } }" }),
    });
    expect(response.status).toBe(200);
    expectStrictHeaders(response);
    expect(response.headers.get("cache-control")).toBe("no-store");
    // Refusals too.
    expect((await get("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).headers.get("cache-control")).toBe("no-store");
  });

  it("keep a backup download and a development token out of every cache", async () => {
    const backup = await get("/api/backups/pays-cevennes", { headers: { authorization: `Bearer ${await tokenFor(ADMIN)}` } });
    expect(backup.status).toBe(200);
    expect(backup.headers.get("cache-control")).toBe("no-store");
    expectStrictHeaders(backup);
    await backup.arrayBuffer();
    const login = await get("/auth/dev-login", { method: "POST", headers: { "content-type": "application/json" }, body: '{"role":"ANALYST"}' });
    expect(login.headers.get("cache-control")).toBe("no-store");
  });

  it("let the page's static files be cached", async () => {
    const html = await (await get("/")).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const response = await get(asset!);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).not.toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
