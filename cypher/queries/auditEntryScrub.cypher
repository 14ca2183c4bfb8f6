// Replaces the changes of audit entries by versions without personal data, and says which fields went.
// Parameters: $entries: [{id, changes (JSON), erasedFields: [string]}], $erasedAt (ISO date-time).
UNWIND $entries AS row
MATCH (e:AuditEntry {id: row.id})
SET e.changes = row.changes, e.erasedFields = row.erasedFields, e.personalDataErasedAt = datetime($erasedAt)
RETURN count(e) AS scrubbed
