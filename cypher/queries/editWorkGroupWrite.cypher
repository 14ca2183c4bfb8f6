// Creates or changes a work group of a territory and the axes it works on.
// Each write raises the version by one.
// Parameters: $id, $territoryId, $name, $kind, $startedOn, $endedOn (YYYY-MM-DD or null), $axisIds.
MATCH (t:Territory {id: $territoryId})
MERGE (w:WorkGroup {id: $id})
SET w.version = coalesce(w.version, 0) + 1, w.name = $name, w.kind = $kind, w.startedOn = date($startedOn), w.endedOn = date($endedOn)
MERGE (w)-[:BELONGS_TO]->(t)
WITH w
CALL (w) {
  MATCH (w)-[old:WORKS_ON]->(x:Axis) WHERE NOT x.id IN $axisIds
  DELETE old
}
CALL (w) {
  UNWIND $axisIds AS axisId
  MATCH (x:Axis {id: axisId})
  MERGE (w)-[:WORKS_ON]->(x)
}
RETURN w.id AS id
