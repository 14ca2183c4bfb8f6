// Deletes an actor and every relationship it has; returns how many relationships went with it, no
// row when there is no such actor. Parameters: $actorId.
MATCH (a:Actor {id: $actorId})
WITH a, COUNT { (a)--() } AS relationships
DETACH DELETE a
RETURN relationships
