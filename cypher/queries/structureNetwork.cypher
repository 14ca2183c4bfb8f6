// The collaboration network of a territory's organisations (structures and institutions).
// Two organisations are tied when a member of each took part in the same work group of the
// territory, with memberships and participations overlapping the window [$from, $to]
// (a null bound means open-ended). Weight = number of distinct shared work groups. The query
// returns each work group with the organisations of its members; the server projects them into
// ties (cheaper than building every pair in Cypher and shipping them through the driver).
// Parameters: $territoryId, $from (date or null), $to (date or null).
MATCH (t:Territory {id: $territoryId})
CALL (t) {
  MATCH (t)<-[:PART_OF]-(:Epci)<-[:PART_OF]-(c:Commune)<-[:LOCATED_IN]-(o:Structure)
  RETURN o
  UNION
  MATCH (t)<-[:BELONGS_TO]-(:WorkGroup)<-[:PARTICIPATES_IN]-(:Actor)-[:MEMBER_OF]->(o:Institution)
  RETURN o
  UNION
  MATCH (t)<-[:COVERS]-(:Contract)<-[:SIGNED]-(o:Institution)
  RETURN o
}
WITH t, collect(DISTINCT o) AS organisations
CALL (t, organisations) {
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
  }) AS nodes
}
CALL (t, organisations) {
  MATCH (t)<-[:BELONGS_TO]-(g:WorkGroup)<-[p:PARTICIPATES_IN]-(a:Actor)-[m:MEMBER_OF]->(o)
  WHERE o IN organisations
    AND ($to IS NULL OR p.since IS NULL OR p.since <= $to)
    AND ($from IS NULL OR p.until IS NULL OR p.until >= $from)
    AND ($to IS NULL OR m.since IS NULL OR m.since <= $to)
    AND ($from IS NULL OR m.until IS NULL OR m.until >= $from)
  WITH g, collect(DISTINCT o.id) AS members
  RETURN collect({groupId: g.id, organisationIds: members}) AS groups
}
RETURN nodes, groups
