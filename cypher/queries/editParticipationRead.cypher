// A person's participation in a work group as the audit records it (null when there is none), with
// the work group's name and the link's version (0 when there is none); no row when the actor or the work group does not exist.
// Parameters: $actorId, $workGroupId.
MATCH (a:Actor {id: $actorId})
MATCH (w:WorkGroup {id: $workGroupId})
OPTIONAL MATCH (a)-[p:PARTICIPATES_IN]->(w)
RETURN CASE WHEN p IS NULL THEN null ELSE p {.role, .since, .until} END AS record, w.name AS targetName, coalesce(p.version, 0) AS version
