// Priority axes of the territory. $territoryId; $rows: [{id, name, kind}]
MATCH (t:Territory {id: $territoryId})
UNWIND $rows AS row
MERGE (a:Axis {id: row.id})
SET a.name = row.name, a.kind = row.kind
MERGE (a)-[:BELONGS_TO]->(t)
