// Coverage of a territory: for each commune × axis, the structures located in the commune with a
// member active on the axis in the window [$from, $to], the actors active on the axis who are
// members of an organisation located in the commune, and the events on the axis held there.
// Active on an axis = took part in a work group working on it, or attended an event addressing it.
// Only non-empty cells come back; the service fills in the zeros (the white zones).
// Parameters: $territoryId, $from, $to, $axisId (or null for every axis).
MATCH (t:Territory {id: $territoryId})
CALL (t) {
  MATCH (t)<-[:PART_OF]-(e:Epci)<-[:PART_OF]-(c:Commune)
  RETURN collect({code: c.code, name: c.name, population: c.population, epciCode: e.code}) AS communes
}
CALL (t) {
  MATCH (t)<-[:BELONGS_TO]-(ax:Axis)
  WHERE $axisId IS NULL OR ax.id = $axisId
  RETURN collect({id: ax.id, name: ax.name, kind: ax.kind}) AS axes
}
CALL (t) {
  MATCH (t)<-[:BELONGS_TO]-(ax:Axis)
  WHERE $axisId IS NULL OR ax.id = $axisId
  CALL (ax) {
    MATCH (ax)<-[:WORKS_ON]-(:WorkGroup)<-[p:PARTICIPATES_IN]-(a:Actor)
    WHERE ($to IS NULL OR p.since IS NULL OR p.since <= $to)
      AND ($from IS NULL OR p.until IS NULL OR p.until >= $from)
    RETURN a
    UNION
    MATCH (ax)<-[:ADDRESSES]-(ev:Event)<-[:ATTENDED]-(a:Actor)
    WHERE ($from IS NULL OR ev.date >= $from) AND ($to IS NULL OR ev.date <= $to)
    RETURN a
  }
  MATCH (a)-[m:MEMBER_OF]->(o)-[:LOCATED_IN]->(c:Commune)
  WHERE ($to IS NULL OR m.since IS NULL OR m.since <= $to)
    AND ($from IS NULL OR m.until IS NULL OR m.until >= $from)
  WITH ax, c, count(DISTINCT a) AS actors, count(DISTINCT CASE WHEN o:Structure THEN o END) AS structures
  RETURN collect({axisId: ax.id, communeCode: c.code, actors: actors, structures: structures}) AS activity
}
CALL (t) {
  MATCH (t)<-[:PART_OF]-(:Epci)<-[:PART_OF]-(c:Commune)<-[:HELD_IN]-(ev:Event)-[:ADDRESSES]->(ax:Axis)
  WHERE ($from IS NULL OR ev.date >= $from) AND ($to IS NULL OR ev.date <= $to)
    AND ($axisId IS NULL OR ax.id = $axisId)
  WITH c, ax, count(DISTINCT ev) AS events
  RETURN collect({axisId: ax.id, communeCode: c.code, events: events}) AS eventCells
}
RETURN communes, axes, activity, eventCells
