// Creates a saved view of an existing territory; no row (and nothing written) when the territory does not exist.
MATCH (t:Territory {id: $territoryId})
CREATE (v:SavedView {
  id: $id, name: $name, view: $view, stateVersion: $stateVersion, state: $state, picture: $picture,
  legend: $legend, subtitle: $subtitle, authorId: $authorId, createdAt: datetime(), updatedAt: datetime()
})-[:SHOWS]->(t)
RETURN v {
  .id, .name, .view, .stateVersion, .state, .picture, .legend, .subtitle, .createdAt, .updatedAt, .authorId,
  territoryId: t.id
} AS view
