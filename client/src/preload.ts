/**
 * Runs before the app (index.html loads it first): with a stored session, the territories list is
 * asked for at once, while the browser is still loading and compiling React and Cytoscape.
 */
import { startEarlyTerritories } from "./api/earlyStart";
import { loadSession } from "./features/login/session";

const session = loadSession(window.sessionStorage, new Date());
if (session) startEarlyTerritories(session.token);
