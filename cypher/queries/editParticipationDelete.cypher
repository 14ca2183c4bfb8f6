// Deletes a person's participation in a work group. Parameters: $actorId, $workGroupId.
MATCH (:Actor {id: $actorId})-[p:PARTICIPATES_IN]->(:WorkGroup {id: $workGroupId})
DELETE p
RETURN count(*) AS deleted
