// What a coordinator compares of possibly duplicate people: each actor's contact details, its
// memberships and work groups with their dates, how many events it attended. Parameters: $ids.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a.id AS id, a.firstName AS firstName, a.lastName AS lastName, a.email AS email, a.phone AS phone,
  a.category AS category, a.profession AS profession,
  COLLECT {
    MATCH (a)-[m:MEMBER_OF]->(o)
    RETURN {relation: "MEMBER_OF", targetId: o.id, targetName: o.name, role: m.role, since: toString(m.since), until: toString(m.until)} AS link
    ORDER BY link.since, link.targetName
  } + COLLECT {
    MATCH (a)-[p:PARTICIPATES_IN]->(w:WorkGroup)
    RETURN {relation: "PARTICIPATES_IN", targetId: w.id, targetName: w.name, role: p.role, since: toString(p.since), until: toString(p.until)} AS link
    ORDER BY link.since, link.targetName
  } AS links,
  COUNT { (a)-[:ATTENDED]->(:Event) } AS eventCount
