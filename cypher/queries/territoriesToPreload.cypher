// The territories whose page networks the start-up preload computes, most used first, with their
// latest contract (the period the page opens on): first those in $first (the ones this process was
// asked about last), then those edited most over the last 90 days (audit entries, on the index
// audit_entry_territory_at), then by id; at most $limit of them, so that the preload's cost does not
// grow with the number of territories. Parameters: $first (territory ids), $since (ISO datetime), $limit.
MATCH (t:Territory)
CALL (t) {
  MATCH (e:AuditEntry)
  WHERE e.territoryId = t.id AND e.at >= datetime($since)
  RETURN count(e) AS activity
}
WITH t, activity
ORDER BY t.id IN $first DESC, activity DESC, t.id
LIMIT toInteger($limit)
OPTIONAL MATCH (c:Contract)-[:COVERS]->(t)
WITH t, activity, c
ORDER BY c.generation DESC, c.signedOn DESC
WITH t, activity, collect(c)[0] AS latest
RETURN t.id AS territoryId, toString(latest.signedOn) AS from, toString(latest.endsOn) AS to, activity
