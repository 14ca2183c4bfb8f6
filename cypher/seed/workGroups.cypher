// Work groups of the territory and the axes they work on.
// $territoryId; $rows: [{id, name, kind, startedOn, endedOn, axisIds: [string]}]
MATCH (t:Territory {id: $territoryId})
UNWIND $rows AS row
MERGE (w:WorkGroup {id: row.id})
SET w.name = row.name, w.kind = row.kind, w.startedOn = date(row.startedOn), w.endedOn = date(row.endedOn)
MERGE (w)-[:BELONGS_TO]->(t)
WITH w, row
CALL (w, row) {
  UNWIND row.axisIds AS axisId
  MATCH (a:Axis {id: axisId})
  MERGE (w)-[:WORKS_ON]->(a)
}
