// Creates or changes a structure and moves it to its commune.
// Each write raises the version by one (editLock.cypher reads it).
// Parameters: $id, $name, $sector, $kind, $communeCode.
MATCH (c:Commune {code: $communeCode})
MERGE (s:Structure {id: $id})
SET s.version = coalesce(s.version, 0) + 1, s.name = $name, s.sector = $sector, s.kind = $kind
WITH s, c
CALL (s, c) {
  MATCH (s)-[old:LOCATED_IN]->(other:Commune) WHERE other <> c
  DELETE old
}
MERGE (s)-[:LOCATED_IN]->(c)
RETURN s.id AS id
