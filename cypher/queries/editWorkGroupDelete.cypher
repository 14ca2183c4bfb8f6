// Deletes a work group and its relationships (participations, axes, territory). Parameters: $id.
MATCH (w:WorkGroup {id: $id})
DETACH DELETE w
RETURN count(*) AS deleted
