/**
 * What the explorer page asks when it opens and on its first clicks, word for word as the page
 * sends it (client/src/api; client/src/api/pageOperations.test.ts keeps both in step, and this file
 * imports nothing so that the client's test can read it). The server runs each of them once at
 * start-up (`warmUpPageOperations`): a query Neo4j has not planned yet costs 0.4–2 s the first
 * time, 20–50 ms after, and without the warm-up the first coordinator after every start paid it on
 * each of their first clicks. The network itself is not here: the start-up preload computes it.
 */
export interface PageOperation {
  readonly name: string;
  readonly query: string;
  /** The page's variables for a territory and a dated window (the contract presets have both bounds). */
  readonly variables: (territoryId: string, window: { from: string; to: string } | null) => Record<string, unknown>;
  /** Whether a second run with an open window (`null` bounds) is needed: Neo4j plans per parameter type. */
  readonly windowed: boolean;
}

const CONTACT = "email phone";

/** Details panels are asked for an id that no territory holds: the query is planned and run all the same. */
const NO_ID = "maillage-warm-up";

export const PAGE_OPERATIONS: readonly PageOperation[] = [
  {
    name: "GetTerritories",
    query: /* GraphQL */ `
      query GetTerritories {
        territories(sort: [{ name: ASC }]) {
          id
          name
          isDemo
          contracts {
            id
            name
            generation
            signedOn
            endsOn
          }
          epcis {
            code
            name
          }
        }
      }
    `,
    variables: () => ({}),
    windowed: false,
  },
  {
    name: "GetTerritoryCatalog",
    query: /* GraphQL */ `
      query GetTerritoryCatalog($territoryId: ID!) {
        territoryCatalog(territoryId: $territoryId) {
          axes { id name kind }
          communes { code name population epciCode centroid { latitude longitude } contour }
          workGroups { id name kind axisIds }
          hasContours
        }
      }
    `,
    variables: (territoryId) => ({ territoryId }),
    windowed: false,
  },
  {
    name: "ListSavedViews",
    query: /* GraphQL */ `
      query ListSavedViews($territoryId: ID!) {
        savedViews(territoryId: $territoryId) { id territoryId name view picture isPictureWithheld legend { label colour shape } subtitle createdAt updatedAt authorId }
      }
    `,
    variables: (territoryId) => ({ territoryId }),
    windowed: false,
  },
  {
    name: "GetOrganisationDetails",
    query: /* GraphQL */ `
      query GetOrganisationDetails($territoryId: ID!, $id: ID!, $window: WindowInput) {
        organisationDetails(territoryId: $territoryId, id: $id, window: $window) {
          name type memberCount
          commune { code name epciName }
          axes { id name kind }
          members { actor { id label profession } role ${CONTACT} }
          workGroups { workGroup { id name } participants }
        }
      }
    `,
    variables: (territoryId, window) => ({ territoryId, id: NO_ID, window }),
    windowed: true,
  },
  {
    name: "GetWorkGroupDetails",
    query: /* GraphQL */ `
      query GetWorkGroupDetails($territoryId: ID!, $id: ID!, $window: WindowInput) {
        workGroupDetails(territoryId: $territoryId, id: $id, window: $window) {
          name kind startedOn endedOn
          axes { id name kind }
          members { actor { id label profession } role organisations { id name } }
          events { id title date communeName attendeeCount }
        }
      }
    `,
    variables: (territoryId, window) => ({ territoryId, id: NO_ID, window }),
    windowed: true,
  },
  {
    name: "GetCommuneDetails",
    query: /* GraphQL */ `
      query GetCommuneDetails($territoryId: ID!, $code: ID!, $window: WindowInput) {
        communeDetails(territoryId: $territoryId, code: $code, window: $window) {
          commune { code name population epciName }
          structures { id name type }
          coverage { axis { id name kind } workingStructures workingActors attendingStructures events isCovered }
        }
      }
    `,
    variables: (territoryId, window) => ({ territoryId, code: NO_ID, window }),
    windowed: true,
  },
  {
    name: "GetActorDetails",
    query: /* GraphQL */ `
      query GetActorDetails($territoryId: ID!, $id: ID!, $window: WindowInput) {
        actorDetails(territoryId: $territoryId, id: $id, window: $window) {
          label category profession eventsAttended ${CONTACT}
          organisations { id name role }
          workGroups { workGroup { id name } role }
        }
      }
    `,
    variables: (territoryId, window) => ({ territoryId, id: NO_ID, window }),
    windowed: true,
  },
];
