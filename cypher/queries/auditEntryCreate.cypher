// Records one change in the audit trail, in the transaction of the change itself.
// Parameters: $id, $at (ISO date-time), $userId and $userRole (the token's subject and role, never a
// name), $territoryId, $operation (CREATE | UPDATE | DELETE), $entityKind, $entityId, $entityName
// (null for people), $relatedIds (ids of every record involved, the entity's own first), $changes (JSON).
CREATE (e:AuditEntry {
  id: $id, at: datetime($at), userId: $userId, userRole: $userRole, territoryId: $territoryId,
  operation: $operation, entityKind: $entityKind, entityId: $entityId, entityName: $entityName,
  relatedIds: $relatedIds, changes: $changes, erasedFields: []
})
RETURN e.id AS id
