// A person as the audit records it and the territories they are on (the Actor access rule of
// people.graphql); no row when there is no such actor. Parameters: $id.
MATCH (a:Actor {id: $id})
RETURN a {.firstName, .lastName, .email, .phone, .category, .profession} AS record,
  COLLECT {
    MATCH (a)-[:MEMBER_OF]->(:Structure)-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(t:Territory) RETURN t.id AS id
    UNION
    MATCH (a)-[:MEMBER_OF]->(:Institution)-[:SIGNED]->(:Contract)-[:COVERS]->(t:Territory) RETURN t.id AS id
    UNION
    MATCH (a)-[:MEMBER_OF]->(:Institution)-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(t:Territory) RETURN t.id AS id
    UNION
    MATCH (a)-[:PARTICIPATES_IN]->(:WorkGroup)-[:BELONGS_TO]->(t:Territory) RETURN t.id AS id
  } AS territoryIds,
  0 AS organisedEvents
