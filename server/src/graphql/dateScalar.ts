/**
 * A strict `Date` scalar. @neo4j/graphql's reads its input with `new Date(text)`, which rolls
 * impossible dates over (`2023-02-30` became 2023-03-02), accepts other shapes (`2023-1-5`, times)
 * and converts through the server's local time zone. Here a date is `YYYY-MM-DD` and a real calendar
 * day, or the request is refused with BAD_USER_INPUT (an AppError, which formatError finds below
 * graphql-js's wrapping, for variables and literals alike).
 */
import { Kind, type GraphQLSchema, type ValueNode } from "graphql";
import neo4j, { type Date as Neo4jDate } from "neo4j-driver";
import { AppError } from "../errors.js";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The driver date of a `YYYY-MM-DD` string naming a real day; undefined otherwise. */
export function calendarDate(text: string): Neo4jDate<number> | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return new neo4j.types.Date(year, month, day);
}

function refuse(shown: string): AppError {
  return new AppError("BAD_USER_INPUT", `A Date must be a calendar day written YYYY-MM-DD (got ${shown}).`);
}

function parseValue(value: unknown): unknown {
  if (neo4j.isDate(value)) return value;
  if (typeof value !== "string") throw refuse(typeof value);
  const date = calendarDate(value);
  if (date === undefined) throw refuse(JSON.stringify(value.slice(0, 40)));
  return date;
}

function parseLiteral(ast: ValueNode): unknown {
  if (ast.kind !== Kind.STRING) throw refuse(`a ${ast.kind.toLowerCase()}`);
  return parseValue(ast.value);
}

/** Makes the schema's `Date` scalar strict (in place; the scalar object is shared by every schema built). */
export function useStrictDates(schema: GraphQLSchema): void {
  const scalar = schema.getType("Date");
  if (scalar === undefined || scalar === null || !("parseLiteral" in scalar)) throw new Error("The schema has no Date scalar to make strict.");
  Object.assign(scalar, { parseValue, parseLiteral });
}
