// The people visible on a territory (the Actor access rule of people.graphql: its structures' and
// institutions' territories, its work groups' territories) with their names and contact details,
// for scrubbing free text shown to analysts. Parameters: $territoryId.
MATCH (t:Territory {id: $territoryId})
CALL (t) {
  MATCH (a:Actor)-[:MEMBER_OF]->(:Structure)-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(t) RETURN a
  UNION
  MATCH (a:Actor)-[:MEMBER_OF]->(:Institution)-[:SIGNED]->(:Contract)-[:COVERS]->(t) RETURN a
  UNION
  MATCH (a:Actor)-[:MEMBER_OF]->(:Institution)-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(t) RETURN a
  UNION
  MATCH (a:Actor)-[:PARTICIPATES_IN]->(:WorkGroup)-[:BELONGS_TO]->(t) RETURN a
}
RETURN a.id AS id, a.firstName AS firstName, a.lastName AS lastName, a.email AS email, a.phone AS phone,
  coalesce(a.formerEmails, []) AS formerEmails
