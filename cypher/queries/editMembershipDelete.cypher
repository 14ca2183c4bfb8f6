// Deletes a person's membership of a structure or institution. Parameters: $actorId, $organisationId.
MATCH (a:Actor {id: $actorId})-[m:MEMBER_OF]->(o {id: $organisationId})
WHERE o:Structure OR o:Institution
DELETE m
RETURN count(*) AS deleted
