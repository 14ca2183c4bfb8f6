import { describe, expect, it } from "vitest";
import { clearSession, isExpired, loadSession, saveSession, TOKEN_KEY, type Session } from "./session";

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const session: Session = { token: "abc.def.ghi", expiresAt: "2030-01-01T00:00:00Z", role: "ANALYST", territories: ["t1"] };
const now = new Date("2029-06-01T00:00:00Z");

describe("session storage", () => {
  it("stores the token under maillage.token and reads the session back", () => {
    const storage = memoryStorage();
    saveSession(storage, session);
    expect(storage.items.get(TOKEN_KEY)).toBe("abc.def.ghi");
    expect(loadSession(storage, now)).toEqual(session);
  });

  it("forgets everything on sign-out", () => {
    const storage = memoryStorage();
    saveSession(storage, session);
    clearSession(storage);
    expect(storage.items.size).toBe(0);
    expect(loadSession(storage, now)).toBeNull();
  });

  it("returns no session once the token has expired", () => {
    const storage = memoryStorage();
    saveSession(storage, session);
    expect(isExpired(session, new Date("2030-01-01T00:00:01Z"))).toBe(true);
    expect(loadSession(storage, new Date("2030-02-01T00:00:00Z"))).toBeNull();
  });

  it("keeps an administrator's scope over every territory", () => {
    const storage = memoryStorage();
    saveSession(storage, { ...session, role: "ADMIN", territories: "ALL" });
    expect(loadSession(storage, now)).toMatchObject({ role: "ADMIN", territories: "ALL" });
  });

  it("ignores unreadable or tampered viewer data", () => {
    const storage = memoryStorage();
    storage.setItem(TOKEN_KEY, "x");
    storage.setItem("maillage.viewer", "{not json");
    expect(loadSession(storage, now)).toBeNull();
    storage.setItem("maillage.viewer", JSON.stringify({ expiresAt: "2030-01-01", role: "ROOT" }));
    expect(loadSession(storage, now)).toBeNull();
  });
});
