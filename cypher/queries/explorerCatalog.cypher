// What the explorer's filters, search and map need about a territory, in one round trip: its axes,
// EPCI, communes (with centroid and simplified contour when a geo source gave them) and every work
// group with its axes. No row when the territory does not exist. Parameters: $territoryId.
MATCH (t:Territory {id: $territoryId})
CALL (t) {
  MATCH (t)<-[:BELONGS_TO]-(ax:Axis)
  WITH ax ORDER BY ax.id
  RETURN collect({id: ax.id, name: ax.name, kind: ax.kind}) AS axes
}
CALL (t) {
  MATCH (t)<-[:PART_OF]-(e:Epci)
  WITH e ORDER BY e.code
  RETURN collect({code: e.code, name: e.name, population: e.population}) AS epcis
}
CALL (t) {
  MATCH (t)<-[:PART_OF]-(e:Epci)<-[:PART_OF]-(c:Commune)
  WITH e, c ORDER BY c.code
  RETURN collect({
    code: c.code,
    name: c.name,
    population: c.population,
    epciCode: e.code,
    centroid: c.centroid,
    contour: c.contour
  }) AS communes
}
CALL (t) {
  MATCH (t)<-[:BELONGS_TO]-(g:WorkGroup)
  CALL (g) {
    OPTIONAL MATCH (g)-[:WORKS_ON]->(ax:Axis)
    WITH ax ORDER BY ax.id
    RETURN collect(ax.id) AS axisIds
  }
  WITH g, axisIds ORDER BY g.id
  RETURN collect({id: g.id, name: g.name, kind: g.kind, axisIds: axisIds, startedOn: g.startedOn, endedOn: g.endedOn}) AS workGroups
}
RETURN t.name AS territoryName, axes, epcis, communes, workGroups
