import { useEffect, useState } from "react";
import { fetchAuthConfig } from "../../api/auth";
import { fr } from "../../i18n/fr";

/**
 * A small warning in the header while the server offers the development login (`/auth/config`):
 * anyone reaching the app can then sign in with any role.
 */
export function DevLoginBanner() {
  const [isOn, setOn] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    fetchAuthConfig({ signal: controller.signal }).then(
      (config) => setOn(config.devLogin),
      () => setOn(false),
    );
    return () => controller.abort();
  }, []);
  if (!isOn) return null;
  return (
    <p className="dev-login-banner" role="note" title={fr.login.devBannerTitle} data-testid="dev-login-banner">
      {fr.login.devBanner}
    </p>
  );
}
