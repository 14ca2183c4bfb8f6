// Replaces the content of a saved view of the given territory; no row (and nothing written) when there is none.
MATCH (v:SavedView {id: $id})-[:SHOWS]->(t:Territory {id: $territoryId})
SET v.name = $name, v.view = $view, v.stateVersion = $stateVersion, v.state = $state, v.picture = $picture,
  v.legend = $legend, v.subtitle = $subtitle, v.authorId = $authorId, v.updatedAt = datetime()
RETURN v {
  .id, .name, .view, .stateVersion, .state, .picture, .legend, .subtitle, .createdAt, .updatedAt, .authorId,
  territoryId: t.id
} AS view
