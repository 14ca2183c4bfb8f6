// Deletes a person and every relationship they have (memberships, participations, attendances).
// Parameters: $id.
MATCH (a:Actor {id: $id})
DETACH DELETE a
RETURN count(*) AS deleted
