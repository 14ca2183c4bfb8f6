// The details panel of a commune of a territory: the commune with its EPCI, and the structures and
// institutions located there. Coverage by axis comes from the `coverage` query. No row when the
// territory does not exist; a null `commune` when the code is not one of its communes.
// Parameters: $territoryId, $code.
MATCH (t:Territory {id: $territoryId})
OPTIONAL MATCH (t)<-[:PART_OF]-(e:Epci)<-[:PART_OF]-(c:Commune {code: $code})
CALL (c) {
  MATCH (c)<-[:LOCATED_IN]-(o)
  WHERE o:Structure OR o:Institution
  WITH o ORDER BY o.name, o.id
  RETURN collect({
    id: o.id,
    name: o.name,
    kind: CASE WHEN o:Institution THEN 'INSTITUTION' ELSE 'STRUCTURE' END,
    sector: o.sector,
    type: coalesce(o.kind, '')
  }) AS organisations
}
RETURN
  CASE WHEN c IS NULL THEN null ELSE {code: c.code, name: c.name, population: c.population, epciCode: e.code, epciName: e.name} END AS commune,
  organisations
