// Deletes an event and its relationships (attendances, commune, organiser, axes). Parameters: $id.
MATCH (e:Event {id: $id})
DETACH DELETE e
RETURN count(*) AS deleted
