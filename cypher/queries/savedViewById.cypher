// One saved view with its territory's id; no row when there is no such view.
MATCH (v:SavedView {id: $id})-[:SHOWS]->(t:Territory)
RETURN v {
  .id, .name, .view, .stateVersion, .state, .picture, .legend, .subtitle, .createdAt, .updatedAt, .authorId,
  territoryId: t.id
} AS view
