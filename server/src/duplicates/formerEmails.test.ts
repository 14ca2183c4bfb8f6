import { describe, expect, it } from "vitest";
import { formerEmailsAfterMerge } from "./formerEmails.js";

describe("formerEmailsAfterMerge", () => {
  it("remembers the merged person's e-mail beside the kept one's", () => {
    expect(formerEmailsAfterMerge({ email: "lea.martin@exemple.test" }, { email: "l.martin@exemple.test" })).toEqual(["l.martin@exemple.test"]);
  });

  it("adds both people's former e-mails, once each whatever their case, sorted", () => {
    expect(
      formerEmailsAfterMerge(
        { email: "lea@exemple.test", formerEmails: ["zed@exemple.test", "old@exemple.test"] },
        { email: "Old@Exemple.test", formerEmails: ["LEA@exemple.test", "autre@exemple.test"] },
      ),
    ).toEqual(["autre@exemple.test", "old@exemple.test", "zed@exemple.test"]);
  });

  it("remembers nothing when the kept person had no e-mail (they take the merged one's) or both share one", () => {
    expect(formerEmailsAfterMerge({ email: null }, { email: "lea@exemple.test" })).toEqual([]);
    expect(formerEmailsAfterMerge({ email: "  " }, { email: "lea@exemple.test" })).toEqual([]);
    expect(formerEmailsAfterMerge({ email: "lea@exemple.test" }, { email: "LEA@exemple.test" })).toEqual([]);
    expect(formerEmailsAfterMerge({}, {})).toEqual([]);
  });
});
