// Everything held on one actor: its properties, memberships, participations and attendances with the
// names of what they point at, any other relationship, and the saved views whose state names it.
// No row when there is no such actor. Parameters: $actorId.
MATCH (a:Actor {id: $actorId})
RETURN properties(a) AS properties,
  COLLECT {
    MATCH (a)-[m:MEMBER_OF]->(o)
    WITH o, m ORDER BY o.id, m.since
    RETURN {kind: head(labels(o)), id: o.id, name: o.name, properties: properties(m)}
  } AS memberships,
  COLLECT {
    MATCH (a)-[p:PARTICIPATES_IN]->(w:WorkGroup)
    WITH w, p ORDER BY w.id, p.since
    RETURN {id: w.id, name: w.name, kind: w.kind, properties: properties(p)}
  } AS participations,
  COLLECT {
    MATCH (a)-[x:ATTENDED]->(e:Event)
    WITH e, x ORDER BY e.date, e.id
    RETURN {id: e.id, title: e.title, kind: e.kind, date: e.date, properties: properties(x)}
  } AS attendances,
  COLLECT {
    MATCH (a)-[r]-(o)
    WHERE NOT type(r) IN ["MEMBER_OF", "PARTICIPATES_IN", "ATTENDED"]
    RETURN {type: type(r), isOutgoing: startNode(r) = a, labels: labels(o), id: coalesce(o.id, o.code), properties: properties(r)}
  } AS otherRelationships,
  COLLECT {
    MATCH (v:SavedView)-[:SHOWS]->(t:Territory)
    WHERE v.state CONTAINS $actorId
    WITH v, t ORDER BY v.id
    RETURN {id: v.id, name: v.name, territoryId: t.id}
  } AS savedViews
