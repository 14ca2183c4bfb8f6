// A page of a territory's audit trail, newest first (then by id, descending), optionally about one
// record (its own entries and those of memberships, participations... involving it).
// Parameters: $territoryId, $entityId (null: every record), $afterAt and $afterId (the cursor: the
// last entry already read, or null), $limit.
MATCH (e:AuditEntry {territoryId: $territoryId})
WHERE ($entityId IS NULL OR $entityId IN e.relatedIds)
  AND ($afterAt IS NULL OR e.at < datetime($afterAt) OR (e.at = datetime($afterAt) AND e.id < $afterId))
WITH e ORDER BY e.at DESC, e.id DESC LIMIT toInteger($limit)
RETURN e {.id, at: toString(e.at), .userId, .userRole, .territoryId, .operation, .entityKind, .entityId, .entityName, .changes, .erasedFields} AS entry
