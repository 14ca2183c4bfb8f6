// The people of a territory, for duplicate detection: actors visible on it (the Actor access rule
// of people.graphql: through its structures, institutions and work groups), with the structures and
// institutions they belong to. Parameters: $territoryId.
MATCH (t:Territory {id: $territoryId})
CALL (t) {
  MATCH (t)<-[:PART_OF]-(:Epci)<-[:PART_OF]-(:Commune)<-[:LOCATED_IN]-(o)<-[:MEMBER_OF]-(a:Actor)
  WHERE o:Structure OR o:Institution
  RETURN a
  UNION
  MATCH (t)<-[:COVERS]-(:Contract)<-[:SIGNED]-(:Institution)<-[:MEMBER_OF]-(a:Actor)
  RETURN a
  UNION
  MATCH (t)<-[:BELONGS_TO]-(:WorkGroup)<-[:PARTICIPATES_IN]-(a:Actor)
  RETURN a
}
RETURN a.id AS id, a.firstName AS firstName, a.lastName AS lastName, a.email AS email, a.phone AS phone,
  COLLECT { MATCH (a)-[:MEMBER_OF]->(o) RETURN DISTINCT o.id } AS organisationIds
ORDER BY id
