// Creates or changes a person's membership of a structure or institution.
// Each write raises the link's version by one.
// Parameters: $actorId, $organisationId, $role, $since, $until (dates as YYYY-MM-DD or null).
MATCH (a:Actor {id: $actorId})
CALL () {
  MATCH (s:Structure {id: $organisationId}) RETURN s AS o
  UNION
  MATCH (i:Institution {id: $organisationId}) RETURN i AS o
}
MERGE (a)-[m:MEMBER_OF]->(o)
SET m.version = coalesce(m.version, 0) + 1, m.role = $role, m.since = date($since), m.until = date($until)
RETURN count(m) AS written
