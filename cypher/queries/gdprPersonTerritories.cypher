// An actor's name and the territories it is visible on (the Actor access rule of people.graphql: its
// structures' and institutions' territories, its work groups' territories); no row when there is no
// such actor. Parameters: $actorId.
MATCH (a:Actor {id: $actorId})
RETURN a.firstName AS firstName, a.lastName AS lastName,
  COLLECT {
    MATCH (a)-[:MEMBER_OF]->(:Structure)-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(t:Territory) RETURN t.id AS id
    UNION
    MATCH (a)-[:MEMBER_OF]->(:Institution)-[:SIGNED]->(:Contract)-[:COVERS]->(t:Territory) RETURN t.id AS id
    UNION
    MATCH (a)-[:MEMBER_OF]->(:Institution)-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(t:Territory) RETURN t.id AS id
    UNION
    MATCH (a)-[:PARTICIPATES_IN]->(:WorkGroup)-[:BELONGS_TO]->(t:Territory) RETURN t.id AS id
  } AS territoryIds
