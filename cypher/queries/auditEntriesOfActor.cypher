// Audit entries about one person (created, changed, deleted), whose changes may hold personal data.
// Parameters: $actorId.
MATCH (e:AuditEntry {entityId: $actorId})
WHERE e.entityKind = 'ACTOR'
RETURN e.id AS id, e.changes AS changes, coalesce(e.erasedFields, []) AS erasedFields
