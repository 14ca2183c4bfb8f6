// Saved views that may hold an actor's personal data: a state naming its id, a subtitle holding its
// name, or a picture of a people view (ACTORS, PARTICIPATION) of one of its territories, where its
// name may be drawn. Parameters: $actorId, $fullName, $territoryIds.
MATCH (v:SavedView)-[:SHOWS]->(t:Territory)
WHERE v.state CONTAINS $actorId
   OR ($fullName <> "" AND v.subtitle CONTAINS $fullName)
   OR (v.picture IS NOT NULL AND v.view IN ["ACTORS", "PARTICIPATION"] AND t.id IN $territoryIds)
RETURN v.id AS id, v.view AS view, v.state AS state, v.picture IS NOT NULL AS hasPicture, v.subtitle AS subtitle, t.id AS territoryId
ORDER BY v.id
