// Creates or changes a structure and moves it to its commune.
// Parameters: $id, $name, $sector, $kind, $communeCode.
MATCH (c:Commune {code: $communeCode})
MERGE (s:Structure {id: $id})
SET s.name = $name, s.sector = $sector, s.kind = $kind
WITH s, c
CALL (s, c) {
  MATCH (s)-[old:LOCATED_IN]->(other:Commune) WHERE other <> c
  DELETE old
}
MERGE (s)-[:LOCATED_IN]->(c)
RETURN s.id AS id
