// Creates or changes an event: where it was held, who organised it, which axes it addressed.
// Each write raises the version by one.
// Parameters: $id, $title, $kind, $date (YYYY-MM-DD), $durationHours, $communeCode, $organiserId, $axisIds.
MATCH (c:Commune {code: $communeCode})
CALL () {
  MATCH (w:WorkGroup {id: $organiserId}) RETURN w AS o
  UNION
  MATCH (s:Structure {id: $organiserId}) RETURN s AS o
}
MERGE (e:Event {id: $id})
SET e.version = coalesce(e.version, 0) + 1, e.title = $title, e.kind = $kind, e.date = date($date), e.durationHours = toFloat($durationHours)
WITH e, c, o
CALL (e) {
  MATCH (e)-[old:HELD_IN|ORGANISED_BY|ADDRESSES]->()
  DELETE old
}
MERGE (e)-[:HELD_IN]->(c)
MERGE (e)-[:ORGANISED_BY]->(o)
WITH e
CALL (e) {
  UNWIND $axisIds AS axisId
  MATCH (x:Axis {id: axisId})
  MERGE (e)-[:ADDRESSES]->(x)
}
RETURN e.id AS id
