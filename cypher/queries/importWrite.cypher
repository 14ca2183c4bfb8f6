// Writes an import's plan (server/src/import/plan.ts, ImportWrites) in one statement, so in one
// transaction: every record is MERGEd on its id or its pair of ids and gets the file's values.
// A structure moved to another commune loses its old LOCATED_IN; an event without organiser gets none.
// Parameters: $territoryId, $structures, $actors, $memberships, $workGroups, $participations, $events, $attendances.
MATCH (t:Territory {id: $territoryId})
CALL (t) {
  UNWIND $structures AS row
  MATCH (c:Commune {code: row.communeCode})
  MERGE (s:Structure {id: row.id})
  SET s.name = row.name, s.sector = row.sector, s.kind = row.kind
  WITH s, c
  OPTIONAL MATCH (s)-[old:LOCATED_IN]->(other:Commune) WHERE other <> c
  DELETE old
  MERGE (s)-[:LOCATED_IN]->(c)
}
CALL () {
  UNWIND $actors AS row
  MERGE (a:Actor {id: row.id})
  SET a.firstName = row.firstName, a.lastName = row.lastName, a.email = row.email, a.phone = row.phone,
      a.category = row.category, a.profession = row.profession
}
CALL () {
  UNWIND $memberships AS row
  MATCH (a:Actor {id: row.actorId})
  OPTIONAL MATCH (s:Structure {id: row.organisationId})
  OPTIONAL MATCH (i:Institution {id: row.organisationId})
  WITH a, row, coalesce(s, i) AS o
  WHERE o IS NOT NULL
  MERGE (a)-[m:MEMBER_OF]->(o)
  SET m.role = row.role, m.since = date(row.since), m.until = date(row.until)
}
CALL (t) {
  UNWIND $workGroups AS row
  MERGE (g:WorkGroup {id: row.id})
  SET g.name = row.name, g.kind = row.kind, g.startedOn = date(row.startedOn), g.endedOn = date(row.endedOn)
  MERGE (g)-[:BELONGS_TO]->(t)
  WITH g, row
  UNWIND row.axisIds AS axisId
  MATCH (ax:Axis {id: axisId})
  MERGE (g)-[:WORKS_ON]->(ax)
}
CALL () {
  UNWIND $participations AS row
  MATCH (a:Actor {id: row.actorId})
  MATCH (g:WorkGroup {id: row.workGroupId})
  MERGE (a)-[p:PARTICIPATES_IN]->(g)
  SET p.role = row.role, p.since = date(row.since), p.until = date(row.until)
}
CALL () {
  UNWIND $events AS row
  MATCH (c:Commune {code: row.communeCode})
  MERGE (e:Event {id: row.id})
  SET e.title = row.title, e.kind = row.kind, e.date = date(row.date), e.durationHours = toFloat(row.durationHours)
  MERGE (e)-[:HELD_IN]->(c)
  WITH e, row
  CALL (e, row) {
    OPTIONAL MATCH (g:WorkGroup {id: row.organiserId})
    OPTIONAL MATCH (s:Structure {id: row.organiserId})
    WITH e, coalesce(g, s) AS organiser
    WHERE organiser IS NOT NULL
    MERGE (e)-[:ORGANISED_BY]->(organiser)
  }
  WITH e, row
  UNWIND row.axisIds AS axisId
  MATCH (ax:Axis {id: axisId})
  MERGE (e)-[:ADDRESSES]->(ax)
}
CALL () {
  UNWIND $attendances AS row
  MATCH (a:Actor {id: row.actorId})
  MATCH (e:Event {id: row.eventId})
  MERGE (a)-[r:ATTENDED]->(e)
  SET r.volunteerHours = toFloat(row.volunteerHours)
}
RETURN true AS written
