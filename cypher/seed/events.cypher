// Events: where they were held, who organised them (a work group or a structure), which axes they address.
// $rows: [{id, title, kind, date, durationHours, communeCode, organiserId, axisIds: [string]}]
UNWIND $rows AS row
MATCH (c:Commune {code: row.communeCode})
OPTIONAL MATCH (w:WorkGroup {id: row.organiserId})
OPTIONAL MATCH (s:Structure {id: row.organiserId})
WITH row, c, coalesce(w, s) AS organiser
MERGE (e:Event {id: row.id})
SET e.title = row.title, e.kind = row.kind, e.date = date(row.date), e.durationHours = toFloat(row.durationHours)
MERGE (e)-[:HELD_IN]->(c)
MERGE (e)-[:ORGANISED_BY]->(organiser)
WITH e, row
CALL (e, row) {
  UNWIND row.axisIds AS axisId
  MATCH (a:Axis {id: axisId})
  MERGE (e)-[:ADDRESSES]->(a)
}
