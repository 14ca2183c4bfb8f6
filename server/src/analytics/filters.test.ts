import { describe, expect, it } from "vitest";
import { AppError } from "../errors.js";
import { NO_FILTER, parseFilter } from "./filters.js";

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof AppError ? `${error.code} ${JSON.stringify(error.details)}` : String(error);
  }
};

describe("parseFilter", () => {
  it("counts every participation and attendance without roles", () => {
    expect(parseFilter(undefined)).toBe(NO_FILTER);
    expect(parseFilter({}).roles).toBeNull();
    expect(parseFilter({ roles: [] }).roles).toBeNull();
  });

  it("keeps participation roles sorted and once each, so equal filters share a cache key", () => {
    expect(parseFilter({ roles: ["PILOT", "CO_PILOT", "PILOT"] })).toEqual({ ...NO_FILTER, roles: ["CO_PILOT", "PILOT"] });
    expect(JSON.stringify(parseFilter({ roles: ["PILOT", "CO_PILOT"] }))).toBe(JSON.stringify(parseFilter({ roles: ["CO_PILOT", "PILOT"] })));
  });

  it("refuses a role that is not a participation role with BAD_USER_INPUT", () => {
    expect(codeOf(() => parseFilter({ roles: ["CHAIR"] }))).toBe('BAD_USER_INPUT {"argument":"filter.roles"}');
    expect(codeOf(() => parseFilter({ roles: "PILOT" }))).toBe('BAD_USER_INPUT {"argument":"filter.roles"}');
  });
});
