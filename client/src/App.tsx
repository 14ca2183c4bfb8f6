import { Explorer } from "./Explorer";
import { LoginScreen } from "./features/login/LoginScreen";
import { useSession } from "./features/login/useSession";

/** Signed out: the login screen. Signed in: the explorer, until the user leaves or the token expires. */
export function App() {
  const { session, reason, signIn, signOut, expire } = useSession();
  if (!session) return <LoginScreen reason={reason} onSignedIn={signIn} />;
  return <Explorer key={session.token} role={session.role} onSignOut={signOut} onSessionExpired={expire} />;
}
