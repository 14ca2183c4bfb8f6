import { useCallback, useState } from "react";
import type { DevLoginResult } from "../../api/auth";
import { setAuthToken } from "../../api/graphql";
import { clearSession, loadSession, saveSession, sessionFromLogin, type Session } from "./session";

/** Why the login screen is shown again: the user asked, or the server refused the token. */
export type SignedOutReason = "signedOut" | "expired";

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage can be disabled (privacy settings): the session then lives until the page reloads.
    return null;
  }
}

function restore(): Session | null {
  const store = storage();
  const session = store ? loadSession(store, new Date()) : null;
  setAuthToken(session?.token ?? null);
  return session;
}

/** The signed-in session, kept in sessionStorage, and the token every GraphQL request sends. */
export function useSession() {
  const [session, setSession] = useState<Session | null>(restore);
  const [reason, setReason] = useState<SignedOutReason | null>(null);

  const end = useCallback((why: SignedOutReason) => {
    const store = storage();
    if (store) clearSession(store);
    setAuthToken(null);
    setSession(null);
    setReason(why);
  }, []);

  const signIn = useCallback((result: DevLoginResult) => {
    const next = sessionFromLogin(result);
    const store = storage();
    if (store) saveSession(store, next);
    setAuthToken(next.token);
    setReason(null);
    setSession(next);
  }, []);

  const signOut = useCallback(() => end("signedOut"), [end]);
  const expire = useCallback(() => end("expired"), [end]);

  return { session, reason, signIn, signOut, expire };
}
