// The details panel of a work group of a territory, over the window [$from, $to] (a null bound is
// open-ended): its axes, the participations overlapping the window with each participant's
// organisations of the territory (memberships overlapping
// the window), and the events it organised in the window,
// most recent first. No row when the territory does not exist; a null `workGroup` when the id is
// not one of its work groups. Names only when $withPersonalData (never for analysts).
// Parameters: $territoryId, $id, $from, $to, $withPersonalData.
MATCH (t:Territory {id: $territoryId})
OPTIONAL MATCH (t)<-[:BELONGS_TO]-(g:WorkGroup {id: $id})
CALL (g) {
  MATCH (g)-[:WORKS_ON]->(ax:Axis)
  WITH ax ORDER BY ax.id
  RETURN collect({id: ax.id, name: ax.name, kind: ax.kind}) AS axes
}
CALL (t, g) {
  MATCH (g)<-[p:PARTICIPATES_IN]-(a:Actor)
  WHERE ($to IS NULL OR p.since IS NULL OR p.since <= $to)
    AND ($from IS NULL OR p.until IS NULL OR p.until >= $from)
  CALL (t, a) {
    OPTIONAL MATCH (a)-[m:MEMBER_OF]->(o)
    WHERE ($to IS NULL OR m.since IS NULL OR m.since <= $to)
      AND ($from IS NULL OR m.until IS NULL OR m.until >= $from)
      AND (
        (o:Structure AND EXISTS { (o)-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(t) })
        OR (o:Institution AND (
          EXISTS { (o)-[:SIGNED]->(:Contract)-[:COVERS]->(t) }
          OR EXISTS { (o)<-[:MEMBER_OF]-(:Actor)-[:PARTICIPATES_IN]->(:WorkGroup)-[:BELONGS_TO]->(t) }
        ))
      )
    WITH DISTINCT o ORDER BY o.id
    RETURN collect(CASE WHEN o IS NOT NULL THEN {
      id: o.id,
      name: o.name,
      kind: CASE WHEN o:Institution THEN 'INSTITUTION' ELSE 'STRUCTURE' END,
      sector: o.sector,
      type: coalesce(o.kind, '')
    } END) AS organisations
  }
  WITH a, p, organisations ORDER BY a.id, p.since
  RETURN collect({
    id: a.id,
    firstName: CASE WHEN $withPersonalData THEN a.firstName END,
    lastName: CASE WHEN $withPersonalData THEN a.lastName END,
    category: a.category,
    profession: a.profession,
    role: p.role,
    since: p.since,
    until: p.until,
    organisations: organisations
  }) AS members
}
CALL (g) {
  MATCH (g)<-[:ORGANISED_BY]-(ev:Event)
  WHERE ($from IS NULL OR ev.date >= $from) AND ($to IS NULL OR ev.date <= $to)
  OPTIONAL MATCH (ev)-[:HELD_IN]->(c:Commune)
  WITH ev, c, COUNT { (ev)<-[:ATTENDED]-(:Actor) } AS attendeeCount
  ORDER BY ev.date DESC, ev.id
  RETURN collect({
    id: ev.id,
    title: ev.title,
    kind: ev.kind,
    date: ev.date,
    durationHours: ev.durationHours,
    communeCode: c.code,
    communeName: c.name,
    attendeeCount: attendeeCount
  }) AS events
}
RETURN
  CASE WHEN g IS NULL THEN null ELSE {id: g.id, name: g.name, kind: g.kind, startedOn: g.startedOn, endedOn: g.endedOn} END AS workGroup,
  axes,
  members,
  events
