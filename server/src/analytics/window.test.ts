import { describe, expect, it } from "vitest";
import { AppError } from "../errors.js";
import { parseWindow, yearWindow } from "./window.js";

describe("parseWindow", () => {
  it("accepts open and closed windows", () => {
    expect(parseWindow(undefined)).toEqual({ from: null, to: null });
    expect(parseWindow({ from: "2019-06-27" })).toEqual({ from: "2019-06-27", to: null });
  });

  it("refuses impossible dates and reversed windows as BAD_USER_INPUT", () => {
    for (const bad of [{ from: "2019-02-30" }, { from: "2020-01-01", to: "2019-01-01" }, "2019"]) {
      expect(() => parseWindow(bad)).toThrow(AppError);
    }
  });
});

describe("yearWindow", () => {
  it("spans the calendar year", () => {
    expect(yearWindow(2023)).toEqual({ from: "2023-01-01", to: "2023-12-31" });
    expect(() => yearWindow(2023.5)).toThrow(AppError);
  });
});
