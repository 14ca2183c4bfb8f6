import { AppError } from "../errors.js";

/** What the app knows of its database right now, for /health, /ready and the fast "database down" answers. */
export interface DatabaseState {
  readonly up: boolean;
  /** Why it is down (English, for logs and the health answer); null when up. */
  readonly reason: string | null;
  /** When the state last changed (ms since the epoch). */
  readonly since: number;
}

/**
 * The database's availability, shared by the supervisor of the local Neo4j (which knows at once
 * when the JVM exits), the monitor that pings an external one, and every request: while it is
 * down, requests fail at once with DATABASE_UNAVAILABLE instead of waiting for driver time-outs.
 */
export class DatabaseStatus {
  private state: DatabaseState;

  constructor(private readonly now: () => number = Date.now) {
    this.state = { up: true, reason: null, since: now() };
  }

  get current(): DatabaseState {
    return this.state;
  }

  get isUp(): boolean {
    return this.state.up;
  }

  /** Records that the database is down; returns whether this changed the state. */
  markDown(reason: string): boolean {
    const changed = this.state.up || this.state.reason !== reason;
    if (changed) this.state = { up: false, reason, since: this.now() };
    return changed;
  }

  /** Records that the database answers again; returns whether this changed the state. */
  markUp(): boolean {
    if (this.state.up) return false;
    this.state = { up: true, reason: null, since: this.now() };
    return true;
  }

  /** Throws DATABASE_UNAVAILABLE while the database is known to be down. */
  assertUp(): void {
    if (!this.state.up) throw databaseUnavailable();
  }
}

/** The error every request gets while the database is down (the page tells it in French from the code). */
export function databaseUnavailable(): AppError {
  return new AppError("DATABASE_UNAVAILABLE", "The database is unavailable. Try again in a moment.");
}

/** Whether a driver error (or one of ours) means that the database could not be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof AppError) return error.code === "DATABASE_UNAVAILABLE";
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === "ServiceUnavailable" || code === "SessionExpired";
}
