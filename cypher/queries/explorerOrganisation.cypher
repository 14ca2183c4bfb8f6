// The details panel of a structure or institution of a territory, over the window [$from, $to]
// (a null bound is open-ended). An organisation belongs to the territory as in collaborationData:
// a structure located in one of its communes, an institution that signed one of its contracts or
// whose members take part in its work groups. No row when the territory does not exist; a null
// `organisation` when the id is not one of its organisations.
// Members: memberships overlapping the window; names and contact details only when
// $withPersonalData (the caller decides from the viewer's role: analysts never receive them).
// Work groups: the territory's work groups active in the window where a member took part during
// the window (membership and participation overlapping it). Axes: those of these work groups and
// of the events of the territory that members attended in the window.
// Parameters: $territoryId, $id, $from, $to, $withPersonalData.
MATCH (t:Territory {id: $territoryId})
OPTIONAL MATCH (s:Structure {id: $id})
OPTIONAL MATCH (i:Institution {id: $id})
WITH t, coalesce(s, i) AS candidate
WITH t, CASE
  WHEN candidate:Structure AND EXISTS { (candidate)-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(t) } THEN candidate
  WHEN candidate:Institution AND (
    EXISTS { (candidate)-[:SIGNED]->(:Contract)-[:COVERS]->(t) }
    OR EXISTS { (candidate)<-[:MEMBER_OF]-(:Actor)-[:PARTICIPATES_IN]->(:WorkGroup)-[:BELONGS_TO]->(t) }
  ) THEN candidate
END AS o
OPTIONAL MATCH (o)-[:LOCATED_IN]->(c:Commune)
OPTIONAL MATCH (c)-[:PART_OF]->(e:Epci)
CALL (o) {
  MATCH (o)<-[m:MEMBER_OF]-(a:Actor)
  WHERE ($to IS NULL OR m.since IS NULL OR m.since <= $to)
    AND ($from IS NULL OR m.until IS NULL OR m.until >= $from)
  WITH a, m ORDER BY a.id, m.since
  RETURN collect({
    id: a.id,
    firstName: CASE WHEN $withPersonalData THEN a.firstName END,
    lastName: CASE WHEN $withPersonalData THEN a.lastName END,
    email: CASE WHEN $withPersonalData THEN a.email END,
    phone: CASE WHEN $withPersonalData THEN a.phone END,
    category: a.category,
    profession: a.profession,
    role: m.role,
    since: m.since,
    until: m.until
  }) AS members
}
CALL (t, o) {
  MATCH (o)<-[m:MEMBER_OF]-(a:Actor)-[p:PARTICIPATES_IN]->(g:WorkGroup)-[:BELONGS_TO]->(t)
  WHERE ($to IS NULL OR m.since IS NULL OR m.since <= $to)
    AND ($from IS NULL OR m.until IS NULL OR m.until >= $from)
    AND ($to IS NULL OR p.since IS NULL OR p.since <= $to)
    AND ($from IS NULL OR p.until IS NULL OR p.until >= $from)
    AND ($to IS NULL OR g.startedOn <= $to)
    AND ($from IS NULL OR g.endedOn IS NULL OR g.endedOn >= $from)
  WITH g, count(DISTINCT a) AS participants
  CALL (g) {
    OPTIONAL MATCH (g)-[:WORKS_ON]->(ax:Axis)
    WITH ax ORDER BY ax.id
    RETURN collect(ax.id) AS axisIds
  }
  WITH g, participants, axisIds ORDER BY participants DESC, g.id
  RETURN collect({
    workGroup: {id: g.id, name: g.name, kind: g.kind, axisIds: axisIds, startedOn: g.startedOn, endedOn: g.endedOn},
    participants: participants
  }) AS workGroups
}
CALL (t, o) {
  CALL (t, o) {
    MATCH (o)<-[m:MEMBER_OF]-(:Actor)-[p:PARTICIPATES_IN]->(g:WorkGroup)-[:BELONGS_TO]->(t)
    WHERE ($to IS NULL OR m.since IS NULL OR m.since <= $to)
      AND ($from IS NULL OR m.until IS NULL OR m.until >= $from)
      AND ($to IS NULL OR p.since IS NULL OR p.since <= $to)
      AND ($from IS NULL OR p.until IS NULL OR p.until >= $from)
      AND ($to IS NULL OR g.startedOn <= $to)
      AND ($from IS NULL OR g.endedOn IS NULL OR g.endedOn >= $from)
    MATCH (g)-[:WORKS_ON]->(ax:Axis)
    RETURN ax
    UNION
    MATCH (o)<-[m:MEMBER_OF]-(:Actor)-[:ATTENDED]->(ev:Event)-[:HELD_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(t)
    WHERE ($to IS NULL OR m.since IS NULL OR m.since <= $to)
      AND ($from IS NULL OR m.until IS NULL OR m.until >= $from)
      AND ($from IS NULL OR ev.date >= $from)
      AND ($to IS NULL OR ev.date <= $to)
    MATCH (ev)-[:ADDRESSES]->(ax:Axis)
    RETURN ax
  }
  WITH DISTINCT ax ORDER BY ax.id
  RETURN collect({id: ax.id, name: ax.name, kind: ax.kind}) AS axes
}
RETURN
  CASE WHEN o IS NULL THEN null ELSE {
    id: o.id,
    name: o.name,
    kind: CASE WHEN o:Institution THEN 'INSTITUTION' ELSE 'STRUCTURE' END,
    sector: o.sector,
    type: coalesce(o.kind, '')
  } END AS organisation,
  CASE WHEN c IS NULL THEN null ELSE {code: c.code, name: c.name, population: c.population, epciCode: e.code, epciName: e.name} END AS commune,
  members,
  workGroups,
  axes
