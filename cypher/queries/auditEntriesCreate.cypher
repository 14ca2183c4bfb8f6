// Records many changes in the audit trail at once (an import's records), in the transaction of the
// changes themselves. Parameters: $at (ISO date-time), $userId, $userRole, $territoryId, and
// $entries: [{id, operation, entityKind, entityId, entityName, relatedIds, changes (JSON)}].
UNWIND $entries AS entry
CREATE (e:AuditEntry {
  id: entry.id, at: datetime($at), userId: $userId, userRole: $userRole, territoryId: $territoryId,
  operation: entry.operation, entityKind: entry.entityKind, entityId: entry.entityId, entityName: entry.entityName,
  relatedIds: entry.relatedIds, changes: entry.changes, erasedFields: []
})
RETURN count(e) AS written
