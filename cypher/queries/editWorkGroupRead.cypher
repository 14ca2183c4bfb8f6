// A work group as the audit records it, its territories and how many events it organised; no row
// when there is no such work group. Parameters: $id.
MATCH (w:WorkGroup {id: $id})
RETURN w {
    .name, .kind, .startedOn, .endedOn,
    axisIds: COLLECT { MATCH (w)-[:WORKS_ON]->(x:Axis) RETURN x.id ORDER BY x.id },
    participantIds: COLLECT { MATCH (a:Actor)-[:PARTICIPATES_IN]->(w) RETURN a.id ORDER BY a.id }
  } AS record,
  COLLECT { MATCH (w)-[:BELONGS_TO]->(t:Territory) RETURN t.id AS id } AS territoryIds,
  COUNT { (w)<-[:ORGANISED_BY]-(:Event) } AS organisedEvents
