// The two-mode network of a territory over the window [$from, $to] (a null bound is open-ended):
// its work groups active in the window, each with the participations overlapping the window.
// The work-group conditions are those of collaborationData, so both queries agree on who took part.
// $axisIds / $workGroupIds (lists or null) restrict which work groups count. No row when the
// territory does not exist.
// Parameters: $territoryId, $from, $to, $axisIds, $workGroupIds.
MATCH (t:Territory {id: $territoryId})
CALL (t) {
  MATCH (t)<-[:BELONGS_TO]-(g:WorkGroup)
  WHERE ($workGroupIds IS NULL OR g.id IN $workGroupIds)
    AND ($to IS NULL OR g.startedOn <= $to)
    AND ($from IS NULL OR g.endedOn IS NULL OR g.endedOn >= $from)
  CALL (g) {
    OPTIONAL MATCH (g)-[:WORKS_ON]->(ax:Axis)
    WITH ax ORDER BY ax.id
    RETURN collect(ax.id) AS axisIds
  }
  WITH g, axisIds
  WHERE $axisIds IS NULL OR any(axisId IN axisIds WHERE axisId IN $axisIds)
  MATCH (g)<-[p:PARTICIPATES_IN]-(a:Actor)
  WHERE ($to IS NULL OR p.since IS NULL OR p.since <= $to)
    AND ($from IS NULL OR p.until IS NULL OR p.until >= $from)
  WITH g, axisIds, a, p ORDER BY a.id, p.since
  WITH g, axisIds, collect({actorId: a.id, role: p.role, since: p.since, until: p.until}) AS participations
  ORDER BY g.id
  RETURN collect({
    id: g.id,
    name: g.name,
    kind: g.kind,
    axisIds: axisIds,
    startedOn: g.startedOn,
    endedOn: g.endedOn,
    participations: participations
  }) AS workGroups
}
RETURN workGroups
