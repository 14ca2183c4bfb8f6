// Coverage of a territory: for each commune × axis, who works on the axis there in the window
// [$from, $to], who only came to its events, and the events on the axis held there. Structures and
// actors are placed in the commune of the organisation they belong to.
// Working on an axis (level 1):
//   - an actor took part in a work group working on it, as a member of the organisation during that
//     participation (both overlapping the window); the organisation works on it too;
//   - a structure organised an event addressing it; its members who attended it as members work too.
// Attending (level 2): an actor attended an event addressing it, as a member of the organisation on
// the event's date. Attending counts leave out whoever works on the axis in the same commune.
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
    MATCH (ax)<-[:WORKS_ON]-(:WorkGroup)<-[p:PARTICIPATES_IN]-(a:Actor)-[m:MEMBER_OF]->(o)-[:LOCATED_IN]->(c:Commune)
    WHERE ($to IS NULL OR p.since IS NULL OR p.since <= $to)
      AND ($from IS NULL OR p.until IS NULL OR p.until >= $from)
      AND ($to IS NULL OR m.since IS NULL OR m.since <= $to)
      AND ($from IS NULL OR m.until IS NULL OR m.until >= $from)
      AND (p.until IS NULL OR m.since IS NULL OR m.since <= p.until)
      AND (p.since IS NULL OR m.until IS NULL OR m.until >= p.since)
    RETURN c, a, o, true AS working
    UNION
    MATCH (ax)<-[:ADDRESSES]-(ev:Event)-[:ORGANISED_BY]->(o:Structure)-[:LOCATED_IN]->(c:Commune)
    WHERE ($from IS NULL OR ev.date >= $from) AND ($to IS NULL OR ev.date <= $to)
    OPTIONAL MATCH (ev)<-[:ATTENDED]-(a:Actor)-[m:MEMBER_OF]->(o)
    WHERE (m.since IS NULL OR m.since <= ev.date) AND (m.until IS NULL OR m.until >= ev.date)
    RETURN c, a, o, true AS working
    UNION
    MATCH (ax)<-[:ADDRESSES]-(ev:Event)<-[:ATTENDED]-(a:Actor)-[m:MEMBER_OF]->(o)-[:LOCATED_IN]->(c:Commune)
    WHERE ($from IS NULL OR ev.date >= $from) AND ($to IS NULL OR ev.date <= $to)
      AND (m.since IS NULL OR m.since <= ev.date) AND (m.until IS NULL OR m.until >= ev.date)
    RETURN c, a, o, false AS working
  }
  WITH ax, c,
    collect(DISTINCT CASE WHEN working THEN a END) AS workingActors,
    collect(DISTINCT CASE WHEN working AND o:Structure THEN o END) AS workingStructures,
    collect(DISTINCT CASE WHEN NOT working THEN a END) AS attendants,
    collect(DISTINCT CASE WHEN NOT working AND o:Structure THEN o END) AS attendingStructures
  RETURN collect({
    axisId: ax.id,
    communeCode: c.code,
    workingActors: size(workingActors),
    workingStructures: size(workingStructures),
    attendingActors: size([x IN attendants WHERE NOT x IN workingActors]),
    attendingStructures: size([x IN attendingStructures WHERE NOT x IN workingStructures])
  }) AS activity
}
CALL (t) {
  MATCH (t)<-[:PART_OF]-(:Epci)<-[:PART_OF]-(c:Commune)<-[:HELD_IN]-(ev:Event)-[:ADDRESSES]->(ax:Axis)
  WHERE ($from IS NULL OR ev.date >= $from) AND ($to IS NULL OR ev.date <= $to)
    AND ($axisId IS NULL OR ax.id = $axisId)
  WITH c, ax, count(DISTINCT ev) AS events
  RETURN collect({axisId: ax.id, communeCode: c.code, events: events}) AS eventCells
}
RETURN communes, axes, activity, eventCells
