// "En quelques chiffres": the key figures of a territory, counted live from the graph. Figures
// "in the year" use the window [$from, $to] (the calendar year): active work groups, participations
// and memberships overlapping it, events dated in it (held in one of the territory's communes).
// An actor belongs to the territory through a membership of one of its organisations, a
// participation in one of its work groups or an attendance at one of its events.
// Parameters: $territoryId, $from, $to.
MATCH (t:Territory {id: $territoryId})
CALL (t) {
  MATCH (t)<-[:PART_OF]-(e:Epci)<-[:PART_OF]-(c:Commune)
  RETURN count(DISTINCT e) AS epcis, count(c) AS communes, sum(c.population) AS inhabitants
}
CALL (t) {
  MATCH (t)<-[:PART_OF]-(:Epci)<-[:PART_OF]-(:Commune)<-[:LOCATED_IN]-(s:Structure)
  RETURN count(DISTINCT s) AS structures
}
CALL (t) {
  CALL (t) {
    MATCH (t)<-[:BELONGS_TO]-(:WorkGroup)<-[:PARTICIPATES_IN]-(:Actor)-[:MEMBER_OF]->(i:Institution)
    RETURN i
    UNION
    MATCH (t)<-[:COVERS]-(:Contract)<-[:SIGNED]-(i:Institution)
    RETURN i
  }
  RETURN count(DISTINCT i) AS institutions
}
CALL (t) {
  MATCH (t)<-[:BELONGS_TO]-(g:WorkGroup)
  RETURN count(g) AS workGroups,
    count(CASE WHEN g.startedOn <= $to AND (g.endedOn IS NULL OR g.endedOn >= $from) THEN 1 END) AS activeWorkGroups
}
CALL (t) {
  MATCH (t)<-[:BELONGS_TO]-(ax:Axis)
  RETURN count(ax) AS axes
}
CALL (t) {
  MATCH (t)<-[:COVERS]-(k:Contract)
  RETURN count(k) AS contracts,
    [x IN collect(k) WHERE x.signedOn <= $to AND (x.endsOn IS NULL OR x.endsOn >= $from) | x.name] AS contractsInForce
}
CALL (t) {
  MATCH (t)<-[:PART_OF]-(:Epci)<-[:PART_OF]-(:Commune)<-[:HELD_IN]-(ev:Event)
  WHERE ev.date >= $from AND ev.date <= $to
  OPTIONAL MATCH (ev)<-[r:ATTENDED]-(:Actor)
  WITH ev, sum(coalesce(r.volunteerHours, 0)) AS hours
  RETURN count(ev) AS events, sum(hours) AS volunteerHours
}
CALL (t) {
  CALL (t) {
    MATCH (t)<-[:PART_OF]-(:Epci)<-[:PART_OF]-(:Commune)<-[:LOCATED_IN]-(:Structure)<-[:MEMBER_OF]-(a:Actor)
    RETURN a
    UNION
    MATCH (t)<-[:BELONGS_TO]-(:WorkGroup)<-[:PARTICIPATES_IN]-(a:Actor)
    RETURN a
    UNION
    MATCH (t)<-[:PART_OF]-(:Epci)<-[:PART_OF]-(:Commune)<-[:HELD_IN]-(:Event)<-[:ATTENDED]-(a:Actor)
    RETURN a
  }
  RETURN count(DISTINCT a) AS actors
}
CALL (t) {
  CALL (t) {
    MATCH (t)<-[:BELONGS_TO]-(g:WorkGroup)<-[p:PARTICIPATES_IN]-(a:Actor)
    WHERE (p.since IS NULL OR p.since <= $to) AND (p.until IS NULL OR p.until >= $from)
    RETURN a
    UNION
    MATCH (t)<-[:PART_OF]-(:Epci)<-[:PART_OF]-(:Commune)<-[:HELD_IN]-(ev:Event)<-[:ATTENDED]-(a:Actor)
    WHERE ev.date >= $from AND ev.date <= $to
    RETURN a
  }
  RETURN count(DISTINCT a) AS activeActors
}
RETURN t.id AS territoryId, t.name AS territoryName, epcis, communes, inhabitants, structures, institutions,
  workGroups, activeWorkGroups, axes, contracts, contractsInForce, events, volunteerHours, actors, activeActors
