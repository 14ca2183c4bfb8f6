// Takes the write lock of one editable record before it is read (optimistic concurrency, issue 22):
// a second change of the same record waits here until the first commits, so what it reads as
// `before` is what the first wrote. Setting and removing a property takes the lock and leaves no
// trace. Returns the record's version (0 before its first audited write); no row when there is no
// such record. Parameters: $kind (STRUCTURE, ACTOR, WORK_GROUP, EVENT), $id.
CALL () {
  MATCH (n:Structure {id: $id}) WHERE $kind = 'STRUCTURE' RETURN n
  UNION
  MATCH (n:Actor {id: $id}) WHERE $kind = 'ACTOR' RETURN n
  UNION
  MATCH (n:WorkGroup {id: $id}) WHERE $kind = 'WORK_GROUP' RETURN n
  UNION
  MATCH (n:Event {id: $id}) WHERE $kind = 'EVENT' RETURN n
}
SET n._lock = true
REMOVE n._lock
RETURN coalesce(n.version, 0) AS version
