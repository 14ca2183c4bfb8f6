import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { findPersonalDataUse, MAX_INSPECTED_DEPTH } from "./personalDataRule.js";

const use = (query: string, variables: Record<string, unknown> = {}): string | undefined => {
  const found = findPersonalDataUse(parse(query), variables);
  return found === undefined ? undefined : "field" in found ? found.field : "too deep";
};

/** `{ AND: [{ AND: [... { lastName: { startsWith: "M" } } ...] }] }`, `levels` deep. */
function nestedAnd(levels: number, leaf: Record<string, unknown>): Record<string, unknown> {
  let where = leaf;
  for (let level = 0; level < levels; level += 1) where = { AND: [where] };
  return where;
}

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

  it("finds them in variables nested 25 AND levels deep (the review's oracle)", () => {
    expect(use("query ($w: ActorWhere) { actors(where: $w) { id } }", { w: nestedAnd(25, { lastName: { startsWith: "M" } }) })).toBe("lastName");
  });

  it("refuses variables deeper than it inspects, with or without a personal field, without exhausting the stack", () => {
    const query = "query ($w: StructureWhere) { structures(where: $w) { id } }";
    expect(use(query, { w: nestedAnd(MAX_INSPECTED_DEPTH, { name: { eq: "x" } }) })).toBe("too deep");
    expect(use(query, { w: nestedAnd(20_000, { lastName: { eq: "x" } }) })).toBe("too deep");
    expect(use(query, { w: nestedAnd(MAX_INSPECTED_DEPTH / 2 - 1, { name: { eq: "x" } }) })).toBeUndefined();
  });

  it("lets everything else through", () => {
    expect(use("{ actors { id pseudonym displayName category profession } }")).toBeUndefined();
    expect(use('{ structures(where: { name: { contains: "Mais" } }) { id name } }', { unrelated: { phoneBook: 1 } })).toBeUndefined();
  });
});
