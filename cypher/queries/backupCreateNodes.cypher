// Restores nodes of a backup, inside the restore's transaction. Parameters: $rows: [{ref, labels, properties}].
UNWIND $rows AS row
CREATE (n:$(row.labels))
SET n = row.properties
RETURN row.ref AS ref, elementId(n) AS elementId
