// Creates or changes a person's participation in a work group.
// Each write raises the link's version by one.
// Parameters: $actorId, $workGroupId, $role (PILOT | CO_PILOT | MEMBER), $since, $until (dates as YYYY-MM-DD, $until may be null).
MATCH (a:Actor {id: $actorId})
MATCH (w:WorkGroup {id: $workGroupId})
MERGE (a)-[p:PARTICIPATES_IN]->(w)
SET p.version = coalesce(p.version, 0) + 1, p.role = $role, p.since = date($since), p.until = date($until)
RETURN count(p) AS written
