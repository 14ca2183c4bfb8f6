// The territory a saved view shows, to check the viewer's rights before a write; no row when there is no such view.
MATCH (:SavedView {id: $id})-[:SHOWS]->(t:Territory)
RETURN t.id AS territoryId
