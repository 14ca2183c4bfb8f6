// Gives imported nodes their new ids, keeping the old one in `formerIds` (aliases for coordinators'
// spreadsheets), and rewrites the saved views' states and the audit trail's links that named them.
// Parameters: $renames, a list of {oldId, newId}.
UNWIND $renames AS r
CALL (r) {
  MATCH (n:Actor {id: r.oldId}) RETURN n
  UNION
  MATCH (n:Structure {id: r.oldId}) RETURN n
  UNION
  MATCH (n:WorkGroup {id: r.oldId}) RETURN n
  UNION
  MATCH (n:Event {id: r.oldId}) RETURN n
}
SET n.id = r.newId, n.formerIds = coalesce(n.formerIds, []) + r.oldId
WITH collect(r) AS renames
CALL (renames) {
  MATCH (v:SavedView)
  WHERE any(r IN renames WHERE v.state CONTAINS r.oldId)
  SET v.state = reduce(state = v.state, r IN renames | replace(state, '"' + r.oldId + '"', '"' + r.newId + '"'))
  RETURN count(v) AS views
}
CALL (renames) {
  UNWIND renames AS r
  MATCH (e:AuditEntry)
  WHERE r.oldId IN e.relatedIds AND NOT r.newId IN e.relatedIds
  SET e.relatedIds = e.relatedIds + r.newId
  RETURN count(e) AS entries
}
RETURN size(renames) AS nodes, views, entries
