// A person's membership of a structure or institution as the audit records it (null when there is
// none), with the organisation's name and the link's version (0 when there is none); no row when the actor or the organisation does not exist.
// Parameters: $actorId, $organisationId.
MATCH (a:Actor {id: $actorId})
CALL () {
  MATCH (s:Structure {id: $organisationId}) RETURN s AS o
  UNION
  MATCH (i:Institution {id: $organisationId}) RETURN i AS o
}
OPTIONAL MATCH (a)-[m:MEMBER_OF]->(o)
RETURN CASE WHEN m IS NULL THEN null ELSE m {.role, .since, .until} END AS record, o.name AS targetName, coalesce(m.version, 0) AS version
