// What an import compares a file with: a territory's communes, axes, organisations, people and
// their memberships, work groups and participations, and (with $withEvents) its events. Attendances
// come from importAttendances, for the events a sheet names only: a territory holds ~100,000 and
// sending them all cost seconds. Rows are lists (order at each collect, read by
// server/src/import/service.ts). Parameters: $territoryId, $withEvents.
MATCH (t:Territory {id: $territoryId})
CALL (t) {
  MATCH (t)<-[:PART_OF]-(:Epci)<-[:PART_OF]-(c:Commune)
  // [code, name]
  RETURN collect([c.code, c.name]) AS communeRows
}
CALL (t) {
  OPTIONAL MATCH (t)<-[:BELONGS_TO]-(a:Axis)
  // [id, name]
  RETURN collect([a.id, a.name]) AS axisRows
}
CALL (t) {
  CALL (t) {
    MATCH (t)<-[:PART_OF]-(:Epci)<-[:PART_OF]-(:Commune)<-[:LOCATED_IN]-(o)
    WHERE o:Structure OR o:Institution
    RETURN o
    UNION
    MATCH (t)<-[:COVERS]-(:Contract)<-[:SIGNED]-(o:Institution)
    RETURN o
  }
  OPTIONAL MATCH (o)-[:LOCATED_IN]->(c:Commune)
  // [id, name, isInstitution, communeCode, sector, kind]
  RETURN collect(DISTINCT [o.id, o.name, o:Institution, c.code, o.sector, o.kind]) AS organisationRows, collect(DISTINCT o) AS organisations
}
CALL (t) {
  MATCH (t)<-[:BELONGS_TO]-(g:WorkGroup)
  OPTIONAL MATCH (g)-[:WORKS_ON]->(a:Axis)
  WITH g, collect(a.id) AS axisIds
  // [id, name, kind, startedOn, endedOn, axisIds]
  RETURN collect([g.id, g.name, g.kind, g.startedOn, g.endedOn, axisIds]) AS workGroupRows, collect(g) AS workGroups
}
CALL (t) {
  MATCH (t)<-[:PART_OF]-(:Epci)<-[:PART_OF]-(c:Commune)<-[:HELD_IN]-(e:Event)
  WHERE $withEvents
  OPTIONAL MATCH (e)-[:ORGANISED_BY]->(organiser)
  OPTIONAL MATCH (e)-[:ADDRESSES]->(a:Axis)
  WITH e, c, organiser, collect(a.id) AS axisIds
  // [id, title, kind, date, durationHours, communeCode, organiserId, axisIds]
  RETURN collect([e.id, e.title, e.kind, e.date, e.durationHours, c.code, organiser.id, axisIds]) AS eventRows
}
CALL (t, organisations, workGroups) {
  CALL (t, organisations, workGroups) {
    UNWIND organisations AS o
    MATCH (o)<-[:MEMBER_OF]-(a:Actor)
    RETURN a
    UNION
    UNWIND workGroups AS g
    MATCH (g)<-[:PARTICIPATES_IN]-(a:Actor)
    RETURN a
    UNION
    MATCH (t)<-[:PART_OF]-(:Epci)<-[:PART_OF]-(:Commune)<-[:HELD_IN]-(:Event)<-[:ATTENDED]-(a:Actor)
    RETURN a
  }
  // [id, firstName, lastName, email, phone, category, profession, formerEmails]
  RETURN collect([a.id, a.firstName, a.lastName, a.email, a.phone, a.category, a.profession, coalesce(a.formerEmails, [])]) AS actorRows
}
CALL (organisations) {
  UNWIND organisations AS o
  MATCH (o)<-[m:MEMBER_OF]-(a:Actor)
  // [actorId, organisationId, role, since, until]
  RETURN collect([a.id, o.id, m.role, m.since, m.until]) AS membershipRows
}
CALL (workGroups) {
  UNWIND workGroups AS g
  MATCH (g)<-[p:PARTICIPATES_IN]-(a:Actor)
  // [actorId, workGroupId, role, since, until]
  RETURN collect([a.id, g.id, p.role, p.since, p.until]) AS participationRows
}
RETURN communeRows, axisRows, organisationRows, workGroupRows, eventRows, actorRows, membershipRows, participationRows
