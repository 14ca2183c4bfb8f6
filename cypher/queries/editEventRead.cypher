// An event as the audit records it and its territories; no row when there is no such event.
// Parameters: $id.
MATCH (e:Event {id: $id})
RETURN e {
    .title, .kind, .date, .durationHours,
    communeCode: head(COLLECT { MATCH (e)-[:HELD_IN]->(c:Commune) RETURN c.code ORDER BY c.code }),
    organiserId: head(COLLECT { MATCH (e)-[:ORGANISED_BY]->(o) RETURN o.id ORDER BY o.id }),
    axisIds: COLLECT { MATCH (e)-[:ADDRESSES]->(x:Axis) RETURN x.id ORDER BY x.id },
    attendeeCount: COUNT { (:Actor)-[:ATTENDED]->(e) }
  } AS record,
  COLLECT {
    MATCH (e)-[:HELD_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(t:Territory) RETURN t.id AS id
    UNION
    MATCH (e)-[:ORGANISED_BY]->(:WorkGroup)-[:BELONGS_TO]->(t:Territory) RETURN t.id AS id
  } AS territoryIds,
  0 AS organisedEvents
