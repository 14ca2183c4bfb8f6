import { describe, expect, it } from "vitest";
import { PAGE_OPERATIONS } from "../../../server/src/graphql/pageOperations";
import { detailsQuery } from "./details";
import { GET_TERRITORY_CATALOG } from "./explorer";
import { GET_TERRITORIES } from "./network";
import { LIST_SAVED_VIEWS } from "./savedViews";

/** The same operation whatever the indentation. */
const words = (query: string) => query.replace(/\s+/g, " ").trim();

describe("the operations the server warms up at start", () => {
  it("are the page's own, word for word (a coordinator's: contact details asked)", () => {
    const page: Record<string, string> = {
      GetTerritories: GET_TERRITORIES,
      GetTerritoryCatalog: GET_TERRITORY_CATALOG,
      ListSavedViews: LIST_SAVED_VIEWS,
      GetOrganisationDetails: detailsQuery("ORGANISATION", true),
      GetWorkGroupDetails: detailsQuery("WORK_GROUP", true),
      GetCommuneDetails: detailsQuery("COMMUNE", true),
      GetActorDetails: detailsQuery("ACTOR", true),
    };
    expect(PAGE_OPERATIONS.map((operation) => operation.name)).toEqual(Object.keys(page));
    for (const operation of PAGE_OPERATIONS) expect(words(operation.query), operation.name).toBe(words(page[operation.name] ?? ""));
  });
});
