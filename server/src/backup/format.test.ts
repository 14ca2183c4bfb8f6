import { describe, expect, it } from "vitest";
import { AppError } from "../errors.js";
import { parseBackup, serializeBackup, type BackupNode, type BackupRelationship } from "./format.js";

const nodes: BackupNode[] = [
  { node: 0, labels: ["Territory"], properties: { id: "t-1", name: "Territoire test" } },
  { node: 1, labels: ["Epci"], properties: { code: "200069151", population: { $int: "6908" } } },
];
const relationships: BackupRelationship[] = [{ relationship: "PART_OF", from: 1, to: 0, properties: {} }];
const fields = { maillageVersion: "0.1.0", territory: { id: "t-1", name: "Territoire test" }, exportedAt: "2025-01-01T00:00:00.000Z", relationshipsToOtherTerritories: 0 };
const file = serializeBackup(fields, nodes, relationships);

function reasonOf(text: string): unknown {
  try {
    parseBackup(text);
  } catch (error) {
    if (error instanceof AppError && error.code === "INVALID_BACKUP") return error.details.reason;
    throw error;
  }
  return "accepted";
}

describe("serializeBackup and parseBackup", () => {
  it("reads back what it wrote, with the header's counts", () => {
    const backup = parseBackup(file);
    expect(backup.nodes).toEqual(nodes);
    expect(backup.relationships).toEqual(relationships);
    expect(backup.header).toMatchObject({
      format: "maillage-territory-backup",
      formatVersion: 1,
      territory: { id: "t-1" },
      counts: { nodes: 2, relationships: 1, labels: { Epci: 1, Territory: 1 }, types: { PART_OF: 1 } },
    });
  });

  it("writes one header line, then one line per node and per relationship", () => {
    expect(file.split("\n")).toHaveLength(1 + 2 + 1 + 1);
    expect(file.endsWith("\n")).toBe(true);
  });

  it("refuses a file cut short, at any length", () => {
    for (let length = 1; length < file.length; length += 7) {
      expect(reasonOf(file.slice(0, length)), `cut at ${length}`).not.toBe("accepted");
    }
    expect(reasonOf(file.slice(0, file.length - 1))).toBe("TRUNCATED");
    expect(reasonOf(file.slice(0, file.lastIndexOf("{")))).toBe("TRUNCATED");
  });

  it("refuses an altered file", () => {
    expect(reasonOf(file.replace("200069151", "200069152"))).toBe("CORRUPTED");
  });

  it("refuses another format version", () => {
    expect(reasonOf(file.replace('"formatVersion":1', '"formatVersion":2'))).toBe("UNSUPPORTED_VERSION");
  });

  it("refuses what is not a backup", () => {
    expect(reasonOf("code;nom\n48061;Florac\n")).toBe("NOT_A_BACKUP");
    expect(reasonOf('{"format":"something-else"}\n')).toBe("NOT_A_BACKUP");
    expect(reasonOf("")).toBe("NOT_A_BACKUP");
  });

  it("refuses a header whose territory is not the one inside", () => {
    expect(reasonOf(file.replace('"territory":{"id":"t-1"', '"territory":{"id":"t-2"'))).toBe("MALFORMED");
  });

  it("refuses labels and types that are not plain names, even with a matching checksum", () => {
    const bad = serializeBackup(fields, [nodes[0] as BackupNode, { node: 1, labels: ["Epci`) DETACH DELETE (x"], properties: {} }], []);
    expect(reasonOf(bad)).toBe("MALFORMED");
    const badType = serializeBackup(fields, nodes, [{ relationship: "PART OF", from: 1, to: 0, properties: {} }]);
    expect(reasonOf(badType)).toBe("MALFORMED");
  });

  it("refuses relationships to nodes the file does not hold, and unknown value tags", () => {
    expect(reasonOf(serializeBackup(fields, nodes, [{ relationship: "PART_OF", from: 1, to: 2, properties: {} }]))).toBe("MALFORMED");
    const odd = serializeBackup(fields, [nodes[0] as BackupNode, { node: 1, labels: ["Epci"], properties: { population: { $money: "3" } as never } }], []);
    expect(reasonOf(odd)).toBe("MALFORMED");
  });
});
