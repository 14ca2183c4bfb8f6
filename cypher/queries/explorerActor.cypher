// The details panel of an actor of a territory, over the window [$from, $to] (a null bound is
// open-ended). An actor belongs to the territory as in the Actor access rule of people.graphql:
// member of one of its structures or of an institution visible on it (signatory, or located in one
// of its communes), or taking part in one of its work groups. No row when the territory does not
// exist; a null `actor` when the id is not one of its actors. Names and contact details only when
// $withPersonalData (never for analysts).
// Organisations: memberships overlapping the window, in organisations of the territory (as in
// collaborationData). Work groups: the territory's, with participations overlapping the window.
// Events: those held in the territory in the window that the actor attended.
// Parameters: $territoryId, $id, $from, $to, $withPersonalData.
MATCH (t:Territory {id: $territoryId})
OPTIONAL MATCH (candidate:Actor {id: $id})
WITH t, CASE WHEN
  EXISTS { (candidate)-[:MEMBER_OF]->(:Structure)-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(t) }
  OR EXISTS { (candidate)-[:MEMBER_OF]->(:Institution)-[:SIGNED]->(:Contract)-[:COVERS]->(t) }
  OR EXISTS { (candidate)-[:MEMBER_OF]->(:Institution)-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(t) }
  OR EXISTS { (candidate)-[:PARTICIPATES_IN]->(:WorkGroup)-[:BELONGS_TO]->(t) }
  THEN candidate END AS a
CALL (t, a) {
  MATCH (a)-[m:MEMBER_OF]->(o)
  WHERE ($to IS NULL OR m.since IS NULL OR m.since <= $to)
    AND ($from IS NULL OR m.until IS NULL OR m.until >= $from)
    AND (
      (o:Structure AND EXISTS { (o)-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(t) })
      OR (o:Institution AND (
        EXISTS { (o)-[:SIGNED]->(:Contract)-[:COVERS]->(t) }
        OR EXISTS { (o)<-[:MEMBER_OF]-(:Actor)-[:PARTICIPATES_IN]->(:WorkGroup)-[:BELONGS_TO]->(t) }
      ))
    )
  WITH o, m ORDER BY o.name, o.id, m.since
  RETURN collect({
    id: o.id,
    name: o.name,
    kind: CASE WHEN o:Institution THEN 'INSTITUTION' ELSE 'STRUCTURE' END,
    sector: o.sector,
    type: coalesce(o.kind, ''),
    role: m.role,
    since: m.since,
    until: m.until
  }) AS organisations
}
CALL (t, a) {
  MATCH (a)-[p:PARTICIPATES_IN]->(g:WorkGroup)-[:BELONGS_TO]->(t)
  WHERE ($to IS NULL OR p.since IS NULL OR p.since <= $to)
    AND ($from IS NULL OR p.until IS NULL OR p.until >= $from)
  CALL (g) {
    OPTIONAL MATCH (g)-[:WORKS_ON]->(ax:Axis)
    WITH ax ORDER BY ax.id
    RETURN collect(ax.id) AS axisIds
  }
  WITH g, p, axisIds ORDER BY g.name, g.id, p.since
  RETURN collect({
    workGroup: {id: g.id, name: g.name, kind: g.kind, axisIds: axisIds, startedOn: g.startedOn, endedOn: g.endedOn},
    role: p.role,
    since: p.since,
    until: p.until
  }) AS workGroups
}
CALL (t, a) {
  MATCH (a)-[:ATTENDED]->(ev:Event)-[:HELD_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(t)
  WHERE ($from IS NULL OR ev.date >= $from) AND ($to IS NULL OR ev.date <= $to)
  RETURN count(DISTINCT ev) AS eventsAttended
}
RETURN
  CASE WHEN a IS NULL THEN null ELSE {
    id: a.id,
    firstName: CASE WHEN $withPersonalData THEN a.firstName END,
    lastName: CASE WHEN $withPersonalData THEN a.lastName END,
    email: CASE WHEN $withPersonalData THEN a.email END,
    phone: CASE WHEN $withPersonalData THEN a.phone END,
    category: a.category,
    profession: a.profession
  } END AS actor,
  organisations,
  workGroups,
  eventsAttended
