// Structures and where they stand. $rows: [{id, name, sector, kind, communeCode}]
UNWIND $rows AS row
MATCH (c:Commune {code: row.communeCode})
MERGE (s:Structure {id: row.id})
SET s.name = row.name, s.sector = row.sector, s.kind = row.kind
MERGE (s)-[:LOCATED_IN]->(c)
