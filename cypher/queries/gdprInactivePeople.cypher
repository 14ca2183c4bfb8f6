// Actors of a territory (the Actor access rule) with no activity since $since, as of $asOf: no event
// attended and no participation or membership in force from $since to $asOf (one without `until` is
// in force; one starting after $asOf does not count). `lastActivity` is the last day of activity up to
// $asOf, null when there was none. Parameters: $territoryId, $since, $asOf (dates, YYYY-MM-DD).
MATCH (t:Territory {id: $territoryId})
CALL (t) {
  MATCH (t)<-[:PART_OF]-(:Epci)<-[:PART_OF]-(:Commune)<-[:LOCATED_IN]-(:Structure)<-[:MEMBER_OF]-(a:Actor) RETURN a
  UNION
  MATCH (t)<-[:COVERS]-(:Contract)<-[:SIGNED]-(:Institution)<-[:MEMBER_OF]-(a:Actor) RETURN a
  UNION
  MATCH (t)<-[:PART_OF]-(:Epci)<-[:PART_OF]-(:Commune)<-[:LOCATED_IN]-(:Institution)<-[:MEMBER_OF]-(a:Actor) RETURN a
  UNION
  MATCH (t)<-[:BELONGS_TO]-(:WorkGroup)<-[:PARTICIPATES_IN]-(a:Actor) RETURN a
}
WITH a, date($asOf) AS asOf
WITH a,
  [(a)-[:ATTENDED]->(e:Event) WHERE e.date <= asOf | e.date] +
  [(a)-[p:PARTICIPATES_IN|MEMBER_OF]->() WHERE p.since IS NULL OR p.since <= asOf |
    CASE WHEN p.until IS NULL OR p.until > asOf THEN asOf ELSE p.until END] AS days
WITH a, reduce(last = null, day IN days | CASE WHEN last IS NULL OR day > last THEN day ELSE last END) AS lastActivity
WHERE lastActivity IS NULL OR lastActivity < date($since)
RETURN a.id AS id, a.firstName AS firstName, a.lastName AS lastName, a.category AS category, a.profession AS profession, lastActivity
ORDER BY lastActivity, a.id
