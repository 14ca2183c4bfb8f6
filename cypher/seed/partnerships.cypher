// Structure PARTNERS_WITH Structure. $rows: [{fromId, toId, kind, since, until}]
UNWIND $rows AS row
MATCH (a:Structure {id: row.fromId})
MATCH (b:Structure {id: row.toId})
MERGE (a)-[p:PARTNERS_WITH]->(b)
SET p.kind = row.kind, p.since = date(row.since), p.until = date(row.until)
