// The names a saved view's subtitle states, looked up within its territory (an id of another
// territory gives null). Parameters: $territoryId, $axisId, $workGroupId, $epciCode, $communeCode
// (each may be null).
MATCH (t:Territory {id: $territoryId})
RETURN
  COLLECT { MATCH (t)<-[:BELONGS_TO]-(ax:Axis {id: $axisId}) RETURN ax.name }[0] AS axis,
  COLLECT { MATCH (t)<-[:BELONGS_TO]-(g:WorkGroup {id: $workGroupId}) RETURN g.name }[0] AS workGroup,
  COLLECT { MATCH (t)<-[:PART_OF]-(e:Epci {code: $epciCode}) RETURN e.name }[0] AS epci,
  COLLECT { MATCH (t)<-[:PART_OF]-(:Epci)<-[:PART_OF]-(c:Commune {code: $communeCode}) RETURN c.name }[0] AS commune
