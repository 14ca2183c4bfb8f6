// Deletes a saved view of the given territory and returns its id; no row when there is none.
MATCH (v:SavedView {id: $id})-[:SHOWS]->(:Territory {id: $territoryId})
WITH v, v.id AS id
DETACH DELETE v
RETURN id
