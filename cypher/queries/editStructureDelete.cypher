// Deletes a structure and its relationships (memberships, partnerships, commune).
// Parameters: $id.
MATCH (s:Structure {id: $id})
DETACH DELETE s
RETURN count(*) AS deleted
