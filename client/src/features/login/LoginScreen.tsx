import { useEffect, useState } from "react";
import { devLogin, fetchAuthConfig, ROLES, type DevLoginResult, type Role } from "../../api/auth";
import { ApiError, isAbortError } from "../../api/graphql";
import { fr } from "../../i18n/fr";
import type { SignedOutReason } from "./useSession";

interface LoginScreenProps {
  reason: SignedOutReason | null;
  onSignedIn: (result: DevLoginResult) => void;
}

/** Whether the server offers the development login: unknown until /auth/config answers. */
type Availability = "checking" | "enabled" | "disabled" | "unknown";

/** Development login: pick a role, the server returns a token for it. */
export function LoginScreen({ reason, onSignedIn }: LoginScreenProps) {
  const [availability, setAvailability] = useState<Availability>("checking");
  const [pending, setPending] = useState<Role | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchAuthConfig({ signal: controller.signal }).then(
      (config) => setAvailability(config.devLogin ? "enabled" : "disabled"),
      (failure: unknown) => {
        // Without the config endpoint the buttons stay usable: the login request says the rest.
        if (!isAbortError(failure)) setAvailability("unknown");
      },
    );
    return () => controller.abort();
  }, []);

  const signIn = async (role: Role) => {
    setPending(role);
    setError(null);
    try {
      onSignedIn(await devLogin(role));
    } catch (failure) {
      const missing = failure instanceof ApiError && (failure.kind === "invalid-response" || failure.code === "404");
      setError(missing ? fr.login.unavailable : fr.login.failed);
      setPending(null);
    }
  };

  const notice = reason === "expired" ? fr.login.expired : reason === "signedOut" ? fr.login.signedOut : null;

  return (
    <main className="login" data-testid="login-screen">
      <section className="login-card" aria-labelledby="login-title">
        <p className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{fr.app.name}</span>
        </p>
        <h1 id="login-title" className="login-title">
          {fr.login.title}
        </h1>
        {notice && (
          <p className={`login-notice${reason === "expired" ? " login-notice--warning" : ""}`} role="status">
            {notice}
          </p>
        )}
        <p className="login-intro">{fr.login.intro}</p>
        {availability === "disabled" ? (
          <p className="login-error" role="alert">
            {fr.login.disabled}
          </p>
        ) : (
          <ul className="login-roles">
            {ROLES.map((role) => (
              <li key={role}>
                <button type="button" className="login-role" data-role={role} disabled={pending !== null}
                  aria-busy={pending === role} onClick={() => void signIn(role)}>
                  <span className="login-role-name">{fr.login.roles[role].name}</span>
                  <span className="login-role-help">
                    {pending === role ? fr.login.signingIn : fr.login.roles[role].help}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {error && (
          <p className="login-error" role="alert">
            {error}
          </p>
        )}
      </section>
    </main>
  );
}
