/**
 * Runs before the app (index.html loads it first): with a stored session, the territories list is
 * asked for at once, while React renders the page for the first time, and the first network as soon
 * as the list answers (see explorer/firstNetwork.ts).
 */
import { startEarlyTerritories } from "./api/earlyStart";
import { loadSession } from "./features/login/session";
import { viewFromAddress } from "./features/views/address";
import { startFirstNetwork } from "./explorer/firstNetwork";

const session = loadSession(window.sessionStorage, new Date());
if (session) {
  const territories = startEarlyTerritories(session.token);
  const address = viewFromAddress(window.location.search);
  // A saved view sets its own period and filters: the page asks for its network itself.
  if (address.savedViewId === null) {
    territories.then((list) => startFirstNetwork(session.token, address, list)).catch(() => undefined);
  }
}
