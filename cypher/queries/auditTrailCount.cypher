// How many audit entries a territory has (about one record when $entityId is not null).
// Parameters: $territoryId, $entityId.
MATCH (e:AuditEntry {territoryId: $territoryId})
WHERE $entityId IS NULL OR $entityId IN e.relatedIds
RETURN count(e) AS total
