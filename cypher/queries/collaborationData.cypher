// The raw material of a territory's collaboration network over the window [$from, $to] (a null
// bound is open-ended): its organisations, the work groups and events with their participants
// (the "affiliations" projected into ties by server/src/network), and the participants with their
// memberships overlapping the window (organisations outside the territory are ignored by the caller). Events belong to a territory through the commune they are
// held in. $axisIds / $workGroupIds (lists or null) restrict which groups and events count.
// Parameters: $territoryId, $from, $to, $axisIds, $workGroupIds, $includeWorkGroups, $includeEvents.
MATCH (t:Territory {id: $territoryId})
CALL (t) {
  MATCH (t)<-[:PART_OF]-(:Epci)<-[:PART_OF]-(:Commune)<-[:LOCATED_IN]-(o:Structure)
  RETURN o
  UNION
  MATCH (t)<-[:BELONGS_TO]-(:WorkGroup)<-[:PARTICIPATES_IN]-(:Actor)-[:MEMBER_OF]->(o:Institution)
  RETURN o
  UNION
  MATCH (t)<-[:COVERS]-(:Contract)<-[:SIGNED]-(o:Institution)
  RETURN o
}
WITH t, collect(DISTINCT o) AS organisations
CALL (organisations) {
  UNWIND organisations AS o
  OPTIONAL MATCH (o)-[:LOCATED_IN]->(c:Commune)-[:PART_OF]->(e:Epci)
  OPTIONAL MATCH (o)<-[m:MEMBER_OF]-(:Actor)
  WHERE ($to IS NULL OR m.since IS NULL OR m.since <= $to)
    AND ($from IS NULL OR m.until IS NULL OR m.until >= $from)
  WITH o, c, e, count(m) AS memberCount
  RETURN collect({
    id: o.id,
    name: o.name,
    kind: CASE WHEN o:Institution THEN 'INSTITUTION' ELSE 'STRUCTURE' END,
    sector: o.sector,
    type: coalesce(o.kind, ''),
    communeCode: c.code,
    communeName: c.name,
    epciCode: e.code,
    memberCount: memberCount
  }) AS organisationRows
}
CALL (t) {
  MATCH (t)<-[:BELONGS_TO]-(g:WorkGroup)
  WHERE $includeWorkGroups
    AND ($workGroupIds IS NULL OR g.id IN $workGroupIds)
    AND ($to IS NULL OR g.startedOn <= $to)
    AND ($from IS NULL OR g.endedOn IS NULL OR g.endedOn >= $from)
  OPTIONAL MATCH (g)-[:WORKS_ON]->(ax:Axis)
  WITH g, collect(ax.id) AS axisIds
  WHERE $axisIds IS NULL OR any(axisId IN axisIds WHERE axisId IN $axisIds)
  MATCH (g)<-[p:PARTICIPATES_IN]-(a:Actor)
  WHERE ($to IS NULL OR p.since IS NULL OR p.since <= $to)
    AND ($from IS NULL OR p.until IS NULL OR p.until >= $from)
  WITH g, axisIds, collect(DISTINCT a.id) AS actorIds
  RETURN collect({id: g.id, kind: 'WORK_GROUP', axisIds: axisIds, actorIds: actorIds}) AS workGroupRows
}
CALL (t) {
  MATCH (t)<-[:PART_OF]-(:Epci)<-[:PART_OF]-(:Commune)<-[:HELD_IN]-(ev:Event)
  WHERE $includeEvents
    AND ($from IS NULL OR ev.date >= $from)
    AND ($to IS NULL OR ev.date <= $to)
    AND ($workGroupIds IS NULL OR EXISTS { (ev)-[:ORGANISED_BY]->(g:WorkGroup) WHERE g.id IN $workGroupIds })
  OPTIONAL MATCH (ev)-[:ADDRESSES]->(ax:Axis)
  WITH ev, collect(ax.id) AS axisIds
  WHERE $axisIds IS NULL OR any(axisId IN axisIds WHERE axisId IN $axisIds)
  MATCH (ev)<-[:ATTENDED]-(a:Actor)
  WITH ev, axisIds, collect(DISTINCT a.id) AS actorIds
  RETURN collect({id: ev.id, kind: 'EVENT', axisIds: axisIds, actorIds: actorIds}) AS eventRows
}
CALL (workGroupRows, eventRows) {
  UNWIND workGroupRows + eventRows AS grp
  UNWIND grp.actorIds AS actorId
  WITH DISTINCT actorId
  MATCH (a:Actor {id: actorId})
  OPTIONAL MATCH (a)-[m:MEMBER_OF]->(o)
  WHERE ($to IS NULL OR m.since IS NULL OR m.since <= $to)
    AND ($from IS NULL OR m.until IS NULL OR m.until >= $from)
  WITH a, collect(DISTINCT o.id) AS memberOf
  RETURN collect({
    id: a.id,
    firstName: a.firstName,
    lastName: a.lastName,
    category: a.category,
    profession: a.profession,
    organisationIds: memberOf
  }) AS actorRows
}
RETURN organisationRows, workGroupRows + eventRows AS groupRows, actorRows
