// What a coordinator compares of possibly duplicate structures: kind, sector, commune, members and
// partners with their dates, how many events each organised. Parameters: $ids.
UNWIND $ids AS id
MATCH (s:Structure {id: id})
OPTIONAL MATCH (s)-[:LOCATED_IN]->(c:Commune)
RETURN s.id AS id, s.name AS name, s.kind AS kind, s.sector AS sector, c.name AS communeName,
  COLLECT {
    MATCH (s)<-[m:MEMBER_OF]-(a:Actor)
    RETURN {relation: "MEMBER_OF", targetId: a.id, targetName: trim(coalesce(a.firstName, "") + " " + coalesce(a.lastName, "")), role: m.role, since: toString(m.since), until: toString(m.until)} AS link
    ORDER BY link.since, link.targetName
  } + COLLECT {
    MATCH (s)-[p:PARTNERS_WITH]-(o:Structure)
    RETURN {relation: "PARTNERS_WITH", targetId: o.id, targetName: o.name, role: p.kind, since: toString(p.since), until: toString(p.until)} AS link
    ORDER BY link.since, link.targetName
  } AS links,
  COUNT { (s)<-[:ORGANISED_BY]-(:Event) } AS eventCount
