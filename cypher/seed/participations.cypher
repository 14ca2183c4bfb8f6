// Actor PARTICIPATES_IN WorkGroup. $rows: [{actorId, workGroupId, role, since, until}]
UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})
MATCH (w:WorkGroup {id: row.workGroupId})
MERGE (a)-[p:PARTICIPATES_IN]->(w)
SET p.role = row.role, p.since = date(row.since), p.until = date(row.until)
