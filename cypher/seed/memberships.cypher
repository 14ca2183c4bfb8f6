// Actor MEMBER_OF Structure or Institution. $rows: [{actorId, organisationId, role, since, until}]
UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})
OPTIONAL MATCH (s:Structure {id: row.organisationId})
OPTIONAL MATCH (i:Institution {id: row.organisationId})
WITH a, row, coalesce(s, i) AS organisation
WHERE organisation IS NOT NULL
MERGE (a)-[m:MEMBER_OF]->(organisation)
SET m.role = row.role, m.since = date(row.since), m.until = date(row.until)
