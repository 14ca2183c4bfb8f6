import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { findPersonalDataUse } from "./personalDataRule.js";

const use = (query: string, variables: Record<string, unknown> = {}): string | undefined => findPersonalDataUse(parse(query), variables);

describe("findPersonalDataUse", () => {
  it("finds personal fields selected at any depth, through fragments and aliases", () => {
    expect(use("{ structures { members { id email } } }")).toBe("email");
    expect(use("{ actors { ...A } } fragment A on Actor { name: lastName }")).toBe("lastName");
    expect(use("{ structures { membersConnection { edges { node { phone } } } } }")).toBe("phone");
  });

  it("finds them in filters, sorting and aggregations, inline or in variables", () => {
    expect(use('{ actors(where: { lastName: { eq: "X" } }) { id } }')).toBe("lastName");
    expect(use("{ actors(sort: [{ firstName: ASC }]) { id } }")).toBe("firstName");
    expect(use("{ actorsConnection { aggregate { node { lastName { shortest } } } } }")).toBe("lastName");
    expect(use("query ($w: ActorWhere) { actors(where: $w) { id } }", { w: { OR: [{ email: { contains: "@" } }] } })).toBe("email");
    expect(use('{ actors(where: { lastName_CONTAINS: "X" }) { id } }')).toBe("lastName_CONTAINS");
  });

  it("lets everything else through", () => {
    expect(use("{ actors { id pseudonym displayName category profession } }")).toBeUndefined();
    expect(use('{ structures(where: { name: { contains: "Mais" } }) { id name } }', { unrelated: { phoneBook: 1 } })).toBeUndefined();
  });
});
