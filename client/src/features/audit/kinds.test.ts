import { readFileSync } from "node:fs";
import { Kind, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { ENTITY_KINDS, OPERATIONS } from "../../api/editing";
import { fr } from "../../i18n/fr";

/** The values of an enum of the server's audit SDL, as the server sends them. */
function serverEnum(name: string): string[] {
  const sdl = readFileSync(new URL("../../../../server/src/graphql/schema/audit.graphql", import.meta.url), "utf8");
  const definition = parse(sdl).definitions.find((node) => node.kind === Kind.ENUM_TYPE_DEFINITION && node.name.value === name);
  if (definition?.kind !== Kind.ENUM_TYPE_DEFINITION) throw new Error(`${name} is not in audit.graphql`);
  return (definition.values ?? []).map((value) => value.name.value);
}

describe("the audit trail's kinds and operations", () => {
  it("knows every kind of record the server writes in the trail, and no other", () => {
    const kinds = serverEnum("AuditEntityKind");
    expect(kinds.length).toBeGreaterThan(0);
    expect([...ENTITY_KINDS].sort()).toEqual([...kinds].sort());
  });

  it("has a French label for every kind and operation of the server", () => {
    const labels: Readonly<Record<string, string>> = fr.audit.kinds;
    for (const kind of serverEnum("AuditEntityKind")) expect(labels[kind], kind).toMatch(/^\p{Lu}/u);
    const operations: Readonly<Record<string, string>> = fr.audit.operations;
    expect([...OPERATIONS].sort()).toEqual(serverEnum("AuditOperation").sort());
    for (const operation of serverEnum("AuditOperation")) expect(operations[operation], operation).toMatch(/^\p{Lu}/u);
  });
});
