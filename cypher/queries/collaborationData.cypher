// The raw material of a territory's collaboration network over the window [$from, $to] (a null
// bound is open-ended): its organisations, the work groups and events with their participants
// (the "affiliations" projected into ties by server/src/network), and the participants with their
// memberships overlapping the window (organisations outside the territory are ignored by the
// caller). Events belong to a territory through the commune they are held in. $axisIds /
// $workGroupIds (lists or null) restrict which groups and events count; $roles (a list or null)
// keeps only work-group participations in one of those roles, and then no event counts (attendance
// has no role).
// Dates come as ISO strings (an event's date, each participation's and membership's since/until,
// null when open) so that server/src/network/dated.ts can tie people and organisations per
// activity (see docs/api.md, "What a tie is").
// Rows are lists, not maps (the order is documented at each collect and read by
// server/src/analytics/service.ts): the driver decodes every key of every map, and on a year of
// the demo territory (~2,600 rows) keys doubled the time spent receiving the result.
// Parameters: $territoryId, $from, $to, $axisIds, $workGroupIds, $roles, $includeWorkGroups, $includeEvents.
MATCH (t:Territory {id: $territoryId})
// OPTIONAL: a territory with no organisation yet (just created) keeps its row and gets empty lists.
OPTIONAL CALL (t) {
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
  // Counted per organisation rather than joined: the join repeated the location lookup per member.
  WITH o, c, e, COUNT {
    (o)<-[m:MEMBER_OF]-(:Actor)
    WHERE ($to IS NULL OR m.since IS NULL OR m.since <= $to)
      AND ($from IS NULL OR m.until IS NULL OR m.until >= $from)
  } AS memberCount
  // [id, name, kind, sector, type, communeCode, communeName, epciCode, memberCount]
  RETURN collect([
    o.id, o.name, CASE WHEN o:Institution THEN 'INSTITUTION' ELSE 'STRUCTURE' END, o.sector,
    coalesce(o.kind, ''), c.code, c.name, e.code, memberCount
  ]) AS organisationRows
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
    AND ($roles IS NULL OR p.role IN $roles)
  WITH g, axisIds, collect(DISTINCT a.id) AS actorIds, collect([a.id, toString(p.since), toString(p.until)]) AS spans
  // [id, kind, axisIds, actorIds, date, spans]: spans = [actorId, since, until] per participation
  RETURN collect([g.id, 'WORK_GROUP', axisIds, actorIds, null, spans]) AS workGroupRows
}
CALL (t) {
  MATCH (t)<-[:PART_OF]-(:Epci)<-[:PART_OF]-(:Commune)<-[:HELD_IN]-(ev:Event)
  WHERE $includeEvents
    AND $roles IS NULL
    AND ($from IS NULL OR ev.date >= $from)
    AND ($to IS NULL OR ev.date <= $to)
    AND ($workGroupIds IS NULL OR EXISTS { (ev)-[:ORGANISED_BY]->(g:WorkGroup) WHERE g.id IN $workGroupIds })
  OPTIONAL MATCH (ev)-[:ADDRESSES]->(ax:Axis)
  WITH ev, collect(ax.id) AS axisIds
  WHERE $axisIds IS NULL OR any(axisId IN axisIds WHERE axisId IN $axisIds)
  MATCH (ev)<-[:ATTENDED]-(a:Actor)
  WITH ev, axisIds, collect(DISTINCT a.id) AS actorIds
  // [id, kind, axisIds, actorIds, date, spans]
  RETURN collect([ev.id, 'EVENT', axisIds, actorIds, toString(ev.date), []]) AS eventRows
}
CALL (workGroupRows, eventRows) {
  UNWIND workGroupRows + eventRows AS grp
  UNWIND grp[3] AS actorId
  WITH DISTINCT actorId
  MATCH (a:Actor {id: actorId})
  OPTIONAL MATCH (a)-[m:MEMBER_OF]->(o)
  WHERE ($to IS NULL OR m.since IS NULL OR m.since <= $to)
    AND ($from IS NULL OR m.until IS NULL OR m.until >= $from)
  WITH a, collect(DISTINCT o.id) AS memberOf, collect(CASE WHEN o IS NULL THEN null ELSE [o.id, toString(m.since), toString(m.until)] END) AS memberships
  // [id, firstName, lastName, category, profession, organisationIds, memberships]: memberships = [organisationId, since, until]
  RETURN collect([a.id, a.firstName, a.lastName, a.category, a.profession, memberOf, memberships]) AS actorRows
}
RETURN organisationRows, workGroupRows + eventRows AS groupRows, actorRows
