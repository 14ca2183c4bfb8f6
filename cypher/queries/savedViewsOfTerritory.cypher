// The saved views of a territory, most recently changed first; `state` only when $withState (it can be large).
MATCH (v:SavedView)-[:SHOWS]->(t:Territory {id: $territoryId})
RETURN v {
  .id, .name, .view, .stateVersion, .picture, .legend, .subtitle, .createdAt, .updatedAt, .authorId,
  state: CASE WHEN $withState THEN v.state ELSE null END,
  territoryId: t.id
} AS view
ORDER BY v.updatedAt DESC, v.id
