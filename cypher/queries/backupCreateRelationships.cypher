// Restores relationships of a backup between nodes it just created (element ids), inside the restore's
// transaction. Parameters: $rows: [{from, to, type, properties}].
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties
RETURN count(r) AS created
