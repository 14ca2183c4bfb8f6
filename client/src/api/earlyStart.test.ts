import { afterEach, describe, expect, it, vi } from "vitest";
import { offerEarlyNetwork, startEarlyTerritories, takeEarlyNetwork, takeEarlyTerritories } from "./earlyStart";
import type { Network } from "./network";

const territory = { id: "pays-cevennes", name: "Pays Cévennes", isDemo: true, contracts: [], epcis: [] };

function answering(body: unknown): { calls: { authorization: string | null }[] } {
  const calls: { authorization: string | null }[] = [];
  vi.stubGlobal("fetch", async (_url: string, init: RequestInit) => {
    calls.push({ authorization: new Headers(init.headers).get("authorization") });
    return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
  });
  return { calls };
}

afterEach(() => {
  vi.unstubAllGlobals();
  takeEarlyTerritories(null);
});

describe("early territories request", () => {
  it("is asked with the stored session's token and handed once to the page signed in with it", async () => {
    const { calls } = answering({ data: { territories: [territory] } });
    startEarlyTerritories("token-1");
    expect(calls).toEqual([{ authorization: "Bearer token-1" }]);
    const early = takeEarlyTerritories("token-1");
    expect(early).not.toBeNull();
    expect((await early)?.map((t) => t.id)).toEqual(["pays-cevennes"]);
    expect(takeEarlyTerritories("token-1")).toBeNull();
  });

  it("is not used for another session, nor reported when nobody takes its failure", async () => {
    answering({ errors: [{ message: "no", extensions: { code: "UNAUTHENTICATED" } }] });
    startEarlyTerritories("old-token");
    expect(takeEarlyTerritories("new-token")).toBeNull();
    startEarlyTerritories("old-token");
    await expect(takeEarlyTerritories("old-token")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("early first network", () => {
  const network: Network = { nodes: [], ties: [] } as unknown as Network;
  /** Offers the network for token-1 and key-1; returns how many times it was asked for. */
  const offer = (): number => {
    let asked = 0;
    offerEarlyNetwork("token-1", "key-1", async () => {
      asked += 1;
      return network;
    });
    return asked;
  };

  it("is handed once to the page's request with the same key and token", async () => {
    answering({ data: { territories: [territory] } });
    startEarlyTerritories("token-1");
    expect(offer()).toBe(1);
    expect(takeEarlyNetwork("token-1", "key-2")).toBeNull();
    startEarlyTerritories("token-1");
    offer();
    expect(takeEarlyNetwork("token-2", "key-1")).toBeNull();
    startEarlyTerritories("token-1");
    offer();
    await expect(takeEarlyNetwork("token-1", "key-1")).resolves.toBe(network);
    expect(takeEarlyNetwork("token-1", "key-1")).toBeNull();
  });

  it("is not asked for once the page has asked for its own", () => {
    answering({ data: { territories: [territory] } });
    startEarlyTerritories("token-1");
    expect(takeEarlyNetwork("token-1", "key-1")).toBeNull();
    expect(offer()).toBe(0);
    expect(takeEarlyNetwork("token-1", "key-1")).toBeNull();
  });
});
