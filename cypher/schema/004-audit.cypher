// Audit trail of edits (issue 6): one id per entry; entries are read by territory, newest first, and by the record they are about. Safe to re-run.
CREATE CONSTRAINT audit_entry_id IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.id IS UNIQUE;
CREATE INDEX audit_entry_territory_at IF NOT EXISTS FOR (n:AuditEntry) ON (n.territoryId, n.at);
CREATE INDEX audit_entry_entity IF NOT EXISTS FOR (n:AuditEntry) ON (n.entityId);
