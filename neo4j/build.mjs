// SPDX-License-Identifier: AGPL-3.0-or-later
// Builds the local Neo4j launcher (neo4j/target/maillage-neo4j.jar) unless it is already up to date.
// Run with `npm run build:neo4j`. Needs Java 17+; Maven is optional (the Maven Wrapper is used).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, accessSync, constants } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const jar = join(here, "target", "maillage-neo4j.jar");
const pom = join(here, "pom.xml");
const src = join(here, "src");
const isWindows = process.platform === "win32";

const JAVA_MESSAGE =
  "Maillage needs Java 17 or newer to run its local Neo4j. Install a JDK (e.g. apt-get install openjdk-17-jdk) " +
  "or set NEO4J_URI to use an existing Neo4j.";

function fail(message) {
  console.error(message);
  process.exit(1);
}

/** Returns the Java feature version (e.g. 17) reported by `java -version`, or null. */
function javaMajorVersion() {
  const result = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (result.error || result.status !== 0) return null;
  const output = `${result.stderr ?? ""}\n${result.stdout ?? ""}`;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return null;
  const first = Number(match[1]);
  // Java 8 and older report "1.8.0_x".
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

/** Latest modification time (ms) of any file under dir. */
function newestMtime(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function upToDate() {
  if (!existsSync(jar) || !existsSync(join(here, "target", "plugins"))) return false;
  const jarTime = statSync(jar).mtimeMs;
  return jarTime > statSync(pom).mtimeMs && jarTime > newestMtime(src);
}

function mavenCommand() {
  const wrapper = join(here, isWindows ? "mvnw.cmd" : "mvnw");
  if (existsSync(wrapper)) {
    try {
      if (!isWindows) accessSync(wrapper, constants.X_OK);
      return wrapper;
    } catch {
      // Not executable (e.g. checked out without the exec bit): fall back to Maven on PATH.
    }
  }
  return "mvn";
}

function runMaven(command) {
  console.error(`Building the local Neo4j launcher with ${command === "mvn" ? "mvn" : "the Maven Wrapper"}...`);
  return spawnSync(command, ["-q", "-B", "package", "-DskipTests"], {
    cwd: here,
    stdio: "inherit",
    shell: isWindows,
  });
}

const major = javaMajorVersion();
if (major === null || major < 17) {
  if (major !== null) console.error(`Found Java ${major}.`);
  fail(JAVA_MESSAGE);
}

if (upToDate()) {
  console.error("Local Neo4j launcher is up to date (neo4j/target/maillage-neo4j.jar).");
  process.exit(0);
}

const first = mavenCommand();
let result = runMaven(first);
if (first !== "mvn" && (result.error || result.status !== 0)) {
  console.error("The Maven Wrapper failed; trying mvn from PATH.");
  result = runMaven("mvn");
}
if (result.error) {
  fail(`Could not run Maven: ${result.error.message}. Install Maven or make neo4j/mvnw executable.`);
}
if (result.status !== 0) {
  fail(`Building the local Neo4j launcher failed (exit code ${result.status ?? "signal " + result.signal}).`);
}
if (!existsSync(jar)) {
  fail(`The build finished but ${jar} is missing.`);
}
console.error("Built neo4j/target/maillage-neo4j.jar.");
