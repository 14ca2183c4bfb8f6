import neo4j, { type Driver } from "neo4j-driver";

export interface DriverTarget {
  readonly uri: string;
  readonly username?: string;
  readonly password?: string;
}

/** Opens a driver and waits until the server answers, so callers fail fast on a wrong URI or password. */
export async function connectDriver(target: DriverTarget): Promise<Driver> {
  const auth =
    target.password === undefined ? neo4j.auth.basic("neo4j", "") : neo4j.auth.basic(target.username ?? "neo4j", target.password);
  const driver = neo4j.driver(target.uri, auth, {
    disableLosslessIntegers: false,
    maxConnectionPoolSize: 50,
    // Waiting for a free connection under load is fine; waiting for a server that does not answer is not.
    connectionAcquisitionTimeout: 20_000,
    connectionTimeout: 2_000,
    // Transient errors (a cluster electing a leader, a deadlock) are retried this long by executeRead/executeWrite.
    maxTransactionRetryTime: 10_000,
  });
  try {
    await driver.getServerInfo();
  } catch (error) {
    await driver.close();
    throw error;
  }
  return driver;
}
