import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { decodeProperties, decodeValue, encodeProperties, encodeValue, ValueFormatError } from "./values.js";

const { Date: Neo4jDate, DateTime, Duration, LocalDateTime, LocalTime, Point, Time } = neo4j.types;

describe("encodeValue and decodeValue", () => {
  const samples: [string, unknown][] = [
    ["a string", "Florac-Trois-Rivières"],
    ["a boolean", true],
    ["a float", 2.5],
    ["a whole float", 3],
    ["a 64-bit integer", neo4j.int("9007199254740993")],
    ["a negative integer", neo4j.int(-42)],
    ["a date", new Neo4jDate(2019, 5, 2)],
    ["a date before year 1000", new Neo4jDate(812, 1, 9)],
    ["a local time", new LocalTime(9, 30, 5, 123456789)],
    ["a time with offset", new Time(9, 30, 0, 0, 7200)],
    ["a local date-time", new LocalDateTime(2024, 2, 29, 23, 59, 59, 1)],
    ["a date-time with offset", new DateTime(2024, 3, 31, 2, 30, 0, 5, 3600)],
    ["a date-time with zone", new DateTime(2024, 3, 31, 3, 30, 0, 0, 7200, "Europe/Paris")],
    ["a duration", new Duration(neo4j.int(14), neo4j.int(3), neo4j.int(14400), neo4j.int(7))],
    ["a 2D point", new Point(4326, 3.6, 44.3)],
    ["a 3D point", new Point(9157, 1, 2, 3)],
    ["a list of integers", [neo4j.int(1), neo4j.int(2)]],
    ["a list of strings", ["a", "b"]],
  ];

  it.each(samples)("gives back %s with its type through JSON", (_name, value) => {
    const decoded = decodeValue(JSON.parse(JSON.stringify(encodeValue(value))));
    expect(decoded).toEqual(value);
    expect(Object.getPrototypeOf(decoded)).toBe(Object.getPrototypeOf(value));
  });

  it("keeps an integer and a float of the same value apart", () => {
    expect(encodeValue(neo4j.int(3))).toEqual({ $int: "3" });
    expect(encodeValue(3)).toBe(3);
    expect(neo4j.isInt(decodeValue({ $int: "3" }))).toBe(true);
    expect(decodeValue(3)).toBe(3);
  });

  it("writes dates as ISO text", () => {
    expect(encodeValue(new Neo4jDate(2019, 5, 2))).toEqual({ $date: "2019-05-02" });
    expect(encodeValue(new Neo4jDate(-44, 3, 15))).toEqual({ $date: "-0044-03-15" });
    expect(decodeValue({ $date: "-0044-03-15" })).toEqual(new Neo4jDate(-44, 3, 15));
  });

  it("tags the floats JSON cannot hold", () => {
    for (const value of [Number.NaN, Infinity, -Infinity, -0]) {
      const decoded = decodeValue(JSON.parse(JSON.stringify(encodeValue(value))));
      expect(Object.is(decoded, value)).toBe(true);
    }
  });

  it("gives back byte arrays", () => {
    const bytes = new Uint8Array([0, 1, 254, 255]);
    expect(decodeValue(JSON.parse(JSON.stringify(encodeValue(bytes))))).toEqual(bytes);
  });

  it.each([
    ["an unknown tag", { $money: "3" }],
    ["two tags", { $int: "3", $date: "2019-01-01" }],
    ["a plain object", { name: "x" }],
    ["an integer that is not text", { $int: 3 }],
    ["a malformed date", { $date: "02/05/2019" }],
    ["a date-time without offset or zone", { $dateTime: { year: 2024, month: 1, day: 1, hour: 0, minute: 0, second: 0, nanosecond: 0, offsetSeconds: null, zoneId: null } }],
    ["null", null],
  ])("refuses %s", (_name, value) => {
    expect(() => decodeValue(value)).toThrow(ValueFormatError);
  });

  it("refuses what is not a property value", () => {
    expect(() => encodeValue({ nested: "map" })).toThrow(ValueFormatError);
    expect(() => encodeValue(null)).toThrow(ValueFormatError);
  });

  it("converts whole property maps", () => {
    const properties = { code: "48061", population: neo4j.int(1904), centroid: new Point(4326, 3.59, 44.32) };
    expect(decodeProperties(JSON.parse(JSON.stringify(encodeProperties(properties))))).toEqual(properties);
  });
});
