import { describe, expect, it } from "vitest";
import { calendarDate } from "./dateScalar.js";

describe("calendarDate", () => {
  it("reads real days written YYYY-MM-DD, leap days included", () => {
    expect(calendarDate("2023-01-01")?.toString()).toBe("2023-01-01");
    expect(calendarDate("2024-02-29")?.toString()).toBe("2024-02-29");
  });

  it.each(["2023-02-30", "2023-02-29", "2023-04-31", "2023-13-01", "2023-00-10", "2023-1-5", "2023-01-01T00:00:00Z", "31/12/2023", ""])(
    "refuses %j instead of rolling it over",
    (text) => {
      expect(calendarDate(text)).toBeUndefined();
    },
  );
});
