// A structure as the audit records it, the territories it is on, and how many events it organised;
// no row when there is no such structure. Parameters: $id.
MATCH (s:Structure {id: $id})
RETURN s {
    .name, .sector, .kind,
    communeCode: head(COLLECT { MATCH (s)-[:LOCATED_IN]->(c:Commune) RETURN c.code ORDER BY c.code }),
    memberIds: COLLECT { MATCH (a:Actor)-[:MEMBER_OF]->(s) RETURN a.id ORDER BY a.id }
  } AS record,
  COLLECT { MATCH (s)-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(t:Territory) RETURN DISTINCT t.id AS id } AS territoryIds,
  COUNT { (s)<-[:ORGANISED_BY]-(:Event) } AS organisedEvents
