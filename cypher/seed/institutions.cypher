// Institutions and where they stand. $rows: [{id, name, kind, communeCode}]
UNWIND $rows AS row
MATCH (c:Commune {code: row.communeCode})
MERGE (i:Institution {id: row.id})
SET i.name = row.name, i.kind = row.kind
MERGE (i)-[:LOCATED_IN]->(c)
