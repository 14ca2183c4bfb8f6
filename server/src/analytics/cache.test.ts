import { describe, expect, it } from "vitest";
import { TtlCache } from "./cache.js";

describe("TtlCache", () => {
  it("computes once within the time to live, again after it or after invalidate()", async () => {
    let now = 0;
    let computed = 0;
    const cache = new TtlCache<number>(1000, 10, () => now);
    const compute = async (): Promise<number> => ++computed;
    expect(await cache.get("t|x", compute)).toBe(1);
    expect(await cache.get("t|x", compute)).toBe(1);
    now = 1500;
    expect(await cache.get("t|x", compute)).toBe(2);
    cache.invalidate("t|");
    expect(await cache.get("t|x", compute)).toBe(3);
  });

  it("evicts the oldest entry past its size and never keeps a failure", async () => {
    const cache = new TtlCache<number>(1000, 1);
    await cache.get("a", async () => 1);
    await cache.get("b", async () => 2);
    expect(cache.size).toBe(1);
    await expect(cache.get("c", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await Promise.resolve();
    expect(await cache.get("c", async () => 3)).toBe(3);
  });

  it("keeps a pinned entry past its time to live and past the size bound, until invalidate()", async () => {
    let now = 0;
    let computed = 0;
    const cache = new TtlCache<number>(1000, 1, () => now);
    const compute = async (): Promise<number> => ++computed;
    expect(await cache.get("t|page", compute, { pin: true })).toBe(1);
    await cache.get("t|other", async () => 10);
    await cache.get("t|another", async () => 20);
    now = 5000;
    expect(await cache.get("t|page", compute)).toBe(1);
    expect(cache.size).toBe(2);
    cache.invalidate("t|");
    expect(await cache.get("t|page", compute)).toBe(2);
    now = 7000;
    expect(await cache.get("t|page", compute)).toBe(3);
  });

  it("pins an entry already there when asked to", async () => {
    let now = 0;
    const cache = new TtlCache<number>(1000, 10, () => now);
    await cache.get("k", async () => 1);
    await cache.get("k", async () => 2, { pin: true });
    now = 5000;
    expect(await cache.get("k", async () => 3)).toBe(1);
  });

  it("computes again when asked with another version, even a pinned entry", async () => {
    let computed = 0;
    const cache = new TtlCache<number>(1000, 10);
    const compute = async (): Promise<number> => ++computed;
    expect(await cache.get("k", compute, { version: "a", pin: true })).toBe(1);
    expect(await cache.get("k", compute, { version: "a" })).toBe(1);
    expect(await cache.get("k", compute, { version: "b" })).toBe(2);
    expect(await cache.get("k", compute, { version: "b" })).toBe(2);
  });

  it("evicts the least recently used entry, by count and by weight", async () => {
    const byCount = new TtlCache<number>(1000, 2);
    await byCount.get("a", async () => 1);
    await byCount.get("b", async () => 2);
    await byCount.get("a", async () => 99);
    await byCount.get("c", async () => 3);
    expect(byCount.has("a")).toBe(true);
    expect(byCount.has("b")).toBe(false);

    const byWeight = new TtlCache<number>(1000, 100, Date.now, { weigh: (value) => value, maxWeight: 10 });
    await byWeight.get("four", async () => 4);
    await byWeight.get("five", async () => 5);
    await byWeight.get("four", async () => 0);
    await byWeight.get("three", async () => 3);
    await Promise.resolve();
    expect(byWeight.has("five")).toBe(false);
    expect(byWeight.has("four") && byWeight.has("three")).toBe(true);
    expect(byWeight.weight).toBe(7);
  });

  it("unpins: a pinned entry becomes an ordinary one, evicted for room; pinnedWeight counts the pinned ones", async () => {
    const cache = new TtlCache<number>(1000, 2, Date.now, { weigh: (value) => value });
    await cache.get("a", async () => 4, { pin: true });
    await cache.get("b", async () => 5, { pin: true });
    await Promise.resolve();
    expect(cache.pinnedWeight).toBe(9);
    cache.unpin();
    expect(cache.pinnedWeight).toBe(0);
    await cache.get("b", async () => 0, { pin: true });
    await cache.get("c", async () => 1);
    await Promise.resolve();
    expect(cache.has("a")).toBe(false);
    expect(cache.has("b") && cache.has("c")).toBe(true);
    expect(cache.pinnedWeight).toBe(5);
  });
});
